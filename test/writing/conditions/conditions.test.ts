/**
 * Conditions in templates (docs/templates.md, Conditions), against the bundled database: where they go,
 * how statements split and are named, and each error, in both modes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../../src/database/store.js';
import { bundledDatabasePath } from '../../../src/database/select.js';
import { parseTemplate } from '../../../src/writing/template/parse.js';
import { writePolicy, type WritePolicyOptions } from '../../../src/writing/policy/write.js';
import { lintPolicy } from '../../../src/linting/lint.js';
import { UserError } from '../../../src/util/errors.js';
import type { PolicyDocument, PolicyStatement } from '../../../src/writing/types.js';

const db = openDatabase(bundledDatabasePath());

function write(yaml: string, options: WritePolicyOptions = {}): PolicyDocument {
  return writePolicy(db, parseTemplate(yaml, 't.yml'), options);
}

/** The message of the UserError `fn` throws (fails when it throws nothing or something else). */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof UserError, `a UserError, not ${String(e)}`);
    assert.ok(!e.message.includes('\n'), `one line: ${e.message}`);
    return e.message;
  }
  assert.fail('no error');
}

const bySid = (p: PolicyDocument, sid: string): PolicyStatement => {
  const s = p.Statement.find((x) => x.Sid === sid);
  assert.ok(s, `statement ${sid} in ${p.Statement.map((x) => x.Sid).join(', ')}`);
  return s;
};

const TLS = 'conditions:\n  Bool: {aws:SecureTransport: true}\n';

test('whole-template conditions go on every statement, values written as text', () => {
  const p = write(
    `mode: crud\n${TLS}read:\n- arn:aws:s3:::assets/*\nwrite:\n- arn:aws:s3:::assets/*\n` +
      'wildcard-only:\n  single-actions: [s3:ListAllMyBuckets]\n',
  );
  assert.ok(p.Statement.length >= 3);
  for (const s of p.Statement)
    assert.deepEqual(s.Condition, { Bool: { 'aws:SecureTransport': 'true' } }, s.Sid);
  // One condition for the whole policy splits nothing: the ids stay as without conditions.
  const plain = write(
    'mode: crud\nread:\n- arn:aws:s3:::assets/*\nwrite:\n- arn:aws:s3:::assets/*\nwildcard-only:\n  single-actions: [s3:ListAllMyBuckets]\n',
  );
  assert.deepEqual(
    p.Statement.map((s) => s.Sid),
    plain.Statement.map((s) => s.Sid),
  );
  assert.deepEqual(
    p.Statement.map((s) => s.Action),
    plain.Statement.map((s) => s.Action),
  );
});

test('a template without conditions has no Condition key at all', () => {
  const p = write('mode: crud\nread:\n- arn:aws:s3:::assets/*\n');
  for (const s of p.Statement) assert.equal(Object.hasOwn(s, 'Condition'), false);
});

test('access-level conditions go on the actions of that level only, in both modes', () => {
  const level = 'access-level-conditions:\n  write:\n    StringEquals: {aws:RequestedRegion: eu-west-1}\n';
  const crud = write(`mode: crud\n${level}read:\n- arn:aws:s3:::b/*\nwrite:\n- arn:aws:s3:::b/*\n`);
  assert.equal(bySid(crud, 'S3ReadObject').Condition, undefined);
  assert.deepEqual(bySid(crud, 'S3WriteObject').Condition, {
    StringEquals: { 'aws:RequestedRegion': 'eu-west-1' },
  });
  const actions = write(`mode: actions\n${level}actions:\n- s3:GetObject\n- s3:PutObject\n`);
  // Actions mode groups by resource type; the two levels of one type are two statements already.
  const put = actions.Statement.filter((s) => s.Action.includes('s3:PutObject'));
  const get = actions.Statement.filter((s) => s.Action.includes('s3:GetObject'));
  assert.ok(put.length > 0 && get.length > 0);
  for (const s of put)
    assert.deepEqual(s.Condition, { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } });
  for (const s of get) assert.equal(s.Condition, undefined);
});

