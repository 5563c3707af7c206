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
