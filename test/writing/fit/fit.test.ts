/** write-policy --fit, step by step: the quota, compaction, wildcards, splitting, and the error. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { databaseFromRecords, type IamDatabase } from '../../../src/database/database.js';
import type { ActionRecord } from '../../../src/database/types.js';
import { expandActions } from '../../../src/querying/expand.js';
import { UserError } from '../../../src/util/errors.js';
import { policySize } from '../../../src/util/policy-size.js';
import { compactStatements, tidyActions } from '../../../src/writing/fit/compact.js';
import { fitPolicy } from '../../../src/writing/fit/fit.js';
import { parseFitQuota, type FitQuota } from '../../../src/writing/fit/quota.js';
import { renderFittedPolicies, renderFittedPolicy } from '../../../src/writing/fit/render.js';
import { splitStatements } from '../../../src/writing/fit/split.js';
import { minimizeActions } from '../../../src/writing/minimize.js';
import { wildcardChanges } from '../../../src/writing/fit/wildcards.js';
import { renderPolicy } from '../../../src/writing/render.js';
import type { PolicyDocument, PolicyStatement } from '../../../src/writing/types.js';

function action(name: string): ActionRecord {
  return {
    name,
    description: '',
    accessLevel: 'Read',
    apiDocumentationLink: '',
    resourceTypes: [{ resourceType: '', required: false, conditionKeys: [], dependentActions: [] }],
  };
}

/**
 * `x` has Ab, Abc and Az: for {Ab, Abc}, minimizeActions answers `x:ab` (policy_sentry's rule: the prefix
 * found is itself a wanted action, so it loses its `*` and no longer matches Abc). `y` has long names
 * that shorten well: GetAlphaWidget, GetAlphaWidgetPolicy, GetBetaWidget, PutThing. `w` has both: Ab
 * with longer names after it, and Cd... names that shorten to `w:c*`.
 */
function tinyDb(): IamDatabase {
  const service = (prefix: string, names: string[]) => ({
    prefix,
    name: prefix,
    authorizationUrl: '',
    actions: names.map(action),
    resourceTypes: [],
    conditionKeys: [],
  });
  return databaseFromRecords([
    service('x', ['Ab', 'Abc', 'Az']),
    service('y', ['GetAlphaWidget', 'GetAlphaWidgetPolicy', 'GetBetaWidget', 'PutThing']),
    service('w', [
      'Ab',
      'AbLongNameOne',
      'AbLongNameTwo',
      'Az',
      'CdVeryLongActionName',
      'CdVeryLongActionNameToo',
    ]),
  ]);
}

function st(
  Sid: string,
  Action: string[],
  Resource: string[],
  Effect: 'Allow' | 'Deny' = 'Allow',
  Condition?: unknown,
): PolicyStatement {
  return { Sid, Effect, Action, Resource, ...(Condition ? { Condition } : {}) } as PolicyStatement;
}

const doc = (Statement: PolicyStatement[]): PolicyDocument => ({ Version: '2012-10-17', Statement });

/** A quota of `limit` characters, per policy. */
const chars = (limit: number): FitQuota => parseFitQuota(String(limit));

test('parseFitQuota: the five named quotas, a number of characters, and a clear error otherwise', () => {
  assert.deepEqual(parseFitQuota('managed'), {
    name: 'managed',
    limit: 6144,
    unit: 'iam',
    what: 'a managed policy',
    shared: false,
  });
  assert.equal(parseFitQuota('role-inline').limit, 10240);
  assert.equal(parseFitQuota('USER-INLINE').limit, 2048);
  assert.equal(parseFitQuota('group-inline').shared, true);
  assert.deepEqual([parseFitQuota('scp').limit, parseFitQuota('scp').unit], [5120, 'organizations']);
  assert.deepEqual([chars(4096).limit, chars(4096).unit, chars(4096).shared], [4096, 'iam', false]);
  for (const bad of ['0', '-5', '1.5', 'big', '', 'service-control', '99999999999999999999']) {
    assert.throws(
      () => parseFitQuota(bad),
      (e: unknown) =>
        e instanceof UserError &&
        e.message ===
          `unknown quota '${bad}'; allowed: managed, role-inline, user-inline, group-inline, scp, or a number of characters (e.g. 4096)`,
      bad,
    );
  }
});