test('a group gets its conditions, added to the template-wide ones; the others do not', () => {
  const p = write(
    `mode: crud\n${TLS}read:\n- arn:aws:s3:::assets/*\n- arns: [arn:aws:s3:::reports/*]\n  conditions:\n    IpAddress: {aws:SourceIp: [203.0.113.0/24]}\n`,
  );
  const assets = p.Statement.find((s) => s.Resource.includes('arn:aws:s3:::assets/*'));
  const reports = p.Statement.find((s) => s.Resource.includes('arn:aws:s3:::reports/*'));
  assert.deepEqual(assets?.Condition, { Bool: { 'aws:SecureTransport': 'true' } });
  assert.deepEqual(reports?.Condition, {
    Bool: { 'aws:SecureTransport': 'true' },
    IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] },
  });
  assert.notEqual(assets?.Sid, reports?.Sid);
});

test('Sids: split groups keep the plain id when unconditioned, others take a suffix of their condition', () => {
  const group = (ip: string) =>
    `- arns: [arn:aws:s3:::reports/*]\n  conditions:\n    IpAddress: {aws:SourceIp: ${ip}}\n`;
  const p = write(`mode: crud\nread:\n- arn:aws:s3:::assets/*\n${group('203.0.113.0/24')}`);
  const sids = p.Statement.map((s) => s.Sid);
  assert.equal(sids[0], 'S3ReadObject');
  assert.match(sids[1], /^S3ReadObjectIf[0-9a-f]{8}$/);
  // Stable: the suffix depends on the condition only, not on what else the template holds.
  const other = write(
    `mode: crud\nread:\n- arn:aws:s3:::x/*\n${group('198.51.100.0/24')}${group('203.0.113.0/24')}`,
  );
  assert.ok(other.Statement.some((s) => s.Sid === sids[1]));
  assert.equal(new Set(other.Statement.map((s) => s.Sid)).size, other.Statement.length);
  // A group alone in its statement id keeps the plain id.
  const alone = write(`mode: crud\nread:\n${group('203.0.113.0/24')}`);
  assert.deepEqual(
    alone.Statement.map((s) => s.Sid),
    ['S3ReadObject'],
  );
});

test('groups with equal conditions share statements; in actions mode too', () => {
  const cond = '  conditions:\n    StringEquals: {aws:PrincipalTag/team: data}\n';
  const p = write(
    `mode: actions\nactions:\n- actions: [s3:GetObject]\n${cond}- actions: [s3:GetObjectAcl]\n${cond}`,
  );
  const together = write('mode: actions\nactions: [s3:GetObject, s3:GetObjectAcl]\n');
  // The statements of the two actions written together, each with the condition and the same ids.
  assert.deepEqual(
    p.Statement.map(({ Condition: _, ...rest }) => rest),
    together.Statement,
  );
  for (const s of p.Statement)
    assert.deepEqual(s.Condition, { StringEquals: { 'aws:PrincipalTag/team': 'data' } });
});

test('--minimize never merges statements of different conditions, and merges equal ones', () => {
  const yaml =
    'mode: crud\nread:\n- arn:aws:s3:::b/*\nwrite:\n- arn:aws:s3:::b/*\n' +
    'access-level-conditions:\n  write:\n    StringEquals: {aws:RequestedRegion: eu-west-1}\n';
  const p = write(yaml, { minimize: 0 });
  const onB = p.Statement.filter((s) => s.Resource.includes('arn:aws:s3:::b/*'));
  assert.equal(onB.length, 2);
  assert.deepEqual(onB.map((s) => s.Condition === undefined).sort(), [false, true]);
  // With the same condition on both levels they are on the same resource and merge, as without conditions.
  const same = write(`mode: crud\n${TLS}read:\n- arn:aws:s3:::b/*\nwrite:\n- arn:aws:s3:::b/*\n`, {
    minimize: 0,
  });
  assert.equal(same.Statement.filter((s) => s.Resource.includes('arn:aws:s3:::b/*')).length, 1);
});

