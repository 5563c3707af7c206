/**
 * The conditions family of lint checks, over the bundled database: for every check a policy on which it
 * fires and one on which it must not, and the global condition keys table against AWS's documented facts,
 * the database and (when ../shared is there) the keys AWS's managed policies use.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/database/index.js';
import { lintPolicy } from '../../src/linting/lint.js';
import type { LintFinding } from '../../src/linting/types.js';
import { GLOBAL_CONDITION_KEYS, lookupGlobalKey } from '../../src/querying/condition-global-keys.js';
import { resolveConditionKey } from '../../src/linting/condition-keys.js';
import { readDatabaseType } from '../../src/querying/condition-global-keys.js';
import { parseOperator } from '../../src/querying/condition-operators.js';
import { valueProblem } from '../../src/querying/condition-values.js';
import { ROOT, SHARED } from '../support/paths.js';

const db = openDatabase(join(ROOT, 'data', 'db'));

type Statement = Record<string, unknown>;

/** A statement granting `action` on `resource` under `condition`. */
const stmt = (
  condition: unknown,
  action: unknown = 's3:GetObject',
  effect = 'Allow',
  resource: unknown = 'arn:aws:s3:::b/*',
): Statement => ({ Effect: effect, Action: action, Resource: resource, Condition: condition });

function lint(statements: Statement[]): LintFinding[] {
  return lintPolicy(db, { Version: '2012-10-17', Statement: statements }, { checks: ['conditions'] });
}

/** The findings of one check. */
function of(check: string, ...statements: Statement[]): LintFinding[] {
  return lint(statements).filter((f) => f.check === `conditions/${check}`);
}

test('unknown-operator: an operator IAM does not have, with close spellings', () => {
  const found = of(
    'unknown-operator',
    stmt({ StringEqual: { 'aws:SourceVpc': 'vpc-1' } }),
    stmt({ 'ForAnyValues:StringLike': { 'aws:TagKeys': 'a*' } }),
    stmt({ IpAddressIfExist: { 'aws:SourceIp': '203.0.113.0/24' } }),
  );
  assert.deepEqual(
    found.map((f) => f.path),
    [
      ['Statement', 0, 'Condition', 'StringEqual'],
      ['Statement', 1, 'Condition', 'ForAnyValues:StringLike'],
      ['Statement', 2, 'Condition', 'IpAddressIfExist'],
    ],
  );
  assert.match(found[0].message, /'StringEqual' is not an IAM operator; did you mean 'StringEquals'/);
  assert.match(found[1].message, /ForAnyValue:StringLike/);
  const fine = [
    'StringEquals',
    'StringNotEqualsIgnoreCase',
    'ForAllValues:StringLike',
    'ForAnyValue:StringNotLikeIfExists',
    'NumericLessThanEquals',
    'DateGreaterThanIfExists',
    'Bool',
    'BinaryEquals',
    'NotIpAddress',
    'ArnNotLike',
    'Null',
    'stringequals',
  ];
  for (const op of fine) assert.deepEqual(of('unknown-operator', stmt({ [op]: {} })), [], op);
});

test('null-if-exists and null-with-set-operator: Null misused', () => {
  const ifExists = of('null-if-exists', stmt({ NullIfExists: { 'aws:TagKeys': 'true' } }));
  assert.equal(ifExists.length, 1);
  assert.match(ifExists[0].message, /Null cannot take the IfExists suffix/);
  const qualified = of(
    'null-with-set-operator',
    stmt({ 'ForAllValues:Null': { 'aws:TagKeys': 'true' }, 'ForAnyValue:Null': { 'aws:TagKeys': 'true' } }),
  );
  assert.equal(qualified.length, 2);
  assert.match(qualified[0].message, /ForAllValues:Null is always true/);
  assert.match(qualified[1].message, /ForAnyValue:Null is always false/);
  // Neither is an unknown operator, and plain Null is fine.
  assert.deepEqual(of('unknown-operator', stmt({ NullIfExists: {}, 'ForAllValues:Null': {} })), []);
  assert.deepEqual(
    of('null-if-exists', stmt({ Null: { 'aws:TagKeys': 'true' }, StringEqualsIfExists: {} })),
    [],
  );
  assert.deepEqual(of('null-with-set-operator', stmt({ Null: { 'aws:TagKeys': 'false' } })), []);
});

