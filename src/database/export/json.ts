/** `db export --format json`: the whole database as one JSON document (SingleFileDatabase, read by openDatabase). */
import type { IamDatabase } from '../database.js';
import { toSingleFile } from '../store.js';

export function exportJson(db: IamDatabase): string {
  return JSON.stringify(toSingleFile(db)) + '\n';
}