test('a service key goes on the actions that support it; others are an error naming them and the key', () => {
  const group = 'list:\n- arns: [arn:aws:s3:::reports]\n  conditions:\n    StringLike: {s3:prefix: home/*}\n';
  const message = errorOf(() => write(`mode: crud\n${group}`));
  assert.match(message, /^list\[0\]\.conditions \(line 5\): condition key 's3:prefix' is not supported by /);
  assert.match(message, /s3:ListBucketMultipartUploads/);
  assert.doesNotMatch(message, /s3:ListBucket[,:]/); // ListBucket supports it
  assert.match(message, /unsupported-condition-keys: split/);
  // actions mode: the same rule
  const actions = errorOf(() =>
    write(
      'mode: actions\nactions:\n- actions: [s3:GetObject]\n  conditions:\n    StringLike: {s3:prefix: home/*}\n',
    ),
  );
  assert.match(
    actions,
    /^actions\[0\]\.conditions \(line 5\): condition key 's3:prefix' is not supported by s3:GetObject:/,
  );
});

test('split: unsupported actions go to a statement without the key, keeping the rest, with a warning', () => {
  const warnings: string[] = [];
  const p = write(
    `mode: crud\n${TLS}unsupported-condition-keys: split\nlist:\n- arns: [arn:aws:s3:::reports]\n  conditions:\n    StringLike: {s3:prefix: home/*}\n`,
    { onWarning: (m) => warnings.push(m) },
  );
  const withPrefix = p.Statement.filter((s) => JSON.stringify(s.Condition ?? {}).includes('s3:prefix'));
  const without = p.Statement.filter((s) => !JSON.stringify(s.Condition ?? {}).includes('s3:prefix'));
  assert.ok(withPrefix.flatMap((s) => s.Action).includes('s3:ListBucket'));
  assert.ok(without.flatMap((s) => s.Action).includes('s3:ListBucketMultipartUploads'));
  for (const s of without) assert.deepEqual(s.Condition, { Bool: { 'aws:SecureTransport': 'true' } });
  const warning = warnings.find((w) => w.includes('s3:prefix'));
  assert.ok(warning, warnings.join('\n'));
  assert.match(warning, /s3:ListBucketMultipartUploads/);
  assert.doesNotMatch(warning, /s3:ListBucket,/);
  // The option can come from the caller (the CLI's flag, the builder) and wins over the template.
  assert.throws(
    () =>
      write(
        'mode: actions\nunsupported-condition-keys: split\nactions:\n- actions: [s3:GetObject]\n  conditions:\n    StringLike: {s3:prefix: a}\n',
        {
          unsupportedConditionKeys: 'error',
        },
      ),
    /not supported by s3:GetObject/,
  );
  const split = write(
    'mode: actions\nactions:\n- actions: [s3:GetObject]\n  conditions:\n    StringLike: {s3:prefix: a}\n',
    {
      unsupportedConditionKeys: 'split',
    },
  );
  assert.ok(split.Statement.every((s) => s.Condition === undefined));
});

test('a key of the resource type the statement acts on counts as supported', () => {
  // s3:BucketTag/<key> is listed by the bucket and object resource types, not by the actions' rows.
  const p = write(
    'mode: crud\nread:\n- arns: [arn:aws:s3:::b/*]\n  conditions:\n    StringEquals: {s3:BucketTag/team: data}\n',
  );
  assert.ok(p.Statement.length > 0);
  for (const s of p.Statement)
    assert.deepEqual(s.Condition, { StringEquals: { 's3:BucketTag/team': 'data' } });
});

test('excluded actions are not checked against a condition', () => {
  const yaml = (exclude: string) =>
    `mode: crud\nlist:\n- arns: [arn:aws:s3:::reports]\n  conditions:\n    StringLike: {s3:prefix: home/*}\nexclude-actions: [${exclude}]\n`;
  assert.throws(() => write(yaml('s3:ListBucketVersions')), /not supported/);
  const p = write(yaml('s3:ListBucketMultipartUploads, s3:ListTagsForResource'));
  assert.deepEqual(p.Statement.flatMap((s) => s.Action).sort(), ['s3:ListBucket', 's3:ListBucketVersions']);
});

