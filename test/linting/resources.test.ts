/**
 * The resources family of lint checks, over the bundled database: for every check a policy on which it
 * fires and one on which it must not, plus the cases that must never be findings (placeholders from
 * infrastructure code, policy variables, wildcards, actions the database does not know).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDatabase } from '../../src/database/index.js';
import { lintPolicy } from '../../src/linting/lint.js';
import type { LintFinding, PolicyType } from '../../src/linting/types.js';
import { readArn } from '../../src/linting/resource-arn.js';
import { formatPattern, patternsOverlap, userPattern } from '../../src/linting/resource-glob.js';
import { ROOT } from '../support/paths.js';

const db = openDatabase(join(ROOT, 'data', 'db'));

type Statement = Record<string, unknown>;

function lint(statements: Statement[], policyType: PolicyType = 'identity'): LintFinding[] {
  return lintPolicy(
    db,
    { Version: '2012-10-17', Statement: statements },
    { policyType, checks: ['resources'] },
  );
}

/** The findings of one check. */
function of(check: string, statements: Statement[], policyType?: PolicyType): LintFinding[] {
  return lint(statements, policyType).filter((f) => f.check === `resources/${check}`);
}

const allow = (Action: unknown, Resource: unknown, extra: Statement = {}): Statement => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});

test('invalid-arn: values that are neither "*" nor ARNs, with the reason', () => {
  const found = of('invalid-arn', [
    allow('s3:ListBucket', [
      'my-bucket',
      'ARN:aws:s3:::b',
      'arn:aws:s3',
      'arn:aws:S3:::b',
      ' arn:aws:s3:::b',
    ]),
  ]);
  assert.deepEqual(
    found.map((f) => f.path),
    [0, 1, 2, 3, 4].map((i) => ['Statement', 0, 'Resource', i]),
  );
  assert.match(found[0].message, /Resource 'my-bucket' is not an ARN: .*"\*" or start with 'arn:'/);
  assert.match(found[1].message, /lower case/);
  assert.match(found[2].message, /3 of the 6 fields/);
  assert.match(found[3].message, /service 'S3' must be in lower case/);
  assert.match(found[4].message, /white space/);
  assert.equal(of('invalid-arn', [{ Effect: 'Deny', NotAction: 's3:*', NotResource: 'bucket' }]).length, 1);
});

test('invalid-arn: "*", full ARNs, wildcards and placeholders are accepted', () => {
  const found = of('invalid-arn', [
    allow('s3:ListBucket', [
      '*',
      'arn:aws:s3:::b',
      'arn:*:s3:::*',
      // CloudFormation !Sub and a Terraform unknown, as the input layer writes them
      'arn:${AWS::Partition}:s3:::${BucketName}',
      '${aws_s3_bucket.logs.arn}',
      '${BucketArn}/*',
      'arn:aws:iam::${AWS::AccountId}:role/x',
      // a placeholder standing for several fields
      'arn:aws:${ServiceAndRegion}:123456789012:thing/x',
    ]),
  ]);
  assert.deepEqual(found, []);
});

test('unknown-partition: a partition AWS does not have; known ones and wildcards pass', () => {
  const found = of('unknown-partition', [
    allow('s3:ListBucket', ['arn:amazon:s3:::b', 'arn:aws-gov:s3:::b', 'arn::s3:::b', 'arn:x*:s3:::b']),
  ]);
  assert.deepEqual(
    found.map((f) => f.path.at(-1)),
    [0, 1, 2, 3],
  );
  assert.match(found[0].message, /partition 'amazon' is not one of aws, aws-cn, aws-us-gov/);
  const ok = [
    'aws',
    'aws-cn',
    'aws-us-gov',
    'aws-iso',
    'aws-iso-b',
    'aws-iso-e',
    'aws-iso-f',
    'aws-eusc',
    '*',
    'aws-*',
    '${AWS::Partition}',
  ];
  assert.deepEqual(
    of('unknown-partition', [
      allow(
        's3:ListBucket',
        ok.map((p) => `arn:${p}:s3:::b`),
      ),
    ]),
    [],
  );
});

