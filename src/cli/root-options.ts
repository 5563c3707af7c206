import { UserError } from '../util/errors.js';

/**
 * The check of the root option `--db`, made before any command runs, whether commander read the command
 * line (program.ts) or not (direct.ts): `--db ''` (often an unset shell variable) must not quietly fall
 * back to another database.
 */
export function checkDbOption(db: string | undefined): void {
  if (db?.trim() === '') {
    throw new UserError('option --db is empty: give a database path or leave the option out');
  }
}
