/** Exports of the database for other tools: SQLite (schema in docs/database-schema.md) and single-file JSON. */
import type { IamDatabase } from '../database.js';
import { UserError } from '../../util/errors.js';
import { writeOutput, type WrittenOutput } from '../../util/io/output.js';
import { exportJson } from './json.js';
import { exportSqlite } from './sqlite.js';

export { exportJson } from './json.js';
export { exportSqlite } from './sqlite.js';
export { SQLITE_SCHEMA, SQLITE_SCHEMA_VERSION } from './sqlite-schema.js';

export const EXPORT_FORMATS = ['sqlite', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Writes `db` to `file` in `format` with the one output writer (src/util/io/output.ts): `-` is stdout; a
 * regular file is written through a temporary file (removed on failure) so that a reader never sees half an
 * export; a FIFO, a character device or a symbolic link's target is written into, never replaced. Failures
 * are UserErrors: `cannot write x.json: no space left on device`.
 */
export async function exportDatabase(db: IamDatabase, format: string, file: string): Promise<WrittenOutput> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    throw new UserError(
      `--format: unknown export format '${format}' (allowed: ${EXPORT_FORMATS.join(', ')})`,
    );
  }
  const data = format === 'sqlite' ? await exportSqlite(db) : exportJson(db);
  return writeOutput(file, data, { option: '--out' });
}
