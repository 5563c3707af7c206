// `iamwright query` as a user runs it: formats, option combinations and errors, over the kit's database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { runCli } from '../support/cli.js';
import { CLI, KIT_DB } from '../support/paths.js';

const skip = !existsSync(KIT_DB)
  ? 'the conformance kit is absent'
  : !existsSync(CLI)
    ? 'the CLI is not built'
    : false;
const query = (...args: string[]) => runCli(['query', ...args], { env: { IAMWRIGHT_DB: KIT_DB } });

test('json and yaml carry the same data', { skip }, () => {
  const json = query('action-table', '-s', 'ram', '-n', 'TagResource', '--fmt', 'json');
  const yaml = query('action-table', '-s', 'ram', '-n', 'TagResource', '--fmt', 'yaml');
  assert.equal(json.code, 0, json.stderr);
  assert.equal(yaml.code, 0, yaml.stderr);
  const data = JSON.parse(json.stdout) as Record<string, { action: string; access_level: string }[]>;
  assert.deepEqual(parseYaml(yaml.stdout), data);
  assert.deepEqual(Object.keys(data), ['ram']);
  assert.ok(
    data.ram.length >= 2 &&
      data.ram.every((r) => r.action === 'ram:TagResource' && r.access_level === 'Tagging'),
  );
});

test('service-table csv: header prefix,service_name, quoted where needed', { skip }, () => {
  const r = query('service-table', '--fmt', 'csv');
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'prefix,service_name');
  assert.ok(lines.includes('s3,Amazon S3'));
  assert.ok(lines.length > 400);
  // Every line is two fields: a name with a comma must be quoted.
  for (const line of lines) assert.match(line, /^[a-z0-9-]+,("([^"]|"")*"|[^,"]*)$/, line);
});

test('the default table format is aligned text for people', { skip }, () => {
  const r = query('condition-table', '-s', 's3', '-n', 's3:x-amz-acl');
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^field\s+value$/);
  assert.match(lines[1], /^-+ {2}-+$/);
  assert.match(r.stdout, /condition_value_type\s+string/);
  const list = query('action-table', '-s', 'ec2', '-a', 'tagging');
  assert.deepEqual(list.stdout.trimEnd().split('\n').slice(2), ['ec2:CreateTags', 'ec2:DeleteTags']);
  // An action: a heading with its access level and description, then its rows.
  const action = query('action-table', '-s', 'kms', '-n', 'createcustomkeystore').stdout.split('\n');
  assert.equal(action[0], 'kms:CreateCustomKeyStore (Write)');
  assert.match(action[1], /^Controls permission to create a custom key store/);
  assert.ok(
    action.some((l) => /^\*\s+kms:CallerAccount\s+cloudhsm:DescribeClusters$/.test(l)),
    action.join('\n'),
  );
});

test('filters combine; --name with filters keeps the named actions that pass them', { skip }, () => {
  const both = JSON.parse(
    query('action-table', '-s', 's3', '-a', 'write', '-c', 's3:x-amz-acl', '--fmt', 'json').stdout,
  );
  assert.ok(both.includes('s3:PutObject') && !both.includes('s3:PutBucketAcl'), String(both));
  const read = JSON.parse(
    query('action-table', '-s', 's3', '-n', 'GetObject*', '-a', 'read', '--fmt', 'json').stdout,
  );
  assert.ok(
    read.s3.length > 0 && read.s3.every((row: { access_level: string }) => row.access_level === 'Read'),
  );
  const none = JSON.parse(
    query('action-table', '-s', 's3', '-n', 'GetObject', '-a', 'write', '--fmt', 'json').stdout,
  );
  assert.deepEqual(none, { s3: [] });
});

