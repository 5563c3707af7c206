/** Filling and binding ARN formats: a value stays inside its own segment, and a binding never guesses. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bindArnFormat,
  fillArnFormat,
  generalizedArn,
  isVolatile,
  parseArnFormat,
} from '../../src/generating/arn-format.js';

const bucket = parseArnFormat('arn:${Partition}:s3:::${BucketName}', 'bucket');
const object = parseArnFormat('arn:${Partition}:s3:::${BucketName}/${ObjectName}', 'object');
const stream = parseArnFormat(
  'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}',
  'log-stream',
);
const group = parseArnFormat(
  'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}',
  'log-group',
);
const role = parseArnFormat('arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}', 'role');
const table = parseArnFormat('arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}', 'table');

test("binding takes an ARN apart only where it has the format's shape", () => {
  assert.deepEqual(bindArnFormat(bucket, 'arn:aws:s3:::b'), ['aws', 'b']);
  assert.equal(bindArnFormat(bucket, 'arn:aws:s3:::b/k'), undefined); // an object is not a bucket
  assert.deepEqual(bindArnFormat(object, 'arn:aws:s3:::b/a/b:c.txt'), ['aws', 'b', 'a/b:c.txt']);
  assert.equal(bindArnFormat(object, 'arn:aws:s3:::b'), undefined);
  assert.deepEqual(
    bindArnFormat(stream, 'arn:aws:logs:us-east-1:111122223333:log-group:/app/web:log-stream:2026/03/01/x'),
    ['aws', 'us-east-1', '111122223333', '/app/web', '2026/03/01/x'],
  );
  // A log stream's ARN is not a log group's: the rest would run over a ':'.
  assert.equal(
    bindArnFormat(group, 'arn:aws:logs:us-east-1:111122223333:log-group:/app/web:log-stream:x'),
    undefined,
  );
  assert.deepEqual(bindArnFormat(role, 'arn:aws:iam::111122223333:role/service/app'), [
    'aws',
    '111122223333',
    'service/app',
  ]);
  assert.equal(
    bindArnFormat(table, 'arn:aws:dynamodb:us-east-1:111122223333:table/T/stream/2026'),
    undefined,
  );
  assert.equal(bindArnFormat(table, 'arn:aws:dynamodb:us-east-1:111122223333:table/'), undefined);
  // A key holding IAM's wildcard characters comes back escaped.
  assert.deepEqual(bindArnFormat(object, 'arn:aws:s3:::b/a*b?$'), ['aws', 'b', 'a${*}b${?}${$}']);
});

test('filling refuses a value that would run into the next segment', () => {
  const fill = (f: ReturnType<typeof parseArnFormat>, values: string[]) =>
    fillArnFormat(f, (i) => values[i])?.arn;
  assert.equal(
    fill(table, ['aws', 'us-east-1', '111122223333', 'Orders']),
    'arn:aws:dynamodb:us-east-1:111122223333:table/Orders',
  );
  assert.equal(fill(table, ['aws', 'us-east-1', '111122223333', 'Orders/index/x']), undefined);
  assert.equal(fill(table, ['aws', 'us-east-1', '111122223333', 'a:b']), undefined);
  assert.equal(fill(table, ['aws', 'us-east-1', '111122223333', '']), undefined);
  assert.equal(fill(bucket, ['aws', 'b/c']), undefined);
  assert.equal(fill(object, ['aws', 'b', 'x*.csv']), 'arn:aws:s3:::b/x${*}.csv');
});

test('generalize replaces whole values of keys and generated ids, and keeps names', () => {
  assert.equal(isVolatile('ObjectName', 'README'), true);
  assert.equal(isVolatile('InstanceId', 'i-0123456789abcdef0'), true);
  assert.equal(isVolatile('ExecutionId', '5f0c3a1e-8a8b-4c1d-9a57-2b1b1e8f0c11'), true);
  assert.equal(isVolatile('BuildId', 'web:20260301T101500'), true);
  assert.equal(isVolatile('FunctionName', 'resize-image'), false);
  assert.equal(isVolatile('KeyId', '1234abcd-12ab-34cd-56ef-1234567890ab'), false);
  assert.equal(isVolatile('BucketName', 'logs-2026-03-01'), false);
  assert.equal(generalizedArn(object, ['aws', 'b', 'in/2026/x.json']), 'arn:aws:s3:::b/*');
  assert.equal(
    generalizedArn(stream, ['aws', 'r', '1', '/app/web', '2026/03/01/x']),
    'arn:aws:logs:r:1:log-group:/app/web:log-stream:*',
  );
});
