// Long statements are shown as an excerpt: the outline, each granting pattern with its context, and
// counts of what was left out. Nothing is reordered and nothing that matters is dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsonText, statementExcerpt, type ExcerptPart } from '../../src/reporting/statement-excerpt.js';

const actions = (n: number) => Array.from({ length: n }, (_, i) => `svc:Action${String(i).padStart(4, '0')}`);

/** The excerpt back to its lines, with left-out runs as `null`s (so positions line up with the whole). */
function expand(parts: ExcerptPart[]): (string | null)[] {
  return parts.flatMap((p) => ('line' in p ? [p.line] : Array<null>(p.omitted).fill(null)));
}

test('a short statement is shown whole', () => {
  const statement = { Effect: 'Allow', Action: actions(5), Resource: '*' };
  assert.deepEqual(
    statementExcerpt(statement, ['svc:Action0003']).map((p) => ('line' in p ? p.line : '')),
    jsonText(statement).split('\n'),
  );
});

test('a long statement keeps its outline and the pattern with two lines either side', () => {
  const statement = { Sid: 'Big', Effect: 'Allow', Action: actions(2000), Resource: '*' };
  const parts = statementExcerpt(statement, ['svc:Action1000']);
  const shown = parts.map((p) => ('line' in p ? p.line.trim() : `… ${p.omitted}`));
  assert.deepEqual(shown, [
    '{',
    '"Sid": "Big",',
    '"Effect": "Allow",',
    '"Action": [',
    '… 998',
    '"svc:Action0998",',
    '"svc:Action0999",',
    '"svc:Action1000",',
    '"svc:Action1001",',
    '"svc:Action1002",',
    '… 997',
    '],',
    '"Resource": "*"',
    '}',
  ]);
});

test('a long statement keeps every key, its Condition and its scalar values; only list strings go', () => {
  const statement = {
    Effect: 'Allow',
    Action: actions(100),
    Resource: Array.from({ length: 50 }, (_, i) => `arn:aws:s3:::bucket-${i}/*`),
    Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-123' }, Bool: { 'aws:SecureTransport': 'true' } },
  };
  const kept = statementExcerpt(statement, ['svc:Action0050'])
    .filter((p) => 'line' in p)
    .map((p) => (p as { line: string }).line.trim());
  for (const line of [
    '"Condition": {',
    '"StringEquals": {',
    '"aws:PrincipalOrgID": "o-123"',
    '"aws:SecureTransport": "true"',
    '"Resource": [',
    '"Effect": "Allow",',
  ]) {
    assert.ok(kept.includes(line), line);
  }
  assert.ok(!kept.includes('"arn:aws:s3:::bucket-10/*",'));
});

test('NotAction patterns are found by the action they name', () => {
  const statement = { Effect: 'Allow', NotAction: ['iam:*', ...actions(100)], Resource: '*' };
  const parts = statementExcerpt(statement, ['NotAction iam:*']);
  assert.ok(parts.some((p) => 'line' in p && p.line.trim() === '"iam:*",'));
});

test('any excerpt: in order, every line holding a pattern kept, left-out runs counted exactly', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 400 }),
      fc.uniqueArray(fc.nat(399)),
      fc.integer({ min: 0, max: 5 }),
      (n, picks, context) => {
        const list = actions(n);
        const patterns = picks.filter((i) => i < n).map((i) => list[i]);
        const whole = jsonText({ Effect: 'Allow', Action: list });
        const lines = whole.split('\n');
        const parts = statementExcerpt({ Effect: 'Allow', Action: list }, patterns, {
          maxLines: 20,
          context,
        });
        const back = expand(parts);
        assert.equal(back.length, lines.length);
        back.forEach((line, i) => {
          if (line !== null) assert.equal(line, lines[i]);
          else assert.ok(!patterns.some((p) => lines[i].includes(JSON.stringify(p))), `line ${i} dropped`);
        });
        for (let i = 1; i < parts.length; i++)
          assert.ok(!('omitted' in parts[i] && 'omitted' in parts[i - 1]));
      },
    ),
    { numRuns: 100 },
  );
});
