// lint's CloudFormation input: which policies a template holds, their types and quotas, intrinsic functions
// read as placeholders, and positions that point at the policy's elements in the template.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveIntrinsics } from '../../src/linting/inputs/intrinsics.js';
import { jsonSourceTree, toValue } from '../../src/linting/inputs/source-tree.js';
import { yamlSourceTree } from '../../src/linting/inputs/yaml-tree.js';
import { fixture, named, positionOf, readAll, resources } from './inputs-helpers.js';

const APP = fixture('cloudformation', 'app.yaml');
const KEYS = fixture('cloudformation', 'keys.json');
const tmp = mkdtempSync(join(tmpdir(), 'iamwright-lint-cfn-'));

test('YAML template: every IAM, S3 and SQS policy, with the type and quota its place implies', () => {
  const { policies } = readAll([APP]);
  const kinds = [...new Set(policies.map((p) => `${p.name} ${p.policyType} ${p.sizeQuota ?? '-'}`))].sort();
  assert.deepEqual(kinds, [
    'AppBucketPolicy resource -',
    'AppQueuePolicy resource -',
    'AppRole/AssumeRolePolicyDocument trust -',
    'AppRole/Policies/ReadAppBucket identity role-inline',
    'AppRole/Policies/WriteLogs identity role-inline',
    'QueueSendPolicy identity managed',
  ]);
  assert.ok(policies.every((p) => p.file === APP));
});

test('short forms become placeholders: !Sub keeps its string, !GetAtt and !Ref read as Fn::Sub writes them', () => {
  const { policies } = readAll([APP]);
  const read = policies.filter((p) => p.name === 'AppRole/Policies/ReadAppBucket');
  const withDelete = read.find((p) => resources(p.document).length === 3);
  assert.ok(withDelete, 'the reading with every condition true keeps the !If statement');
  assert.deepEqual(resources(withDelete.document), [
    'arn:${AWS::Partition}:s3:::${AppBucket}/*',
    '${AppBucket.Arn}',
    '${AppBucket.Arn}/*', // !Join ['', [!GetAtt AppBucket.Arn, '/*']]
  ]);
  assert.deepEqual(resources(named(policies, 'QueueSendPolicy').document), ['${AppQueue.Arn}']);
  const queue = named(policies, 'AppQueuePolicy').document as { Statement: { Condition: unknown }[] };
  assert.deepEqual(queue.Statement[0].Condition, {
    ArnEquals: { 'aws:SourceArn': '${ImportValue:shared-alerts-topic-arn}' },
  });
  // Version written unquoted stays the string IAM wants (YAML 1.2 has no dates).
  assert.equal((withDelete.document as { Version: unknown }).Version, '2012-10-17');
});

test('!If: a document is read once per branch, and Ref AWS::NoValue removes the statement', () => {
  const { policies } = readAll([APP]);
  const read = policies.filter((p) => p.name === 'AppRole/Policies/ReadAppBucket');
  assert.deepEqual(read.map((p) => resources(p.document).length).sort(), [2, 3]);
  // Documents without an !If are read once.
  assert.equal(policies.filter((p) => p.name === 'QueueSendPolicy').length, 1);
});

test('a document known only at deploy time (!Ref of a parameter) is one suggestion, at its line', () => {
  const { problems } = readAll([APP]);
  assert.deepEqual(problems, [
    {
      file: APP,
      rule: 'input/unresolved-document',
      message: "the policy is '${ExtraPolicy}', known only at deploy time; not checked",
      policy: 'PassedInPolicy',
      ...positionOf(APP, 'ExtraPolicy', 'PolicyDocument: !Ref'),
    },
  ]);
});

