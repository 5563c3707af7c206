import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  analyzeSources,
  authorizationDetailsPolicies,
  decodePolicyDocument,
  isAuthorizationDetails,
  parseExclusions,
  parseJsonText,
  readPolicyInputs,
  JsonTextError,
} from '../../src/analysis/index.js';
import { miniDb, policy } from './fixtures.js';

const passRole = policy({ Sid: 'Pass', Effect: 'Allow', Action: 'iam:Pass*', Resource: '*' });
const reads = policy({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' });

/** A small get-account-authorization-details output: one managed policy in two versions, inline policies. */
function authDetails() {
  return {
    UserDetailList: [
      {
        UserName: 'alice',
        Arn: 'arn:aws:iam::1:user/alice',
        UserPolicyList: [
          { PolicyName: 'alice-extra', PolicyDocument: encodeURIComponent(JSON.stringify(reads)) },
        ],
        AttachedManagedPolicies: [{ PolicyName: 'deployer', PolicyArn: 'arn:aws:iam::1:policy/deployer' }],
      },
    ],
    GroupDetailList: [
      {
        GroupName: 'ops',
        GroupPolicyList: [],
        AttachedManagedPolicies: [{ PolicyName: 'deployer', PolicyArn: 'arn:aws:iam::1:policy/deployer' }],
      },
    ],
    RoleDetailList: [
      {
        RoleName: 'builder',
        RolePolicyList: [
          {
            PolicyName: 'launch',
            PolicyDocument: policy({ Effect: 'Allow', Action: 'ec2:Run*', Resource: '*' }),
          },
        ],
        AttachedManagedPolicies: [],
        AssumeRolePolicyDocument: policy({
          Effect: 'Allow',
          Principal: { Service: 'ec2.amazonaws.com' },
          Action: 'sts:AssumeRole',
        }),
      },
    ],
    Policies: [
      {
        PolicyName: 'deployer',
        Arn: 'arn:aws:iam::1:policy/deployer',
        DefaultVersionId: 'v2',
        PolicyVersionList: [
          { VersionId: 'v1', IsDefaultVersion: false, Document: reads },
          { VersionId: 'v2', IsDefaultVersion: true, Document: encodeURIComponent(JSON.stringify(passRole)) },
        ],
      },
    ],
  };
}

test('authorization details: default versions, inline policies, attachments, URL-encoded documents', () => {
  const details = authDetails();
  assert.ok(isAuthorizationDetails(details));
  assert.ok(!isAuthorizationDetails(passRole));
  const sources = authorizationDetailsPolicies(details, 'acct.json');
  assert.deepEqual(
    sources.map((s) => [s.kind, s.name, s.attachedTo]),
    [
      ['managed', 'deployer', { users: ['alice'], groups: ['ops'], roles: [] }],
      ['inline', 'user/alice/alice-extra', { users: ['alice'], groups: [], roles: [] }],
      ['inline', 'role/builder/launch', { users: [], groups: [], roles: ['builder'] }],
    ],
  );
  assert.deepEqual(sources[0].document, passRole, 'the default version (v2), decoded');
  assert.deepEqual(sources[1].document, reads);

  const report = analyzeSources(miniDb(), sources);
  assert.deepEqual(
    report.findings
      .filter((f) => f.category === 'privilege-escalation')
      .map((f) => [f.policy, f.statement, f.pattern, f.actions]),
    [
      ['deployer', 'Pass', 'iam:Pass*', ['iam:PassRole']],
      ['role/builder/launch', '#0', 'ec2:Run*', ['ec2:RunInstances']],
    ],
  );
  assert.equal(report.errors.length, 0);
});

test('authorization details: a bad embedded document is an error for that policy only', () => {
  const details = authDetails();
  details.Policies[0].PolicyVersionList[1].Document = '%7B%22Statement%22%3A';
  details.UserDetailList[0].UserPolicyList[0].PolicyDocument = '%E0%A4%A';
  const report = analyzeSources(miniDb(), authorizationDetailsPolicies(details, 'acct.json'));
  assert.deepEqual(
    report.errors.map((e) => [e.policy, e.message.split(':')[0]]),
    [
      ['deployer', 'policy document'],
      ['user/alice/alice-extra', 'policy document is neither JSON nor URL-encoded JSON'],
    ],
  );
  assert.deepEqual(
    report.policies.map((p) => p.name),
    ['role/builder/launch'],
  );
  assert.equal(decodePolicyDocument(undefined).error, 'policy document is missing');
});

test('malformed JSON is reported with its line and column', () => {
  const cases: [string, number, number, RegExp][] = [
    ['{\n  "Statement": [\n    {"Effect": "Allow",}\n  ]\n}', 3, 24, /trailing comma/],
    ['{\n  "a": tru\n}', 2, 8, /where a value was expected/],
    ['{"a": 1', 1, 8, /expected ',' or '}'/],
    ['{"a": "x\ny"}', 1, 9, /control character/],
    ['{"a": 1} }', 1, 10, /after the end of the document/],
    ['[1 2]', 1, 4, /expected ',' or ']'/],
  ];
  for (const [text, line, column, message] of cases) {
    assert.throws(
      () => parseJsonText(text),
      (e: unknown) =>
        e instanceof JsonTextError && e.line === line && e.column === column && message.test(e.message),
      JSON.stringify(text),
    );
  }
});

test('deep nesting is refused without overflowing the stack', () => {
  const deep = '['.repeat(200000) + ']'.repeat(200000);
  assert.throws(() => parseJsonText(deep), /nested deeper than 64 levels/);
  assert.throws(() => parseJsonText('['.repeat(200000)), JsonTextError);
  assert.deepEqual(parseJsonText('\ufeff{"a":[1]}'), { a: [1] });
  // Brackets inside strings are text, not nesting.
  const text = JSON.stringify({ a: '['.repeat(100), b: '\\"[[[' });
  assert.deepEqual(parseJsonText(text), JSON.parse(text));
  assert.throws(
    () => parseJsonText('{"a":\n' + '['.repeat(70)),
    /nested deeper than 64 levels \(line 2, column 64\)/,
  );
});

test('folders are read recursively (*.json only, sorted); bad files become errors, the rest is analysed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-analyze-'));
  mkdirSync(join(dir, 'sub', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'b-pass.json'), JSON.stringify(passRole));
  writeFileSync(join(dir, 'sub', 'deeper', 'a-reads.JSON'), JSON.stringify(reads));
  writeFileSync(join(dir, 'sub', 'notes.txt'), 'not a policy');
  writeFileSync(join(dir, 'sub', 'broken.json'), '{"Statement": [');
  writeFileSync(join(dir, 'sub', 'other.json'), JSON.stringify({ name: 'package', version: '1.0.0' }));
  writeFileSync(join(dir, 'empty.json'), '');
  const sources = readPolicyInputs([dir, join(dir, 'missing.json')]);
  const rel = (f: string) => f.slice(dir.length + 1);
  assert.deepEqual(
    sources.map((s) => rel(s.file)),
    [
      'b-pass.json',
      'empty.json',
      'sub/broken.json',
      'sub/deeper/a-reads.JSON',
      'sub/other.json',
      'missing.json',
    ],
  );
  const report = analyzeSources(miniDb(), sources);
  assert.deepEqual(
    report.errors.map((e) => [rel(e.file), e.message]),
    [
      ['empty.json', 'empty input: expected a policy JSON document'],
      ['sub/broken.json', 'invalid JSON at line 1, column 16: unexpected end of input'],
      ['sub/other.json', 'not an IAM policy: no Statement element (keys: name, version)'],
      ['missing.json', 'no such file or folder'],
    ],
  );
  assert.deepEqual(
    report.policies.map((p) => rel(p.file)),
    ['b-pass.json', 'sub/deeper/a-reads.JSON'],
  );
});

