import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writePolicy } from '../../src/writing/policy/write.js';
import { emptyCrudTemplate } from '../../src/writing/template/empty.js';
import type { ActionsTemplate, CrudTemplate, PolicyStatement } from '../../src/writing/types.js';
import { UserError } from '../../src/util/errors.js';
import { fixtureDb, OBJECT_ARN } from './fixture-db.js';

const BUCKET = 'arn:aws:store:us-east-1:123456789012:bucket/b1';
const OBJECT = 'arn:aws:store:us-east-1:123456789012:bucket/b1/object/k';
const KEY = 'arn:aws:keys:us-east-1:123456789012:key/k1';

function crud(
  part: Partial<CrudTemplate> & { wildcard?: Partial<CrudTemplate['wildcardOnly']> } = {},
): CrudTemplate {
  const { wildcard, ...rest } = part;
  const empty = emptyCrudTemplate();
  return { ...empty, wildcardOnly: { ...empty.wildcardOnly, ...wildcard }, ...rest };
}

function actions(list: string[], effect: 'Allow' | 'Deny' = 'Allow'): ActionsTemplate {
  return { mode: 'actions', name: '', effect, actions: list };
}

const stmt = (
  Sid: string,
  Action: string[],
  Resource: string[],
  Effect: 'Allow' | 'Deny' = 'Allow',
): PolicyStatement => ({
  Sid,
  Effect,
  Action,
  Resource,
});

test('crud read on a bucket: one statement named service, level and resource type', () => {
  const policy = writePolicy(fixtureDb(), crud({ read: [BUCKET] }));
  assert.deepEqual(policy, {
    Version: '2012-10-17',
    Statement: [stmt('StoreReadBucket', ['store:GetBucket'], [BUCKET])],
  });
});

test('an ARN can fall under several resource types (an object ARN also has the bucket format)', () => {
  const policy = writePolicy(fixtureDb(), crud({ read: [OBJECT] }));
  assert.deepEqual(policy.Statement, [
    stmt('StoreReadBucket', ['store:GetBucket'], [OBJECT]),
    stmt('StoreReadObject', ['store:GetObject', 'store:GetObjectAcl'], [OBJECT]),
  ]);
});

test('resources of one statement keep the order given, without repeats', () => {
  const other = 'arn:aws:store:us-east-1:123456789012:bucket/a0';
  const policy = writePolicy(fixtureDb(), crud({ read: [BUCKET, other, BUCKET] }));
  assert.deepEqual(policy.Statement, [stmt('StoreReadBucket', ['store:GetBucket'], [BUCKET, other])]);
});

test('dependent actions join when the resource type covers them, else go to MultMultNone (placed first)', () => {
  const policy = writePolicy(fixtureDb(), crud({ write: [OBJECT] }));
  // PutObject depends on GetBucket (bucket only) and keys:Decrypt (another service): both on `*`;
  // GetObjectAcl has the object type, so it joins the object statement.
  assert.deepEqual(policy.Statement, [
    stmt('MultMultNone', ['keys:Decrypt', 'store:GetBucket'], ['*']),
    stmt('StoreWriteObject', ['store:GetObjectAcl', 'store:PutObject'], [OBJECT]),
    stmt('StoreWriteBucket', ['store:DeleteBucket'], [OBJECT]),
  ]);
});

test('exclude-actions takes names and wildcards, any case; statements left empty disappear', () => {
  const policy = writePolicy(fixtureDb(), crud({ read: [OBJECT], excludeActions: ['STORE:getobj*'] }));
  assert.deepEqual(policy.Statement, [stmt('StoreReadBucket', ['store:GetBucket'], [OBJECT])]);
  const warnings: string[] = [];
  const none = writePolicy(fixtureDb(), crud({ read: [OBJECT], excludeActions: ['*'] }), {
    onWarning: (w) => warnings.push(w),
  });
  assert.deepEqual(none.Statement, []);
  assert.deepEqual(warnings, ['exclude-actions removed every action; the policy grants nothing']);
});