// Errors on the operator, the key and the values, for both modes.
const MODES = {
  crud: (block: string) => `mode: crud\nread:\n- arns: [arn:aws:s3:::b/*]\n  conditions:\n${block}`,
  actions: (block: string) => `mode: actions\nactions:\n- actions: [s3:GetObject]\n  conditions:\n${block}`,
};

for (const [mode, template] of Object.entries(MODES)) {
  const where = mode === 'crud' ? 'read\\[0\\]\\.conditions' : 'actions\\[0\\]\\.conditions';
  test(`${mode} mode: a bad operator is an error at its line, with a suggestion`, () => {
    assert.match(
      errorOf(() => write(template('    StringEqual: {aws:PrincipalTag/team: data}\n'))),
      new RegExp(
        `^t\\.yml:5: unknown condition operator 'StringEqual' in '${where}'; did you mean 'StringEquals'`,
      ),
    );
    assert.match(
      errorOf(() => write(template('    stringequals: {aws:PrincipalTag/team: data}\n'))),
      /did you mean 'StringEquals'\? \(operators are written as IAM spells them\)/,
    );
    assert.match(
      errorOf(() => write(template('    NullIfExists: {aws:PrincipalTag/team: true}\n'))),
      /Null takes neither IfExists nor ForAllValues:\/ForAnyValue:/,
    );
  });

  test(`${mode} mode: a value of the wrong form for the operator is an error at its line`, () => {
    assert.match(
      errorOf(() => write(template('    NumericLessThan: {aws:MultiFactorAuthAge: soon}\n'))),
      /^t\.yml:5: condition value 'soon' of 'aws:MultiFactorAuthAge' under NumericLessThan in '.*': expected a number$/,
    );
    assert.match(
      errorOf(() => write(template('    IpAddress: {aws:SourceIp: [10.0.0.0/8, not-an-ip]}\n'))),
      /^t\.yml:5: condition value 'not-an-ip' .* expected an IPv4 or IPv6 address or CIDR range/,
    );
    assert.match(
      errorOf(() => write(template('    Bool: {aws:SecureTransport: [true, false]}\n'))),
      /has both true and false/,
    );
    assert.match(
      errorOf(() => write(template('    StringEquals: {aws:PrincipalTag/team: {a: 1}}\n'))),
      /a value must be text, a number or true\/false, not a mapping/,
    );
  });

  test(`${mode} mode: an operator of another type than the key's is an error`, () => {
    assert.match(
      errorOf(() => write(template('    StringEquals: {aws:SourceIp: 203.0.113.0/24}\n'))),
      new RegExp(
        `^${where} \\(line 5\\): condition key 'aws:SourceIp' is of type IPAddress: compare it with IpAddress or NotIpAddress \\(or Null\\), not StringEquals$`,
      ),
    );
    assert.match(
      errorOf(() => write(template('    DateGreaterThan: {s3:signatureAge: 2026-01-01}\n'))),
      /condition key 's3:signatureAge' is of type Numeric: compare it with Numeric operators/,
    );
  });

  test(`${mode} mode: set operators only on multivalued keys, and multivalued keys need one`, () => {
    assert.match(
      errorOf(() => write(template('    ForAnyValue:StringEquals: {aws:PrincipalTag/team: data}\n'))),
      new RegExp(
        `^${where} \\(line 5\\): condition key 'aws:PrincipalTag/team' has one value per request, but ForAnyValue: is for multivalued keys .*; write 'StringEquals'$`,
      ),
    );
    assert.match(
      errorOf(() => write(template('    StringEquals: {aws:TagKeys: team}\n'))),
      /condition key 'aws:TagKeys' is multivalued: write 'ForAnyValue:StringEquals' .* or 'ForAllValues:StringEquals'/,
    );
    // A database key typed ArrayOfString takes a set operator.
    assert.doesNotThrow(() =>
      write(
        template('    ForAllValues:StringEquals: {aws:TagKeys: [team]}\n    Null: {aws:TagKeys: false}\n'),
      ),
    );
  });

  test(`${mode} mode: unknown keys are errors`, () => {
    assert.match(
      errorOf(() => write(template('    StringEquals: {aws:PrincipalOrgId1: o-1}\n'))),
      /condition key 'aws:PrincipalOrgId1' is not an AWS global condition key; did you mean 'aws:PrincipalOrgID'/,
    );
    assert.match(
      errorOf(() => write(template('    StringLike: {s3:prefixes: a}\n'))),
      /'s3:prefixes' is not a condition key of s3 in the database; did you mean 's3:prefix'\?/,
    );
    assert.match(
      errorOf(() => write(template('    StringEquals: {aws:ResourceTag: x}\n'))),
      /needs the tag key it is about: write aws:ResourceTag\/<tag-key>/,
    );
  });
}

