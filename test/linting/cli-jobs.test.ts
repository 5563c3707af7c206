// `iamwright lint` on worker threads, as a user runs it (build first): over a folder of a few hundred files
// split over 2 and 3 threads by --jobs (the automatic choice needs more files and cores than a test run
// should, see lint-threads.test.ts), every format's stdout, the stderr and the exit code are those of the
// run on one thread (--jobs 1), bad files among the good ones included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';

const env = { IAMWRIGHT_DB: '', IAMWRIGHT_HOME: mkdtempSync(join(tmpdir(), 'iamwright-lint-jobs-home-')) };
const dir = mkdtempSync(join(tmpdir(), 'iamwright-lint-jobs-'));

// Policies that draw findings of several checks (unknown actions, wildcards, missing resources, PassRole),
// each file a little different, so that findings out of order or from the wrong file would show.
const ACTIONS = ['s3:GetObject', 's3:Get*', 'iam:PassRole', 'ec2:DescribeInstances', 'sqs:SendMesage', '*'];
const count = 260;
for (let i = 0; i < count; i++) {
  const sub = join(dir, `team-${String(i % 7)}`);
  mkdirSync(sub, { recursive: true });
  const statement = [
    { Sid: `S${i}`, Effect: 'Allow', Action: ACTIONS[i % ACTIONS.length], Resource: '*' },
    {
      Effect: i % 3 ? 'Allow' : 'Deny',
      Action: [ACTIONS[(i + 2) % ACTIONS.length], ACTIONS[(i + 4) % ACTIONS.length]],
      Resource: `arn:aws:s3:::bucket-${i}/*`,
    },
  ];
  writeFileSync(
    join(sub, `p${String(i).padStart(4, '0')}.json`),
    JSON.stringify({ Version: '2012-10-17', Statement: statement }, null, i % 2 ? 2 : undefined),
  );
}
// Bad files among the good ones, in different runs: a syntax error, and authorization details that are
// malformed (the latter also a line on stderr and exit 1).
writeFileSync(join(dir, 'team-0', 'p0001-broken.json'), '{"Version": "2012-10-17", "Statement": [}');
writeFileSync(
  join(dir, 'team-5', 'zz-details.json'),
  '{"UserDetailList": {"UserName": "x"}, "Policies": []}',
);
writeFileSync(join(dir, 'accept.yml'), 'accept:\n  - check: security\n    file: "team-3/**"\n');

const lint = (args: string[]) => runCli(['lint', dir, ...args], { env });

for (const fmt of ['json', 'sarif', 'table', 'markdown']) {
  test(`--fmt ${fmt}: --jobs 2 and --jobs 3 give the output of --jobs 1, byte for byte`, () => {
    const one = lint(['--fmt', fmt, '--jobs', '1']);
    assert.equal(one.code, 1, one.stderr);
    assert.equal(
      one.stderr,
      `iamwright: ${join(dir, 'team-5', 'zz-details.json')}:1:2: UserDetailList should be a list, not an object\n`,
    );
    if (fmt === 'json') {
      const report = JSON.parse(one.stdout) as { summary: { files: number }; findings: { ruleId: string }[] };
      assert.equal(report.summary.files, count + 2);
      assert.ok(report.findings.some((f) => f.ruleId === 'grammar/json-syntax'));
      assert.ok(new Set(report.findings.map((f) => f.ruleId)).size >= 4);
    }
    for (const jobs of [
      ['--jobs', '2'],
      ['--jobs', '3'],
    ]) {
      const many = lint(['--fmt', fmt, ...jobs]);
      assert.equal(many.code, one.code, `${jobs.join(' ')}: ${many.stderr}`);
      assert.equal(many.stderr, one.stderr);
      assert.equal(many.stdout, one.stdout, `stdout with ${jobs.join(' ')}`);
    }
  });
}

test('accepted findings, --skip-checks and --fail-on: the same with workers as without', () => {
  const args = ['--fmt', 'json', '--config', join(dir, 'accept.yml'), '--skip-checks', 'grammar/json-syntax'];
  const one = lint([...args, '--jobs', '1']);
  const summary = (JSON.parse(one.stdout) as { summary: { accepted: number } }).summary;
  assert.ok(summary.accepted > 0);
  assert.doesNotMatch(one.stdout, /json-syntax/);
  const many = lint([...args, '--jobs', '2']);
  assert.deepEqual(many, one);
  // Without the malformed file: exit 2 (findings at or above error), the same on both.
  const good = join(dir, 'team-1');
  const a = runCli(['lint', good, '--jobs', '1', '--fmt', 'json'], { env });
  const b = runCli(['lint', good, '--jobs', '2', '--fmt', 'json'], { env });
  assert.equal(a.code, 2, a.stderr);
  assert.deepEqual(b, a);
});

test('--jobs: a whole number from 1; anything else is one line and exit 1', () => {
  for (const bad of ['0', '-1', 'two', '1.5']) {
    const r = lint(['--jobs', bad]);
    assert.equal(r.code, 1, bad);
    assert.match(r.stderr, /--jobs <n>.*expected a whole number of threads from 1 to 999/, bad);
    assert.equal(r.stdout, '');
  }
});

test('stdin among the inputs: read once, on the main thread, whatever --jobs says', () => {
  const policy = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }],
  });
  const one = runCli(['lint', '-', join(dir, 'team-2'), '--fmt', 'json', '--jobs', '1'], {
    env,
    input: policy,
  });
  const many = runCli(['lint', '-', join(dir, 'team-2'), '--fmt', 'json', '--jobs', '4'], {
    env,
    input: policy,
  });
  assert.match(one.stdout, /"file": "-"/);
  assert.deepEqual(many, one);
});
