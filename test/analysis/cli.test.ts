// The analyze and expand commands as a user runs them (build first: npx tsc -p .), against the kit database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { KIT_DB, ROOT } from '../support/paths.js';

const skip = !existsSync(KIT_DB) && 'kit database (../shared/conformance/iam-definition.json) is absent';
const env = { IAMWRIGHT_DB: KIT_DB };
const dir = mkdtempSync(join(tmpdir(), 'iamwright-cli-analyze-'));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

const escalate = file('escalate.json', {
  Version: '2012-10-17',
  Statement: [{ Sid: 'Launch', Effect: 'Allow', Action: ['ec2:RunInstances', 'iam:Pass*'], Resource: '*' }],
});
const s3reads = file('s3-reads.json', {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket', 's3:GetBucketLocation'], Resource: '*' },
  ],
});

test(
  'analyze reports iam:PassRole under privilege escalation, with the pattern that granted it',
  { skip },
  () => {
    const r = runCli(['analyze', escalate], { env });
    assert.equal(r.code, 0, r.stderr);
    const row = r.stdout
      .split('\n')
      .find((l) => l.includes('iam:PassRole') && l.includes('privilege-escalation'));
    assert.ok(row, r.stdout);
    assert.match(row, /escalate\.json\s+-\s+Launch\s+privilege-escalation\s+iam:Pass\*\s+iam:PassRole$/);
    assert.match(r.stdout, /\n1 policy analysed; \d+ findings \(privilege-escalation 2, /);
  },
);

test('--fail-on privilege-escalation: exit 2 on the risky policy, 0 on plain S3 reads', { skip }, () => {
  assert.equal(runCli(['analyze', '--fail-on', 'privilege-escalation', escalate], { env }).code, 2);
  const ok = runCli(['analyze', '--fail-on', 'privilege-escalation,resource-exposure', s3reads], { env });
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /0 findings/);
  assert.equal(runCli(['analyze', '--fail-on', 'all', s3reads], { env }).code, 0);
});

test(
  '--fmt json: findings with file, statement, category, pattern and actions; access-level counts',
  { skip },
  () => {
    const r = runCli(['analyze', '--fmt', 'json', escalate, s3reads], { env });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    const pe = report.findings.filter((f: { category: string }) => f.category === 'privilege-escalation');
    assert.deepEqual(
      pe.map((f: Record<string, unknown>) => [f.file, f.statement, f.pattern, f.actions]),
      [
        [escalate, 'Launch', 'ec2:RunInstances', ['ec2:RunInstances']],
        [escalate, 'Launch', 'iam:Pass*', ['iam:PassRole']],
      ],
    );
    assert.deepEqual(report.policies[1].accessLevels, {
      Read: 2,
      Write: 0,
      List: 1,
      Tagging: 0,
      'Permissions management': 0,
    });
    assert.deepEqual(report.errors, []);
  },
);

test('accepted risks: --exclude-actions and --exclusions-file', { skip }, () => {
  const args = ['analyze', '--fail-on', 'privilege-escalation', escalate];
  assert.equal(runCli([...args, '--exclude-actions', 'iam:PassRole, ec2:Run*'], { env }).code, 0);
  assert.equal(runCli([...args, '--exclude-actions', 'iam:PassRole'], { env }).code, 2);
  const lines = file('accepted.txt', '# reviewed 2026-06\niam:PassRole\nec2:RunInstances\n');
  assert.equal(runCli([...args, '--exclusions-file', lines], { env }).code, 0);
  const yaml = file('accepted.yml', 'policies:\n  - "*escalate.json"\n');
  const r = runCli([...args, '--exclusions-file', yaml], { env });
  assert.equal(r.code, 0);
  assert.match(r.stdout, /1 skipped by exclusions/);
  const bad = runCli([...args, '--exclusions-file', join(dir, 'nope.yml')], { env });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^iamwright: cannot read exclusions file .*nope\.yml: no such file or folder\n$/);
});