test('exclude-actions: a run of stars is one star (`**` excludes everything, `store:**obj**` as `store:*obj*`)', () => {
  const none = writePolicy(fixtureDb(), crud({ read: [OBJECT], excludeActions: ['**'] }));
  assert.deepEqual(none.Statement, []);
  const some = writePolicy(fixtureDb(), crud({ read: [OBJECT], excludeActions: ['store:**obj***'] }));
  assert.deepEqual(some.Statement, [stmt('StoreReadBucket', ['store:GetBucket'], [OBJECT])]);
  const nothing = writePolicy(fixtureDb(), crud({ read: [OBJECT], excludeActions: ['store:**********x'] }));
  assert.deepEqual(nothing, writePolicy(fixtureDb(), crud({ read: [OBJECT] })));
});

test('many ARNs in one section: each once, in the order given', () => {
  const arns = [...Array(2000).keys()].map((i) => `arn:aws:store:us-east-1:123456789012:bucket/b${i}`);
  const policy = writePolicy(fixtureDb(), crud({ read: [...arns, ...arns.slice(0, 500).reverse()] }));
  assert.deepEqual(policy.Statement, [stmt('StoreReadBucket', ['store:GetBucket'], arns)]);
});

test('actions mode: resources are the ARN formats, other actions of the type are dropped, * duplicates removed', () => {
  const policy = writePolicy(fixtureDb(), actions(['store:putobject']));
  // Dependent GetObjectAcl is granted on the object format, so it is not also granted on `*`.
  assert.deepEqual(policy.Statement, [
    stmt('MultMultNone', ['keys:Decrypt', 'store:GetBucket'], ['*']),
    stmt('StoreWriteObject', ['store:GetObjectAcl', 'store:PutObject'], [OBJECT_ARN]),
  ]);
});

test('actions mode: an action without resource types goes to MultMultNone with its dependent actions', () => {
  const policy = writePolicy(fixtureDb(), actions(['keys:CreateKey', 'keys:DescribeKey'], 'Deny'));
  assert.deepEqual(policy.Statement, [
    stmt(
      'KeysReadKey',
      ['keys:DescribeKey'],
      ['arn:${Partition}:keys:${Region}:${Account}:key/${KeyId}'],
      'Deny',
    ),
    stmt('MultMultNone', ['iam:CreateServiceLinkedRole', 'keys:CreateKey'], ['*'], 'Deny'),
  ]);
});

test('wildcard-only: named actions that need a resource are left out; service sections take all', () => {
  const single = writePolicy(
    fixtureDb(),
    crud({ wildcard: { singleActions: ['store:ListBuckets', 'store:GetBucket'] } }),
  );
  assert.deepEqual(single.Statement, [stmt('MultMultNone', ['store:ListBuckets'], ['*'])]);
  const service = writePolicy(fixtureDb(), crud({ wildcard: { serviceList: ['STORE'] } }));
  assert.deepEqual(service.Statement, [
    stmt('MultMultNone', ['keys:DescribeKey', 'store:ListAllThings', 'store:ListBuckets'], ['*']),
  ]);
});

test('skip-resource-constraints: granted on * as written (policy_sentry keeps the spelling)', () => {
  const policy = writePolicy(
    fixtureDb(),
    crud({ read: [KEY], skipResourceConstraints: ['store:getobject', 'keys:DescribeKey'] }),
  );
  assert.deepEqual(policy.Statement, [
    stmt('KeysReadKey', ['keys:DescribeKey'], [KEY]),
    stmt('SkipResourceConstraints', ['keys:DescribeKey', 'store:getobject'], ['*']),
  ]);
});

test('sts: one statement per assume-role action, on the role ARNs, in the template order of the keys', () => {
  const role = 'arn:aws:iam::123456789012:role/deploy';
  const t = crud({ sts: { assumeRoleWithSaml: [role], assumeRole: [role], assumeRoleWithWebIdentity: [] } });
  const policy = writePolicy(fixtureDb(), t);
  assert.deepEqual(policy.Statement, [
    stmt('AssumeRoleWithSAML', ['sts:AssumeRoleWithSAML'], [role]),
    stmt('AssumeRole', ['sts:AssumeRole'], [role]),
  ]);
});

