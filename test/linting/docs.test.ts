// docs/lint.md documents every check, with the severity the code gives it, and no check that does not exist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CHECKS } from '../../src/linting/index.js';
import { INPUT_RULES } from '../../src/linting/inputs/rules.js';

const doc = readFileSync(new URL('../../docs/lint.md', import.meta.url), 'utf8');

/** Table rows that start with a check id: [id, severity] (the check tables and the corpus counts). */
// Prettier pads table cells, so spaces around cells are free.
const ROW = /^\|\s*`([a-z]+\/[a-z0-9-]+)`\s*\|\s*([a-z-]+)\s*\|/gm;
const rows = [...doc.matchAll(ROW)].map((m) => [m[1], m[2]] as const);

test('every check and input rule has a row in docs/lint.md with its severity', () => {
  for (const c of [...CHECKS, ...INPUT_RULES]) {
    const mine = rows.filter(([id]) => id === c.id);
    assert.ok(mine.length > 0, `${c.id} is not documented in docs/lint.md`);
    for (const [, severity] of mine) assert.equal(severity, c.severity, `${c.id}: docs say ${severity}`);
  }
});

test('every check id in docs/lint.md exists', () => {
  assert.ok(rows.length > 0);
  const ids = new Set([...CHECKS, ...INPUT_RULES].map((c) => c.id));
  for (const [id] of rows) assert.ok(ids.has(id), `docs/lint.md documents '${id}', which is not a check`);
});

test("each family's table sits under its own heading", () => {
  for (const c of CHECKS) {
    const heading = doc.indexOf(`\n### ${c.family}\n`);
    const next = doc.indexOf('\n### ', heading + 1);
    const section = doc.slice(heading, next < 0 ? undefined : next);
    const ids = [...section.matchAll(ROW)].map((m) => m[1]);
    assert.ok(heading >= 0 && ids.includes(c.id), `${c.id} is not under ### ${c.family}`);
  }
});
