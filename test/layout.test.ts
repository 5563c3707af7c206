// The architecture as a test: one folder per layer, and a module imports only from its own layer or the
// layers below it. A new layer must be placed here before it can be imported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Each layer and the layers it may import from (besides itself). */
const MAY_IMPORT: Record<string, readonly string[]> = {
  util: [],
  reporting: ['util'],
  database: ['util'],
  querying: ['util', 'database'],
  writing: ['util', 'database', 'querying'],
  analysis: ['util', 'reporting', 'database', 'querying'],
  linting: ['util', 'reporting', 'database', 'querying', 'analysis'],
  generating: ['util', 'reporting', 'database', 'querying', 'writing', 'analysis', 'linting'],
  cli: ['util', 'reporting', 'database', 'querying', 'writing', 'analysis', 'linting', 'generating'],
};

const SRC = resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** The layer of a file under src/: its first folder, or for a file directly in src/ its name (cli.ts). */
function layerOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.ts$/, '');
}

function relativeImports(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.{1,2}\/[^']+)'/g)) found.push(m[1]);
  return found;
}

test('every import in src/ goes to the same layer or one below it', () => {
  const violations: string[] = [];
  const files = sourceFiles(SRC);
  assert.ok(files.length > 50, 'the source tree was found');
  for (const file of files) {
    const from = layerOf(file);
    // The public entries (index: `iamwright`, build: `iamwright/build`) re-export every layer.
    if (from === 'index' || from === 'build') continue;
    const allowed = MAY_IMPORT[from];
    if (!allowed) {
      violations.push(`${relative(SRC, file)}: layer '${from}' has no place in MAY_IMPORT`);
      continue;
    }
    for (const spec of relativeImports(readFileSync(file, 'utf8'))) {
      const to = layerOf(resolve(dirname(file), spec));
      if (to !== from && !allowed.includes(to))
        violations.push(`${relative(SRC, file)} imports ${spec} (${to})`);
    }
  }
  assert.deepEqual(violations, []);
});

test('the layout check sees a violation', () => {
  // Guards the checker itself: an upward import must be caught by the same functions.
  const fake = join(SRC, 'querying', 'x.ts');
  const [spec] = relativeImports("import { x } from '../writing/builder.js';");
  const to = layerOf(resolve(dirname(fake), spec));
  assert.equal(to, 'writing');
  assert.ok(!MAY_IMPORT[layerOf(fake)].includes(to));
});
