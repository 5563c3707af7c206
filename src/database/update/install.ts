/**
 * The local database's place on disk, and swapping it atomically:
 *
 *   $IAMWRIGHT_HOME/versions/<id>/   complete databases, each written beside the others
 *   $IAMWRIGHT_HOME/db          ->   versions/<current>   (symbolic link)
 *   $IAMWRIGHT_HOME/db.previous ->   versions/<previous>  (kept for `db rollback`)
 *
 * A new database is written completely under versions/, then a new link is renamed over `db`: rename is
 * atomic, so a reader finds either the old database or the new one, never a half-written one nor none.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { writeDatabaseDir } from '../store.js';
import type { DatabaseMeta, ServiceRecord } from '../types.js';
import { UserError } from '../../util/errors.js';
import { checkHome } from './home.js';
import { runningUpdate } from './marker.js';

export const VERSIONS_DIR = 'versions';
export const CURRENT_LINK = 'db';
export const PREVIOUS_LINK = 'db.previous';

/** A version id that sorts by time and never repeats: 20260614T101500123Z-1234-a1b2. */
function newVersionId(): string {
  const stamp = new Date().toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${process.pid}-${Math.random().toString(16).slice(2, 6)}`;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Points `link` at versions/<id>, replacing any link there in one rename. */
function pointLink(home: string, link: string, id: string): void {
  const tmp = join(home, `.${link}.link-${process.pid}`);
  rmSync(tmp, { force: true });
  if (process.platform === 'win32') symlinkSync(resolve(home, VERSIONS_DIR, id), tmp, 'junction');
  else symlinkSync(join(VERSIONS_DIR, id), tmp, 'dir');
  try {
    renameSync(tmp, join(home, link));
  } catch (e) {
    // Windows will not rename a junction over another: remove the old one first (a moment without a link).
    if (process.platform !== 'win32') throw e;
    rmSync(join(home, link), { force: true });
    renameSync(tmp, join(home, link));
  }
}

/** The version id a link points at, or undefined. */
function linkTarget(home: string, link: string): string | undefined {
  const path = join(home, link);
  if (!isLink(path)) return undefined;
  const id = basename(readlinkSync(path));
  return existsSync(join(home, VERSIONS_DIR, id, 'index.json')) ? id : undefined;
}

/**
 * A `db` folder from before versions (e.g. written by `db build --out`) becomes a version, so that it can be
 * rolled back to like any other. Anything else there that is not a link (a stray file, a folder without
 * index.json) is not ours to delete: it is refused.
 */
function adoptPlainFolder(home: string): void {
  const path = join(home, CURRENT_LINK);
  if (!exists(path) || isLink(path)) return;
  checkCurrentSlot(home);
  const id = `adopted-${newVersionId()}`;
  mkdirSync(join(home, VERSIONS_DIR), { recursive: true });
  renameSync(path, join(home, VERSIONS_DIR, id));
  pointLink(home, CURRENT_LINK, id);
}

/** Refuses when IAMWRIGHT_HOME/db is something an install may not replace (see adoptPlainFolder). */
export function checkCurrentSlot(home: string): void {
  const path = join(home, CURRENT_LINK);
  if (exists(path) && !isLink(path) && !existsSync(join(path, 'index.json'))) {
    throw new UserError(
      `${path} is neither a database folder nor a link to one; move it away and run the command again`,
    );
  }
}

export interface InstallResult {
  id: string;
  path: string;
  previousId?: string;
}

/** Writes a complete new database and makes it current; the current one becomes the previous one. */
export function installDatabase(
  home: string,
  records: readonly ServiceRecord[],
  meta: DatabaseMeta,
): InstallResult {
  adoptPlainFolder(home);
  const id = newVersionId();
  const dir = join(home, VERSIONS_DIR, id);
  try {
    mkdirSync(join(home, VERSIONS_DIR), { recursive: true });
    writeDatabaseDir(dir, records, meta);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.tmp-${process.pid}`, { recursive: true, force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      `could not write the new database under ${dirname(dir)} (${code ?? (e as Error).message}); the database in use is unchanged`,
    );
  }
  const current = linkTarget(home, CURRENT_LINK);
  if (current) pointLink(home, PREVIOUS_LINK, current);
  pointLink(home, CURRENT_LINK, id);
  pruneVersions(home);
  return { id, path: dir, ...(current ? { previousId: current } : {}) };
}

/** Makes the previous database current again, and the current one previous (so a rollback can be undone). */
export function rollbackDatabase(home: string): { current: string; previous: string } {
  checkHome(home);
  // An update installing now would make the database it started from previous, undoing this rollback.
  const running = runningUpdate(home);
  if (running) {
    throw new UserError(
      `a database update is running (pid ${running.pid}, started ${running.startedAt}); ` +
        `roll back once it has finished`,
    );
  }
  adoptPlainFolder(home);
  const current = linkTarget(home, CURRENT_LINK);
  const previous = linkTarget(home, PREVIOUS_LINK);
  if (!previous) throw new UserError(`no previous database to roll back to under ${home}`);
  pointLink(home, CURRENT_LINK, previous);
  if (current) pointLink(home, PREVIOUS_LINK, current);
  return { current: previous, previous: current ?? '' };
}

/** Removes versions neither link points at, and leftovers of interrupted writes. */
export function pruneVersions(home: string): void {
  const keep = new Set([linkTarget(home, CURRENT_LINK), linkTarget(home, PREVIOUS_LINK)]);
  const dir = join(home, VERSIONS_DIR);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (!keep.has(name)) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

/** Paths of the current and previous local databases, when present. */
export function localVersions(home: string): { current?: string; previous?: string } {
  const current = linkTarget(home, CURRENT_LINK);
  const previous = linkTarget(home, PREVIOUS_LINK);
  return {
    ...(current ? { current: join(home, VERSIONS_DIR, current) } : {}),
    ...(previous ? { previous: join(home, VERSIONS_DIR, previous) } : {}),
  };
}
