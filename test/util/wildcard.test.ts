import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  collapseStars,
  compileWildcard,
  isMatchAll,
  matchesWildcard,
  wildcardToRegExp,
} from '../../src/util/wildcard.js';

/**
 * The definition, written the slow obvious way: `*` takes any run, `?` one character, the rest must be
 * equal. Memoised on (pattern position, value position), so it stays fast on the small inputs used here.
 */
function reference(pattern: string, value: string, caseSensitive = false): boolean {
  const p = caseSensitive ? pattern : pattern.toLowerCase();
  const v = caseSensitive ? value : value.toLowerCase();
  const memo = new Map<number, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = i * (v.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let r: boolean;
    if (i === p.length) r = j === v.length;
    else if (p[i] === '*') r = go(i + 1, j) || (j < v.length && go(i, j + 1));
    else r = j < v.length && (p[i] === '?' || p[i] === v[j]) && go(i + 1, j + 1);
    memo.set(key, r);
    return r;
  };
  return go(0, 0);
}

const letters = ['a', 'A', 'b', 'B', ':', 'é', 'É', '.', '\n'];
const patternArb = fc
  .array(fc.constantFrom(...letters, '*', '*', '?'), { maxLength: 10 })
  .map((cs) => cs.join(''));
const valueArb = fc.array(fc.constantFrom(...letters), { maxLength: 12 }).map((cs) => cs.join(''));
/** A value built from the pattern (stars and `?` filled in), so that many pairs do match. */
const matchingPairArb = patternArb.chain((pattern) =>
  fc
    .tuple(
      ...[...pattern].map((c) =>
        c === '*'
          ? valueArb.map((v) => v.slice(0, 3))
          : c === '?'
            ? fc.constantFrom(...letters)
            : fc.constant(c),
      ),
    )
    .map((parts) => [pattern, parts.join('')] as const),
);

test('matchesWildcard agrees with the reference, ignoring case by default', () => {
  fc.assert(
    fc.property(fc.oneof(fc.tuple(patternArb, valueArb), matchingPairArb), ([pattern, value]) => {
      assert.equal(matchesWildcard(pattern, value), reference(pattern, value), `${pattern} ~ ${value}`);
    }),
    { numRuns: 3000 },
  );
});

test('compileWildcard agrees with the reference with and without case', () => {
  fc.assert(
    fc.property(fc.oneof(fc.tuple(patternArb, valueArb), matchingPairArb), ([pattern, value]) => {
      assert.equal(compileWildcard(pattern).test(value), reference(pattern, value));
      const sensitive = compileWildcard(pattern, { caseSensitive: true });
      assert.equal(sensitive.test(value), reference(pattern, value, true), `${pattern} ~ ${value} (case)`);
      assert.equal(matchesWildcard(pattern, value, { caseSensitive: true }), reference(pattern, value, true));
    }),
    { numRuns: 3000 },
  );
});

test('wildcardToRegExp (deprecated) gives the same answers as the reference', () => {
  fc.assert(
    fc.property(fc.oneof(fc.tuple(patternArb, valueArb), matchingPairArb), ([pattern, value]) => {
      assert.equal(wildcardToRegExp(pattern).test(value), reference(pattern, value), `${pattern} ~ ${value}`);
    }),
    { numRuns: 3000 },
  );
});

test('IAM examples: case is ignored by default and kept on request', () => {
  assert.equal(matchesWildcard('s3:Get*', 's3:GetObject'), true);
  assert.equal(matchesWildcard('S3:GET*', 's3:getobject'), true);
  assert.equal(matchesWildcard('s3:Get*', 's3:PutObject'), false);
  assert.equal(matchesWildcard('*:Describe*', 'ec2:DescribeInstances'), true);
  assert.equal(matchesWildcard('ec2:?escribeInstances', 'ec2:DescribeInstances'), true);
  assert.equal(matchesWildcard('ec2:?escribeInstances', 'ec2:escribeInstances'), false);
  assert.equal(matchesWildcard('s3:GetObject', 'S3:GETOBJECT'), true);
  assert.equal(matchesWildcard('s3:GetObject', 's3:GetObjectAcl'), false);
  assert.equal(matchesWildcard('', ''), true);
  assert.equal(matchesWildcard('', 'x'), false);
  const arn = 'arn:aws:s3:::Bucket/key';
  assert.equal(matchesWildcard('arn:aws:s3:::bucket/*', arn, { caseSensitive: true }), false);
  assert.equal(matchesWildcard('arn:aws:s3:::Bucket/*', arn, { caseSensitive: true }), true);
  // Characters that mean something in a RegExp are plain here.
  assert.equal(matchesWildcard('a.b(c)[d]+$^|\\', 'a.b(c)[d]+$^|\\'), true);
  assert.equal(matchesWildcard('a.b', 'axb'), false);
});

test('overlapping pieces: a piece found too early is not a wrong answer', () => {
  assert.equal(matchesWildcard('*ab*ab', 'abab'), true);
  assert.equal(matchesWildcard('*aab', 'aaab'), true);
  assert.equal(matchesWildcard('a*a', 'a'), false);
  assert.equal(matchesWildcard('a*?a', 'aba'), true);
  assert.equal(matchesWildcard('a*?a', 'aa'), false);
  assert.equal(matchesWildcard('*a?c*', 'xxabcx'), true);
});

test('isMatchAll and collapseStars: a run of stars is one star', () => {
  for (const p of ['*', '**', '*****']) assert.equal(isMatchAll(p), true, p);
  for (const p of ['', '*?', 'a*', '* ', '*:*']) assert.equal(isMatchAll(p), false, p);
  assert.equal(collapseStars('s3:**Get***Object*'), 's3:*Get*Object*');
  assert.equal(collapseStars('s3:Get?Object'), 's3:Get?Object');
});

// test/adversarial/scaling.test.ts measures how the time grows; this checks the answers.
test('patterns with many stars get the right answer on long values', () => {
  const stars = 's3:' + '*'.repeat(30) + 'x';
  const value = 's3:' + 'a'.repeat(5000);
  assert.equal(matchesWildcard(stars, value), false);
  assert.equal(matchesWildcard(stars, value + 'x'), true);
  const alternating = 'role/' + '*a'.repeat(40) + '*b';
  const arn = 'role/' + 'a'.repeat(5000);
  assert.equal(matchesWildcard(alternating, arn, { caseSensitive: true }), false);
  assert.equal(matchesWildcard(alternating, arn + 'b', { caseSensitive: true }), true);
  assert.equal(wildcardToRegExp(alternating).test(arn), false);
  assert.equal(wildcardToRegExp(alternating).test(arn + 'b'), true);
});