test('invalid-key-format: keys that are not prefix:name', () => {
  const found = of(
    'invalid-key-format',
    stmt({ StringEquals: { SourceVpc: 'v', 'aws:': 'x', 'aws: SourceIp': 'x' } }),
  );
  assert.equal(found.length, 3);
  assert.deepEqual(found[0].path, ['Statement', 0, 'Condition', 'StringEquals', 'SourceVpc']);
  assert.deepEqual(
    of('invalid-key-format', stmt({ StringEquals: { 'aws:SourceVpc': 'v', 's3:prefix': 'x' } })),
    [],
  );
});

test('unknown-global-key and missing-tag-key: aws: keys AWS does not document', () => {
  const found = of(
    'unknown-global-key',
    stmt({ StringEquals: { 'aws:PrincipalOrgId1': 'o-1', 'aws:ARN': 'x' } }),
  );
  assert.equal(found.length, 2);
  assert.match(
    found[0].message,
    /'aws:PrincipalOrgId1' is not an AWS global condition key; did you mean 'aws:PrincipalOrgID'\?/,
  );
  // No suggestion rather than a far-fetched one.
  assert.doesNotMatch(found[1].message, /did you mean/);
  const tags = of(
    'missing-tag-key',
    stmt(
      { StringEquals: { 'aws:ResourceTag': 'a', 'aws:RequestTag/': 'b', 'ec2:ResourceTag': 'c' } },
      'ec2:StartInstances',
      'Allow',
      '*',
    ),
  );
  assert.equal(tags.length, 3);
  assert.match(tags[0].message, /write it as aws:ResourceTag\/<tag-key>/);
  assert.match(tags[2].message, /ec2:ResourceTag\/\$\{TagKey\}/);
  // Keys of any case, tag keys holding ':' and the cross-service keys AWS documents are fine.
  const fine = stmt({
    StringEquals: {
      'AWS:SOURCEVPC': 'v',
      'aws:ResourceTag/eks:cluster-name': 'x',
      'aws:PrincipalTag/team': 'a',
      'ec2:SourceInstanceArn': 'arn:aws:ec2:*:*:instance/*',
      'lambda:SourceFunctionArn': 'x',
    },
  });
  assert.deepEqual(of('unknown-global-key', fine), []);
  assert.deepEqual(of('missing-tag-key', fine), []);
});

test('unknown-service-key: service keys the database does not document; unknown prefixes are not judged', () => {
  const found = of(
    'unknown-service-key',
    stmt({ StringLike: { 's3:prefixes': 'home/*' } }, 's3:ListBucket', 'Allow', 'arn:aws:s3:::b'),
  );
  assert.equal(found.length, 1);
  assert.equal(found[0].severity, 'warning');
  assert.match(
    found[0].message,
    /'s3:prefixes' is not a condition key of s3 in the database; did you mean 's3:prefix'\?/,
  );
  const fine = stmt(
    {
      StringEquals: {
        's3:prefix': 'x',
        'S3:X-Amz-Acl': 'private',
        's3:ExistingObjectTag/team': 'a',
        'kms:EncryptionContext:purpose': 'x',
        'token.actions.githubusercontent.com:sub': 'repo:o/r:*',
        'saml:aud': 'https://signin.aws.amazon.com/saml',
        // an OIDC provider's key as CloudFormation writes it, with placeholders
        'oidc.eks.${AWS::Region}.amazonaws.com/id/${ClusterId}:sub': 'system:serviceaccount:*',
        'somenewservice:Key': 'x',
      },
    },
    [
      's3:ListBucket',
      's3:GetObject',
      's3:PutObject',
      'kms:Decrypt',
      'sts:AssumeRoleWithWebIdentity',
      'sts:AssumeRoleWithSAML',
    ],
    'Allow',
    '*',
  );
  assert.deepEqual(of('unknown-service-key', fine), []);
  assert.deepEqual(of('invalid-key-format', fine), []);
  assert.deepEqual(of('key-not-supported', fine), []);
});