test('minimize shortens actions and merges statements on the same resources under a Mult name', () => {
  const policy = writePolicy(fixtureDb(), crud({ read: [OBJECT] }), { minimize: 0 });
  // Both statements are on [OBJECT]: the second merges into the first, which is renamed after the ARN.
  assert.deepEqual(policy.Statement, [
    stmt('StoreMultBucketb1objectk', ['store:getb*', 'store:geto*'], [OBJECT]),
  ]);
});

test('a resource type with nothing at the level asked for gives no statement', () => {
  assert.deepEqual(writePolicy(fixtureDb(), crud({ list: [BUCKET] })).Statement, []);
});

test('bad values fail with a UserError naming them, never a partial policy', () => {
  const db = fixtureDb();
  const cases: [CrudTemplate | ActionsTemplate, RegExp][] = [
    [crud({ read: ['not-an-arn'] }), /read: 'not-an-arn' is not a valid ARN/],
    [crud({ read: [BUCKET, 'arn:aws:nope:::x'] }), /unknown service 'nope'/],
    [crud({ read: ['arn:aws:STORE:us-east-1:1:bucket/b'] }), /spell it 'store'/],
    [actions(['store:GetBuckett']), /unknown action 'store:GetBuckett'; did you mean 'store:GetBucket'/],
    [actions(['store:Get*']), /wildcard/],
    [actions(['GetBucket']), /not an action name/],
    [crud({ skipResourceConstraints: ['keys:Nope'] }), /skip-resource-constraints: unknown action/],
    [crud({ wildcard: { serviceRead: ['nope'] } }), /service-read: unknown service 'nope'/],
    [crud({ excludeActions: ['nope:Get'] }), /exclude-actions: unknown service/],
    [
      crud({ sts: { assumeRole: ['role'], assumeRoleWithSaml: [], assumeRoleWithWebIdentity: [] } }),
      /not a valid ARN/,
    ],
    [{ ...actions([]), effect: 'allow' as 'Allow' }, /effect must be 'Allow' or 'Deny'/],
  ];
  for (const [template, message] of cases) {
    assert.throws(
      () => writePolicy(db, template),
      (e: unknown) => e instanceof UserError && message.test(e.message),
    );
  }
  assert.throws(() => writePolicy(db, actions([]), { minimize: -1 }), UserError);
});

test('service and action names are case-insensitive; output uses the database spelling', () => {
  const policy = writePolicy(fixtureDb(), actions(['STORE:getbucket']));
  assert.deepEqual(policy.Statement, [
    stmt(
      'StoreReadBucket',
      ['store:GetBucket'],
      ['arn:${Partition}:store:${Region}:${Account}:bucket/${BucketName}'],
    ),
  ]);
});

test('entries that grant nothing still give a policy, with a warning for each', () => {
  const warnings: string[] = [];
  const t = crud({
    list: [BUCKET],
    wildcard: { singleActions: ['store:GetBucket'] },
    sts: { assumeRole: ['arn:aws:iam::1:user/bob'], assumeRoleWithSaml: [], assumeRoleWithWebIdentity: [] },
  });
  const policy = writePolicy(fixtureDb(), t, { onWarning: (m) => warnings.push(m) });
  assert.deepEqual(policy.Statement, []);
  assert.equal(warnings.length, 3);
  assert.match(warnings[0], /single-actions: 'store:GetBucket' takes resource ARNs/);
  assert.match(warnings[1], /list: no List action of 'store' applies to/);
  assert.match(warnings[2], /sts assume-role: 'arn:aws:iam::1:user\/bob' is not a role ARN/);
});

test('an ARN in a namespace the database uses but no service has: nothing granted, a warning', () => {
  const warnings: string[] = [];
  const t = crud({ read: ['arn:aws:vault:us-east-1:1:vault/v', BUCKET] });
  const policy = writePolicy(fixtureDb(), t, { onWarning: (m) => warnings.push(m) });
  assert.deepEqual(policy.Statement, [stmt('StoreReadBucket', ['store:GetBucket'], [BUCKET])]);
  assert.match(
    warnings.join('\n'),
    /read: ARN 'arn:aws:vault:us-east-1:1:vault\/v' is in no service's namespace/,
  );
});

