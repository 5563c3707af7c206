/**
 * Standing guards against superlinear time on large or hostile input (red-team findings 02, 10, 11): each
 * case times the same work on an input of size n and of size 2n, in this run, and fails when doubling the
 * input more than triples the time (linear work doubles it; quadratic work quadruples it).
 *
 * Only ratios are asserted, never absolute times. Inputs are built before timing; both sizes are run once
 * to warm up, then several times in turn, and the best CPU time of each is kept: on a busy shared machine
 * noise only ever adds time. Sizes are chosen so that one run takes some tens of milliseconds of CPU.
 * SCALING_VERBOSE=1 prints the times.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledDatabasePath, openDatabase } from '../../src/database/index.js';
import { PolicyAnalyzer } from '../../src/analysis/analyze.js';
import { resourceCovers } from '../../src/analysis/deny.js';
import { doesArnMatch } from '../../src/querying/arn-match.js';
import { compileWildcard, matchesWildcard, wildcardToRegExp } from '../../src/util/wildcard.js';
import { writePolicy } from '../../src/writing/policy/write.js';
import { emptyCrudTemplate } from '../../src/writing/template/empty.js';

const MAX_RATIO = 3;
const REPEATS = 7;
const ATTEMPTS = 3;

/**
 * CPU time of one call, in ms. CPU time rather than wall time: on a loaded machine the process waits for
 * a core, which would count as work.
 */
function cpuTime(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * Best time for size n and for size 2n; `prepare` builds the input outside the timing. A ratio above the
 * limit is measured again (up to ATTEMPTS times in all): a burst of load can slow one size only, while a
 * real superlinear cost shows in every attempt.
 */
function timeDoubling<T>(n: number, prepare: (size: number) => T, run: (input: T) => unknown) {
  const small = prepare(n);
  const large = prepare(2 * n);
  run(small);
  run(large);
  let best = { t1: Infinity, t2: Infinity, ratio: Infinity };
  for (let attempt = 0; attempt < ATTEMPTS && best.ratio > MAX_RATIO; attempt++) {
    let t1 = Infinity;
    let t2 = Infinity;
    for (let i = 0; i < REPEATS; i++) {
      const one = cpuTime(() => run(small));
      const two = cpuTime(() => run(large));
      t1 = Math.min(t1, one);
      t2 = Math.min(t2, two);
    }
    if (t2 / t1 < best.ratio) best = { t1, t2, ratio: t2 / t1 };
  }
  return best;
}

function assertLinear(what: string, r: { t1: number; t2: number; ratio: number }): void {
  if (process.env.SCALING_VERBOSE) console.log(what, r.t1.toFixed(1), r.t2.toFixed(1), r.ratio.toFixed(2));
  assert.ok(
    r.ratio <= MAX_RATIO,
    `${what}: doubling the input took ${r.ratio.toFixed(2)} times as long ` +
      `(${r.t1.toFixed(1)} ms -> ${r.t2.toFixed(1)} ms of CPU), more than ${MAX_RATIO}`,
  );
}

/** Runs `fn` `times` times on its input, so that a fast operation takes measurable time. */
function repeat<T>(times: number, fn: (input: T) => unknown): (input: T) => void {
  return (input) => {
    for (let i = 0; i < times; i++) fn(input);
  };
}

const db = openDatabase(bundledDatabasePath());

test('write-policy: a crud section with many ARNs takes linear time', () => {
  const template = (n: number) => ({
    ...emptyCrudTemplate(),
    read: Array.from({ length: n }, (_, i) => `arn:aws:s3:::bucket${i}/*`),
    write: Array.from({ length: n / 4 }, (_, i) => `arn:aws:s3:::bucket${i}`),
  });
  const r = timeDoubling(16_000, template, (t) => writePolicy(db, t));
  assertLinear('write-policy with many ARNs', r);
});

test('analyze: one policy with many statements, Denies with resources among them, takes linear time', () => {
  const analyzer = new PolicyAnalyzer(db);
  const doc = (n: number) => {
    const statements: Record<string, unknown>[] = [];
    for (let i = 0; statements.length < n; i++) {
      const role = `arn:aws:iam::123456789012:role/team${i}/app`;
      statements.push(
        { Sid: `Pass${i}`, Effect: 'Allow', Action: ['iam:PassRole', 'iam:Get*'], Resource: role },
        { Sid: `Read${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::b${i}/*` },
        // Denies by exact ARN, by prefix wildcard, with a condition, and on `*`.
        {
          Effect: 'Deny',
          Action: 'iam:PassRole',
          Resource: i % 2 ? role : `arn:aws:iam::123456789012:role/team${i}/*`,
        },
        {
          Effect: 'Deny',
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::b${i}*`,
          Condition: { Bool: { x: 'y' } },
        },
        { Effect: 'Deny', Action: `s3:Delete${i}*`, Resource: '*' },
      );
    }
    return { Version: '2012-10-17', Statement: statements };
  };
  const r = timeDoubling(8000, doc, (d) => analyzer.analyze(d));
  assertLinear('analyze of many statements', r);
});

test('wildcards: a pattern with many stars against longer and longer values', () => {
  const pattern = `s3:${'*a'.repeat(20)}*x`;
  const matcher = compileWildcard(pattern);
  const value = (n: number) => `s3:${'a'.repeat(n)}`;
  assertLinear(
    'matching a value twice as long',
    timeDoubling(
      20_000,
      value,
      repeat(6000, (v: string) => matcher.test(v)),
    ),
  );
  const regExp = wildcardToRegExp(pattern);
  assertLinear(
    'the deprecated RegExp on a value twice as long',
    timeDoubling(
      20_000,
      value,
      repeat(1000, (v: string) => regExp.test(v)),
    ),
  );
});

test('wildcards: patterns with more and more stars', () => {
  // The values end in what the patterns end in, so that every piece of the pattern is looked for.
  const value = `iam:${'a'.repeat(2000)}x`;
  const pattern = (k: number) => `iam:${'*'.repeat(k)}${'a*'.repeat(k)}x`;
  assertLinear(
    'matching a pattern with twice the stars',
    timeDoubling(
      400,
      pattern,
      repeat(1000, (p: string) => compileWildcard(p).test(value)),
    ),
  );
  assertLinear(
    'matchesWildcard with twice the stars',
    timeDoubling(
      400,
      pattern,
      repeat(4000, (p: string) => matchesWildcard(p, value)),
    ),
  );
  const arn = `arn:aws:iam::123456789012:role/${'a'.repeat(2000)}b`;
  const deny = (k: number) => `arn:aws:iam::123456789012:role/${'*a'.repeat(k)}*b`;
  assertLinear(
    'a Deny resource with twice the stars (case-sensitive)',
    timeDoubling(
      400,
      deny,
      repeat(4000, (d: string) => resourceCovers(d, arn)),
    ),
  );
});

test('ARN matching: longer and longer ARNs', () => {
  const arn = (n: number) => `arn:aws:s3:::bucket/${'a/b:'.repeat(n)}key`;
  const format = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';
  assertLinear(
    'doesArnMatch on an ARN twice as long',
    timeDoubling(
      5000,
      arn,
      repeat(40, (a: string) => doesArnMatch(a, format)),
    ),
  );
});