test('the same key under the same operator in two scopes that meet is an error naming both', () => {
  const message = errorOf(() =>
    write(
      `mode: crud\n${TLS}read:\n- arns: [arn:aws:s3:::b/*]\n  conditions:\n    Bool: {aws:SecureTransport: false}\n`,
    ),
  );
  assert.match(
    message,
    /^read\[0\]\.conditions \(line 7\): condition key 'aws:SecureTransport' under Bool is also given in 'conditions \(line 3\)'/,
  );
});

test('template-level shape errors name the line and what is allowed', () => {
  assert.match(
    errorOf(() => parseTemplate('mode: crud\nconditions: [a]\n', 't.yml')),
    /^t\.yml:2: 'conditions' must be a mapping of condition operators to keys and values/,
  );
  assert.match(
    errorOf(() =>
      parseTemplate(
        'mode: crud\naccess-level-conditions:\n  writes: {Bool: {aws:SecureTransport: true}}\n',
        't.yml',
      ),
    ),
    /^t\.yml:3: unknown access level 'writes' in 'access-level-conditions'; did you mean 'write'\?/,
  );
  assert.match(
    errorOf(() => parseTemplate('mode: crud\nunsupported-condition-keys: drop\n', 't.yml')),
    /^t\.yml:2: invalid value 'drop' for 'unsupported-condition-keys'; allowed: 'error' \(the default\) or 'split'/,
  );
  assert.match(
    errorOf(() => parseTemplate('mode: crud\nread:\n- arns: [arn:aws:s3:::b]\n', 't.yml')),
    /^t\.yml:3: the group 'read\[0\]' needs 'conditions'/,
  );
  assert.match(
    errorOf(() =>
      parseTemplate(
        'mode: actions\nactions:\n- arns: [s3:GetObject]\n  conditions: {Bool: {aws:SecureTransport: true}}\n',
        't.yml',
      ),
    ),
    /^t\.yml:3: unknown key 'arns' in the group 'actions\[0\]'; a group has 'actions' and 'conditions'$/,
  );
  assert.match(
    errorOf(() =>
      parseTemplate(
        'mode: crud\nread:\n- arns: [not-an-arn]\n  conditions: {Bool: {aws:SecureTransport: true}}\n',
        't.yml',
      ),
    ),
    /^t\.yml:3: entry 'read\[0\]\.arns\[0\]' must be an ARN/,
  );
});