test('tidyActions drops repeats (any case) and names a wildcard of the list matches, never a pattern', () => {
  assert.deepEqual(tidyActions(['s3:GetObject', 's3:getobject', 's3:PutObject']), [
    's3:GetObject',
    's3:PutObject',
  ]);
  assert.deepEqual(tidyActions(['s3:Get*', 's3:GetObject', 's3:PutObject']), ['s3:Get*', 's3:PutObject']);
  // Patterns are never dropped: one matching another's text need not cover what that one matches
  // (`s3:Get?` matches the text `s3:Get*`), so the rule does not look at them.
  assert.deepEqual(tidyActions(['s3:Get?', 's3:Get*']), ['s3:Get?', 's3:Get*']);
  assert.deepEqual(tidyActions(['*', 'ec2:RunInstances']), ['*']);
});

test('compact: the same resources merge (named {Service}Mult...), the same actions merge, repeatedly', () => {
  const bucket = 'arn:aws:s3:::logs';
  const objects = 'arn:aws:s3:::logs/*';
  const out = compactStatements([
    st('S3ReadBucket', ['s3:GetBucketAcl'], [bucket]),
    st('S3ReadObject', ['s3:GetObject'], [objects]),
    st('S3WriteBucket', ['s3:PutBucketAcl', 's3:GetBucketAcl'], [bucket]),
    st('S3WriteObject', ['s3:GetObject'], [objects, objects]),
    st('Other', ['s3:GetObject'], ['arn:aws:s3:::other/*']),
  ]);
  assert.deepEqual(out, [
    st('S3MultLogs', ['s3:GetBucketAcl', 's3:PutBucketAcl'], [bucket]),
    // S3ReadObject and S3WriteObject are on the same resource; then Other has the same actions.
    st('S3MultLogs2', ['s3:GetObject'], [objects, 'arn:aws:s3:::other/*']),
  ]);
});

test('compact: a different effect or condition never merges; equal conditions in any key order do', () => {
  const r = ['arn:aws:s3:::logs'];
  const secure = { Bool: { 'aws:SecureTransport': 'true' }, StringEquals: { 'aws:PrincipalAccount': '1' } };
  const sameInOtherOrder = {
    StringEquals: { 'aws:PrincipalAccount': '1' },
    Bool: { 'aws:SecureTransport': 'true' },
  };
  const statements = [
    st('A', ['s3:GetObject'], r),
    st('B', ['s3:PutObject'], r, 'Deny'),
    st('C', ['s3:ListBucket'], r, 'Allow', secure),
    st('D', ['s3:DeleteObject'], r, 'Allow', sameInOtherOrder),
  ];
  const out = compactStatements(statements);
  assert.equal(out.length, 3);
  assert.deepEqual(
    out.map((s) => [s.Effect, s.Action]),
    [
      ['Allow', ['s3:GetObject']],
      ['Deny', ['s3:PutObject']],
      ['Allow', ['s3:DeleteObject', 's3:ListBucket']],
    ],
  );
  assert.deepEqual((out[2] as unknown as { Condition: unknown }).Condition, secure);
});

test('wildcards: a form is taken only when it matches exactly the same actions (kept for Deny too)', () => {
  const db = tinyDb();
  // minimizeActions alone writes w:ab for Ab and both AbLongName*, which then match only Ab.
  const wanted = [
    'w:Ab',
    'w:AbLongNameOne',
    'w:AbLongNameTwo',
    'w:CdVeryLongActionName',
    'w:CdVeryLongActionNameToo',
  ];
  const lossy = expandActions(db, minimizeActions(db, wanted)).actions;
  assert.ok(!lossy.includes('w:AbLongNameOne'), `minimizeActions gives ${lossy.join()}`);
  // The change offered for a Deny matches all five, the long names written out again.
  const [kept, ...none] = wildcardChanges(db, [st('D', wanted, ['*'], 'Deny')], 'iam');
  assert.deepEqual(none, []);
  assert.deepEqual(kept.after, ['w:ab', 'w:ablongnameone', 'w:ablongnametwo', 'w:c*']);
  assert.deepEqual(expandActions(db, kept.after).actions, [...wanted].sort());
  // And where completing saves nothing, nothing is offered.
  assert.deepEqual(wildcardChanges(db, [st('D', ['x:Ab', 'x:Abc'], ['*'], 'Deny')], 'iam'), []);
  // Long names that share a prefix shorten, and only those that do.
  const [change, ...rest] = wildcardChanges(
    db,
    [st('A', ['y:GetAlphaWidget', 'y:GetAlphaWidgetPolicy', 'y:GetBetaWidget', 'x:Az'], ['*'])],
    'iam',
  );
  assert.deepEqual(change.after, ['y:g*']);
  assert.equal(
    change.saving,
    policySize(['y:GetAlphaWidget', 'y:GetAlphaWidgetPolicy', 'y:GetBetaWidget'], 'iam') -
      policySize(['y:g*'], 'iam'),
  );
  assert.deepEqual(rest, [], 'x:Az alone has nothing shorter worth taking');
  // A minimum length is respected (as --minimize N).
  const [long] = wildcardChanges(
    db,
    [st('A', ['y:GetAlphaWidget', 'y:GetAlphaWidgetPolicy'], ['*'])],
    'iam',
    8,
  );
  assert.deepEqual(long.after, ['y:getalpha*']);
  // Names the database does not know stay as written.
  assert.deepEqual(wildcardChanges(db, [st('A', ['z:Unknown', 'x:*'], ['*'])], 'iam'), []);
});

