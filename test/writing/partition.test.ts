/**
 * Partitions: ARNs of every AWS partition match the database's `${Partition}` formats as `aws` ARNs do; a
 * chosen partition (`partition:` in the template, `--partition`, WriteOptions.partition) is where the ARNs
 * iamwright writes itself go; an unknown partition is an error naming it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { doesArnMatch } from '../../src/querying/arn-match.js';
import { PARTITIONS, type Partition } from '../../src/querying/partitions.js';
import { UserError } from '../../src/util/errors.js';
import { PolicyBuilder } from '../../src/writing/builder.js';
import { writePolicy } from '../../src/writing/policy/write.js';
import { parseTemplate } from '../../src/writing/template/parse.js';
import { templateSchema } from '../../src/writing/template/schema.js';
import type { PolicyDocument } from '../../src/writing/types.js';
import { runCli } from '../support/cli.js';
import { CONFORMANCE } from '../support/paths.js';
import { BUCKET_ARN, KEY_ARN, OBJECT_ARN, fixtureDb } from './fixture-db.js';

const OTHERS = PARTITIONS.filter((p) => p !== 'aws');

/** The policy with every `arn:aws:` resource moved to `partition`. */
function inPartition(policy: PolicyDocument, partition: string): PolicyDocument {
  return {
    ...policy,
    Statement: policy.Statement.map((s) => ({
      ...s,
      Resource: s.Resource.map((r) => r.replace(/^arn:aws:/, `arn:${partition}:`)),
    })),
  };
}

function crud(partitionKey: string | undefined, arns: string[]): string {
  return [
    'mode: crud',
    ...(partitionKey ? [`partition: ${partitionKey}`] : []),
    'read:',
    ...arns.map((a) => `  - ${a}`),
    'write:',
    ...arns.map((a) => `  - ${a}`),
    'sts:',
    `  assume-role: [${arns.find((a) => a.includes(':iam:')) ?? ''}]`,
  ].join('\n');
}

const ARNS = (p: string) => [
  `arn:${p}:store:us-east-1:123456789012:bucket/logs`,
  `arn:${p}:store:us-east-1:123456789012:bucket/logs/object/a.txt`,
  `arn:${p}:keys:us-east-1:123456789012:key/k1`,
  `arn:${p}:iam::123456789012:role/deployer`,
];

test('every partition: the fixture formats match its ARNs exactly as they match aws ARNs', () => {
  for (const format of [BUCKET_ARN, OBJECT_ARN, KEY_ARN]) {
    for (const arn of ARNS('aws')) {
      const expected = doesArnMatch(arn, format);
      for (const p of OTHERS) {
        assert.equal(doesArnMatch(arn.replace('arn:aws:', `arn:${p}:`), format), expected, `${p} ${arn}`);
      }
    }
  }
});

const KIT_ARN_CASES = join(CONFORMANCE, 'library', 'does_arn_match.json');
test(
  "every partition: policy_sentry's 1,269 ARN matching answers hold with the ARN moved to it",
  { skip: !existsSync(KIT_ARN_CASES) && 'needs ../shared/conformance' },
  () => {
    const cases = JSON.parse(readFileSync(KIT_ARN_CASES, 'utf8')) as {
      arn: string;
      raw_arn: string;
      match: boolean;
    }[];
    let moved = 0;
    for (const c of cases) {
      assert.ok(c.arn.startsWith('arn:aws:'), c.arn);
      for (const p of OTHERS) {
        const arn = `arn:${p}:${c.arn.slice('arn:aws:'.length)}`;
        assert.equal(doesArnMatch(arn, c.raw_arn), c.match, `${arn} vs ${c.raw_arn}`);
        moved++;
      }
    }
    assert.equal(moved, cases.length * OTHERS.length);
  },
);

test('every partition: a crud template in it gives the aws policy, moved to that partition', () => {
  const db = fixtureDb();
  const base = writePolicy(db, parseTemplate(crud(undefined, ARNS('aws')), 'aws.yml'));
  assert.ok(base.Statement.length >= 4, 'the template grants on every ARN');
  for (const p of OTHERS) {
    const expected = inPartition(base, p);
    // Without a chosen partition, and with the template's own partition chosen: the same policy.
    assert.deepEqual(writePolicy(db, parseTemplate(crud(undefined, ARNS(p)), 'p.yml')), expected, p);
    assert.deepEqual(writePolicy(db, parseTemplate(crud(p, ARNS(p)), 'p.yml')), expected, p);
  }
});

