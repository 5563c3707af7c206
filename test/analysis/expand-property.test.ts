// Property: expanding a pattern gives exactly the database actions the pattern matches under IAM's rule,
// checked by brute force over every action, for patterns cut from real names with wildcards put in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { expandActionPattern, complementActions } from '../../src/querying/index.js';
import { matchesWildcard } from '../../src/util/wildcard.js';
import { miniDb, miniRecords } from './fixtures.js';

const db = miniDb();
const all = miniRecords.flatMap((s) => s.actions.map((a) => `${s.prefix}:${a.name}`));

/** A pattern: a real action name with some characters replaced by `*` or `?` and its case shuffled. */
const patternArb = fc
  .record({
    base: fc.constantFrom(...all),
    edits: fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('*', '?', 'drop', 'upper') }), {
      maxLength: 4,
    }),
  })
  .map(({ base, edits }) => {
    let chars = [...base];
    for (const { at, kind } of edits) {
      const i = at % chars.length;
      if (chars[i] === ':') continue;
      if (kind === 'drop') chars = [...chars.slice(0, i), ...chars.slice(i + 1)];
      else if (kind === 'upper') chars[i] = chars[i].toUpperCase();
      else chars[i] = kind;
    }
    return chars.join('');
  })
  .filter((p) => /^[^:]+:[^:]+$/.test(p));

test('expansion equals a brute-force match over every action', () => {
  fc.assert(
    fc.property(patternArb, (pattern) => {
      const expected = all.filter((a) => matchesWildcard(pattern, a)).sort();
      const got = expandActionPattern(db, pattern);
      assert.deepEqual(got.actions, expected, pattern);
      assert.equal(got.problem !== undefined, expected.length === 0, pattern);
    }),
    { numRuns: 500, seed: 20260614 },
  );
});

test('a complement over every service and its patterns partition the database', () => {
  fc.assert(
    fc.property(fc.array(patternArb, { minLength: 1, maxLength: 3 }), (patterns) => {
      const rest = complementActions(db, patterns, { scope: 'all-services' }).actions;
      const matched = all.filter((a) => patterns.some((p) => matchesWildcard(p, a)));
      assert.deepEqual([...rest, ...matched].sort(), [...all].sort());
      assert.ok(!rest.some((a) => matched.includes(a)));
    }),
    { numRuns: 200, seed: 7 },
  );
});
