// `iamwright query operation-table` as a user runs it, over the bundled database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../support/cli.js';
import { CLI, ROOT } from '../support/paths.js';

const skip = !existsSync(CLI) ? 'the CLI is not built' : false;
const DB = join(ROOT, 'data', 'db');
const query = (...args: string[]) =>
  runCli(['query', 'operation-table', ...args], { env: { IAMWRIGHT_DB: DB } });

test('one operation: its actions, source and reason, in every format', { skip }, () => {
  const json = query('-s', 's3', '-n', 'copyobject', '--fmt', 'json');
  assert.equal(json.code, 0, json.stderr);
  const rows = JSON.parse(json.stdout) as {
    operation: string;
    actions: string[];
    source: string;
    reason: string;
  }[];
  assert.equal(rows.length, 1);
  assert.equal(rows[0].operation, 'CopyObject');
  assert.deepEqual(rows[0].actions, ['s3:GetObject', 's3:PutObject']);
  assert.equal(rows[0].source, 'exception');
  assert.match(rows[0].reason, /reads the source object and writes the destination/);
  const yaml = query('-s', 's3', '-n', 'CopyObject', '--fmt', 'yaml');
  assert.deepEqual(parseYaml(yaml.stdout), rows);
  const csv = query('-s', 'lambda', '-n', 'Invoke', '--fmt', 'csv');
  assert.equal(csv.stdout, 'operation,actions,source,reason\nInvoke,lambda:InvokeFunction,api-link,\n');
  const table = query('-s', 'lambda', '-n', 'invoke').stdout.split('\n');
  assert.match(table[0], /^operation\s+actions\s+source\s+reason$/);
  assert.match(table[2], /^Invoke\s+lambda:InvokeFunction\s+api-link$/);
});

test('a whole service, and wildcards', { skip }, () => {
  const all = JSON.parse(query('-s', 'sqs', '--fmt', 'json').stdout) as {
    operation: string;
    source: string;
  }[];
  assert.ok(all.length > 15, String(all.length));
  assert.ok(all.some((r) => r.operation === 'SendMessageBatch' && r.source === 'exception'));
  const names = all.map((r) => r.operation.toLowerCase());
  assert.deepEqual(names, [...names].sort());
  const deletes = JSON.parse(query('-s', 's3', '-n', 'DeleteBucket*', '--fmt', 'json').stdout) as {
    operation: string;
  }[];
  assert.ok(deletes.length >= 10);
  assert.ok(deletes.every((r) => r.operation.startsWith('DeleteBucket')));
  const none = query('-s', 's3', '-n', 'Nothing*');
  assert.equal(none.code, 0);
  assert.equal(none.stdout, '(no matching operations)\n');
});

test('an event name with an API version finds the operation', { skip }, () => {
  const r = query('-s', 'lambda', '-n', 'GetFunction20150331v2', '--fmt', 'json');
  assert.equal(r.code, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { operation: string }[])[0].operation, 'GetFunction');
});

test('bad input: one line on stderr, non-zero exit, nothing on stdout', { skip }, () => {
  const cases: [string[], RegExp][] = [
    [['-s', 'nosuch'], /^iamwright: unknown service prefix 'nosuch'\n$/],
    [
      ['-s', 'S3'],
      /^iamwright: unknown service prefix 'S3'; service prefixes are lower case: did you mean 's3'\?\n$/,
    ],
    [
      ['-s', 's3', '-n', 'ListObjectsV3'],
      /^iamwright: unknown operation 'ListObjectsV3' of service 's3'; did you mean 'ListObjects' or 'ListObjectsV2'\?\n$/,
    ],
    [['-s', 's3', '-n', ''], /^iamwright: option --name is empty/],
    [['-s', 's3', '--fmt', 'xml'], /^error: option '--fmt <format>' argument 'xml' is invalid/],
    [[], /^error: required option '-s, --service <prefix>' not specified\n$/],
  ];
  for (const [args, stderr] of cases) {
    const r = query(...args);
    assert.notEqual(r.code, 0, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
    assert.match(r.stderr, stderr, args.join(' '));
  }
});
