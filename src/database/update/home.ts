/** IAMWRIGHT_HOME as the commands that write it need it: a folder, created when missing. */
import { mkdirSync, statSync } from 'node:fs';
import { UserError } from '../../util/errors.js';

const code = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);

/** Refuses a home that exists but is not a folder (a file, a device); true when it exists. */
export function checkHome(home: string): boolean {
  let isDir: boolean;
  try {
    isDir = statSync(home).isDirectory();
  } catch (e) {
    if (code(e) === 'ENOENT') return false;
    throw new UserError(`cannot use IAMWRIGHT_HOME ${home}: ${code(e)}`);
  }
  if (!isDir) throw new UserError(`IAMWRIGHT_HOME ${home} is not a folder`);
  return true;
}

/** Makes sure the home folder exists; refuses one that is not a folder or cannot be created. */
export function ensureHome(home: string): void {
  if (checkHome(home)) return;
  try {
    mkdirSync(home, { recursive: true });
  } catch (e) {
    throw new UserError(`cannot create IAMWRIGHT_HOME ${home}: ${code(e)}`);
  }
}
