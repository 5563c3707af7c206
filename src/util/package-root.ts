/**
 * The installed package's root folder (where package.json, data/ and schema/ live), found by walking up
 * from this module. Walking up, rather than a fixed '../..', keeps paths right both in tsc's dist/ tree
 * and in the bundled CLI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (
      existsSync(pkg) &&
      (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'iamwright'
    ) {
      return (root = dir);
    }
    const up = dirname(dir);
    if (up === dir)
      throw new Error('iamwright: cannot find the package root (package.json) above ' + import.meta.url);
    dir = up;
  }
}

/** A path inside the package, e.g. packagePath('data', 'db'). */
export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}

/** The package's version from package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string })
    .version;
}