test('fit: a policy within its quota comes back as it is, the very object', () => {
  const policy = doc([st('A', ['y:GetAlphaWidget'], ['*'])]);
  const { policies, report } = fitPolicy(tinyDb(), policy, parseFitQuota('managed'));
  assert.equal(policies.length, 1);
  assert.equal(policies[0], policy);
  assert.deepEqual(report, {
    quota: parseFitQuota('managed'),
    written: policySize(policy, 'iam'),
    wildcardLists: 0,
    sizes: [policySize(policy, 'iam')],
  });
});

test('fit: merging first, wildcards only when merging is not enough, and only as many as needed', () => {
  const db = tinyDb();
  const resources = ['arn:aws:s3:::a', 'arn:aws:s3:::b'];
  const policy = doc([
    st('One', ['y:GetAlphaWidget', 'y:GetAlphaWidgetPolicy', 'y:GetBetaWidget'], [resources[0]]),
    st('Two', ['y:GetAlphaWidget', 'y:GetAlphaWidgetPolicy', 'y:GetBetaWidget'], [resources[1]]),
    st('Three', ['x:Ab', 'x:Az'], ['*']),
  ]);
  const merged = doc(compactStatements(policy.Statement));
  assert.equal(merged.Statement.length, 2);
  const mergedSize = policySize(merged, 'iam');
  // Just enough room for the merge: no wildcard.
  const a = fitPolicy(db, policy, chars(mergedSize));
  assert.deepEqual(a.policies, [merged]);
  assert.equal(a.report.widened, undefined);
  // A little less: the one list that saves most is shortened, the other stays.
  const b = fitPolicy(db, policy, chars(mergedSize - 5));
  assert.equal(b.report.wildcardLists, 1);
  assert.deepEqual(
    b.policies[0].Statement.map((s) => s.Action),
    [['y:g*'], ['x:Ab', 'x:Az']],
  );
  assert.ok(b.report.sizes[0] <= mergedSize - 5);
});

test('split: pieces by resources, then actions, named Sid1, Sid2...; every policy within the limit', () => {
  const arns = Array.from({ length: 40 }, (_, i) => `arn:aws:s3:::bucket-number-${i}/*`);
  const statements = [
    st('Big', ['s3:GetObject', 's3:PutObject'], arns),
    st('Small', ['s3:ListAllMyBuckets'], ['*']),
  ];
  const parts = splitStatements(statements, 600, 'iam');
  assert.ok(parts.length >= 3, `${parts.length} parts`);
  for (const p of parts) assert.ok(policySize(doc(p), 'iam') <= 600);
  const pieces = parts.flat().filter((s) => s.Sid.startsWith('Big'));
  assert.deepEqual(pieces.flatMap((s) => s.Resource).sort(), [...arns].sort());
  assert.ok(
    pieces.every((s, i, all) => all.findIndex((o) => o.Sid === s.Sid) === i),
    'ids unique',
  );
  assert.ok(pieces.every((s) => /^Big\d+$/.test(s.Sid)));
  // One resource with many actions is cut by actions.
  const actions = Array.from({ length: 60 }, (_, i) => `ec2:DescribeSomethingLong${i}`);
  const byActions = splitStatements([st('Wide', actions, ['*'])], 500, 'iam');
  assert.deepEqual(
    byActions
      .flat()
      .flatMap((s) => s.Action)
      .sort(),
    [...actions].sort(),
  );
  for (const p of byActions) assert.ok(policySize(doc(p), 'iam') <= 500);
});

