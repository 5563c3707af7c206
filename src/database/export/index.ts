/** Exports of the database for other tools: SQLite (schema in docs/database-schema.md) and single-file JSON. */
import { writeFileSync, renameSync } from 'node:fs';
import type { IamDatabase } from '../database.js';
import { UserError } from '../../util/errors.js';
import { exportJson } from './json.js';
import { exportSqlite } from './sqlite.js';

export { exportJson } from './json.js';
export { exportSqlite } from './sqlite.js';
export { SQLITE_SCHEMA, SQLITE_SCHEMA_VERSION } from './sqlite-schema.js';

export const EXPORT_FORMATS = ['sqlite', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Writes `db` to `file` in `format`, through a temporary file so a reader never sees half an export. */
export async function exportDatabase(db: IamDatabase, format: string, file: string): Promise<void> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UserError(
      `--format: unknown export format '${format}' (allowed: ${EXPORT_FORMATS.join(', ')})`,
    );
  }
  const data = format === 'sqlite' ? await exportSqlite(db) : exportJson(db);
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    throw new UserError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
}
