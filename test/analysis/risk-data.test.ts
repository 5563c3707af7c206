// The reviewed risk data (data/risks/*.yml) against the database: every name must be one the database
// knows, unless the entry says it is retired (and then it must really be unknown), and the lists that
// lint and `write-policy --audit` read (data/risky-actions/*.txt) must agree with it where they overlap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, bundledDatabasePath } from '../../src/database/index.js';
import { actionIndex } from '../../src/querying/expand.js';
import {
  bundledRiskData,
  loadRiskData,
  LIST_CATEGORIES,
  RISK_REPORT_CATEGORIES,
} from '../../src/analysis/index.js';
import { bundledRiskyActions } from '../../src/analysis/risky-actions.js';
import { packagePath } from '../../src/util/package-root.js';

const db = openDatabase(bundledDatabasePath());
const index = actionIndex(db);
const data = bundledRiskData();
const known = (pattern: string) => index.expand(pattern).ids.length > 0;

test('every category has a file with a title and a description', () => {
  assert.deepEqual(Object.keys(data.categories).sort(), [...RISK_REPORT_CATEGORIES].sort());
  for (const c of Object.values(data.categories)) {
    assert.ok(c.title.length > 3 && c.description.length > 20, c.id);
  }
});

test('every list entry is known to the database, or marked retired and unknown', () => {
  const problems: string[] = [];
  for (const category of LIST_CATEGORIES) {
    const seen = new Set<string>();
    for (const e of data.lists[category].actions) {
      if (seen.has(e.action.toLowerCase())) problems.push(`${category}: ${e.action} is listed twice`);
      seen.add(e.action.toLowerCase());
      if (e.retired && known(e.action)) problems.push(`${category}: ${e.action} is marked retired but known`);
      if (!e.retired && !known(e.action)) problems.push(`${category}: ${e.action} is not in the database`);
      if (!/^https:\/\//.test(e.source)) problems.push(`${category}: ${e.action} has no source URL`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every action of every escalation method is known to the database', () => {
  const problems: string[] = [];
  for (const m of data.methods) {
    for (const step of m.requires) for (const a of step) if (!known(a)) problems.push(`${m.id}: ${a}`);
    if (!/^https:\/\//.test(m.source)) problems.push(`${m.id}: no source URL`);
  }
  assert.deepEqual(problems, []);
  assert.equal(new Set(data.methods.map((m) => m.id)).size, data.methods.length, 'method ids are unique');
});

test('the escalation paths the issue asked for are there', () => {
  const steps = (id: string) => data.methods.find((m) => m.id === id)?.requires.map((s) => s.join('|'));
  assert.deepEqual(steps('ssm-send-command'), ['ssm:SendCommand']);
  assert.deepEqual(steps('ssm-start-session'), ['ssm:StartSession']);
  assert.deepEqual(steps('ecs-execute-command'), ['ecs:ExecuteCommand']);
  assert.deepEqual(steps('ec2-user-data'), [
    'ec2:ModifyInstanceAttribute',
    'ec2:StopInstances',
    'ec2:StartInstances',
  ]);
  assert.deepEqual(steps('ec2-launch-template'), [
    'ec2:CreateLaunchTemplateVersion',
    'ec2:ModifyLaunchTemplate',
  ]);
  assert.deepEqual(steps('cloudformation-update-stack'), [
    'cloudformation:UpdateStack|cloudformation:UpdateStackSet',
  ]);
  assert.deepEqual(steps('cloudformation-change-set'), [
    'cloudformation:CreateChangeSet',
    'cloudformation:ExecuteChangeSet',
  ]);
  assert.ok(steps('sagemaker-lifecycle-config')?.includes('sagemaker:CreateNotebookInstanceLifecycleConfig'));
  assert.ok(steps('pass-role-bedrock-code-interpreter')?.includes('bedrock-agentcore:InvokeCodeInterpreter'));
  // The service half of pass-role methods.
  assert.deepEqual(steps('pass-role-codebuild'), [
    'iam:PassRole',
    'codebuild:CreateProject',
    'codebuild:StartBuild|codebuild:StartBuildBatch',
  ]);
  for (const id of [
    'pass-role-glue-job',
    'pass-role-datapipeline',
    'pass-role-ecs',
    'pass-role-sagemaker-notebook',
  ]) {
    const s = steps(id);
    assert.ok(s && s[0] === 'iam:PassRole' && s.length >= 2, id);
  }
});

test('the credentials and resource actions the issue found missing are listed', () => {
  const names = (c: (typeof LIST_CATEGORIES)[number]) => data.lists[c].actions.map((e) => e.action);
  for (const a of [
    'ec2:GetPasswordData',
    'codeartifact:GetAuthorizationToken',
    'ecr-public:GetAuthorizationToken',
    'redshift:GetClusterCredentialsWithIAM',
    'redshift-serverless:GetCredentials',
    'lightsail:DownloadDefaultKeyPair',
    's3:GetDataAccess',
    'cognito-idp:DescribeUserPoolClient',
  ]) {
    assert.ok(names('credentials-exposure').includes(a), a);
  }
  for (const a of [
    'dynamodb:PutResourcePolicy',
    'elasticfilesystem:PutFileSystemPolicy',
    'ecr-public:SetRepositoryPolicy',
    'events:PutPermission',
    's3:PutAccessPointPolicy',
  ]) {
    assert.ok(names('resource-exposure').includes(a), a);
  }
  for (const a of [
    's3:GetObject',
    'secretsmanager:GetSecretValue',
    'ssm:GetParameter',
    'kms:Decrypt',
    'dynamodb:Scan',
  ]) {
    assert.ok(names('data-exfiltration').includes(a), a);
  }
});

test('the lists of lint and --audit agree with the reviewed data', () => {
  const v1 = bundledRiskyActions();
  const lower = (xs: readonly string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const creds = lower(v1['credentials-exposure']);
  const missing = data.lists['credentials-exposure'].actions
    .filter((e) => !creds.has(e.action.toLowerCase()))
    .map((e) => e.action);
  assert.deepEqual(missing, [], 'every credentials-exposure action is in credentials-exposure.txt');
  // `--fail-on resource-exposure` must see every resource-policy write the issue named.
  const exposure = lower(v1['resource-exposure']);
  const policies = lower(v1['resource-policies']);
  for (const a of [
    'dynamodb:PutResourcePolicy',
    'elasticfilesystem:PutFileSystemPolicy',
    'ecr-public:SetRepositoryPolicy',
    'events:PutPermission',
  ]) {
    assert.ok(exposure.has(a.toLowerCase()) && policies.has(a.toLowerCase()), a);
  }
  assert.ok(exposure.has('s3:putaccesspointpolicy'));
  // Every action that completes a method on its own is a privilege-escalation action for lint too,
  // except the two that are only risky with another principal's trust (medium): pass-role, assume-role.
  const escalation = lower(v1['privilege-escalation']);
  const alone = data.methods
    .filter((m) => m.requires.length === 1 && m.level !== 'medium')
    .flatMap((m) => m.requires[0])
    .filter((a) => !escalation.has(a.toLowerCase()));
  assert.deepEqual(alone, []);
});

test('a malformed data file is refused with the file and the entry', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iw-risks-'));
  cpSync(packagePath('data', 'risks'), dir, { recursive: true });
  const file = join(dir, 'credentials-exposure.yml');
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace(
      '    reason: returns a new long-term access key pair for a user\n',
      '',
    ),
  );
  assert.throws(
    () => loadRiskData(dir),
    /credentials-exposure\.yml: actions\[0\]: reason must be a non-empty string/,
  );
  const pe = join(dir, 'privilege-escalation.yml');
  writeFileSync(pe, readFileSync(pe, 'utf8').replace('level: critical', 'level: severe'));
  writeFileSync(file, readFileSync(join(packagePath('data', 'risks'), 'credentials-exposure.yml'), 'utf8'));
  assert.throws(
    () => loadRiskData(dir),
    /privilege-escalation\.yml: methods\[0\]: level: expected one of critical, high, medium, low/,
  );
});