test('--service all', { skip }, () => {
  const services = JSON.parse(query('action-table', '-s', 'all', '--fmt', 'json').stdout) as string[];
  assert.ok(services.includes('s3') && services.includes('ec2'));
  const r = query('action-table', '-s', 'all', '-r', '*', '-a', 'permissions-management', '--fmt', 'json');
  const actions = JSON.parse(r.stdout) as string[];
  assert.ok(actions.length > 0 && actions.some((a) => a.startsWith('iam:')));
  const named = query('action-table', '-s', 'all', '-n', 'GetObject');
  assert.notEqual(named.code, 0);
  assert.match(named.stderr, /--name .*one service/);
});

test('errors are one clean line with a suggestion', { skip }, () => {
  const cases: [string[], RegExp][] = [
    [['action-table', '-s', 's4'], /unknown service prefix 's4'; did you mean 's3'/],
    [['action-table', '-s', 'S3'], /service prefixes are lower case: did you mean 's3'/],
    [['action-table', '-s', 'ALL'], /service prefixes are lower case: did you mean 'all'/],
    // The lower-case form is suggested only when it exists; else the usual close matches, if any.
    [['action-table', '-s', 'FOOBAR'], /^iamwright: unknown service prefix 'FOOBAR'$/m],
    [['arn-table', '-s', 'S3 '], /^iamwright: unknown service prefix 'S3 '; did you mean 's3'[,?]/m],
    [['condition-table', '-s', 'toString'], /^iamwright: unknown service prefix 'toString'$/m],
    [['arn-table', '-s', 'ALL'], /^iamwright: unknown service prefix 'ALL'(;(?!.*'all').*)?$/m],
    [
      ['action-table', '-s', 's3', '-n', 'GetObjekt'],
      /unknown action 's3:GetObjekt'; did you mean 'GetObject'/,
    ],
    [
      ['action-table', '-s', 's3', '-r', 'objekt'],
      /unknown resource type 'objekt' for service s3; did you mean 'object'/,
    ],
    [['arn-table', '-s', 's3', '-n', 'buckit'], /did you mean 'bucket'/],
    [
      ['condition-table', '-s', 's3', '-n', 's3:nosuchkey'],
      /unknown condition key 's3:nosuchkey' for service s3/,
    ],
    [['action-table'], /required option '-s, --service <prefix>'/],
    [
      ['action-table', '-s', 's3', '-a', 'delete'],
      /allowed choices are read, write, list, tagging, permissions-management/i,
    ],
    [
      ['nosuchtable'],
      /unknown command 'nosuchtable' \(commands: action-table, arn-table, condition-table, service-table, operation-table\)/,
    ],
    [['action-tabel'], /did you mean 'action-table'/],
    // An empty value (an unset shell variable) names nothing; it is not the same as leaving the option out.
    [['action-table', '-s', 's3', '-n', ''], /option --name is empty/],
    [['action-table', '-s', 's3', '-c', ' '], /option --condition is empty/],
    [['action-table', '-s', 's3', '-r', ''], /option --resource-type is empty/],
    [['arn-table', '-s', ''], /option --service is empty/],
    [['condition-table', '-s', 'ec2', '-n', ''], /option --name is empty/],
    [['arn-table', '-s', 'catalog'], /'catalog' appears in the ARNs of 'servicecatalog'/],
  ];
  for (const [args, message] of cases) {
    const r = query(...args);
    assert.notEqual(r.code, 0, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
    assert.match(r.stderr, message, args.join(' '));
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  }
});

test('query alone prints its usage', { skip }, () => {
  const r = query();
  assert.equal(r.code, 0);
  assert.match(r.stdout, /action-table/);
});

test('an unknown top-level command gets a suggestion; no command prints the overview', { skip }, () => {
  const typo = runCli(['quer']);
  assert.notEqual(typo.code, 0);
  assert.match(typo.stderr, /unknown command 'quer'; did you mean 'query'\?/);
  const far = runCli(['nosuchcommand']);
  assert.notEqual(far.code, 0);
  assert.match(far.stderr, /unknown command 'nosuchcommand' \(commands: .*query/);
  const bare = runCli([]);
  assert.equal(bare.code, 0);
  assert.match(bare.stdout, /Usage: iamwright/);
});
