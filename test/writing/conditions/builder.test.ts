/** PolicyBuilder's conditions: the same policies as the template file, and the same errors. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../../src/database/store.js';
import { bundledDatabasePath } from '../../../src/database/select.js';
import { PolicyBuilder } from '../../../src/writing/builder.js';
import { parseTemplate } from '../../../src/writing/template/parse.js';
import { writePolicy } from '../../../src/writing/policy/write.js';
import { UserError } from '../../../src/util/errors.js';

const db = openDatabase(bundledDatabasePath());

const FILE = `mode: crud
conditions:
  Bool: {aws:SecureTransport: true}
access-level-conditions:
  write:
    StringEquals: {aws:RequestedRegion: eu-west-1}
read:
- arn:aws:s3:::assets/*
- arns: [arn:aws:s3:::reports/*]
  conditions:
    IpAddress: {aws:SourceIp: 203.0.113.0/24}
write:
- arn:aws:s3:::assets/*
list:
- arns: [arn:aws:s3:::reports]
  conditions:
    StringLike: {s3:prefix: [home/*]}
unsupported-condition-keys: split
`;

function built(): PolicyBuilder {
  return new PolicyBuilder({ unsupportedConditionKeys: 'split' })
    .conditions({ Bool: { 'aws:SecureTransport': true } })
    .conditions({ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }, { level: 'write' })
    .read('arn:aws:s3:::assets/*')
    .read(['arn:aws:s3:::reports/*'], { conditions: { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } } })
    .write('arn:aws:s3:::assets/*')
    .list(['arn:aws:s3:::reports'], { conditions: { StringLike: { 's3:prefix': ['home/*'] } } });
}

test('the builder writes the policy the template file writes', () => {
  const fromFile = writePolicy(db, parseTemplate(FILE, 't.yml'));
  assert.deepEqual(built().render(db), fromFile);
  assert.ok(fromFile.Statement.some((s) => s.Condition?.IpAddress));
});

test('toYaml and fromTemplate keep the conditions', () => {
  const b = built();
  const again = parseTemplate(b.toYaml(), 'built.yml');
  assert.deepEqual(again, b.toTemplate());
  assert.deepEqual(PolicyBuilder.fromTemplate(again).render(db), b.render(db));
  const actions = new PolicyBuilder()
    .conditions({ Bool: { 'aws:SecureTransport': 'true' } })
    .addActions(['s3:GetObject'])
    .addActions(['sqs:SendMessage'], { conditions: { StringEquals: { 'aws:PrincipalTag/team': 'data' } } });
  const t = actions.toTemplate();
  assert.equal(t.groups?.length, 1);
  assert.deepEqual(PolicyBuilder.fromTemplate(t).render(db), actions.render(db));
});

test('toYaml keeps Null and number-like text as the builder was given them', () => {
  const conditions = {
    Null: { 'aws:TagKeys': 'false' },
    'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] },
    StringEquals: { 'aws:PrincipalAccount': '012345678901' },
  } as const;
  const b = new PolicyBuilder().read('arn:aws:s3:::b/*', { conditions });
  const again = parseTemplate(b.toYaml(), 'built.yml');
  assert.deepEqual(again.groups?.[0].conditions, conditions);
  assert.deepEqual(again, b.toTemplate());
});

test('render can choose split for one rendering; the default is the error', () => {
  const b = new PolicyBuilder().list(['arn:aws:s3:::reports'], {
    conditions: { StringLike: { 's3:prefix': 'home/*' } },
  });
  assert.throws(() => b.render(db), /list\[0\]\.conditions: condition key 's3:prefix' is not supported by/);
  const warnings: string[] = [];
  const p = b.render(db, { unsupportedConditionKeys: 'split', onWarning: (w) => warnings.push(w) });
  assert.ok(p.Statement.some((s) => s.Condition === undefined));
  assert.equal(warnings.filter((w) => w.includes("'s3:prefix' is not supported")).length, 1);
});

test('operators are typed: a misspelt one does not compile', () => {
  const typed = () =>
    new PolicyBuilder()
      .conditions({
        // @ts-expect-error: 'StringEqual' is no IAM operator
        StringEqual: { 'aws:userid': 'x' },
      })
      .toTemplate();
  assert.throws(typed, /unknown condition operator 'StringEqual'/);
});

test('bad conditions throw a UserError naming the builder and the key path', () => {
  const bad = (fn: () => unknown, pattern: RegExp) =>
    assert.throws(fn, (e: unknown) => e instanceof UserError && pattern.test(e.message));
  bad(
    () =>
      new PolicyBuilder()
        .read('arn:aws:s3:::b', { conditions: { StringEqual: { 'aws:userid': 'x' } } as never })
        .toTemplate(),
    /^PolicyBuilder: read\[0\]\.conditions\.StringEqual: unknown condition operator 'StringEqual'/,
  );
  bad(
    () =>
      new PolicyBuilder().conditions({ NumericLessThan: { 'aws:MultiFactorAuthAge': 'soon' } }).toTemplate(),
    /condition value 'soon' .* expected a number/,
  );
  bad(
    () =>
      new PolicyBuilder().conditions(
        { Bool: { 'aws:SecureTransport': 'true' } },
        { level: 'writes' as never },
      ),
    /PolicyBuilder\.conditions: scope\.level must be/,
  );
  bad(() => new PolicyBuilder().conditions(null as never), /PolicyBuilder\.conditions: block must be/);
  bad(
    () =>
      new PolicyBuilder()
        .conditions({ Bool: { 'aws:SecureTransport': 'true' } })
        .conditions({ Bool: { 'aws:SecureTransport': 'false' } }),
    /condition key 'aws:SecureTransport' under Bool is given twice/,
  );
  bad(
    () => new PolicyBuilder({ unsupportedConditionKeys: 'drop' as never }),
    /unsupportedConditionKeys must be 'error' or 'split'/,
  );
  bad(
    () =>
      new PolicyBuilder()
        .addActions('s3:GetObject', { conditions: { 'ForAnyValue:StringEquals': { 'aws:userid': 'x' } } })
        .render(db),
    /condition key 'aws:userid' has one value per request, but ForAnyValue: is for multivalued keys/,
  );
});

test('writePolicy checks hand-made templates as template files are checked', () => {
  const t = parseTemplate('mode: actions\nactions: [s3:GetObject]\n', 't.yml');
  assert.throws(
    () =>
      writePolicy(db, { ...t, conditions: { all: { Bool: { 'aws:SecureTransport': ['true', 'false'] } } } }),
    /has both true and false/,
  );
  assert.throws(
    () => writePolicy(db, { ...t, groups: 'x' as never }),
    /writePolicy: template\.groups must be a list of groups/,
  );
  const p = writePolicy(db, { ...t, conditions: { all: { Bool: { 'aws:SecureTransport': true } } } });
  assert.deepEqual(p.Statement[0].Condition, { Bool: { 'aws:SecureTransport': 'true' } });
});
