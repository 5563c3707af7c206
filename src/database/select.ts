/**
 * Which database a command uses: `--db PATH`, then `IAMWRIGHT_DB`, then the local database under
 * `IAMWRIGHT_HOME` (default ~/.iamwright, written by `initialize` / `db update`), then the bundled one.
 */
import { existsSync, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
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
  // os.homedir() answers $HOME when it is set, as it nearly always is: read here, that spares every start
  // loading node:os (the bundled CLI loads it on first use, scripts/bundle-cli.mjs).
  return (
    env.IAMWRIGHT_HOME || join((process.platform !== 'win32' && process.env.HOME) || homedir(), '.iamwright')
  );
}

/** The local database folder under IAMWRIGHT_HOME. */
export function localDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(iamwrightHome(env), 'db');
}

/**
 * Why the local database cannot be used although something is in its place (a link to a version that is
 * gone, a stray file, a folder without index.json, an IAMWRIGHT_HOME that is a file), with what to do about
 * it; undefined when there is none (the usual case before the first update) or it looks usable.
 */
export function localDatabaseProblem(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const home = iamwrightHome(env);
  // Every run without a local database comes here: asked not to throw for a missing file, since making an
  // error (its stack, and the code behind it) costs start-up more than the check itself.
  let homeStat;
  try {
    homeStat = statSync(home, { throwIfNoEntry: false });
  } catch {
    return undefined; // unreadable: as if absent
  }
  if (!homeStat) return undefined; // no home (yet): nothing was ever installed
  if (!homeStat.isDirectory()) {
    return `IAMWRIGHT_HOME ${home} is not a folder, so the bundled database is used`;
  }
  const local = join(home, 'db');
  let link: string | undefined;
  try {
    const localStat = lstatSync(local, { throwIfNoEntry: false });
    if (!localStat) return undefined;
    if (localStat.isSymbolicLink()) link = readlinkSync(local);
  } catch {
    return undefined;
  }
  let what: string | undefined;
  if (!existsSync(local)) what = `it links to ${link}, which does not exist`;
  else if (!statSync(local).isDirectory()) what = 'it is not a folder';
  else if (!existsSync(join(local, 'index.json'))) what = 'it has no index.json';
  if (!what) return undefined;
  // `db update` replaces a link; anything else there is the user's, to move away first.
  const fix = `${link === undefined ? `move it away and ` : ''}run 'iamwright db update' to replace it`;
  return `the local database ${local} is damaged (${what}), so the bundled one is used; ${fix}`;
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
  const problem = localDatabaseProblem(env);
  return openDatabase(bundled, {
    kind: 'bundled',
    path: bundled,
    reason: problem ? `no --db or IAMWRIGHT_DB, and ${problem}` : 'no --db, IAMWRIGHT_DB or local database',
  });
}