test('invalid-region: a region field that is no region code', () => {
  const found = of('invalid-region', [
    allow('sqs:SendMessage', [
      'arn:aws:sqs:us-east:1:q',
      'arn:aws:sqs:US-EAST-1:1:q',
      'arn:aws:sqs:virginia:1:q',
    ]),
  ]);
  assert.equal(found.length, 3);
  assert.match(found[0].message, /'us-east' is not a region code/);
  const ok = [
    'us-east-1',
    'us-gov-west-1',
    'cn-northwest-1',
    'eu-isoe-west-1',
    'eusc-de-east-1',
    '*',
    'us-*',
    '',
  ];
  assert.deepEqual(
    of('invalid-region', [
      allow(
        'sqs:SendMessage',
        ok.map((r) => `arn:aws:sqs:${r}:1:q`),
      ),
    ]),
    [],
  );
});

test('invalid-account: an account field that is no 12-digit ID', () => {
  const found = of('invalid-account', [
    allow('iam:GetRole', [
      'arn:aws:iam::1234-5678-9012:role/a',
      'arn:aws:iam::12345:role/a',
      'arn:aws:iam::prod:role/a',
    ]),
  ]);
  assert.equal(found.length, 3);
  assert.match(found[0].message, /account '1234-5678-9012' is not a 12-digit account ID/);
  const ok = [
    'arn:aws:iam::123456789012:role/a',
    'arn:aws:iam::*:role/a',
    'arn:aws:iam::12345678901?:role/a',
    'arn:aws:iam::aws:policy/ReadOnlyAccess',
    'arn:aws:iam::${AWS::AccountId}:role/a',
    'arn:aws:s3:::b',
  ];
  assert.deepEqual(of('invalid-account', [allow(['iam:GetRole', 'iam:GetPolicy', 's3:ListBucket'], ok)]), []);
});

test('region-not-allowed: a region in the ARN of a global resource (S3 bucket, IAM role)', () => {
  const found = of('region-not-allowed', [
    allow('s3:ListBucket', 'arn:aws:s3:us-east-1::my-bucket'),
    allow('iam:GetRole', 'arn:aws:iam:eu-west-1:123456789012:role/admin'),
  ]);
  assert.deepEqual(
    found.map((f) => f.path),
    [
      ['Statement', 0, 'Resource'],
      ['Statement', 1, 'Resource'],
    ],
  );
  assert.match(
    found[0].message,
    /s3 ARNs of this kind have no region \(arn:\$\{Partition\}:s3:::\$\{BucketName\}.*remove 'us-east-1'/,
  );
  // S3 access points are regional: their ARNs must name a region; and a wildcard region is not judged.
  assert.deepEqual(
    of('region-not-allowed', [
      allow('s3:GetAccessPoint', 'arn:aws:s3:us-east-1:123456789012:accesspoint/ap'),
      allow('s3:ListBucket', ['arn:aws:s3:::my-bucket', 'arn:aws:s3:*::my-bucket']),
      allow('iam:GetRole', 'arn:aws:iam::123456789012:role/admin'),
    ]),
    [],
  );
});

test('account-not-allowed: an account in an S3 bucket or object ARN', () => {
  const found = of('account-not-allowed', [allow('s3:GetObject', 'arn:aws:s3::123456789012:my-bucket/*')]);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /have no account .*remove '123456789012'/);
  assert.deepEqual(
    of('account-not-allowed', [
      allow('s3:GetObject', ['arn:aws:s3:::my-bucket/*', 'arn:aws:s3::*:my-bucket/*']),
      allow('s3:GetObject', 'arn:aws:s3:us-east-1:123456789012:accesspoint/ap/object/*'),
    ]),
    [],
  );
});

test('missing-region: an empty region where every format of the kind has one', () => {
  const found = of('missing-region', [
    allow('sqs:SendMessage', 'arn:aws:sqs::123456789012:my-queue'),
    allow('logs:PutLogEvents', 'arn:aws:logs:::log-group:app*'),
  ]);
  assert.equal(found.length, 2);
  assert.match(found[0].message, /sqs ARNs of this kind have a region .*write it, or \* for every region/);
  assert.deepEqual(
    of('missing-region', [
      allow('sqs:SendMessage', [
        'arn:aws:sqs:*:123456789012:my-queue',
        'arn:aws:sqs:us-east-1:123456789012:q',
      ]),
      allow('iam:GetRole', 'arn:aws:iam::123456789012:role/admin'),
    ]),
    [],
  );
});

