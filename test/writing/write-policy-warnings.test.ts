import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../support/cli.js';
import { hasConformance, KIT_DB } from '../support/paths.js';

const skip = hasConformance ? false : '../shared/conformance (the kit database) is absent';

test(
  'a list ignored for its leading empty entry is reported on stderr, naming file and line',
  { skip },
  () => {
    const template = "mode: crud\nread:\n- ''\n- arn:aws:s3:::mybucket\nwrite:\n- arn:aws:s3:::mybucket\n";
    const r = runCli(['write-policy'], { input: template, env: { IAMWRIGHT_DB: KIT_DB } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^iamwright: warning: <stdin>:3: 'read' begins with an empty entry/m);
    const policy = JSON.parse(r.stdout) as { Statement: { Sid: string }[] };
    // policy_sentry's answer: the read list is ignored, the write list is not.
    assert.ok(policy.Statement.some((s) => s.Sid.startsWith('S3Write')));
    assert.ok(!policy.Statement.some((s) => s.Sid.startsWith('S3Read')));
  },
);

const SSM_READS =
  'skip-resource-constraints:\n- ssm:GetParameter\n- ssm:GetParameters\n- ssm:GetParametersByPath\n';

test(
  '--minimize on a Deny still denies every action; on an Allow it warns about what it drops',
  { skip },
  () => {
    const env = { IAMWRIGHT_DB: KIT_DB };
    const deny = runCli(['write-policy', '--minimize'], {
      input: `mode: crud\neffect: Deny\n${SSM_READS}`,
      env,
    });
    assert.equal(deny.code, 0, deny.stderr);
    const denied = (JSON.parse(deny.stdout) as { Statement: { Action: string[] }[] }).Statement[0].Action;
    assert.deepEqual(denied, ['ssm:getparameter', 'ssm:getparameters', 'ssm:getparametersbypath']);
    assert.equal(deny.stderr, '');

    const allow = runCli(['write-policy', '--minimize'], { input: `mode: crud\n${SSM_READS}`, env });
    assert.equal(allow.code, 0, allow.stderr);
    // policy_sentry's answer, kept: narrower than asked.
    const allowed = (JSON.parse(allow.stdout) as { Statement: { Action: string[] }[] }).Statement[0].Action;
    assert.deepEqual(allowed, ['ssm:getparameter', 'ssm:getparameters']);
    assert.match(
      allow.stderr,
      /^iamwright: warning: <stdin>: minimize: the minimized policy no longer grants ssm:GetParametersByPath \(SkipResourceConstraints\)/,
    );
    assert.equal(allow.stderr.trimEnd().split('\n').length, 1, allow.stderr);
  },
);

test(
  'dependent actions granted on * are named on stderr; stdout stays policy_sentry answer',
  { skip },
  () => {
    const env = { IAMWRIGHT_DB: KIT_DB };
    const r = runCli(['write-policy'], { input: 'mode: crud\nwrite:\n- arn:aws:s3:::mybucket\n', env });
    assert.equal(r.code, 0, r.stderr);
    const star = (
      JSON.parse(r.stdout) as { Statement: { Action: string[]; Resource: string[] }[] }
    ).Statement.find((s) => s.Resource[0] === '*');
    assert.ok(star?.Action.includes('iam:PassRole'), 'parity: PassRole stays on *');
    assert.match(
      r.stderr,
      /^iamwright: warning: <stdin>: dependent actions granted on Resource '\*' in MultMultNone .*: iam:PassRole, /,
    );
    // A read of the same bucket has no dependent actions on '*': nothing said.
    const quiet = runCli(['write-policy'], { input: 'mode: crud\nread:\n- arn:aws:s3:::mybucket\n', env });
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.equal(quiet.stderr, '');
  },
);
