import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../src/database/index.js';
import { OperationMap } from '../../src/querying/operations.js';

const DB = fileURLToPath(new URL('../../data/db', import.meta.url));
const map = new OperationMap(openDatabase(DB));

test("the issue's examples: S3 ListObjectsV2 and HeadObject, CloudWatch's event source", () => {
  assert.deepEqual(map.lookup('s3', 'ListObjectsV2')?.actions, ['s3:ListBucket']);
  assert.deepEqual(map.lookup('s3', 'HeadObject')?.actions, ['s3:GetObject']);
  assert.equal(map.serviceForEventSource('monitoring.amazonaws.com'), 'cloudwatch');
});

test('unknown services and operations are undefined', () => {
  assert.equal(map.lookup('nosuchservice', 'GetObject'), undefined);
  assert.equal(map.lookup('s3', 'NoSuchOperation'), undefined);
  assert.equal(map.serviceForEventSource('nosuchservice.amazonaws.com'), undefined);
  assert.equal(map.serviceForSdkName('NoSuchClient'), undefined);
  assert.deepEqual(map.entries('nosuchservice'), []);
});
