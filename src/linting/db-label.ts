/** How lint messages name the database, so that "unknown" always says unknown to which snapshot. */
import type { IamDatabase } from '../database/database.js';

/** "the database (built 2026-06-14)", or "the database" when its build date is not recorded. */
export function databaseLabel(db: IamDatabase): string {
  const date = db.meta.buildDate?.slice(0, 10);
  return date ? `the database (built ${date})` : 'the database';
}
