// lint's file inputs: policy files, folders, stdin, authorization details and CDK cloud assemblies; files
// that cannot be read or parsed; which files a folder walk takes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { lintableFilesUnder } from '../../src/linting/inputs/read.js';
import { FIXTURES, fixture, named, positionOf, readAll, resources } from './inputs-helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'iamwright-lint-files-'));

test('a folder: policies at any depth; package.json and non-CloudFormation YAML skipped; a broken policy reported', () => {
  const dir = fixture('policies');
  const { policies, problems } = readAll([dir]);
  assert.deepEqual(
    policies.map((p) => relative(dir, p.file)),
    [join('nested', 'describe.json'), 'read-only.json'],
  );
  assert.ok(
    policies.every((p) => p.policyType === 'identity' && p.name === undefined && p.sizeQuota === undefined),
  );
  const broken = fixture('policies', 'broken.json');
  assert.deepEqual(problems, [
    {
      file: broken,
      rule: 'grammar/json-syntax',
      message: 'invalid JSON: trailing comma before }',
      ...positionOf(broken, '}', '"arn:aws:sqs'),
    },
  ]);
});

test('a file named explicitly is linted as a policy even when it does not look like one', () => {
  const pkg = fixture('policies', 'package.json');
  const { policies } = readAll([pkg], { policyType: 'resource' });
  assert.equal(policies.length, 1);
  assert.equal(policies[0].policyType, 'resource');
  assert.deepEqual(policies[0].document, JSON.parse(readFileSync(pkg, 'utf8')));
});

test('positions in a policy file: actions, resources, a single statement object', () => {
  const file = fixture('policies', 'read-only.json');
  const [p] = readAll([file]).policies;
  assert.deepEqual(p.locate(['Statement', 0, 'Action', 1]), positionOf(file, '"s3:ListBucket"'));
  assert.deepEqual(p.locate(['Statement', 0, 'Resource', 1]), positionOf(file, '"arn:aws:s3:::reports/*"'));
  assert.deepEqual(p.locate(['Statement', 0, 'Sid']), positionOf(file, '"Sid"'));
  assert.deepEqual(p.locate([]), { line: 1, column: 1 });
  const single = fixture('policies', 'nested', 'describe.json');
  const [d] = readAll([single]).policies;
  assert.deepEqual(d.locate(['Statement', 'Action']), positionOf(single, '"Action"'));
});

test('stdin: a policy, or a CloudFormation template in YAML', () => {
  const policy = '{"Version": "2012-10-17", "Statement": []}';
  const a = readAll(['-'], { readStdin: () => policy });
  assert.equal(a.policies.length, 1);
  assert.equal(a.policies[0].file, '-');
  const template = readFileSync(fixture('cloudformation', 'app.yaml'), 'utf8');
  const b = readAll(['-'], { readStdin: () => template });
  assert.ok(b.policies.some((p) => p.name === 'QueueSendPolicy' && p.file === '-'));
  const empty = readAll(['-'], { readStdin: () => '  \n' });
  assert.deepEqual(
    empty.problems.map((p) => p.rule),
    ['input/unreadable'],
  );
});

test('a missing path, an empty folder: input/unreadable, and the other paths are still read', () => {
  const empty = join(tmp, 'empty');
  mkdirSync(empty);
  const good = fixture('policies', 'read-only.json');
  const { policies, problems } = readAll([join(tmp, 'missing.json'), empty, good]);
  assert.deepEqual(
    problems.map((p) => [p.file, p.rule, p.message]),
    [
      [join(tmp, 'missing.json'), 'input/unreadable', 'no such file or folder'],
      [empty, 'input/unreadable', 'folder holds no *.json, *.yaml, *.yml or *.template files'],
    ],
  );
  assert.equal(policies.length, 1);
});

test('a folder walk skips node_modules and dot-folders, and in cdk.out takes only the templates', () => {
  const root = join(tmp, 'walk');
  for (const d of ['node_modules/x', '.git', 'infra/cdk.out/asset.abc', 'infra/cdk.out/assembly-Stage']) {
    mkdirSync(join(root, d), { recursive: true });
  }
  const files = [
    'node_modules/x/policy.json',
    '.git/policy.json',
    'infra/main.yaml',
    'infra/cdk.out/manifest.json',
    'infra/cdk.out/App.template.json',
    'infra/cdk.out/asset.abc/policy.json',
    'infra/cdk.out/assembly-Stage/Stage-App.template.json',
    'infra/readme.md',
  ];
  for (const f of files) writeFileSync(join(root, f), '{}');
  assert.deepEqual(
    lintableFilesUnder(root).files.map((f) => relative(root, f).split('\\').join('/')),
    [
      'infra/cdk.out/App.template.json',
      'infra/cdk.out/assembly-Stage/Stage-App.template.json',
      'infra/main.yaml',
    ],
  );
});

test('CDK synth output: the template of cdk.out, with CDK-style Fn::Join and Fn::GetAtt', () => {
  const { policies, problems } = readAll([fixture('cdk.out')]);
  assert.deepEqual(problems, []);
  const template = fixture('cdk.out', 'AppStack.template.json');
  assert.ok(policies.every((p) => p.file === template));
  assert.deepEqual(
    policies.map((p) => `${p.name} ${p.policyType} ${p.sizeQuota ?? '-'}`),
    [
      'HandlerServiceRoleFCDC14AE/AssumeRolePolicyDocument trust -',
      'HandlerServiceRoleDefaultPolicy5A3DA9D6 identity role-inline',
    ],
  );
  const policy = named(policies, 'HandlerServiceRoleDefaultPolicy5A3DA9D6');
  assert.deepEqual(resources(policy.document), ['${Table7ABB1B9B.Arn}', '${Table7ABB1B9B.Arn}/index/*']);
  assert.deepEqual(policy.locate(['Statement', 0, 'Action', 2]), positionOf(template, '"dynamodb:Query"'));
});

