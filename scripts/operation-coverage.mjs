#!/usr/bin/env node
// The operation map's coverage per service (how many operations, from which source), as the markdown
// docs/operations.md holds between its coverage markers. Reads the built library (dist/) and the bundled
// database: run `npm run build` first.
//
//   node scripts/operation-coverage.mjs            print the markdown
//   node scripts/operation-coverage.mjs --write    replace the section of docs/operations.md
//
// test/querying/operations-coverage.test.ts fails when the doc is not current.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(ROOT, 'dist', 'index.js');
if (!existsSync(dist)) {
  process.stderr.write('operation-coverage: dist/index.js is missing; run `npm run build` first\n');
  process.exit(1);
}
const lib = await import(pathToFileURL(dist).href);
const db = lib.openDatabase(join(ROOT, 'data', 'db'));
const markdown = lib.coverageMarkdown(lib.operationCoverage(db));

if (!process.argv.includes('--write')) {
  process.stdout.write(markdown);
} else {
  const docPath = join(ROOT, 'docs', 'operations.md');
  const updated = lib.withCoverage(readFileSync(docPath, 'utf8'), markdown);
  if (updated === undefined) {
    process.stderr.write(`operation-coverage: docs/operations.md has no coverage markers\n`);
    process.exit(1);
  }
  // The docs are kept in prettier's format (npm run format:check): write the section as prettier would.
  const prettier = await import('prettier');
  const options = (await prettier.resolveConfig(docPath)) ?? {};
  writeFileSync(docPath, await prettier.format(updated, { ...options, filepath: docPath }));
  process.stdout.write('operation-coverage: docs/operations.md updated\n');
}
