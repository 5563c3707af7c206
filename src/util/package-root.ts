/**
 * The installed package's root folder (where package.json, data/ and schema/ live), found by walking up
 * from this module. Walking up, rather than a fixed '../..', keeps paths right both in tsc's dist/ tree
 * and in the bundled CLI.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Manifest {
  name?: string;
  version?: string;
}

/**
 * Set by scripts/bundle-cli.mjs (esbuild's `define`) in the CLI's bundles: package.json's name and version
 * at build time. A bundle always sits in the package's dist/, so a run of the CLI finds its root and
 * version without looking for and reading package.json (a fifth of a millisecond of every start).
 * Undeclared, and so undefined, in tsc's output, which the library runs.
 */
declare const IAMWRIGHT_BUNDLED_MANIFEST: Manifest | undefined;

// Found once per process: start-up reads package.json a single time.
let found: { root: string; manifest: Manifest } | undefined;

function find(): { root: string; manifest: Manifest } {
  if (found) return found;
  if (typeof IAMWRIGHT_BUNDLED_MANIFEST !== 'undefined') {
    // A bundle: __dirname, the folder its CommonJS wrapper is given, is dist/ (no URL to make and read).
    return (found = { root: dirname(__dirname), manifest: IAMWRIGHT_BUNDLED_MANIFEST });
  }
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      const manifest = JSON.parse(readFileSync(pkg, 'utf8')) as Manifest;
      if (manifest.name === 'iamwright') return (found = { root: dir, manifest });
    }
    const up = dirname(dir);
    if (up === dir) {
      throw new Error('iamwright: cannot find the package root (package.json) above ' + import.meta.url);
    }
    dir = up;
  }
}

export function packageRoot(): string {
  return find().root;
}

/** A path inside the package, e.g. packagePath('data', 'db'). */
export function packagePath(...parts: string[]): string {
  return join(find().root, ...parts);
}

/** The package's version from package.json. */
export function packageVersion(): string {
  return find().manifest.version ?? '0.0.0';
}