test('missing-account: an empty account in the ARN of a global resource type', () => {
  const found = of('missing-account', [allow('iam:GetRole', 'arn:aws:iam:::role/admin')]);
  assert.equal(found.length, 1);
  assert.match(found[0].message, /iam ARNs of this kind have an account/);
  // AWS-owned shared resources of regional services have no account: public SSM documents, AMIs.
  assert.deepEqual(
    of('missing-account', [
      allow('ssm:SendCommand', 'arn:aws:ssm:*::document/AWS-RunShellScript'),
      allow('ssm:GetParameter', 'arn:aws:ssm:*::parameter/aws/service/*'),
      allow('iam:GetRole', 'arn:aws:iam::*:role/admin'),
    ]),
    [],
  );
});

test('resource-mismatch: an ARN that no action of the statement takes', () => {
  const found = of('resource-mismatch', [
    allow('s3:GetObject', 'arn:aws:s3:::my-bucket'),
    allow('s3:ListBucket', 'arn:aws:s3:::my-bucket/*'),
    allow('s3:GetObject', 'arn:aws:sqs:us-east-1:123456789012:q'),
    { Effect: 'Deny', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:user/bob' },
  ]);
  assert.deepEqual(
    found.map((f) => f.path[1]),
    [0, 1, 2, 3],
  );
  assert.match(
    found[0].message,
    /'arn:aws:s3:::my-bucket' matches no resource type .* type .*object.*e\.g\. arn:\$\{Partition\}:s3:::\$\{BucketName\}\/\$\{ObjectName\}/,
  );
  assert.match(found[1].message, /bucket/);
  assert.match(found[2].message, /they take resources of s3, not sqs/);
  assert.match(found[3].message, /role/);
});

test('resource-mismatch: ARNs that some action takes, wildcards IAM reads across "/", and what is not judged', () => {
  const found = of('resource-mismatch', [
    allow(['s3:GetObject', 's3:ListBucket'], ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*']),
    // a wildcard that spans the bucket and its objects
    allow('s3:GetObject', ['arn:aws:s3:::my-bucket*', 'arn:aws:s3:::*']),
    allow('s3:*', 'arn:aws:s3:::my-bucket'),
    allow('*', 'arn:aws:sqs:us-east-1:123456789012:q'),
    // log group names hold "/"; a stream under a wildcard group
    allow('logs:PutLogEvents', 'arn:aws:logs:*:*:log-group:/aws/lambda/*:log-stream:*'),
    allow('logs:CreateLogStream', 'arn:aws:logs:*:*:*'),
    // placeholders and policy variables match anything in their part
    allow('s3:GetObject', ['arn:${AWS::Partition}:s3:::${Bucket}/home/${aws:username}/*', '${BucketArn}/*']),
    allow('iam:PassRole', 'arn:aws:iam::${AWS::AccountId}:role/${RoleName}'),
    // a wildcard service field, an action newer than the database, NotAction, NotResource
    allow('s3:GetObject', 'arn:aws:*:*:*:*'),
    allow(['s3:GetObject', 's3:DoSomethingNew2099'], 'arn:aws:sqs:us-east-1:123456789012:q'),
    { Effect: 'Allow', NotAction: 's3:GetObject', Resource: 'arn:aws:sqs:us-east-1:123456789012:q' },
    { Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:sqs:us-east-1:123456789012:q' },
  ]);
  assert.deepEqual(found, []);
});

test('wildcard-only-action: an action without resource types named with specific ARNs only', () => {
  const found = of('wildcard-only-action', [
    allow(['s3:ListBucket', 's3:ListAllMyBuckets'], 'arn:aws:s3:::my-bucket'),
    { Effect: 'Deny', Action: 'ec2:DescribeInstances', Resource: 'arn:aws:ec2:*:*:instance/*' },
  ]);
  assert.deepEqual(
    found.map((f) => f.path),
    [
      ['Statement', 0, 'Action', 1],
      ['Statement', 1, 'Action'],
    ],
  );
  assert.match(
    found[0].message,
    /s3:ListAllMyBuckets takes no resource ARN in the Service Authorization Reference \(only "Resource": "\*"\)/,
  );
  assert.deepEqual(
    of('wildcard-only-action', [
      allow(['s3:ListBucket', 's3:ListAllMyBuckets'], ['arn:aws:s3:::my-bucket', '*']),
      allow('s3:ListAllMyBuckets', 'arn:aws:s3:::*'),
      // reached through a wildcard only: not reported
      allow('s3:List*', 'arn:aws:s3:::my-bucket'),
      allow('sts:GetCallerIdentity', '${AnyResource}'),
    ]),
    [],
  );
});

test('resource-star: "*" on actions that take ARNs, once per statement of an Allow in an identity policy', () => {
  const found = of('resource-star', [
    allow(['s3:GetObject', 's3:PutObject', 's3:ListAllMyBuckets', 's3:Get*'], '*'),
    allow('s3:GetObject', ['arn:aws:s3:::b/*', '*']),
  ]);
  assert.deepEqual(
    found.map((f) => f.path),
    [
      ['Statement', 0, 'Resource'],
      ['Statement', 1, 'Resource', 1],
    ],
  );
  // ListAllMyBuckets takes no ARN and is not counted; s3:Get* overlaps the two named actions.
  const getters = lintPolicy(
    db,
    { Version: '2012-10-17', Statement: allow('s3:Get*', '*') },
    { checks: ['resources/resource-star'] },
  );
  const count = Number(/grants (\d+) actions/.exec(getters[0].message)?.[1]);
  assert.ok(count > 10, getters[0].message);
  assert.match(found[0].message, new RegExp(`grants ${count + 1} actions \\(s3:Get`));
  assert.match(found[1].message, /grants s3:GetObject on every resource/);
  assert.deepEqual(
    of('resource-star', [
      allow('s3:ListAllMyBuckets', '*'),
      allow('s3:GetObject', '*', { Condition: { StringEquals: { 'aws:ResourceTag/team': 'a' } } }),
      { Effect: 'Deny', Action: 's3:GetObject', Resource: '*' },
    ]),
    [],
  );
  // Resource policies (KMS key policies name "*"), SCPs and boundaries are not held to it.
  for (const type of ['resource', 'service-control', 'permissions-boundary'] as const) {
    assert.deepEqual(of('resource-star', [allow('s3:GetObject', '*')], type), []);
  }
});

test('readArn reads placeholders as wildcards and leaves unjudgeable shapes alone', () => {
  assert.deepEqual(readArn('*'), { kind: 'star' });
  const r = readArn('arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${Name}');
  assert.equal(r.kind, 'arn');
  if (r.kind === 'arn') {
    assert.equal(r.arn.partition, '*');
    assert.equal(r.arn.account, '*');
    assert.equal(r.arn.resource, 'role/*');
    assert.equal(r.arn.placeholder, true);
  }
  assert.deepEqual(readArn('${Foo.Arn}'), { kind: 'unjudged' });
  assert.deepEqual(readArn('arn:aws:${X}'), { kind: 'unjudged' });
  assert.equal(readArn('arn:aws:s3').kind, 'invalid');
});

test('patternsOverlap: S3 bucket names hold no "/", other placeholders may', () => {
  const bucket = formatPattern('${BucketName}');
  const object = formatPattern('${BucketName}/${ObjectName}');
  const group = formatPattern('log-group:${LogGroupName}');
  assert.equal(patternsOverlap(userPattern('my-bucket/*'), bucket), false);
  assert.equal(patternsOverlap(userPattern('my-bucket/*'), object), true);
  assert.equal(patternsOverlap(userPattern('my-bucket*'), object), true);
  assert.equal(patternsOverlap(userPattern('*'), bucket), true);
  assert.equal(patternsOverlap(userPattern('log-group:/aws/*'), group), true);
  assert.equal(patternsOverlap(userPattern('/aws/*'), group), false);
  assert.equal(patternsOverlap(userPattern('LOG-GROUP:x?'), group), true);
});

test('the checks of the family take time linear in the number of statements', () => {
  const statements = (n: number) =>
    Array.from({ length: n }, (_, i) =>
      allow(
        ['s3:GetObject', 's3:ListAllMyBuckets', 'ec2:Describe*'],
        [`arn:aws:s3:::bucket-${i}/*`, `arn:aws:s3:::b${i}`],
      ),
    );
  const time = (n: number) => {
    const doc = { Version: '2012-10-17', Statement: statements(n) };
    lintPolicy(db, doc, { checks: ['resources'] });
    const t = process.hrtime.bigint();
    lintPolicy(db, doc, { checks: ['resources'] });
    return Number(process.hrtime.bigint() - t);
  };
  time(100); // warm the caches
  // n and 4n: linear work takes about 4 times as long, quadratic about 16, so a shared machine's noise
  // (which made a 2n test fail at 3.7 against its 3.5) stays far from the line either way.
  const small = Math.min(time(200), time(200), time(200));
  const large = Math.min(time(800), time(800), time(800));
  assert.ok(large / small <= 8, `time(4n)/time(n) = ${(large / small).toFixed(2)}`);
});