test('key-not-supported: a service key no action of the statement supports', () => {
  const found = of(
    'key-not-supported',
    stmt({ StringLike: { 's3:prefix': 'home/*' } }, 's3:GetObject'),
    stmt({ StringEquals: { 'ec2:InstanceType': 't3.micro' } }, ['s3:GetObject', 's3:PutObject'], 'Deny'),
  );
  assert.deepEqual(
    found.map((f) => f.path),
    [
      ['Statement', 0, 'Condition', 'StringLike', 's3:prefix'],
      ['Statement', 1, 'Condition', 'StringEquals', 'ec2:InstanceType'],
    ],
  );
  assert.match(
    found[0].message,
    /'s3:prefix' is supported by none of this statement's actions \(s3:GetObject\)/,
  );
  const fine = [
    stmt({ StringLike: { 's3:prefix': 'home/*' } }, ['s3:GetObject', 's3:ListBucket'], 'Allow', '*'),
    // keys of resource types count, templated keys too
    stmt(
      { StringEquals: { 'ec2:ResourceTag/team': 'a', 'ec2:InstanceType': 't3.micro' } },
      'ec2:RunInstances',
      'Allow',
      '*',
    ),
    stmt({ StringEquals: { 's3:x-amz-acl': 'private' } }, 's3:Put*', 'Allow', '*'),
    // global and cross-service keys, NotAction, actions the database does not know
    stmt({ StringEquals: { 'aws:SourceVpc': 'v', 'ec2:SourceInstanceArn': 'x' } }),
    {
      Effect: 'Allow',
      NotAction: 's3:GetObject',
      Resource: '*',
      Condition: { StringLike: { 's3:prefix': 'x' } },
    },
    stmt({ StringLike: { 's3:prefix': 'x' } }, ['s3:GetObject', 's3:GetObjectFromTheFuture']),
  ];
  assert.deepEqual(of('key-not-supported', ...fine), []);
});

test('forallvalues-single-valued-key and foranyvalue-single-valued-key: set operators on single-valued keys', () => {
  const all = of(
    'forallvalues-single-valued-key',
    stmt({ 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-1', 's3:prefix': 'a' } }, 's3:ListBucket'),
  );
  assert.equal(all.length, 2);
  assert.equal(all[0].severity, 'security-warning');
  assert.match(
    all[0].message,
    /'aws:PrincipalOrgID' has a single value, so 'ForAllValues:StringEquals' also holds when the key is absent; use StringEquals/,
  );
  const any = of(
    'foranyvalue-single-valued-key',
    stmt({ 'ForAnyValue:StringNotEquals': { 'aws:RequestedRegion': 'eu-west-1' } }),
  );
  assert.equal(any.length, 1);
  assert.match(any[0].message, /use StringNotEquals/);
  // Multivalued keys (global, or typed ArrayOf... in the database), and keys of unknown type, are fine.
  const fine = stmt(
    {
      'ForAllValues:StringEquals': {
        'aws:TagKeys': 'a',
        'aws:PrincipalOrgPaths': 'o-1/*',
        'ec2:ResourceTag/x': 'y',
      },
      'ForAnyValue:StringLike': { 'aws:CalledVia': 'athena.amazonaws.com', 'newservice:Key': 'a' },
    },
    'ec2:CreateTags',
    'Allow',
    '*',
  );
  assert.equal(
    of('forallvalues-single-valued-key', fine).length,
    1,
    'only ec2:ResourceTag/x is single-valued',
  );
  assert.deepEqual(of('foranyvalue-single-valued-key', fine), []);
});

test('missing-set-operator: a multivalued key under a plain operator', () => {
  const found = of(
    'missing-set-operator',
    stmt({ StringEquals: { 'aws:TagKeys': ['a', 'b'] } }, 'ec2:CreateTags', 'Allow', '*'),
  );
  assert.equal(found.length, 1);
  assert.match(
    found[0].message,
    /'aws:TagKeys' is multivalued: write 'ForAnyValue:StringEquals' or 'ForAllValues:StringEquals'/,
  );
  assert.deepEqual(
    of(
      'missing-set-operator',
      stmt(
        { 'ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' }, Null: { 'aws:TagKeys': 'false' } },
        'ec2:CreateTags',
        'Allow',
        '*',
      ),
      stmt({ StringEquals: { 'aws:SourceVpc': 'v' } }),
    ),
    [],
  );
});

test('forallvalues-without-null-guard: ForAllValues in an Allow holds when the key is absent', () => {
  const found = of(
    'forallvalues-without-null-guard',
    stmt({ 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } }, 'ec2:CreateTags', 'Allow', '*'),
    // a Null guard on another key, or Null true, guards nothing
    stmt(
      {
        'ForAllValues:StringLike': { 'aws:TagKeys': 'a*' },
        Null: { 'aws:PrincipalTag/x': 'false', 'aws:TagKeys': 'true' },
      },
      'ec2:CreateTags',
      'Allow',
      '*',
    ),
  );
  assert.equal(found.length, 2);
  assert.equal(found[0].severity, 'security-warning');
  assert.match(found[0].message, /add "Null": \{"aws:TagKeys": "false"\}/);
  const fine = [
    stmt(
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'a' }, Null: { 'aws:TagKeys': 'false' } },
      'ec2:CreateTags',
      'Allow',
      '*',
    ),
    stmt(
      { 'ForAllValues:StringEquals': { 'aws:TagKeys': 'a' }, Null: { 'AWS:TAGKEYS': false } },
      'ec2:CreateTags',
      'Allow',
      '*',
    ),
    stmt(
      {
        'ForAllValues:StringEquals': { 'aws:TagKeys': 'a' },
        'ForAnyValue:StringEquals': { 'aws:TagKeys': 'a' },
      },
      'ec2:CreateTags',
      'Allow',
      '*',
    ),
    stmt({ 'ForAllValues:StringEquals': { 'aws:TagKeys': 'a' } }, 'ec2:CreateTags', 'Deny', '*'),
  ];
  assert.deepEqual(of('forallvalues-without-null-guard', ...fine), []);
});

