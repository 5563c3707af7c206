#!/usr/bin/env node
// Bundles the CLI into one CommonJS file, dist/cli-main.cjs, and records a V8 code cache for it: loading one
// pre-compiled file instead of dozens of ES modules is most of a cold start's cost (see bin/iamwright.cjs).
// The library (dist/index.js) and the plain entry dist/cli.js remain tsc's output.
import { rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const out = 'dist/cli-main.cjs';

/**
 * Node built-ins that load many others (child_process and tty bring net, stream, dgram...), required at
 * start-up by bundled code that rarely calls them (commander requires child_process for external
 * subcommands, which iamwright has none of). Each is replaced by a stand-in whose exports load the real
 * module on first use: a command that never calls them never loads them.
 */
const LAZY_BUILTINS = ['child_process', 'crypto', 'dns', 'http', 'https', 'net', 'os', 'tty', 'zlib'];
const require = createRequire(import.meta.url);
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    b.onResolve({ filter }, (args) =>
      // The stand-in's own require() is of the real module.
      args.namespace === 'lazy-builtin'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const names = Object.keys(require(`node:${args.path}`)).filter((k) => k !== 'default');
      const id = JSON.stringify(`node:${args.path}`);
      return {
        loader: 'js',
        contents:
          `let m;\nconst load = () => (m ??= require(${id}));\n` +
          `for (const k of ${JSON.stringify(names)}) ` +
          `Object.defineProperty(exports, k, { enumerable: true, get: () => load()[k] });\n`,
      };
    });
  },
};
rmSync(`${out}.cache`, { force: true });

await build({
  entryPoints: ['src/cli.ts'],
  outfile: out,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Bundled: commander and yaml (its ES-module build, so unused parts drop out). Loaded from node_modules
  // when needed: ajv (generated validators need only its runtime), htmlparser2 (db build), sql.js (its .wasm
  // sits beside it).
  external: ['ajv', 'ajv/*', 'htmlparser2', 'sql.js'],
  // jsonc-parser: its ES-module build, since its UMD main loads its parts with require() calls that
  // esbuild cannot follow.
  alias: {
    yaml: './node_modules/yaml/browser/index.js',
    'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js',
  },
  // import.meta.url, which finds the package's data files, from the bundle's own path.
  define: { 'import.meta.url': '__iamwrightModuleUrl' },
  banner: { js: "const __iamwrightModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [lazyBuiltins],
});

// Record the code cache from a representative run: a CRUD template through parsing, the database and the
// policy engine, on the bundled database.
const template = 'mode: crud\nname: ""\nread:\n  - arn:aws:ssm:us-east-1:123456789012:parameter/app/*\n';
const r = spawnSync(process.execPath, ['bin/iamwright.cjs', 'write-policy'], {
  input: template,
  env: {
    ...process.env,
    IAMWRIGHT_WRITE_CODE_CACHE: '1',
    IAMWRIGHT_DB: '',
    IAMWRIGHT_HOME: mkdtempSync(join(tmpdir(), 'iamwright-build-')),
  },
  encoding: 'utf8',
});
if (r.status !== 0) {
  process.stderr.write(`bundle-cli: the bundled CLI failed its trial run: ${r.stderr}\n`);
  process.exit(1);
}
