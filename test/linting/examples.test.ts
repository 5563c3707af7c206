// Every check's documented example: the check fires on `fires` and not on `passes`. This covers the checks
// of every family, whoever wrote them, and keeps docs/lint.md's examples honest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHECKS, lintPolicy } from '../../src/linting/index.js';
import { db } from './helpers.js';

for (const check of CHECKS) {
  test(`${check.id}: fires on its example, not on the fixed one`, () => {
    const { fires, passes } = check.example;
    const on = (ex: typeof fires) =>
      lintPolicy(db, ex.document, { policyType: ex.policyType, checks: [check.id] }).filter(
        (f) => f.check === check.id,
      );
    const fired = on(fires);
    assert.ok(fired.length > 0, `${check.id} did not fire on its example`);
    for (const f of fired) assert.equal(f.severity, check.severity);
    assert.deepEqual(on(passes), [], `${check.id} fired on its passing example`);
  });
}

test('every check has a stable id of its family, a title and help', () => {
  const ids = new Set<string>();
  for (const c of CHECKS) {
    assert.match(c.id, /^[a-z]+\/[a-z0-9]+(-[a-z0-9]+)*$/, c.id);
    assert.equal(c.id.split('/')[0], c.family, c.id);
    assert.ok(!ids.has(c.id), `duplicate id ${c.id}`);
    ids.add(c.id);
    assert.ok(c.title.length > 0 && !c.title.endsWith('.'), c.id);
    assert.ok(c.help.length > 40, c.id);
  }
});