test('YAML positions: an action in a list, a statement, an element that is missing', () => {
  const { policies } = readAll([APP]);
  const read = policies.find((p) => p.name === 'AppRole/Policies/ReadAppBucket') as (typeof policies)[0];
  assert.deepEqual(read.locate(['Statement', 0, 'Action', 1]), positionOf(APP, 's3:GetObjectVersion'));
  assert.deepEqual(read.locate(['Statement', 1, 'Resource']), positionOf(APP, 'Resource', 'Sid: ListBucket'));
  assert.deepEqual(read.locate(['Statement', 1]), positionOf(APP, 'Sid: ListBucket'));
  // A missing element points at the deepest one that exists: here the statement.
  assert.deepEqual(read.locate(['Statement', 1, 'Condition']), positionOf(APP, 'Sid: ListBucket'));
  const trust = named(policies, 'AppRole/AssumeRolePolicyDocument');
  assert.deepEqual(trust.locate(['Statement', 0, 'Principal', 'Service']), positionOf(APP, 'Service: ec2'));
});

test('JSON template: KMS key, SNS topic and group policies; an inline policy quota from what it is attached to', () => {
  const { policies, problems } = readAll([KEYS]);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    policies.map((p) => `${p.name} ${p.policyType} ${p.sizeQuota ?? '-'}`),
    [
      'DataKey resource -',
      'AlertsTopicPolicy resource -',
      'Operators/Policies/DecryptData identity group-inline',
      'AuditPolicy identity group-inline',
    ],
  );
  const key = named(policies, 'DataKey').document as { Statement: { Principal: unknown }[] };
  assert.deepEqual(key.Statement[0].Principal, { AWS: 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' });
  assert.deepEqual(resources(named(policies, 'AlertsTopicPolicy').document), ['${AlertsTopic}']);
  assert.deepEqual(resources(named(policies, 'Operators/Policies/DecryptData').document), ['${DataKey.Arn}']);
  const decrypt = named(policies, 'Operators/Policies/DecryptData');
  assert.deepEqual(decrypt.locate(['Statement', 0, 'Action', 1]), positionOf(KEYS, '"kms:DescribeKey"'));
});

test('a PolicyDocument written as a JSON string: parsed, and positions point inside the string', () => {
  const { policies } = readAll([KEYS]);
  const audit = named(policies, 'AuditPolicy');
  assert.deepEqual(resources(audit.document), ['*']);
  // The escaped key \"Resource\" inside the string: its backslash is where the key starts.
  assert.deepEqual(
    audit.locate(['Statement', 0, 'Resource']),
    positionOf(KEYS, '\\"Resource\\"', 'AuditPolicy'),
  );
});

test('a YAML syntax error is one grammar/yaml-syntax finding at its line; a JSON one is grammar/json-syntax', () => {
  const yaml = join(tmp, 'bad.yaml');
  writeFileSync(yaml, 'Resources:\n  R:\n    Type: AWS::IAM::Role\n    Properties: [a, b\n  S: 1\n');
  const y = readAll([yaml]).problems;
  assert.equal(y.length, 1);
  assert.equal(y[0].rule, 'grammar/yaml-syntax');
  assert.ok(y[0].line !== undefined && y[0].line >= 4, JSON.stringify(y[0]));
  const json = join(tmp, 'bad.template');
  writeFileSync(
    json,
    '{\n  "Resources": {\n    "R": { "Type": "AWS::IAM::Role" }\n  }\n  "Outputs": {}\n}\n',
  );
  assert.deepEqual(readAll([json]).problems, [
    {
      file: json,
      rule: 'grammar/json-syntax',
      message: "invalid JSON: expected ',' or '}' but found '\"'",
      line: 5,
      column: 3,
    },
  ]);
});

test('YAML nested past the limit: one finding saying so, not a parser stack overflow', () => {
  const file = join(tmp, 'deep.yaml');
  writeFileSync(file, `Resources: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
  const [p] = readAll([file]).problems;
  assert.equal(p.rule, 'grammar/yaml-syntax');
  assert.equal(p.message, 'invalid YAML: nested deeper than 64 levels; not a template');
});

test('YAML that is not CloudFormation: reported when named, skipped in a folder', () => {
  const dir = mkdtempSync(join(tmp, 'folder-'));
  const ci = join(dir, 'ci.yml');
  writeFileSync(ci, 'on: [push]\njobs: {}\n');
  assert.equal(readAll([ci]).problems[0].rule, 'input/unreadable');
  writeFileSync(join(dir, 'policy.json'), '{"Version": "2012-10-17", "Statement": []}');
  assert.deepEqual(readAll([dir]).problems, []);
});

test('every short form is read as a custom tag on scalars, sequences and mappings; an unknown tag is no error', () => {
  const forms = ['Ref', 'Condition', 'Sub', 'GetAtt', 'Join', 'If', 'Select', 'Split', 'FindInMap'];
  forms.push('ImportValue', 'Base64', 'Cidr', 'GetAZs', 'Equals', 'And', 'Or', 'Not', 'Transform', 'Length');
  for (const f of forms) {
    const long = f === 'Ref' || f === 'Condition' ? f : `Fn::${f}`;
    const text = `a: !${f} x\nb: !${f} [x, y]\nc: !${f}\n  k: v\n`;
    const r = yamlSourceTree(text);
    assert.equal(r.error, undefined, `!${f}: ${r.error?.message}`);
    assert.deepEqual(toValue(r.tree!), {
      a: { [long]: 'x' },
      b: { [long]: ['x', 'y'] },
      c: { [long]: { k: 'v' } },
    });
  }
  // A tag that is no intrinsic function keeps its value (the yaml library only warns).
  const r = yamlSourceTree('a: !NotAFunction x\n');
  assert.deepEqual(toValue(r.tree!), { a: 'x' });
});

/** Resolves the intrinsics of a JSON value, one branch. */
function resolve(value: unknown, branch: 0 | 1 = 0, mappings?: unknown): unknown {
  const tree = jsonSourceTree(JSON.stringify(value));
  const m = mappings === undefined ? undefined : jsonSourceTree(JSON.stringify(mappings));
  const r = resolveIntrinsics(tree, { branch, mappings: m });
  return r && toValue(r);
}

test('Fn::Sub: variables given as literals are substituted, ${!x} is the literal ${x}, the others stay', () => {
  assert.equal(
    resolve({ 'Fn::Sub': ['arn:aws:s3:::${B}/${!aws:username}/${Other}', { B: 'my-bucket' }] }),
    'arn:aws:s3:::my-bucket/${aws:username}/${Other}',
  );
  assert.equal(resolve({ 'Fn::Sub': ['${X}', { X: { Ref: 'Param' } }] }), '${Param}');
});

test('Fn::Join, Fn::Select, Fn::FindInMap with literals give the value; anything else a ${Fn::...} placeholder', () => {
  assert.equal(resolve({ 'Fn::Join': [':', ['a', { Ref: 'AWS::NoValue' }, 'b', 1]] }), 'a:b:1');
  assert.equal(resolve({ 'Fn::Select': [1, ['x', 'y']] }), 'y');
  assert.equal(resolve({ 'Fn::Select': [0, { 'Fn::GetAZs': '' }] }), '${Fn::Select}');
  const mappings = { Env: { prod: { Bucket: 'prod-data' } } };
  assert.equal(resolve({ 'Fn::FindInMap': ['Env', 'prod', 'Bucket'] }, 0, mappings), 'prod-data');
  assert.equal(
    resolve({ 'Fn::FindInMap': ['Env', 'dev', 'Bucket'] }, 0, mappings),
    '${FindInMap:Env.dev.Bucket}',
  );
  assert.equal(resolve({ 'Fn::Base64': 'x' }), '${Fn::Base64}');
  assert.equal(resolve({ 'Fn::GetAtt': ['Role', 'Arn'] }), '${Role.Arn}');
});

test('Fn::If takes one branch per reading; AWS::NoValue removes a member or an item', () => {
  const doc = {
    Resource: { 'Fn::If': ['C', 'arn:aws:s3:::a', { Ref: 'AWS::NoValue' }] },
    Action: ['s3:GetObject'],
  };
  assert.deepEqual(resolve(doc, 0), { Resource: 'arn:aws:s3:::a', Action: ['s3:GetObject'] });
  assert.deepEqual(resolve(doc, 1), { Action: ['s3:GetObject'] });
  assert.deepEqual(resolve(['a', { Ref: 'AWS::NoValue' }, 'b']), ['a', 'b']);
  // Keys that merely look alike are not functions: only one-key objects named Ref or Fn::...
  assert.deepEqual(resolve({ Ref: 'x', Other: 1 }), { Ref: 'x', Other: 1 });
});
