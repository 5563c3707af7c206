import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { doesArnMatch, isArn, splitArn } from '../../src/querying/arn-match.js';
import { UserError } from '../../src/util/errors.js';
import { CONFORMANCE } from '../support/paths.js';

const S3_BUCKET = 'arn:${Partition}:s3:::${BucketName}';
const S3_OBJECT = 'arn:${Partition}:s3:::${BucketName}/${ObjectName}';

test('splitArn cuts at the first five colons and splits the resource at its first / (else :)', () => {
  assert.deepEqual(splitArn('arn:aws:ssm:us-east-1:1:parameter/a/b:c'), {
    partition: 'aws',
    service: 'ssm',
    region: 'us-east-1',
    account: '1',
    resourceString: 'parameter/a/b:c',
    resource: 'parameter',
    resourcePath: 'a/b:c',
  });
  assert.equal(splitArn('arn:aws:lambda:r:1:function:f:1')?.resourcePath, 'f:1');
  assert.equal(splitArn('arn:aws:s3:::bucket')?.resourcePath, '');
  assert.equal(splitArn('arn:aws:s3::'), undefined);
});

test('isArn wants the arn: prefix and a non-empty resource', () => {
  assert.equal(isArn('arn:aws:s3:::b'), true);
  assert.equal(isArn('arn:aws:s3:::'), false);
  assert.equal(isArn('xrn:aws:s3:::b'), false);
  assert.equal(isArn('not-an-arn'), false);
});

test('literal segments must match in place; placeholders match anything', () => {
  const fmt = 'arn:${Partition}:ssm:${Region}:${Account}:parameter/${ParameterNameWithoutLeadingSlash}';
  assert.equal(doesArnMatch('arn:aws:ssm:us-east-1:1:parameter/x', fmt), true);
  assert.equal(doesArnMatch('arn:aws:ssm:us-east-1:1:document/x', fmt), false);
  // in place: a literal elsewhere does not count
  assert.equal(doesArnMatch('arn:aws:ssm:us-east-1:1:x/parameter', fmt), false);
  // case matters in place, and a * segment is accepted there
  assert.equal(doesArnMatch('arn:aws:ssm:us-east-1:1:Parameter/x', fmt), false);
  assert.equal(doesArnMatch('arn:aws:ssm:us-east-1:1:*/x', fmt), true);
});

test('the service must be equal, with case; a * format matches nothing', () => {
  assert.equal(
    doesArnMatch(
      'arn:aws:SSM:us-east-1:1:parameter/x',
      'arn:${Partition}:ssm:${Region}:${Account}:parameter/${P}',
    ),
    false,
  );
  assert.equal(doesArnMatch('arn:aws:ssm:us-east-1:1:parameter/x', '*'), false);
});

test('a longer ARN still falls under a shorter format (no length check), as in policy_sentry', () => {
  const backup = 'arn:aws:dynamodb:us-east-1:1:table/t/backup/b';
  assert.equal(
    doesArnMatch(
      backup,
      'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}/backup/${BackupName}',
    ),
    true,
  );
  // ... except for the formats told apart by their shape: table/${TableName} counts its parts
  assert.equal(
    doesArnMatch(backup, 'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}'),
    false,
  );
  assert.equal(
    doesArnMatch(
      'arn:aws:dynamodb:us-east-1:1:table/t',
      'arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}',
    ),
    true,
  );
});

test('S3 buckets and objects are told apart by the /', () => {
  assert.equal(doesArnMatch('arn:aws:s3:::b', S3_BUCKET), true);
  assert.equal(doesArnMatch('arn:aws:s3:::b', S3_OBJECT), false);
  assert.equal(doesArnMatch('arn:aws:s3:::b/k/more', S3_BUCKET), false);
  assert.equal(doesArnMatch('arn:aws:s3:::b/k/more', S3_OBJECT), true);
});

test('a resource type of * matches every format of the service', () => {
  assert.equal(
    doesArnMatch(
      'arn:aws:rds:us-east-1:1:*:*',
      'arn:${Partition}:rds:${Region}:${Account}:db:${DbInstanceName}',
    ),
    true,
  );
  assert.equal(
    doesArnMatch('arn:aws:rds:us-east-1:1:*:*', 'arn:${Partition}:ec2:${Region}:${Account}:db:${X}'),
    false,
  );
});

test('a user value that is not an ARN is a UserError naming it', () => {
  assert.throws(
    () => doesArnMatch('bucket', S3_BUCKET),
    (e: unknown) => e instanceof UserError && /'bucket'/.test(e.message),
  );
});

const LIBRARY = join(CONFORMANCE, 'library', 'does_arn_match.json');

test(
  'policy_sentry does_arn_match answers (kit library)',
  { skip: !existsSync(LIBRARY) && 'kit library absent' },
  () => {
    const cases = JSON.parse(readFileSync(LIBRARY, 'utf8')) as {
      arn: string;
      raw_arn: string;
      match: boolean;
    }[];
    assert.ok(cases.length > 1000);
    const wrong = cases.filter((c) => doesArnMatch(c.arn, c.raw_arn) !== c.match);
    assert.deepEqual(wrong, []);
  },
);
