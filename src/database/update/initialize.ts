/** `initialize`: the local iamwright folder and the user's editable copy of the access-level overrides. */
import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { iamwrightHome } from '../select.js';
import { UserError } from '../../util/errors.js';
import { bundledOverridesPath, parseOverrides } from '../build/overrides.js';
import { ensureHome } from './home.js';
import { OVERRIDES_FILE } from './update.js';

export interface InitializeOptions {
  env?: NodeJS.ProcessEnv;
  home?: string;
  /** The overrides file to copy. Default: the bundled one. */
  overridesSource?: string;
}

export interface InitializeResult {
  home: string;
  created: boolean;
  /** Where the overrides were copied, or undefined when a copy already existed (it is the user's to edit). */
  overridesCopied?: string;
}

export function initializeHome(options: InitializeOptions = {}): InitializeResult {
  const home = options.home ?? iamwrightHome(options.env);
  // A file given is read and checked before anything is written: a copy that every later build rejects
  // would replace a good one.
  let given: string | undefined;
  if (options.overridesSource) {
    const source = options.overridesSource;
    try {
      given = readFileSync(source, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new UserError(
        code === 'ENOENT'
          ? `access-level overrides file not found: ${source}`
          : `cannot read access-level overrides ${source}: ${code ?? String(e)}`,
      );
    }
    parseOverrides(given, source);
  }
  const created = !existsSync(home);
  ensureHome(home);
  const target = join(home, OVERRIDES_FILE);
  if (given !== undefined) {
    // Written beside and renamed: the copy in place is replaced whole or not at all.
    const tmp = `${target}.tmp-${process.pid}`;
    writeFileSync(tmp, given);
    renameSync(tmp, target);
    return { home, created, overridesCopied: target };
  }
  // The bundled file never overwrites the user's edits.
  if (existsSync(target)) return { home, created };
  const bundled = bundledOverridesPath();
  if (!existsSync(bundled)) return { home, created }; // no bundled overrides in this build of the package
  copyFileSync(bundled, target);
  return { home, created, overridesCopied: target };
}
