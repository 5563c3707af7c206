#!/usr/bin/env node
// Bundles the CLI into one CommonJS file, dist/cli-main.cjs, and records a V8 code cache for it: loading one
// pre-compiled file instead of dozens of ES modules is most of a cold start's cost (see bin/iamwright.cjs).
// The library (dist/index.js) and the plain entry dist/cli.js remain tsc's output.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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

// The bundle is stored as the function expression Node would wrap a CommonJS module in, without the
// shebang: bin/iamwright.cjs hands the file's text to V8 as it is. Editing or wrapping 700 KB of text at
// each start made copies of it, and on a virtual machine each fresh page of memory costs (about 12 µs a
// page fault where this was measured).
const bundled = readFileSync(out, 'utf8').replace(/^#!.*\n/, '');
if (/[\u0080-\uffff]/.test(bundled))
  throw new Error(`${out} is not ASCII: bin/iamwright.cjs reads it as latin1`);
writeFileSync(out, `(function (exports, require, module, __filename, __dirname) {${bundled}\n});\n`);

// Record the code cache from representative runs, made one after the other in one process (see
// bin/iamwright.cjs): the commands whose start-up `npm run bench` measures, on the bundled database.
const tmp = mkdtempSync(join(tmpdir(), 'iamwright-build-'));
const crud = join(tmp, 'crud.yml');
writeFileSync(
  crud,
  [
    'mode: crud',
    "name: ''",
    'read:',
    '- arn:aws:ssm:us-east-1:123456789012:parameter/app/*',
    '- arn:aws:s3:::bucket/*',
    'write:',
    '- arn:aws:kms:us-east-1:123456789012:key/123456',
    'list:',
    '- arn:aws:s3:::bucket',
    'tagging:',
    '- arn:aws:ssm:us-east-1:123456789012:parameter/app',
    'permissions-management:',
    '- arn:aws:s3:::bucket',
    '',
  ].join('\n'),
);
const runs = [
  ['write-policy', '--input-file', crud],
  ['query', 'action-table', '--service', 'ec2', '--fmt', 'json'],
  ['query', 'action-table', '--service', 's3', '--name', 'GetObject', '--fmt', 'json'],
  ['--help'],
];
const r = spawnSync(process.execPath, ['bin/iamwright.cjs'], {
  env: {
    ...process.env,
    IAMWRIGHT_WRITE_CODE_CACHE: '1',
    IAMWRIGHT_CODE_CACHE_RUNS: JSON.stringify(runs),
    IAMWRIGHT_DB: '',
    IAMWRIGHT_HOME: join(tmp, 'home'),
  },
  encoding: 'utf8',
  maxBuffer: 64 << 20,
});
rmSync(tmp, { recursive: true, force: true });
if (r.status !== 0) {
  process.stderr.write(`bundle-cli: the bundled CLI failed its trial run: ${r.stderr}\n`);
  process.exit(1);
}