test('operator-type-mismatch: an operator of another type than the key', () => {
  const found = of(
    'operator-type-mismatch',
    stmt({
      StringEquals: { 'aws:SourceIp': '203.0.113.1', 'aws:SecureTransport': 'true' },
      NumericLessThan: { 'aws:CurrentTime': '1' },
      DateLessThan: { 'aws:MultiFactorAuthAge': '3600' },
    }),
  );
  assert.equal(found.length, 4);
  assert.match(
    found[0].message,
    /'aws:SourceIp' is of type IPAddress: compare it with IpAddress or NotIpAddress, not StringEquals/,
  );
  assert.match(found[1].message, /type Bool/);
  const fine = stmt({
    StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/x', 'aws:SourceVpc': 'vpc-*' },
    ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::b' },
    NumericLessThan: { 'aws:MultiFactorAuthAge': '3600', 'aws:EpochTime': '1700000000' },
    DateGreaterThan: { 'aws:EpochTime': '2026-01-01' },
    Bool: { 'aws:SecureTransport': 'true' },
    IpAddress: { 'aws:SourceIp': '203.0.113.0/24' },
    Null: { 'aws:SourceIp': 'true' },
    StringEquals: { 'newservice:Key': 'x' },
  });
  assert.deepEqual(of('operator-type-mismatch', fine), []);
});

test('value-type-mismatch: values that do not fit the operator', () => {
  const found = of(
    'value-type-mismatch',
    stmt({
      NumericLessThan: { 'aws:MultiFactorAuthAge': ['one hour', '3600'] },
      DateLessThan: { 'aws:CurrentTime': '31/12/2026' },
      Bool: { 'aws:SecureTransport': 'yes' },
      IpAddress: { 'aws:SourceIp': ['203.0.113.0/33', '10.0.0.256'] },
      ArnLike: { 'aws:SourceArn': 'my-bucket' },
      BinaryEquals: { 'aws:UserAgent': 'not base64!' },
      Null: { 'aws:TagKeys': 'maybe' },
    }),
  );
  assert.deepEqual(
    found.map((f) => f.path.slice(3)),
    [
      ['NumericLessThan', 'aws:MultiFactorAuthAge', 0],
      ['DateLessThan', 'aws:CurrentTime'],
      ['Bool', 'aws:SecureTransport'],
      ['IpAddress', 'aws:SourceIp', 0],
      ['IpAddress', 'aws:SourceIp', 1],
      ['ArnLike', 'aws:SourceArn'],
      ['BinaryEquals', 'aws:UserAgent'],
      ['Null', 'aws:TagKeys'],
    ],
  );
  assert.match(
    found[0].message,
    /'one hour' of 'aws:MultiFactorAuthAge' under NumericLessThan: expected a number/,
  );
  const fine = stmt({
    NumericLessThan: { 'aws:MultiFactorAuthAge': [3600, '1.5', '-2'] },
    DateGreaterThan: {
      'aws:CurrentTime': ['2026-01-31', '2026-01-31T12:00:00Z', '2026-01-31T12:00+01:00', '2026', 1700000000],
    },
    Bool: { 'aws:SecureTransport': [true], 'aws:ViaAWSService': 'False' },
    IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '203.0.113.7', '2001:db8::/32', '::1'] },
    ArnLike: { 'aws:SourceArn': ['arn:aws:s3:::b', 'arn:aws:iam::*:role/*', '*', '${aws:PrincipalArn}'] },
    BinaryEquals: { 'aws:UserAgent': 'QmluYXJ5' },
    Null: { 'aws:TagKeys': false },
    StringEquals: { 'aws:SourceVpc': 'anything goes' },
    NumericEquals: { 'aws:MultiFactorAuthAge': '${AWS::NoValue}' },
  });
  assert.deepEqual(of('value-type-mismatch', fine), []);
});

