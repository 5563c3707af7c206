import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/cli.js';
import { hasConformance, KIT_DB } from '../support/paths.js';

const skip = hasConformance ? false : '../shared/conformance (the kit database) is absent';
const env = { IAMWRIGHT_DB: KIT_DB };

test('write-policy --audit reports risky actions on stderr and keeps stdout the policy', { skip }, () => {
  const template = 'mode: actions\nname: ""\nactions:\n  - ec2:RunInstances\n  - iam:PassRole\n';
  const plain = runCli(['write-policy'], { input: template, env });
  const audited = runCli(['write-policy', '--audit'], { input: template, env });
  assert.equal(audited.code, 0, audited.stderr);
  assert.equal(audited.stdout, plain.stdout);
  assert.match(
    audited.stderr,
    /privilege-escalation: iam:PassRole \(statement IamPermissionsmanagementRole\)/,
  );
  assert.match(audited.stderr, /privilege-escalation: ec2:RunInstances \(statements Ec2Write/);
  // One line per category and action, however many statements grant it.
  assert.equal(audited.stderr.match(/privilege-escalation: ec2:RunInstances/g)?.length, 1);
});

test('write-policy --audit says so when nothing is risky', { skip }, () => {
  const r = runCli(['write-policy', '--audit'], { input: 'mode: actions\nactions: [s3:GetObject]\n', env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, 'iamwright: audit: no risky actions found\n');
  assert.match(r.stdout, /"s3:GetObject"/);
});
