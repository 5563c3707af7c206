import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDatabaseDir } from '../../src/database/store.js';
import { runCli } from '../support/cli.js';
import { records } from './fixture-db.js';

const dir = mkdtempSync(join(tmpdir(), 'iamwright-wp-'));
const db = join(dir, 'db');
writeDatabaseDir(db, records, {
  schemaVersion: '1',
  overridesApplied: [],
  counts: { services: 0, actions: 0, resourceTypes: 0, conditionKeys: 0 },
});
const crud = join(dir, 'crud.yml');
writeFileSync(crud, 'mode: crud\nread:\n- arn:aws:store:us-east-1:123456789012:bucket/b1/object/k\n');
const actions = join(dir, 'actions.yml');
writeFileSync(actions, 'mode: actions\nactions:\n- store:GetObject\n- store:GetObjectAcl\n');

const wp = (args: string[], input?: string) => runCli(['--db', db, 'write-policy', ...args], { input });

test('write-policy -i FILE prints the policy as JSON', () => {
  const r = wp(['-i', crud]);
  assert.equal(r.code, 0, r.stderr);
  const policy = JSON.parse(r.stdout);
  assert.deepEqual(
    policy.Statement.map((s: { Sid: string }) => s.Sid),
    ['StoreReadBucket', 'StoreReadObject'],
  );
  assert.ok(r.stdout.endsWith('}\n'));
});

test('the template can come on stdin', () => {
  const r = wp(['--fmt', 'json'], 'mode: actions\nactions:\n- store:GetBucket\n');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).Statement[0].Sid, 'StoreReadBucket');
});

test('--minimize with no value means 0, and does not swallow a following option', () => {
  const bare = wp(['-i', actions, '--minimize']);
  const zero = wp(['-i', actions, '--minimize', '0']);
  const before = wp(['--minimize', '-i', actions]);
  assert.equal(bare.code, 0, bare.stderr);
  assert.deepEqual(JSON.parse(bare.stdout).Statement[0].Action, ['store:geto*']);
  assert.equal(zero.stdout, bare.stdout);
  assert.equal(before.stdout, bare.stdout);
  assert.equal(wp(['-i', actions, '-m']).stdout, bare.stdout);
  assert.deepEqual(JSON.parse(wp(['-i', actions, '--minimize=8']).stdout).Statement[0].Action, [
    'store:getobjec*',
  ]);
});

test("policy_sentry's --minimize_length and -v LEVEL are accepted", () => {
  const plain = wp(['-i', actions]);
  const eight = wp(['-i', actions, '--minimize=8']);
  // The length applies to a bare --minimize, in either order; alone it minimizes nothing.
  assert.equal(wp(['-i', actions, '-m', '--minimize_length=8']).stdout, eight.stdout);
  assert.equal(wp(['--minimize_length', '8', '-i', actions, '--minimize']).stdout, eight.stdout);
  assert.equal(wp(['-i', actions, '--minimize_length', '8']).stdout, plain.stdout);
  // policy_sentry reads --minimize=N as --minimize --minimize_length=N: the length given last wins.
  assert.equal(wp(['-i', actions, '--minimize=0', '--minimize_length=8']).stdout, eight.stdout);
  assert.equal(wp(['-i', actions, '--minimize_length=0', '--minimize=8']).stdout, eight.stdout);
  assert.notEqual(wp(['-i', actions, '-m', '--minimize_length=-1']).code, 0);
  // The log level is checked (any case) and changes nothing on stdout.
  assert.equal(wp(['-i', actions, '-v', 'DEBUG']).stdout, plain.stdout);
  assert.equal(wp(['-i', actions, '--verbose', 'info']).stdout, plain.stdout);
  const bad = wp(['-i', actions, '-v', 'loud']);
  assert.notEqual(bad.code, 0);
  assert.equal(bad.stdout, '');
});

test('--minimize rejects negative and non-numeric values cleanly', () => {
  for (const bad of ['-1', 'x', '1.5']) {
    const r = wp(['-i', actions, '--minimize', bad]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /minimize/);
    assert.equal(r.stdout, '');
  }
});

test('--fmt yaml and terraform', () => {
  const yaml = wp(['-i', actions, '--fmt', 'yaml']);
  assert.equal(yaml.code, 0, yaml.stderr);
  assert.match(yaml.stdout, /^Version: '2012-10-17'\nStatement:\n- Sid: StoreReadObject\n/);
  const tf = wp(['-i', actions, '--fmt', 'terraform']);
  assert.equal(JSON.parse(JSON.parse(tf.stdout).policy).Statement[0].Sid, 'StoreReadObject');
  const bad = wp(['-i', actions, '--fmt', 'xml']);
  assert.notEqual(bad.code, 0);
});

test('a missing input file or a bad value is one clean line on stderr and no policy', () => {
  const missing = wp(['-i', join(dir, 'nope.yml')]);
  assert.notEqual(missing.code, 0);
  assert.match(missing.stderr, /^iamwright: cannot read template '.*nope\.yml': no such file or folder\n$/);
  assert.equal(missing.stdout, '');
  const unknown = wp([], 'mode: actions\nactions:\n- store:Nope\n');
  assert.notEqual(unknown.code, 0);
  assert.match(unknown.stderr, /unknown action 'store:Nope'/);
  assert.equal(unknown.stderr.trim().split('\n').length, 1);
  assert.equal(unknown.stdout, '');
});

test('odd YAML gets only iamwright own line on stderr: no library warning, no raw bytes', () => {
  const utf16 = join(dir, 'utf16.yml');
  writeFileSync(utf16, Buffer.from('\ufeffmode: crud\nread: [arn:aws:s3:::a]\n', 'utf16le'));
  const cases: [string[], string | undefined, RegExp][] = [
    [[], 'mode: crud\n? [a, b]\n: c\n', /^iamwright: <stdin>:2: a key must be a name, not a list\n$/],
    [
      ['-i', utf16],
      undefined,
      /^iamwright: .*utf16\.yml: the file is not UTF-8 \(UTF-16\?\); save the template as UTF-8\n$/,
    ],
    [
      [],
      `mode: crud\nname: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
      /^iamwright: <stdin>:2: nested too deeply \(more than 64 levels\)\n$/,
    ],
    [[], 'mode: crud\nread: ["a\\nb\\u001b[2J"]\n', /^iamwright: <stdin>:2: .*not 'a\\nb\\u001b\[2J'\n$/],
  ];
  for (const [args, input, pattern] of cases) {
    const r = wp(args, input);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, pattern);
    assert.equal(r.stdout, '');
  }
});
