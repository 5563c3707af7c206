import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { expandActionPattern, expandActions, complementActions } from '../../src/querying/index.js';
import { expandPolicy, PolicyFormatError } from '../../src/analysis/index.js';
import { openDatabase } from '../../src/database/index.js';
import { UserError } from '../../src/util/errors.js';
import { KIT_DB } from '../support/paths.js';
import { miniDb, MINI_ACTION_COUNT, policy } from './fixtures.js';

const db = miniDb();

test('a verb wildcard expands within its service, in the database spelling', () => {
  assert.deepEqual(expandActionPattern(db, 's3:get*').actions, ['s3:GetBucketPolicy', 's3:GetObject']);
  assert.deepEqual(expandActionPattern(db, 'S3:GETOBJECT').actions, ['s3:GetObject']);
});

test('* and ? work anywhere, including the service part', () => {
  assert.deepEqual(expandActionPattern(db, '*:GetObject').actions, ['s3:GetObject', 's3express:GetObject']);
  assert.deepEqual(expandActionPattern(db, 's3*:Get*').actions, [
    's3:GetBucketPolicy',
    's3:GetObject',
    's3express:GetObject',
  ]);
  assert.deepEqual(expandActionPattern(db, 'ec?:*Instances').actions, [
    'ec2:DescribeInstances',
    'ec2:RunInstances',
  ]);
  assert.deepEqual(expandActionPattern(db, 'iam:*Role*').actions, [
    'iam:GetRole',
    'iam:ListRoles',
    'iam:PassRole',
    'iam:PutRolePolicy',
    'iam:TagRole',
  ]);
  assert.deepEqual(expandActionPattern(db, 'iam:?assRole').actions, ['iam:PassRole']);
});

test('* alone and *:* are every action', () => {
  assert.equal(expandActionPattern(db, '*').actions.length, MINI_ACTION_COUNT);
  assert.equal(expandActionPattern(db, '*:*').actions.length, MINI_ACTION_COUNT);
});

test('unknown services and actions are reported, not thrown', () => {
  assert.deepEqual(expandActionPattern(db, 'nosuch:Get*'), {
    pattern: 'nosuch:Get*',
    actions: [],
    problem: 'unknown-service',
    message: "unknown service 'nosuch'",
  });
  assert.equal(expandActionPattern(db, 's3:GetObjekt').problem, 'unknown-action');
  assert.equal(expandActionPattern(db, 's3:Nothing*').problem, 'unknown-action');
  assert.equal(expandActionPattern(db, 'zz*:Get*').problem, 'unknown-service');
  for (const bad of ['s3GetObject', 's3:', ':GetObject', ' s3:GetObject']) {
    assert.equal(expandActionPattern(db, bad).problem, 'malformed', bad);
  }
  const all = expandActions(db, ['s3:GetObject', 'nosuch:X', 's3:GetObject']);
  assert.deepEqual(all.actions, ['s3:GetObject']);
  assert.deepEqual(
    all.unknown.map((u) => u.pattern),
    ['nosuch:X'],
  );
});

test('NotAction: the complement within the services named, or within every service', () => {
  assert.deepEqual(complementActions(db, ['s3:Get*', 's3:Put*']).actions, ['s3:ListBucket']);
  assert.deepEqual(complementActions(db, 'ec2:*').actions, []);
  const everywhere = complementActions(db, ['iam:*'], { scope: 'all-services' }).actions;
  assert.equal(everywhere.length, MINI_ACTION_COUNT - 6);
  assert.ok(everywhere.includes('s3:GetObject') && !everywhere.some((a) => a.startsWith('iam:')));
});

test('expandPolicy keeps statements, Sid, Effect, Resource and Condition; only actions change', () => {
  const doc = policy(
    {
      Sid: 'A',
      Effect: 'Allow',
      Action: 'ecr:*',
      Resource: 'arn:aws:ecr:*:*:repository/x',
      Condition: { Bool: { 'aws:SecureTransport': 'true' } },
    },
    { Effect: 'Deny', NotAction: ['iam:Get*', 'nosuch:Thing'], Resource: '*' },
    { Effect: 'Allow', Action: 's3:getobject', Resource: '*' },
  );
  const { policy: out, unknown } = expandPolicy(db, doc);
  assert.deepEqual(out, {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'A',
        Effect: 'Allow',
        Action: ['ecr:DescribeRepositories', 'ecr:GetAuthorizationToken'],
        Resource: 'arn:aws:ecr:*:*:repository/x',
        Condition: { Bool: { 'aws:SecureTransport': 'true' } },
      },
      // NotAction is written out in place, so the statement means what it meant; unknown names are kept.
      { Effect: 'Deny', NotAction: ['iam:GetRole', 'nosuch:Thing'], Resource: '*' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
    ],
  });
  assert.deepEqual(
    unknown.map((u) => [u.statement, u.pattern, u.problem]),
    [['#1', 'nosuch:Thing', 'unknown-service']],
  );
  assert.equal(doc.Statement[0].Action, 'ecr:*', 'the input is not modified');
});