test('every partition: actions mode writes the database formats in the chosen partition', () => {
  const db = fixtureDb();
  const text = 'mode: actions\nactions: [store:GetObject, keys:Decrypt, store:ListBuckets]';
  const plain = writePolicy(db, parseTemplate(text, 'a.yml'));
  const resources = plain.Statement.flatMap((s) => s.Resource);
  assert.ok(resources.includes(OBJECT_ARN) && resources.includes(KEY_ARN) && resources.includes('*'));
  for (const p of PARTITIONS) {
    const expected: PolicyDocument = {
      ...plain,
      Statement: plain.Statement.map((s) => ({
        ...s,
        Resource: s.Resource.map((r) => r.replace('arn:${Partition}:', `arn:${p}:`)),
      })),
    };
    assert.deepEqual(writePolicy(db, parseTemplate(`partition: ${p}\n${text}`, 'a.yml')), expected, p);
    assert.deepEqual(writePolicy(db, parseTemplate(text, 'a.yml'), { partition: p }), expected, p);
    assert.ok(!JSON.stringify(expected).includes('${Partition}'));
  }
});

test('no partition chosen: formats keep ${Partition}, and ARNs of different partitions may mix', () => {
  const db = fixtureDb();
  const mixed = writePolicy(
    db,
    parseTemplate(crud(undefined, [ARNS('aws')[0], ARNS('aws-cn')[1]]), 'mixed.yml'),
  );
  const resources = mixed.Statement.flatMap((s) => s.Resource);
  assert.ok(resources.includes(ARNS('aws')[0]) && resources.includes(ARNS('aws-cn')[1]));
});

test('the options override the template; template ARNs must be in the chosen partition', () => {
  const db = fixtureDb();
  const cn = parseTemplate(crud('aws-cn', ARNS('aws-cn')), 'cn.yml');
  assert.throws(
    () => writePolicy(db, cn, { partition: 'aws-us-gov' }),
    (e: unknown) =>
      e instanceof UserError &&
      e.message ===
        "read: ARN 'arn:aws-cn:store:us-east-1:123456789012:bucket/logs' is in partition 'aws-cn', but the policy is written for 'aws-us-gov'; write the ARN in 'aws-us-gov' or choose another partition",
  );
  // The sts section is held to it too.
  const sts = parseTemplate(
    'mode: crud\npartition: aws-iso\nsts:\n  assume-role: [arn:aws:iam::1:role/r]',
    'sts.yml',
  );
  assert.throws(
    () => writePolicy(db, sts),
    /sts assume-role: ARN 'arn:aws:iam::1:role\/r' is in partition 'aws'/,
  );
  // A wildcard partition that covers the chosen one, and the database's placeholder, are accepted; the
  // placeholder is written in the chosen partition.
  const wild = writePolicy(
    db,
    parseTemplate(
      'mode: crud\npartition: aws-iso-b\nread:\n  - arn:aws-iso*:store:r:1:bucket/a\n  - arn:${Partition}:store:r:1:bucket/b',
      'w.yml',
    ),
  );
  const resources = wild.Statement.flatMap((s) => s.Resource);
  assert.deepEqual(resources.sort(), ['arn:aws-iso*:store:r:1:bucket/a', 'arn:aws-iso-b:store:r:1:bucket/b']);
  assert.throws(
    () =>
      writePolicy(
        db,
        parseTemplate('mode: crud\npartition: aws\nread: [arn:aws-iso*:store:r:1:bucket/a]', 'w.yml'),
      ),
    /is in partition 'aws-iso\*', but the policy is written for 'aws'/,
  );
});

