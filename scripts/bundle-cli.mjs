#!/usr/bin/env node
// Bundles the CLI entry into dist/cli.js (replacing tsc's thin entry) with esbuild: one file to load at
// start instead of dozens of modules, which is most of a cold start's cost. Commands' dynamic imports stay
// lazy as separate chunks. The library (dist/index.js) remains tsc's output.
import { build } from 'esbuild';

await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Only commander (loaded by every run) is bundled; the other dependencies load lazily from node_modules,
  // as Node resolves them (sql.js must find its .wasm beside itself; CommonJS interop stays Node's).
  external: ['ajv', 'ajv/*', 'htmlparser2', 'sql.js', 'yaml'],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});