test('minimize: a Deny denies every action the full Deny does; an Allow keeps policy_sentry answer and warns', () => {
  // store:getobject is, at 9 characters, the prefix policy_sentry picks for GetObjectAcl too (see
  // minimize.test.ts), so its rule alone would leave GetObjectAcl out. The two statements on the object
  // merge, which minimizes a second time.
  const t = crud({ read: [OBJECT] });
  const denyWarnings: string[] = [];
  const deny = writePolicy(
    fixtureDb(),
    { ...t, effect: 'Deny' },
    { minimize: 9, onWarning: (w) => denyWarnings.push(w) },
  );
  const merged = 'StoreMultBucketb1objectk';
  assert.deepEqual(deny.Statement, [
    stmt(merged, ['store:getbucket', 'store:getobject', 'store:getobjectacl'], [OBJECT], 'Deny'),
  ]);
  assert.deepEqual(denyWarnings, []);

  const allowWarnings: string[] = [];
  const allow = writePolicy(fixtureDb(), t, { minimize: 9, onWarning: (w) => allowWarnings.push(w) });
  assert.deepEqual(allow.Statement, [stmt(merged, ['store:getbucket', 'store:getobject'], [OBJECT])]);
  assert.equal(allowWarnings.length, 1);
  assert.match(
    allowWarnings[0],
    /^minimize: the minimized policy no longer grants store:GetObjectAcl \(StoreMultBucketb1objectk\) \(narrower/,
  );
  // Nothing dropped, nothing said.
  const quiet: string[] = [];
  writePolicy(fixtureDb(), t, { minimize: 4, onWarning: (w) => quiet.push(w) });
  assert.deepEqual(quiet, []);
});

test('dependent actions granted on * are named in a warning; actions the template put there are not', () => {
  const warnings: string[] = [];
  // PutObject depends on store:GetBucket and keys:Decrypt, which go to MultMultNone on '*'.
  writePolicy(fixtureDb(), crud({ write: [OBJECT] }), { onWarning: (w) => warnings.push(w) });
  assert.deepEqual(warnings, [
    "dependent actions granted on Resource '*' in MultMultNone (other actions of the policy need them; as " +
      'policy_sentry does): keys:Decrypt, store:GetBucket; review them (exclude-actions leaves out what you ' +
      'do not want)',
  ]);

  const denied: string[] = [];
  writePolicy(fixtureDb(), actions(['store:PutObject'], 'Deny'), { onWarning: (w) => denied.push(w) });
  assert.equal(denied.length, 1);
  assert.match(
    denied[0],
    /^dependent actions denied on Resource '\*' .*: keys:Decrypt, store:GetBucket; review them \(remove from the policy what you do not want\)$/,
  );

  // keys:CreateKey depends on iam:CreateServiceLinkedRole: asked for on '*' by name, it is no surprise.
  const asked: string[] = [];
  const t = crud({
    wildcard: { singleActions: ['keys:CreateKey'] },
    skipResourceConstraints: ['iam:CreateServiceLinkedRole'],
  });
  writePolicy(fixtureDb(), t, { onWarning: (w) => asked.push(w) });
  const single: string[] = [];
  writePolicy(fixtureDb(), crud({ wildcard: { singleActions: ['keys:CreateKey'] } }), {
    onWarning: (w) => single.push(w),
  });
  assert.deepEqual(asked, []);
  assert.deepEqual(single.length, 1);
  assert.match(
    single[0],
    /^dependent action granted .*need it; .*: iam:CreateServiceLinkedRole; review it \(/,
  );

  // A dependent that another statement grants on its resource is not on '*', and one excluded is gone.
  const none: string[] = [];
  writePolicy(fixtureDb(), crud({ read: [OBJECT] }), { onWarning: (w) => none.push(w) });
  const excluded: string[] = [];
  writePolicy(fixtureDb(), crud({ write: [OBJECT], excludeActions: ['keys:Decrypt'] }), {
    onWarning: (w) => excluded.push(w),
  });
  assert.deepEqual(none, []);
  assert.equal(excluded.length, 1);
  assert.match(excluded[0], /: store:GetBucket; /);
});