test('expandPolicy accepts a single statement object and rejects what is not a policy', () => {
  const out = expandPolicy(db, { Statement: { Effect: 'Allow', Action: 'iam:Pass*', Resource: '*' } }).policy;
  assert.deepEqual(out, { Statement: { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' } });
  assert.throws(() => expandPolicy(db, { Version: '2012-10-17' }), PolicyFormatError);
  assert.throws(() => expandPolicy(db, [1, 2]), PolicyFormatError);
  assert.throws(
    () => expandPolicy(db, policy({ Effect: 'allow', Action: '*' })),
    /Effect must be "Allow" or "Deny"/,
  );
  assert.throws(() => expandPolicy(db, policy({ Effect: 'Allow' })), /exactly one of Action or NotAction/);
  assert.throws(
    () => expandPolicy(db, policy({ Effect: 'Allow', Action: [1] })),
    /Action must be a string or a list/,
  );
});

test(
  'against the kit database: *:Get* crosses services and s3:* is all of S3',
  { skip: !existsSync(KIT_DB) && 'kit database absent' },
  () => {
    const kit = openDatabase(KIT_DB);
    const gets = expandActionPattern(kit, '*:Get*').actions;
    assert.ok(
      gets.includes('s3:GetObject') && gets.includes('iam:GetRole') && gets.includes('ec2:GetConsoleOutput'),
    );
    assert.ok(gets.every((a) => /^[a-z0-9-]+:get/i.test(a)));
    // Matching ignores case, as IAM does: API Gateway's action is spelt GET.
    assert.ok(gets.includes('apigateway:GET'));
    const s3 = kit.service('s3');
    assert.equal(
      expandActionPattern(kit, 's3:*').actions.length,
      new Set(s3?.actions.map((a) => a.name)).size,
    );
    assert.deepEqual(expandActionPattern(kit, 'iam:pass*').actions, ['iam:PassRole']);
  },
);

test('a pattern made only of stars is `*`: Action, NotAction and the action part', () => {
  for (const stars of ['**', '*****']) {
    assert.equal(expandActionPattern(db, stars).actions.length, MINI_ACTION_COUNT, stars);
    assert.equal(expandActionPattern(db, stars).problem, undefined, stars);
    assert.deepEqual(complementActions(db, stars).actions, [], stars);
  }
  assert.deepEqual(expandActionPattern(db, 'ec2:**').actions, expandActionPattern(db, 'ec2:*').actions);
  assert.deepEqual(
    expandActionPattern(db, 's3:**Get***').actions,
    expandActionPattern(db, 's3:*Get*').actions,
  );
  assert.equal(expandActionPattern(db, '*?').problem, 'malformed', 'a `?` is not a star');
});

test('expandPolicy refuses, with a UserError naming the document, an expansion too large to print', () => {
  const doc = policy(
    { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
    { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
  );
  // iam:* is 6 names of 12 to 20 characters; each takes its length plus 20 once printed.
  assert.throws(
    () => expandPolicy(db, doc, { maxOutputChars: 200, document: 'big.json' }),
    (e: Error) =>
      e instanceof UserError &&
      e.message ===
        'big.json: the expansion is too large: the action names of its 2 statements take more than ' +
          '200 bytes of JSON; expand fewer statements at a time',
  );
  const fits = expandPolicy(db, doc, { maxOutputChars: 1000 });
  assert.deepEqual((fits.policy.Statement as { Action: unknown }[])[1].Action, 's3:GetObject');
  assert.ok(JSON.stringify(fits.policy, null, 4).length < 1000);
  // The default limit is far above real policies.
  assert.equal(expandPolicy(db, doc).unknown.length, 0);
});