test('multiple-bool-values: a Bool condition with both true and false', () => {
  const found = of(
    'multiple-bool-values',
    stmt({ BoolIfExists: { 'aws:SecureTransport': ['true', 'false'] } }),
  );
  assert.equal(found.length, 1);
  assert.match(found[0].message, /several values \(true, false\); give one/);
  assert.deepEqual(
    of(
      'multiple-bool-values',
      stmt({ Bool: { 'aws:SecureTransport': ['true', 'TRUE'], 'aws:ViaAWSService': false } }),
    ),
    [],
  );
});

test('wildcard-without-like: * or ? under an exact string operator', () => {
  const found = of(
    'wildcard-without-like',
    stmt({
      StringEquals: { 'aws:PrincipalTag/team': 'data-*' },
      StringNotEqualsIgnoreCase: { 'aws:UserAgent': 'curl?' },
    }),
  );
  assert.equal(found.length, 2);
  assert.match(found[0].message, /StringEquals reads \* and \? literally; use StringLike/);
  assert.match(found[1].message, /use StringNotLike/);
  assert.deepEqual(
    of(
      'wildcard-without-like',
      stmt({
        StringLike: { 'aws:PrincipalTag/team': 'data-*' },
        ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::*' },
        StringEquals: { 'aws:PrincipalTag/team': '${aws:username}' },
      }),
    ),
    [],
  );
});

