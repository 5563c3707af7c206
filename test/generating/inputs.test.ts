/**
 * What generate reads and how it reports what it cannot use: the SQL exports of docs/generate.md (CSV and
 * JSON lines), CloudTrail Lake/Athena raw exports, folders laid out as CloudTrail writes them, call lists
 * (action lines, SDK lines, iamlive CSM lines), the filters, --generalize, and bad input with its exact
 * report lines and counts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { openDatabase } from '../../src/database/store.js';
import { bundledDatabasePath } from '../../src/database/select.js';
import { generate, type GenerateOptions } from '../../src/generating/generate.js';
import { callOfLine } from '../../src/generating/read-calls.js';

const db = openDatabase(bundledDatabasePath());
const FIX = 'test/fixtures/cloudtrail';
const EXPORT = join(FIX, 'export');

function grants(policy: { Statement: { Action: string[]; Resource: string[] }[] }): string[] {
  return policy.Statement.flatMap((s) => s.Action.flatMap((a) => s.Resource.map((r) => `${a} ${r}`))).sort();
}

async function run(paths: string[], options: Partial<GenerateOptions> = {}) {
  return generate(db, paths, { from: 'cloudtrail', ...options });
}

test('the SQL output (CSV and JSON lines) and a raw Lake export give the policy of the calls, with their counts', async () => {
  const r = await run([EXPORT]);
  assert.deepEqual(r.problems, []);
  assert.equal(r.files, 3);
  assert.deepEqual(grants(r.policy()), [
    'dynamodb:Query arn:aws:dynamodb:eu-west-1:111122223333:table/Orders',
    'kinesis:PutRecords arn:aws:kinesis:eu-west-1:111122223333:stream/orders',
    'kms:GenerateDataKey arn:aws:kms:eu-west-1:111122223333:key/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9',
    's3:GetObject arn:aws:s3:::order-archive/2026/01/orders.json',
    's3:PutObject arn:aws:s3:::batch-out/result.csv',
    'secretsmanager:GetSecretValue arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders/db-??????',
    'sns:Publish arn:aws:sns:eu-west-1:111122223333:order-events',
    'sqs:DeleteMessage arn:aws:sqs:eu-west-1:111122223333:order-jobs',
    'ssm:GetParameter arn:aws:ssm:eu-west-1:111122223333:parameter/orders/endpoint',
  ]);
  // 41250 + 982113 + 55000 + 1200 + 3 + 17 (CSV) + 912 + 301 (rows) + 2 (raw events)
  assert.equal(r.tally.calls, 1_080_798);
  const template = r.template();
  assert.match(
    template,
    / {2}# 982,113 events: dynamodb:Query \(982,113\)\n {2}- arn:aws:dynamodb:eu-west-1:111122223333:table\/Orders\n/,
  );
  assert.match(
    template,
    /# {3}s3:DeleteObject on arn:aws:s3:::order-archive\/2026\/01\/orders.json \(3 events\)\n/,
  );
  assert.deepEqual(r.report(), [
    'refused: s3:DeleteObject on arn:aws:s3:::order-archive/2026/01/orders.json (3 calls)',
    'read 1,080,798 calls in 3 files; used 1,080,798',
  ]);
});

test('--principal keeps one role (a row of the role, or a session it issued); --since/--until keep a time window', async () => {
  const role = await run([EXPORT], { principal: 'arn:aws:iam::111122223333:role/batch-job' });
  assert.deepEqual(grants(role.policy()), ['s3:PutObject arn:aws:s3:::batch-out/result.csv']);
  assert.equal(role.tally.filteredOut, 1_080_798 - 17);

  // The raw Lake events are sessions of order-service: kept through their session issuer.
  const lake = await run([join(EXPORT, 'lake-events.jsonl')], {
    principal: 'arn:aws:iam::111122223333:role/order-service',
  });
  assert.equal(lake.tally.filteredOut, 0);
  const session = await run([join(EXPORT, 'lake-events.jsonl')], {
    principal: 'arn:aws:sts::111122223333:assumed-role/order-service/i-0aaa',
  });
  assert.equal(session.tally.filteredOut, 0);

  // Rows carry first_seen..last_seen: a row is kept when that span meets the window.
  const march = await run([join(EXPORT, 'athena-rows.csv')], {
    since: Date.parse('2026-03-01T00:00:00Z'),
    until: Date.parse('2026-03-01T23:59:59Z'),
  });
  assert.deepEqual(grants(march.policy()), [
    'dynamodb:Query arn:aws:dynamodb:eu-west-1:111122223333:table/Orders',
    'kms:GenerateDataKey arn:aws:kms:eu-west-1:111122223333:key/0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9',
    's3:GetObject arn:aws:s3:::order-archive/2026/01/orders.json',
    's3:PutObject arn:aws:s3:::batch-out/result.csv',
    'sqs:DeleteMessage arn:aws:sqs:eu-west-1:111122223333:order-jobs',
  ]);
  assert.equal(march.tally.filteredOut, 3); // the refused DeleteObject was in February
});

test('a folder laid out as CloudTrail writes it is walked; digests are skipped; a truncated gzip is reported and the rest read', async () => {
  const root = mkdtempSync(join(tmpdir(), 'iamwright-ct-'));
  const day = join(root, 'AWSLogs', '111122223333', 'CloudTrail', 'us-east-1', '2026', '03', '01');
  const digest = join(root, 'AWSLogs', '111122223333', 'CloudTrail-Digest', 'us-east-1', '2026', '03', '01');
  mkdirSync(day, { recursive: true });
  mkdirSync(digest, { recursive: true });
  const gz = (name: string) => gzipSync(readFileSync(join(FIX, 'services', `${name}.json`)));
  writeFileSync(join(day, '111122223333_CloudTrail_us-east-1_20260301T1000Z_a.json.gz'), gz('s3'));
  writeFileSync(
    join(day, '111122223333_CloudTrail_us-east-1_20260301T1005Z_b.json.gz'),
    gz('sqs').subarray(0, 150),
  );
  writeFileSync(join(day, '111122223333_CloudTrail_us-east-1_20260301T1010Z_c.json.gz'), gz('sns'));
  writeFileSync(join(digest, 'digest.json.gz'), gzipSync('{"awsAccountId":"111122223333"}'));
  const r = await run([root]);
  assert.equal(r.files, 3);
  assert.deepEqual(grants(r.policy()), [
    's3:GetObject arn:aws:s3:::amzn-s3-demo-bucket/reports/summary.csv',
    's3:ListBucket arn:aws:s3:::amzn-s3-demo-bucket',
    'sns:Publish arn:aws:sns:us-east-1:111122223333:order-events',
  ]);
  assert.deepEqual(r.report(), [
    `${join(day, '111122223333_CloudTrail_us-east-1_20260301T1005Z_b.json.gz')}: truncated gzip (unexpected end of file); the file was skipped`,
    'read 3 calls in 3 files; used 3; 1 input problem',
  ]);
});

test('JSON that is not CloudTrail, unknown services and operations, other event types and bad lines: reported with counts, the rest used', async () => {
  const bad = join(FIX, 'bad');
  const r = await run([
    join(bad, 'not-cloudtrail.json'),
    join(bad, 'unknown.json'),
    join(bad, 'broken-lines.jsonl'),
  ]);
  assert.deepEqual(grants(r.policy()), [
    's3:GetObject arn:aws:s3:::kept-bucket/a.txt',
    'sqs:SendMessage arn:aws:sqs:us-west-2:111122223333:q1',
    'sqs:SendMessage arn:aws:sqs:us-west-2:111122223333:q2',
  ]);
  assert.deepEqual(r.report(), [
    `${join(bad, 'not-cloudtrail.json')}: not a CloudTrail log (no "Records" list); the file was skipped`,
    `${join(bad, 'unknown.json')}: 1 of 6 records are not CloudTrail events (no eventSource and eventName); they were skipped`,
    `${join(bad, 'broken-lines.jsonl')}:2: not JSON (2 such lines in all, skipped)`,
    '2 calls of unknown services left out: frobnicator.amazonaws.com (2)',
    '1 call of unknown operations left out: s3:FrobnicateBucket (1)',
    'read 6 calls in 3 files; used 3; 1 non-API-call record skipped; 3 input problems',
  ]);
});

test('--generalize puts * in place of object keys and generated ids, and nowhere else', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-gen-'));
  const rec = (source: string, name: string, params: object) => ({
    eventSource: source,
    eventName: name,
    awsRegion: 'us-east-1',
    recipientAccountId: '111122223333',
    eventTime: '2026-03-01T00:00:00Z',
    requestParameters: params,
  });
  const records = [
    rec('s3.amazonaws.com', 'GetObject', { bucketName: 'logs-2026', key: 'a/1.json' }),
    rec('s3.amazonaws.com', 'GetObject', { bucketName: 'logs-2026', key: 'b/2.json' }),
    rec('ec2.amazonaws.com', 'StopInstances', {
      instancesSet: { items: [{ instanceId: 'i-0123456789abcdef0' }] },
    }),
    rec('dynamodb.amazonaws.com', 'GetItem', { tableName: 'Orders-20260301' }),
    rec('ssm.amazonaws.com', 'GetParameter', { name: '/app/db-host' }),
  ];
  writeFileSync(join(dir, 'events.json'), JSON.stringify({ Records: records }));
  const r = await run([dir], { generalize: true });
  assert.deepEqual(grants(r.policy()), [
    'dynamodb:GetItem arn:aws:dynamodb:us-east-1:111122223333:table/Orders-20260301', // a table is kept whole
    'ec2:StopInstances arn:aws:ec2:us-east-1:111122223333:instance/*',
    's3:GetObject arn:aws:s3:::logs-2026/*', // the bucket is kept, though it holds a year
    'ssm:GetParameter arn:aws:ssm:us-east-1:111122223333:parameter/app/db-host',
  ]);
  assert.match(r.template(), / {2}# 2 events: s3:GetObject \(2\)\n {2}- arn:aws:s3:::logs-2026\/\*\n/);
});

test("an S3 key holding * or ? is written with IAM's escapes, so the ARN names that one object", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-esc-'));
  const records = [
    {
      eventSource: 's3.amazonaws.com',
      eventName: 'GetObject',
      awsRegion: 'us-east-1',
      requestParameters: { bucketName: 'b', key: 'price*list?.csv' },
    },
  ];
  writeFileSync(join(dir, 'e.json'), JSON.stringify({ Records: records }));
  const r = await run([dir]);
  assert.deepEqual(grants(r.policy()), ['s3:GetObject arn:aws:s3:::b/price${*}list${?}.csv']);
});

test('call lines: an action with its ARNs, an SDK call, iamlive CSM lines', async () => {
  assert.deepEqual(callOfLine('# a comment'), { skip: true });
  assert.deepEqual(callOfLine('s3:GetObject not-an-arn'), {
    error: "'not-an-arn' is not an ARN (expected arn:partition:service:region:account:resource)",
  });
  assert.deepEqual(callOfLine('GetObject'), {
    error: "'GetObject' is neither service:Action, Client.Operation nor a CSM JSON line",
  });
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-calls-'));
  const file = join(dir, 'calls.txt');
  writeFileSync(
    file,
    [
      's3:GetObject arn:aws:s3:::b/k',
      's3:PutObject arn:aws:s3:::b/out/1.csv arn:aws:s3:::b/out/2.csv',
      'DynamoDB.GetItem',
      'S3.ListObjectsV2',
      '{"Version":1,"ClientId":"","Type":"ApiCall","Service":"SQS","Api":"ReceiveMessage","Timestamp":1767225600000,"AttemptCount":1,"Region":"us-east-1","UserAgent":"aws-sdk-go/1.55","FinalHttpStatusCode":200,"Latency":31,"MaxRetriesExceeded":0}',
      '{"Version":1,"ClientId":"","Type":"ApiCallAttempt","Service":"SQS","Api":"ReceiveMessage","Timestamp":1767225600000,"Region":"us-east-1","HttpStatusCode":200}',
      '{"Version":1,"Type":"ApiCall","Service":"KMS","Api":"Decrypt","Region":"us-east-1","FinalHttpStatusCode":403}',
      '',
      'Frobnicator.Spin',
      's3:NoSuchAction',
      'oops',
    ].join('\n'),
  );
  const r = await generate(db, [file], { from: 'calls' });
  assert.deepEqual(grants(r.policy()), [
    'dynamodb:GetItem *',
    's3:GetObject arn:aws:s3:::b/k',
    's3:ListBucket *',
    's3:PutObject arn:aws:s3:::b/out/1.csv',
    's3:PutObject arn:aws:s3:::b/out/2.csv',
    'sqs:ReceiveMessage *',
  ]);
  assert.deepEqual(r.report(), [
    `${file}:11: 'oops' is neither service:Action, Client.Operation nor a CSM JSON line (skipped)`,
    '1 call of unknown services left out: Frobnicator (1)',
    '1 call of unknown operations left out: s3:NoSuchAction (1)',
    '3 calls did not show their resource, so these actions are granted on "*": dynamodb:GetItem (1), s3:ListBucket (1), sqs:ReceiveMessage (1)',
    'refused: kms:Decrypt on * (1 call)',
    'read 8 calls in 1 file; used 6; 1 input problem',
  ]);
});

test('the export fixtures have the columns of the SQL in docs/generate.md (Athena and CloudTrail Lake)', () => {
  const doc = readFileSync('docs/generate.md', 'utf8');
  const blocks = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]);
  assert.equal(blocks.length, 2);
  const header = readFileSync(join(EXPORT, 'athena-rows.csv'), 'utf8')
    .split('\n')[0]
    .replace(/"/g, '')
    .split(',');
  const jsonKeys = Object.keys(
    JSON.parse(readFileSync(join(EXPORT, 'lake-rows.jsonl'), 'utf8').split('\n')[0]),
  );
  for (const sql of blocks) {
    const aliases = [...sql.matchAll(/\bAS (\w+),?\n/g)].map((m) => m[1]).filter((a) => a !== 'JSON');
    assert.deepEqual(aliases, header);
    assert.deepEqual(aliases, jsonKeys);
  }
});

test('an action whose required resource types are not all shown by the call is granted on "*" and counted, never on a part', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-req-'));
  const rec = (source: string, name: string, params: object) => ({
    eventSource: source,
    eventName: name,
    awsRegion: 'eu-west-1',
    recipientAccountId: '111122223333',
    requestParameters: params,
  });
  const records = [
    // Glue authorizes GetTable on the catalog, the database and the table together: all three are shown.
    rec('glue.amazonaws.com', 'GetTable', { databaseName: 'lake', name: 'orders' }),
    // RunInstances needs the image, the instance, the subnet, the security group and the network interface;
    // the request shows only the image.
    rec('ec2.amazonaws.com', 'RunInstances', { imageId: 'ami-0abcdef1234567890', instanceType: 't3.micro' }),
  ];
  writeFileSync(join(dir, 'e.json'), JSON.stringify({ Records: records }));
  const r = await run([dir]);
  assert.deepEqual(grants(r.policy()), [
    'ec2:RunInstances *',
    'glue:GetTable arn:aws:glue:eu-west-1:111122223333:catalog',
    'glue:GetTable arn:aws:glue:eu-west-1:111122223333:database/lake',
    'glue:GetTable arn:aws:glue:eu-west-1:111122223333:table/lake/orders',
  ]);
  assert.ok(
    r
      .report()
      .includes('1 call did not show its resource, so this action is granted on "*": ec2:RunInstances (1)'),
  );
});
