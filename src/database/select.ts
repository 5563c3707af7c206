/**
 * Which database a command uses: `--db PATH`, then `IAMWRIGHT_DB`, then the local database under
 * `IAMWRIGHT_HOME` (default ~/.iamwright, written by `initialize` / `db update`), then the bundled one.
 */
import { existsSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { packagePath } from '../util/package-root.js';
import type { IamDatabase } from './database.js';
import { openDatabase } from './store.js';

export interface SelectOptions {
  /** An explicit database path (`--db`). Highest priority. */
  dbPath?: string;
  /** Environment to read IAMWRIGHT_DB and IAMWRIGHT_HOME from. Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

/** The bundled database folder shipped in the package (`data/db`). */
export function bundledDatabasePath(): string {
  return packagePath('data', 'db');
}

/** IAMWRIGHT_HOME, default ~/.iamwright. */
export function iamwrightHome(env: NodeJS.ProcessEnv = process.env): string {
  return env.IAMWRIGHT_HOME || join(homedir(), '.iamwright');
}

/** The local database folder under IAMWRIGHT_HOME. */
export function localDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(iamwrightHome(env), 'db');
}

export function selectDatabase(options: SelectOptions = {}): IamDatabase {
  const env = options.env ?? process.env;
  if (options.dbPath) {
    return openDatabase(options.dbPath, { kind: 'option', path: options.dbPath, reason: 'given with --db' });
  }
  if (env.IAMWRIGHT_DB) {
    return openDatabase(env.IAMWRIGHT_DB, {
      kind: 'environment',
      path: env.IAMWRIGHT_DB,
      reason: 'set by IAMWRIGHT_DB',
    });
  }
  const local = localDatabasePath(env);
  if (existsSync(join(local, 'index.json'))) {
    // `db` is a link that `db update` swaps atomically: resolve it once, so that this run reads one version.
    return openDatabase(realpathSync(local), {
      kind: 'local',
      path: local,
      reason: `local database under ${iamwrightHome(env)}`,
    });
  }
  const bundled = bundledDatabasePath();
  return openDatabase(bundled, {
    kind: 'bundled',
    path: bundled,
    reason: 'no --db, IAMWRIGHT_DB or local database',
  });
}