test('files over the size limit are refused before reading', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-big-'));
  const file = join(dir, 'big.json');
  writeFileSync(file, JSON.stringify({ Statement: [], pad: 'x'.repeat(5000) }));
  const [src] = readPolicyInputs([file], { maxBytes: 1000 });
  assert.match(src.error ?? '', /^file is 5\d{3} bytes, over the 1000 bytes limit$/);
});

test('stdin is read for -', () => {
  const [src] = readPolicyInputs(['-'], { readStdin: () => JSON.stringify(passRole) });
  assert.equal(src.file, '-');
  assert.deepEqual(src.document, passRole);
});

test('exclusions files: YAML with actions and policies, or one action a line', () => {
  assert.deepEqual(parseExclusions('actions: [iam:PassRole]\npolicies:\n  - deployer\n', 'x.yml'), {
    actions: ['iam:PassRole'],
    policies: ['deployer'],
  });
  assert.deepEqual(parseExclusions('# accepted\niam:PassRole\n\ns3:PutBucket*  # ok\n', 'x.txt'), {
    actions: ['iam:PassRole', 's3:PutBucket*'],
    policies: [],
  });
  assert.throws(() => parseExclusions('action: [x]\n', 'x.yml'), /x\.yml: unknown key 'action'/);
  assert.throws(() => parseExclusions('actions: {a: 1}\n', 'x.yml'), /'actions' must be a list of strings/);
});

test('excluded policies are skipped and counted', () => {
  const sources = authorizationDetailsPolicies(authDetails(), 'acct.json');
  const report = analyzeSources(miniDb(), sources, { excludePolicies: ['deploy*', 'role/*'] });
  assert.equal(report.skipped, 2);
  assert.deepEqual(
    report.policies.map((p) => p.name),
    ['user/alice/alice-extra'],
  );
});