test('authorization details: default versions, inline policies, trust policies, with type, quota and position', () => {
  const file = fixture('auth-details.json');
  const { policies, problems } = readAll([file]);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    policies.map((p) => `${p.name} ${p.policyType} ${p.sizeQuota ?? '-'}`),
    [
      'app-deploy identity managed',
      'user/ci/push-images identity user-inline',
      'group/operators/read-logs identity group-inline',
      'role/app-task/AssumeRolePolicyDocument trust -',
      'role/app-task/receive-jobs identity role-inline',
    ],
  );
  // The default version (v2), not the first.
  const deploy = named(policies, 'app-deploy');
  assert.deepEqual(resources(deploy.document), ['arn:aws:ecs:eu-west-1:111122223333:service/app/web']);
  assert.deepEqual(deploy.locate(['Statement', 0, 'Sid']), positionOf(file, '"Sid"', '"v1"'));
  // A URL-encoded document (the raw API's form) is decoded; positions point at its string.
  const jobs = named(policies, 'role/app-task/receive-jobs');
  assert.deepEqual(resources(jobs.document), ['arn:aws:sqs:eu-west-1:111122223333:jobs']);
  const encoded = positionOf(file, '"%7B', '"receive-jobs"');
  assert.deepEqual(jobs.locate(['Statement', 0, 'Resource']), encoded);
});

test('authorization details: a managed policy without a default version is reported, the rest still read', () => {
  const details = JSON.parse(readFileSync(fixture('auth-details.json'), 'utf8'));
  for (const v of details.Policies[0].PolicyVersionList) v.IsDefaultVersion = false;
  details.Policies[0].DefaultVersionId = 'v9';
  const file = join(tmp, 'details.json');
  writeFileSync(file, JSON.stringify(details, null, 2));
  const { policies, problems } = readAll([file]);
  assert.deepEqual(
    problems.map((p) => [p.rule, p.policy, p.message, p.line]),
    [
      [
        'input/unreadable',
        'app-deploy',
        'no default version in PolicyVersionList',
        positionOf(file, '{', '"Policies"').line,
      ],
    ],
  );
  assert.equal(policies.length, 4);
});

test('the fixtures folder as a whole: every format at once', () => {
  const { policies } = readAll([FIXTURES]);
  const files = new Set(policies.map((p) => relative(FIXTURES, p.file).split('\\').join('/')));
  assert.deepEqual([...files].sort(), [
    'auth-details.json',
    'cdk.out/AppStack.template.json',
    'cloudformation/app.yaml',
    'cloudformation/keys.json',
    'policies/nested/describe.json',
    'policies/read-only.json',
    'terraform/plan.json',
    'terraform/state.json',
  ]);
});

test('a key written twice: grammar/duplicate-key at the second one, and the document still read (last wins)', () => {
  const file = join(tmp, 'dup.json');
  const text =
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Effect": "Allow", "Action": "iam:PassRole", "Resource": "*", "Effect": "Deny" }\n  ]\n}\n';
  writeFileSync(file, text);
  const { policies, problems } = readAll([file]);
  assert.deepEqual(problems, [
    {
      file,
      rule: 'grammar/duplicate-key',
      message:
        "'Effect' appears more than once in the same object; parsers disagree on which counts (this reads the last)",
      ...positionOf(file, '"Effect": "Deny"'),
    },
  ]);
  assert.equal((policies[0].document as { Statement: { Effect: string }[] }).Statement[0].Effect, 'Deny');
  // The same key in different objects is no repeat; a key inside a string is no key.
  writeFileSync(file, '{"Statement": [{"Sid": "a"}, {"Sid": "b", "Condition": {"x": "\\"Sid\\": 1"}}]}');
  assert.deepEqual(readAll([file]).problems, []);
});

test('authorization details whose lists are malformed: input/malformed naming what, never skipped silently', () => {
  const file = join(tmp, 'malformed.json');
  writeFileSync(file, '{"UserDetailList": {"UserName": "x"}, "Policies": [3]}');
  // Managed policies are read first, then users, groups and roles.
  assert.deepEqual(
    readAll([file]).problems.map((p) => [p.rule, p.message, p.line, p.column]),
    [
      ['input/malformed', 'Policies[0] should be an object', 1, positionOf(file, '3]').column],
      [
        'input/malformed',
        'UserDetailList should be a list, not an object',
        1,
        positionOf(file, '"UserDetailList"').column,
      ],
    ],
  );
  writeFileSync(file, '{"RoleDetailList": [{"RoleName": "r", "UserPolicyList": []}], "Policies": []}');
  assert.deepEqual(
    readAll([file]).problems.map((p) => p.message),
    ["role 'r' has UserPolicyList; a role's inline policies are under RolePolicyList"],
  );
});

test('a path that is not a readable folder is reported, not skipped', () => {
  const file = fixture('policies', 'read-only.json');
  const r = lintableFilesUnder(file);
  assert.deepEqual(r.files, []);
  assert.deepEqual(r.unreadable, [{ path: file, message: 'cannot read folder: ENOTDIR' }]);
});