test('a conditioned policy passes lint without an error', () => {
  const policies = [
    write(
      `mode: crud\n${TLS}access-level-conditions:\n  write:\n    StringEquals: {aws:RequestedRegion: eu-west-1}\n` +
        'read:\n- arn:aws:s3:::assets/*\n- arns: [arn:aws:s3:::reports/*]\n  conditions:\n    IpAddress: {aws:SourceIp: 203.0.113.0/24}\n' +
        'write:\n- arn:aws:s3:::assets/*\nlist:\n- arns: [arn:aws:s3:::reports]\n  conditions:\n    StringLike: {s3:prefix: [home/*]}\n' +
        'unsupported-condition-keys: split\n',
    ),
    write(
      'mode: actions\nactions:\n- s3:GetObject\n- actions: [ec2:RunInstances]\n  conditions:\n    StringEquals: {ec2:InstanceType: t3.micro}\n' +
        '- actions: [s3:PutObject]\n  conditions:\n    ForAllValues:StringEquals: {s3:RequestObjectTagKeys: [team]}\n    Null: {s3:RequestObjectTagKeys: false}\n',
      { unsupportedConditionKeys: 'split' },
    ),
  ];
  for (const p of policies) {
    assert.ok(p.Statement.some((s) => s.Condition));
    const errors = lintPolicy(db, p).filter((f) => f.severity === 'error');
    assert.deepEqual(errors, []);
  }
});

test('docs/templates.md shows the policy docs/examples/conditions.yml gives', async () => {
  const { readFileSync } = await import('node:fs');
  const { ROOT } = await import('../../support/paths.js');
  const { join } = await import('node:path');
  const docs = readFileSync(join(ROOT, 'docs', 'templates.md'), 'utf8');
  const section = docs.slice(docs.indexOf('## Conditions'), docs.indexOf('## Rules'));
  const shown = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)?.[1] ?? 'null') as PolicyStatement[];
  const example = join(ROOT, 'docs', 'examples', 'conditions.yml');
  const written = writePolicy(db, parseTemplate(readFileSync(example, 'utf8'), example));
  assert.deepEqual(
    shown.map(({ Sid, Resource, Condition }) => ({ Sid, Resource, Condition })),
    written.Statement.map(({ Sid, Resource, Condition }) => ({ Sid, Resource, Condition })),
  );
  for (const [i, s] of shown.entries()) {
    const listed = s.Action.filter((a) => a !== '...');
    assert.deepEqual(written.Statement[i].Action.slice(0, listed.length), listed);
  }
});

test('split: an action asked for both plainly and in a group whose key it lacks is written once', () => {
  const p = write(
    'mode: actions\nunsupported-condition-keys: split\nactions:\n- s3:AbortMultipartUpload\n' +
      '- actions: [s3:AbortMultipartUpload]\n  conditions:\n    StringEquals: {ec2:AuthorizedUser: x}\n',
    { onWarning: () => {} },
  );
  const plain = write('mode: actions\nactions:\n- s3:AbortMultipartUpload\n');
  assert.deepEqual(p, plain);
});

test('a Deny carries its conditions too, and says denied when it splits', () => {
  const warnings: string[] = [];
  const p = write(
    'mode: actions\neffect: Deny\nunsupported-condition-keys: split\nactions:\n- actions: [s3:GetObject, s3:ListBucket]\n' +
      '  conditions:\n    StringNotLike: {s3:prefix: home/*}\n    BoolIfExists: {aws:MultiFactorAuthPresent: false}\n',
    { onWarning: (w) => warnings.push(w), minimize: 0 },
  );
  for (const s of p.Statement) {
    assert.equal(s.Effect, 'Deny');
    assert.ok(s.Condition?.BoolIfExists, s.Sid);
  }
  const list = p.Statement.filter((s) => s.Action.some((a) => a.startsWith('s3:listbucket')));
  assert.ok(list.length > 0 && list.every((s) => s.Condition?.StringNotLike));
  assert.ok(p.Statement.some((s) => s.Action.includes('s3:getobject') && !s.Condition?.StringNotLike));
  assert.match(
    warnings.join('\n'),
    /is not supported by s3:GetObject; it is denied in a statement without it/,
  );
});

test('a partition chosen for the policy leaves conditions as they are', () => {
  const p = write(`mode: actions\npartition: aws-cn\n${TLS}actions: [s3:GetObject]\n`);
  assert.ok(p.Statement.length > 0);
  for (const s of p.Statement) {
    assert.deepEqual(s.Condition, { Bool: { 'aws:SecureTransport': 'true' } });
    for (const r of s.Resource) assert.ok(r === '*' || r.startsWith('arn:aws-cn:'), r);
  }
});