test('fit: nothing fits -> one UserError with the sizes reached; inline quotas are never split', () => {
  const db = tinyDb();
  const arns = Array.from({ length: 200 }, (_, i) => `arn:aws:s3:::bucket-number-${i}`);
  const policy = doc([st('Big', ['x:Az'], arns)]);
  const size = policySize(policy, 'iam');
  assert.throws(
    () => fitPolicy(db, policy, parseFitQuota('user-inline')),
    (e: unknown) =>
      e instanceof UserError &&
      e.message ===
        `the policy does not fit in the quota of a user's inline policies (2,048 characters, whitespace not counted): ${size.toLocaleString('en-US')} characters as written, ${size.toLocaleString('en-US')} with statements merged; the inline policies of one identity share that quota, so splitting cannot help: attach it as managed policies (--fit managed) instead`,
  );
  // The same policy does split for a per-policy quota of the same size.
  const split = fitPolicy(db, policy, chars(2048));
  assert.ok(split.policies.length > 1);
  // One action on one resource larger than the quota.
  const huge = doc([st('Huge', ['x:Az'], [`arn:aws:s3:::${'x'.repeat(300)}`])]);
  const whole = policySize(huge, 'iam');
  const alone = policySize(huge.Statement[0], 'iam');
  assert.throws(
    () => fitPolicy(db, huge, chars(200)),
    (e: unknown) =>
      e instanceof UserError &&
      e.message ===
        `the policy does not fit in the quota of one policy (200 characters, whitespace not counted): ${whole} characters as written, ${whole} with statements merged; it cannot be split either: statement 'Huge' with one action (x:Az) on one resource is ${alone} characters, more than the ${200 - 39} a policy of that size leaves for one statement`,
  );
});

test('render: compact JSON is exactly what the Organizations quota counts; one policy renders as before', async () => {
  const policy = doc([st('A', ['y:PutThing'], ['arn:aws:s3:::café'], 'Deny')]);
  const compact = await renderFittedPolicy(policy, 'json', { compact: true });
  assert.equal(Buffer.byteLength(compact.trimEnd(), 'utf8'), policySize(policy, 'organizations'));
  assert.deepEqual(JSON.parse(compact), policy);
  for (const format of ['json', 'yaml', 'terraform'] as const) {
    assert.equal(await renderFittedPolicies([policy], format), await renderPolicy(policy, format), format);
  }
  const two = [policy, doc([st('B', ['x:Ab'], ['*'])])];
  assert.deepEqual(JSON.parse(await renderFittedPolicies(two, 'json')), two);
  const lines = (await renderFittedPolicies(two, 'json', { compact: true })).split('\n');
  assert.deepEqual(JSON.parse(lines.join('\n')), two);
  assert.deepEqual(JSON.parse(lines[1].replace(/,$/, '')), two[0], 'one uploadable policy a line');
  const tf = JSON.parse(await renderFittedPolicies(two, 'terraform', { compact: true })) as {
    policy: string;
  }[];
  assert.deepEqual(
    tf.map((t) => JSON.parse(t.policy) as unknown),
    two,
  );
  assert.equal(tf[0].policy, JSON.stringify(two[0]));
});

test('fit: time grows about linearly with the number of statements (ratio within one run)', () => {
  const db = tinyDb();
  // Statements that do not merge (their own action and resource each), so that all are split and packed.
  const policyOf = (n: number) =>
    doc(
      Array.from({ length: n }, (_, i) =>
        st(`S${i}`, [`z:Action${i}`, 'x:Az'], [`arn:aws:s3:::bucket-${i}`]),
      ),
    );
  const time = (n: number): number => {
    const policy = policyOf(n);
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      fitPolicy(db, policy, parseFitQuota('managed'));
      best = Math.min(best, performance.now() - start);
    }
    return best;
  };
  time(500); // warm up
  const ratio = time(8000) / time(2000);
  assert.ok(ratio <= 8, `time(8000)/time(2000) = ${ratio.toFixed(1)} (linear 4, quadratic 16)`);
});

test('compact: merging many statements into one grows about linearly (ratio within one run)', () => {
  // Every statement on the same resource: all merge into one, whose action list is tidied once.
  const statementsOf = (n: number) =>
    Array.from({ length: n }, (_, i) => st(`S${i}`, [`z:Action${i}`], ['arn:aws:s3:::one']));
  const time = (n: number): number => {
    const statements = statementsOf(n);
    let best = Infinity;
    for (let run = 0; run < 3; run++) {
      const start = performance.now();
      const out = compactStatements(statements);
      best = Math.min(best, performance.now() - start);
      assert.equal(out.length, 1);
    }
    return best;
  };
  time(500);
  const ratio = time(16000) / time(4000);
  assert.ok(ratio <= 8, `time(16000)/time(4000) = ${ratio.toFixed(1)} (linear 4, quadratic 16)`);
});
