/** `initialize`: the local iamwright folder and the user's editable copy of the access-level overrides. */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { iamwrightHome } from '../select.js';
import { UserError } from '../../util/errors.js';
import { bundledOverridesPath } from '../build/overrides.js';
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
  const created = !existsSync(home);
  mkdirSync(home, { recursive: true });
  const target = join(home, OVERRIDES_FILE);
  const source = options.overridesSource ?? bundledOverridesPath();
  // An explicit file replaces the copy; the bundled one never overwrites the user's edits.
  if (existsSync(target) && !options.overridesSource) return { home, created };
  if (!existsSync(source)) {
    if (options.overridesSource) throw new UserError(`access-level overrides file not found: ${source}`);
    return { home, created }; // no bundled overrides in this build of the package
  }
  copyFileSync(source, target);
  return { home, created, overridesCopied: target };
}