test('bad inputs: clear messages, non-zero exit, the other files still analysed', { skip }, () => {
  const broken = file(
    'broken.json',
    '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow" "Action": "*"}\n  ]\n}\n',
  );
  const notPolicy = file('package.json', { name: 'x', version: '1.0.0' });
  const deep = file('deep.json', `{"Statement": ${'['.repeat(5000)}${']'.repeat(5000)}}`);
  const r = runCli(['analyze', broken, notPolicy, deep, join(dir, 'missing.json'), escalate], { env });
  assert.equal(r.code, 1);
  const errors = r.stderr.trim().split('\n');
  assert.deepEqual(errors, [
    `iamwright: ${broken}: invalid JSON at line 4, column 24: expected ',' or '}' but found '"'`,
    `iamwright: ${notPolicy}: not an IAM policy: no Statement element (keys: name, version)`,
    `iamwright: ${deep}: nested deeper than 64 levels (line 1, column 78); not a policy`,
    `iamwright: ${join(dir, 'missing.json')}: no such file or folder`,
  ]);
  assert.match(r.stdout, /iam:PassRole/, 'the good file is still reported');
  assert.match(r.stdout, /4 could not be analysed/);
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/, 'no stack trace');
});

test('unknown actions are findings; --fail-on unknown-action gates on them', { skip }, () => {
  const typo = file('typo.json', {
    Statement: [{ Effect: 'Allow', Action: ['s3:GetObjekt', 'nosuchsvc:*'], Resource: '*' }],
  });
  const r = runCli(['analyze', '--fail-on', 'unknown-action', typo], { env });
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stdout, /unknown-action\s+s3:GetObjekt\s+unknown action 's3:GetObjekt'/);
  assert.match(r.stdout, /unknown-action\s+nosuchsvc:\*\s+unknown service 'nosuchsvc'/);
  assert.equal(runCli(['analyze', '--fail-on', 'privilege-escalation', typo], { env }).code, 0);
});

test('bad options are one-line errors', { skip }, () => {
  const r = runCli(['analyze', '--fail-on', 'privilege-escalaton', escalate], { env });
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /^iamwright: --fail-on: unknown category 'privilege-escalaton'; did you mean 'privilege-escalation'\?/,
  );
  const f = runCli(['analyze', '--fmt', 'xml', escalate], { env });
  assert.equal(f.code, 1);
  assert.match(f.stderr, /--fmt must be one of table, json, html, markdown, sarif, not 'xml'$/m);
});

test('stdin (-) and authorization details from the generator', { skip }, () => {
  const gen = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts', 'gen-auth-details.mjs'), '--policies', '60', '--seed', '3'],
    {
      encoding: 'utf8',
    },
  );
  assert.equal(gen.status, 0, gen.stderr);
  const details = JSON.parse(gen.stdout);
  const inline = ['UserDetailList', 'GroupDetailList', 'RoleDetailList']
    .flatMap((k) => details[k])
    .reduce(
      (n: number, p: Record<string, unknown[]>) =>
        n + (p.UserPolicyList ?? p.GroupPolicyList ?? p.RolePolicyList).length,
      0,
    );
  assert.equal(details.Policies.length + inline, 60);
  const r = runCli(['analyze', '--fmt', 'json', '-'], { env, input: gen.stdout });
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.policies.length, 60);
  assert.equal(
    report.policies.filter((p: { kind: string }) => p.kind === 'managed').length,
    details.Policies.length,
  );
  for (const f of report.findings) assert.ok(f.policy && f.file === '-' && f.actions.length > 0);
});

test('expand prints the policy with wildcards written out, warnings on stderr', { skip }, () => {
  const r = runCli(['expand', escalate], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).Statement[0].Action, ['ec2:RunInstances', 'iam:PassRole']);
  const typo = file('typo2.json', {
    Statement: { Effect: 'Allow', Action: ['ec2:Describe*', 'ec2:Nope'], Resource: '*' },
  });
  const t = runCli(['expand', typo], { env });
  assert.equal(t.code, 0);
  assert.match(
    t.stderr,
    /^iamwright: warning: statement #0: unknown action 'ec2:Nope' \(kept as written\)\n$/,
  );
  const actions: string[] = JSON.parse(t.stdout).Statement.Action;
  assert.ok(actions.length > 100 && actions.every((a) => a.startsWith('ec2:Describe') || a === 'ec2:Nope'));
  const bad = runCli(['expand', file('bad.json', '{"Statement": 1,}')], { env });
  assert.equal(bad.code, 1);
  assert.match(
    bad.stderr,
    /^iamwright: .*bad\.json: invalid JSON at line 1, column 17: trailing comma before }\n$/,
  );
});
