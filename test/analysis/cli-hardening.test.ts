// analyze and expand as a CI job runs them, on the red-team's inputs (findings 05, 07, 08, 22, 24, 37, 38,
// 44): each gives a clear line and the right exit code, and the sound variant of each still passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { KIT_DB } from '../support/paths.js';
import { hasUnsafeCharacters } from '../../src/util/printable.js';

const skip = !existsSync(KIT_DB) && 'kit database (../shared/conformance/iam-definition.json) is absent';
const env = { IAMWRIGHT_DB: KIT_DB };
const dir = mkdtempSync(join(tmpdir(), 'iamwright-cli-hardening-'));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const passRole = { Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' };
const risky = file('risky.json', doc(passRole));

test('--fail-on with no category is an error listing the categories (#07)', { skip }, () => {
  for (const value of ['', ',', ' , ']) {
    const r = runCli(['analyze', risky, '--fail-on', value], { env });
    assert.equal(r.code, 1, `--fail-on ${JSON.stringify(value)}`);
    assert.equal(r.stdout, '');
    assert.match(
      r.stderr,
      /^iamwright: --fail-on: no category given \(".*"\); categories: privilege-escalation, .*, all\n$/,
    );
  }
  assert.equal(runCli(['analyze', risky, '--fail-on', 'privilege-escalation,'], { env }).code, 2);
  assert.equal(runCli(['analyze', risky], { env }).code, 0, 'without --fail-on, findings do not fail');
});

test(
  'a Deny scoped to a principal, or invalid, keeps the finding; a certain Deny removes it (#05, #38)',
  { skip },
  () => {
    const deny = { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' };
    const kept = file(
      'scoped.json',
      doc(passRole, { ...deny, Principal: { AWS: 'arn:aws:iam::1:user/bob' } }),
    );
    const r = runCli(['analyze', kept, '--fail-on', 'privilege-escalation'], { env });
    assert.equal(r.code, 2, r.stdout);
    const invalid = file('invalid.json', doc(passRole, { Effect: 'Deny', Action: 'iam:PassRole' }));
    const bad = runCli(['analyze', invalid, risky, '--fail-on', 'all'], { env });
    assert.equal(bad.code, 1);
    assert.equal(
      bad.stderr,
      `iamwright: ${invalid}: Statement[1]: needs exactly one of Resource or NotResource\n`,
    );
    assert.match(
      bad.stdout,
      /1 policy analysed; .*; 1 could not be analysed/,
      'the other file is still analysed',
    );
    const certain = file('certain.json', doc(passRole, deny));
    assert.equal(runCli(['analyze', certain, '--fail-on', 'privilege-escalation'], { env }).code, 0);
  },
);

test('repeated JSON keys are an error with the line (#37)', { skip }, () => {
  const dup = file(
    'dup.json',
    '{"Version":"2012-10-17",\n"Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}],\n"Statement":[]}',
  );
  const r = runCli(['analyze', dup, '--fail-on', 'all'], { env });
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /dup\.json: duplicate key "Statement" at line 3, column 1 \(first at line 2, column 1\)/,
  );
});

test(
  'authorization details: missing attached policies and malformed lists fail with a line each (#08, #44)',
  { skip },
  () => {
    const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';
    const details = file('details.json', {
      UserDetailList: [
        {
          UserName: 'bob',
          AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: admin }],
        },
      ],
      RoleDetailList: [
        {
          RoleName: 'r',
          UserPolicyList: [],
          RolePolicyList: [{ PolicyName: 'p', PolicyDocument: doc(passRole) }],
        },
      ],
    });
    const r = runCli(['analyze', details, '--fail-on', 'all'], { env });
    assert.equal(r.code, 1);
    assert.deepEqual(r.stderr.trimEnd().split('\n'), [
      `iamwright: ${details}: RoleDetailList[0] (role r): UserPolicyList is not where a role's inline policies are (RolePolicyList); not analysed`,
      `iamwright: ${details}: AdministratorAccess: attached to user bob but not in the Policies list, so not analysed; include managed policies in the output (get-account-authorization-details without --filter)`,
    ]);
    assert.match(r.stdout, /role\/r\/p/, 'the inline policy is still analysed');
  },
);

test('a broken YAML exclusions file is an error naming the line (#22)', { skip }, () => {
  const broken = file('accepted.yml', 'actions: [*]\n');
  const r = runCli(['analyze', risky, '--exclusions-file', broken], { env });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^iamwright: .*accepted\.yml:1: YAML syntax error: /);
  const fine = file('fine.yml', 'actions: ["iam:PassRole"]\n');
  const ok = runCli(['analyze', risky, '--exclusions-file', fine, '--fail-on', 'all'], { env });
  assert.equal(ok.code, 0, ok.stderr);
});

test('control characters from a policy reach neither stdout nor stderr raw (#24)', { skip }, () => {
  const evil = file(
    'ansi.json',
    doc({
      Sid: '\u001b[31mRED\u001b[0m\nFAKE',
      Effect: 'Allow',
      Action: ['iam:PassRole', 's3:Get\u001b[2Jx'],
      Resource: '*',
    }),
  );
  for (const args of [
    ['analyze', evil],
    ['analyze', evil, '--fmt', 'json'],
    ['expand', evil],
  ]) {
    const r = runCli(args, { env });
    assert.equal(r.code, 0, r.stderr);
    for (const out of [r.stdout, r.stderr]) {
      assert.ok(
        out.split('\n').every((l) => !hasUnsafeCharacters(l)),
        `${args.join(' ')}: ${out}`,
      );
    }
  }
  const table = runCli(['analyze', evil], { env }).stdout;
  assert.match(table, /"\\u001b\[31mRED\\u001b\[0m\\nFAKE"/);
});