test('mfa-pitfall: aws:MultiFactorAuthPresent tests AWS documents as unreliable', () => {
  const found = of(
    'mfa-pitfall',
    stmt({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, 's3:GetObject', 'Deny'),
    stmt({ Bool: { 'aws:MultiFactorAuthPresent': false } }),
    stmt({ Null: { 'aws:MultiFactorAuthPresent': 'true' } }, 's3:GetObject', 'Deny'),
    stmt({ Null: { 'aws:MultiFactorAuthPresent': 'false' } }),
  );
  assert.deepEqual(
    found.map((f) => f.path[1]),
    [0, 1, 2, 3],
  );
  assert.match(found[0].message, /does not match requests signed with long-term access keys.*BoolIfExists/);
  assert.match(found[3].message, /allows every request with temporary credentials, with or without MFA/);
  assert.deepEqual(
    of(
      'mfa-pitfall',
      stmt({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, 's3:GetObject', 'Deny'),
      stmt({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
      stmt({ Null: { 'aws:MultiFactorAuthPresent': 'true' } }),
      stmt({ NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } }),
    ),
    [],
  );
});

test('malformed Condition elements are left to the grammar checks', () => {
  const odd = [
    stmt('not an object'),
    stmt({ StringEquals: 'x' }),
    stmt({ StringEquals: { 'aws:SourceVpc': { nested: true } }, Bool: { 'aws:SecureTransport': [null] } }),
  ];
  assert.deepEqual(lint(odd), []);
});

test('parseOperator cuts qualifier, base and IfExists', () => {
  assert.deepEqual(parseOperator('ForAllValues:StringNotLikeIfExists'), {
    qualifier: 'ForAllValues',
    base: 'StringNotLike',
    type: 'String',
    ifExists: true,
  });
  assert.deepEqual(parseOperator('nulliFexists'), {
    qualifier: undefined,
    base: 'Null',
    type: 'Null',
    ifExists: true,
  });
  assert.equal(parseOperator('ForSomeValues:StringLike'), undefined);
  assert.equal(parseOperator('StringLikeIfExistsIfExists'), undefined);
});

test('valueProblem: dates in the W3C profile of ISO 8601 or epoch seconds', () => {
  for (const ok of [
    '2026',
    '2026-02',
    '2026-02-28',
    '2026-02-28T23:59Z',
    '2026-02-28T23:59:60.5-05:00',
    '0',
  ]) {
    assert.equal(valueProblem('Date', ok), undefined, ok);
  }
  for (const bad of ['2026-13-01', '2026-02-28T24:00Z', '28.02.2026', 'tomorrow', '']) {
    assert.ok(valueProblem('Date', bad), bad);
  }
});

test('global keys table: AWS documented facts', () => {
  const key = (name: string) => {
    const r = lookupGlobalKey(name);
    assert.equal(r.kind, 'key', name);
    return r.kind === 'key' ? r.key : undefined;
  };
  assert.deepEqual(key('aws:TagKeys'), { name: 'aws:TagKeys', types: ['String'], multivalued: true });
  assert.equal(key('aws:MultiFactorAuthPresent')?.multivalued, false);
  assert.deepEqual(key('aws:SourceIp')?.types, ['IPAddress']);
  assert.deepEqual(key('aws:CurrentTime')?.types, ['Date']);
  assert.deepEqual(key('aws:EpochTime')?.types, ['Date', 'Numeric']);
  assert.deepEqual(key('aws:PrincipalArn')?.types, ['ARN']);
  for (const multi of [
    'aws:CalledVia',
    'aws:PrincipalOrgPaths',
    'aws:ResourceOrgPaths',
    'aws:SourceOrgPaths',
    'aws:VpceOrgPaths',
    'aws:PrincipalServiceNamesList',
  ]) {
    assert.equal(key(multi)?.multivalued, true, multi);
  }
  assert.equal(key('aws:ResourceTag/Team')?.name, 'aws:ResourceTag/');
  assert.equal(lookupGlobalKey('aws:ResourceTag').kind, 'missing-tag-key');
  assert.equal(lookupGlobalKey('aws:Nope').kind, 'none');
  // Names are distinct without regard to case, and every key is prefix:name.
  const lower = GLOBAL_CONDITION_KEYS.map((k) => k.name.toLowerCase());
  assert.equal(new Set(lower).size, lower.length);
  for (const k of GLOBAL_CONDITION_KEYS) assert.match(k.name, /^[a-z0-9-]+:[A-Za-z0-9]+(\/)?$/, k.name);
});

test('global keys table agrees with the aws: keys the database documents', () => {
  let checked = 0;
  for (const svc of db.allServices()) {
    for (const c of svc.conditionKeys) {
      if (!c.name.startsWith('aws:')) continue;
      const hit = lookupGlobalKey(c.name.replace('${TagKey}', 'x'));
      assert.equal(hit.kind, 'key', `${svc.prefix} documents ${c.name}`);
      const t = readDatabaseType(c.type);
      if (hit.kind === 'key' && t.type) assert.ok(hit.key.types.includes(t.type), `${c.name}: ${c.type}`);
      checked++;
    }
  }
  assert.ok(checked > 100, `only ${checked} aws: keys in the database`);
  assert.equal(resolveConditionKey(db, 'aws:TagKeys').kind, 'global');
});

const CORPUS = join(SHARED, 'real-world', 'aws-managed-policies');

test(
  'global keys table knows every aws: key the AWS managed policies use',
  { skip: existsSync(CORPUS) ? false : '../shared/real-world is absent' },
  () => {
    const used = new Set<string>();
    for (const f of readdirSync(CORPUS)) {
      const text = readFileSync(join(CORPUS, f), 'utf8');
      for (const m of text.matchAll(/"(aws:[A-Za-z0-9]+(?:\/[^"]*)?)"\s*:/g)) used.add(m[1]);
    }
    assert.ok(used.size > 20, `found only ${used.size} keys`);
    const unknown = [...used].filter((k) => lookupGlobalKey(k).kind !== 'key');
    assert.deepEqual(unknown, []);
  },
);
