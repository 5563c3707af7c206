/**
 * The "update in progress" marker, $IAMWRIGHT_HOME/update-in-progress.json. Written when an update starts and
 * removed when it ends, however it ends, as long as the process lives. Found later with a dead owner, it
 * means the update was killed (or the machine went down): the database in use is still the old one, and the
 * next command that looks says so.
 */
import { readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../util/errors.js';

export const MARKER_FILE = 'update-in-progress.json';

export interface UpdateMarker {
  pid: number;
  startedAt: string;
  source: string;
}

export function readMarker(home: string): UpdateMarker | undefined {
  const file = join(home, MARKER_FILE);
  let m: Partial<UpdateMarker> | null;
  try {
    // Every command looks, and there is seldom one: asked first without an error for a missing file, since
    // making one (its stack) costs start-up more than the look.
    if (!statSync(file, { throwIfNoEntry: false })) return undefined;
    m = JSON.parse(readFileSync(file, 'utf8')) as Partial<UpdateMarker> | null;
  } catch {
    return undefined;
  }
  // A pid of 0 or below would signal a whole process group, which always looks alive.
  if (typeof m?.pid !== 'number' || !Number.isInteger(m.pid) || m.pid <= 0) return undefined;
  return {
    pid: m.pid,
    startedAt: String(m.startedAt ?? 'at an unknown time'),
    source: String(m.source ?? ''),
  };
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A sentence about an interrupted update, or undefined when there was none. */
export function interruptedUpdateNotice(home: string): string | undefined {
  const m = readMarker(home);
  if (!m || alive(m.pid)) return undefined;
  return (
    `the database update started ${m.startedAt} (from ${m.source}) did not finish; ` +
    `the database in use is the one from before it — run 'iamwright db update' again`
  );
}

/** The marker of an update another live process is running, if any. */
export function runningUpdate(home: string): UpdateMarker | undefined {
  const m = readMarker(home);
  return m && m.pid !== process.pid && alive(m.pid) ? m : undefined;
}

/** Claims the update: refuses if another live process holds it; returns the notice about a dead one. */
export function beginUpdate(home: string, source: string): string | undefined {
  const m = runningUpdate(home);
  if (m) throw new UserError(`another database update is running (pid ${m.pid}, started ${m.startedAt})`);
  const notice = interruptedUpdateNotice(home);
  mkdirSync(home, { recursive: true });
  const marker: UpdateMarker = { pid: process.pid, startedAt: new Date().toISOString(), source };
  writeFileSync(join(home, MARKER_FILE), JSON.stringify(marker) + '\n');
  return notice;
}

export function endUpdate(home: string): void {
  rmSync(join(home, MARKER_FILE), { force: true });
}
