import type { IamDatabase } from '../database/database.js';

/** What every command gets from the CLI: the chosen database (opened on first use) and output streams. */
export interface CliContext {
  /** The database chosen by --db / IAMWRIGHT_DB / local / bundled, opened once on first call. */
  database(): IamDatabase;
  env: NodeJS.ProcessEnv;
  /** The --db option, for a worker thread to open the same database. */
  dbPath(): string | undefined;
  /** The entry file worker threads start from (see workers.ts); undefined: run on this thread only. */
  workerEntry?: string;
  /**
   * Writes to stdout, synchronously. Throws OutputError when it cannot (full disk, closed pipe...): the
   * command stops there and main() reports it.
   */
  out(text: string): void;
  /** Writes to stderr, synchronously; a failure is ignored (there is nowhere left to report it). */
  err(text: string): void;
}