test('an unknown partition is one clear error, wherever it is given', () => {
  const db = fixtureDb();
  // In an ARN (with a suggestion), in every ARN section.
  for (const section of ['read', 'write', 'list', 'tagging', 'permissions-management']) {
    assert.throws(
      () => writePolicy(db, parseTemplate(`mode: crud\n${section}: [arn:asw:store:r:1:bucket/a]`, 't.yml')),
      (e: unknown) =>
        e instanceof UserError &&
        e.message ===
          `${section}: ARN 'arn:asw:store:r:1:bucket/a' names unknown partition 'asw'; allowed: ${PARTITIONS.join(', ')}; did you mean 'aws'?`,
    );
  }
  assert.throws(
    () => writePolicy(db, parseTemplate('mode: crud\nsts:\n  assume-role: [arn:AWS:iam::1:role/r]', 't.yml')),
    /sts assume-role: ARN 'arn:AWS:iam::1:role\/r' names unknown partition 'AWS'/,
  );
  // Empty, and a wildcard that matches no partition.
  assert.throws(
    () => writePolicy(db, parseTemplate('mode: crud\nread: [arn::store:r:1:bucket/a]', 't.yml')),
    /names unknown partition ''/,
  );
  assert.throws(
    () => writePolicy(db, parseTemplate('mode: crud\nread: [arn:gcp*:store:r:1:bucket/a]', 't.yml')),
    /names unknown partition 'gcp\*'/,
  );
  // In the template's key: the file and line, as for any template error.
  assert.throws(
    () => parseTemplate('mode: actions\npartition: aws-gov\nactions: [keys:Decrypt]', 'a.yml'),
    (e: unknown) =>
      e instanceof UserError &&
      /^a\.yml:2: unknown partition 'aws-gov'; allowed: aws, aws-cn, .*aws-eusc \(or leave the key out\); did you mean/.test(
        e.message,
      ),
  );
  for (const [value, shown] of [
    ['', 'empty'],
    ["''", 'empty'],
    ['[aws]', 'a list'],
    ['1', 'a number (1)'],
  ]) {
    assert.throws(
      () => parseTemplate(`mode: crud\npartition: ${value}\n`, 'c.yml'),
      (e: unknown) =>
        e instanceof UserError &&
        e.message.startsWith(`c.yml:2: partition is ${shown}; allowed: aws, aws-cn,`),
      value,
    );
  }
  // In the library's options.
  assert.throws(
    () =>
      writePolicy(db, parseTemplate('mode: actions\nactions: [keys:Decrypt]', 'a.yml'), {
        partition: 'aws-moon' as Partition,
      }),
    (e: unknown) =>
      e instanceof UserError && /^partition: unknown partition 'aws-moon'; allowed: aws,/.test(e.message),
  );
});

test("the schema's partition key lists exactly the partitions, in both modes", () => {
  const schema = templateSchema() as {
    definitions: Record<string, { enum?: string[]; properties?: Record<string, { $ref?: string }> }>;
  };
  assert.deepEqual(schema.definitions.partition.enum, [...PARTITIONS]);
  for (const mode of ['actionsTemplate', 'crudTemplate']) {
    assert.equal(schema.definitions[mode].properties?.partition?.$ref, '#/definitions/partition', mode);
  }
});

test('PolicyBuilder: partition() and the render option choose the partition; toYaml keeps it', () => {
  const db = fixtureDb();
  const b = new PolicyBuilder().addActions(['keys:Decrypt']).partition('aws-eusc');
  assert.deepEqual(b.render(db).Statement[0].Resource, [KEY_ARN.replace('${Partition}', 'aws-eusc')]);
  assert.deepEqual(b.render(db, { partition: 'aws-cn' }).Statement[0].Resource, [
    KEY_ARN.replace('${Partition}', 'aws-cn'),
  ]);
  assert.match(b.toYaml(), /^partition: aws-eusc$/m);
  const round = PolicyBuilder.fromTemplate(parseTemplate(b.toYaml(), 'b.yml'));
  assert.deepEqual(round.render(db), b.render(db));
  // Without it, nothing changes.
  assert.doesNotMatch(new PolicyBuilder().addActions(['keys:Decrypt']).toYaml(), /partition/);
});

test('CLI: --partition writes the formats in it, overrides the template, and refuses unknown names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-partition-'));
  try {
    const file = join(dir, 'a.yml');
    writeFileSync(file, 'mode: actions\npartition: aws-cn\nactions: [s3:GetObject]\n');
    const cn = runCli(['write-policy', '-i', file]);
    assert.equal(cn.code, 0, cn.stderr);
    const cnResources = (JSON.parse(cn.stdout) as PolicyDocument).Statement.flatMap((s) => s.Resource);
    assert.ok(cnResources.length > 0 && cnResources.every((r) => r.startsWith('arn:aws-cn:s3:')), cn.stdout);
    const gov = runCli(['write-policy', '-i', file, '--partition', 'aws-us-gov']);
    assert.equal(gov.code, 0, gov.stderr);
    assert.equal(gov.stdout, cn.stdout.replaceAll('arn:aws-cn:', 'arn:aws-us-gov:'));
    const bad = runCli(['write-policy', '-i', file, '--partition', 'aws-iso-x']);
    assert.notEqual(bad.code, 0);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /--partition.*'aws-iso-x'.*expected one of aws, aws-cn/);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
