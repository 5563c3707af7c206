import type { IamDatabase } from '../database/database.js';

/** What every command gets from the CLI: the chosen database (opened on first use) and output streams. */
export interface CliContext {
  /** The database chosen by --db / IAMWRIGHT_DB / local / bundled, opened once on first call. */
  database(): IamDatabase;
  env: NodeJS.ProcessEnv;
  /** Writes to stdout. */
  out(text: string): void;
  /** Writes to stderr. */
  err(text: string): void;
}
