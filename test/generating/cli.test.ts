/**
 * `iamwright generate` as users run it (the built CLI): stdout holds the template or policy, stderr one
 * line per problem with counts, and the exit code says whether all input was read.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runCli } from '../support/cli.js';

const FIX = 'test/fixtures/cloudtrail';
const DATE_HELP =
  'expected a date (2026-01-31, midnight UTC) or a date and time with a zone (2026-01-31T12:00:00Z)';

test('a folder with one good log and one truncated gzip: the policy of the good one, the bad one named, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-cli-'));
  writeFileSync(join(dir, 'a.json.gz'), gzipSync(readFileSync(join(FIX, 'services', 'dynamodb.json'))));
  writeFileSync(
    join(dir, 'b.json.gz'),
    gzipSync(readFileSync(join(FIX, 'services', 'sqs.json'))).subarray(0, 120),
  );
  const r = runCli(['generate', '--from-cloudtrail', dir, '--policy']);
  assert.equal(r.code, 1);
  const policy = JSON.parse(r.stdout) as { Statement: { Action: string[]; Resource: string[] }[] };
  assert.deepEqual(
    policy.Statement.map((s) => [s.Action, s.Resource]),
    [[['dynamodb:PutItem'], ['arn:aws:dynamodb:us-east-1:111122223333:table/Orders']]],
  );
  assert.equal(
    r.stderr,
    `iamwright: generate: ${join(dir, 'b.json.gz')}: truncated gzip (unexpected end of file); the file was skipped\n` +
      'iamwright: generate: read 1 call in 2 files; used 1; 1 input problem\n',
  );
});

test('unknown services and operations are counted on stderr; the rest makes the template', () => {
  const r = runCli(['generate', '--from-cloudtrail', join(FIX, 'bad', 'unknown.json')]);
  assert.equal(r.code, 1); // one record of the file is not an event at all
  assert.match(
    r.stdout,
    /\nread:\n {2}# 1 event: s3:GetObject \(1\)\n {2}- arn:aws:s3:::kept-bucket\/a.txt\n/,
  );
  assert.equal(
    r.stderr,
    [
      `${join(FIX, 'bad', 'unknown.json')}: 1 of 6 records are not CloudTrail events (no eventSource and eventName); they were skipped`,
      '2 calls of unknown services left out: frobnicator.amazonaws.com (2)',
      '1 call of unknown operations left out: s3:FrobnicateBucket (1)',
      'read 4 calls in 1 file; used 1; 1 non-API-call record skipped; 1 input problem',
    ]
      .map((l) => `iamwright: generate: ${l}\n`)
      .join(''),
  );
});

test('nothing usable: nothing on stdout, exit 1', () => {
  const r = runCli(['generate', '--from-cloudtrail', join(FIX, 'bad', 'not-cloudtrail.json')]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    [
      `${join(FIX, 'bad', 'not-cloudtrail.json')}: not a CloudTrail log (no "Records" list); the file was skipped`,
      'read 0 calls in 1 file; used 0; 1 input problem',
      'no usable call in the input: nothing written',
    ]
      .map((l) => `iamwright: generate: ${l}\n`)
      .join(''),
  );
});

test('bad dates and option mistakes are one line each, before anything is read', () => {
  for (const bad of ['2026-02-30', '2026-13-01', '2026-01-01T10:00:00', 'yesterday', '2026-1-5']) {
    const r = runCli(['generate', '--from-cloudtrail', FIX, '--since', bad]);
    assert.equal(r.code, 1, bad);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `error: option '--since <when>' argument '${bad}' is invalid. ${DATE_HELP}\n`);
  }
  const after = runCli([
    'generate',
    '--from-cloudtrail',
    FIX,
    '--since',
    '2026-05-02',
    '--until',
    '2026-05-01',
  ]);
  assert.equal(after.stderr, 'iamwright: generate: --since is after --until: no call can be in between\n');
  const both = runCli(['generate', '--from-cloudtrail', FIX, '--from-calls', 'x']);
  assert.equal(
    both.stderr,
    'iamwright: generate: give --from-cloudtrail or --from-calls, not both (run generate once for each)\n',
  );
  const who = runCli(['generate', '--from-cloudtrail', FIX, '--principal', 'order-service']);
  assert.equal(
    who.stderr,
    "error: option '--principal <arn>' argument 'order-service' is invalid. expected an IAM or STS ARN, e.g. " +
      'arn:aws:iam::111122223333:role/app or arn:aws:sts::111122223333:assumed-role/app/session\n',
  );
  const fmt = runCli(['generate', '--from-cloudtrail', FIX, '--fmt', 'yaml']);
  assert.equal(fmt.stderr, 'iamwright: generate: --fmt goes with --policy (the template is always YAML)\n');
});

test('--from-calls reads stdin; --since/--until with zones; --fmt yaml', () => {
  const calls = runCli(['generate', '--from-calls', '-', '--policy', '--fmt', 'yaml'], {
    input: 's3:GetObject arn:aws:s3:::b/k\n',
  });
  assert.equal(calls.code, 0);
  assert.equal(
    calls.stdout,
    [
      "Version: '2012-10-17'",
      'Statement:',
      '- Sid: S3ReadObject',
      '  Effect: Allow',
      '  Action:',
      '  - s3:GetObject',
      '  Resource:',
      '  - arn:aws:s3:::b/k',
      '',
    ].join('\n'),
  );
  // The fixtures' events are at 2026-03-01T10:00:00Z: 11:00+02:00 is 09:00Z, before them.
  const window = runCli([
    'generate',
    '--from-cloudtrail',
    join(FIX, 'services', 'sns.json'),
    '--until',
    '2026-03-01T11:00:00+02:00',
  ]);
  assert.equal(window.code, 1);
  assert.match(window.stderr, /read 1 call in 1 file; used 0, 1 filtered out\n/);
});

test('every call refused: nothing on stdout, the refusals on stderr, exit 1', () => {
  const r = runCli(['generate', '--from-calls', '-', '--policy'], {
    input:
      '{"Type":"ApiCall","Service":"KMS","Api":"Decrypt","Region":"us-east-1","FinalHttpStatusCode":403}\n',
  });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    [
      'refused: kms:Decrypt on * (1 call)',
      'read 1 call in 1 file; used 1',
      'every call was refused, so there is nothing to grant: nothing written',
    ]
      .map((l) => `iamwright: generate: ${l}\n`)
      .join(''),
  );
});
