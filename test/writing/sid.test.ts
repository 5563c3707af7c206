import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lettersAndDigits, statementId } from '../../src/writing/policy/sid.js';

test('statement ids: service, access level and resource type, each reduced and capitalized', () => {
  assert.equal(statementId('ssm', 'Read', 'parameter'), 'SsmReadParameter');
  assert.equal(statementId('s3', 'Permissions management', 'bucket'), 'S3PermissionsmanagementBucket');
  assert.equal(statementId('connect-campaigns', 'Write', 'campaign'), 'ConnectcampaignsWriteCampaign');
  // the rest of each part is lower-cased
  assert.equal(statementId('ec2', 'Write', 'security-group-rule'), 'Ec2WriteSecuritygrouprule');
  assert.equal(statementId('kinesis', 'Read', 'kmsKey'), 'KinesisReadKmskey');
  assert.equal(statementId('s3', 'Mult', ''), 'S3Mult');
});

test('lettersAndDigits keeps letters and digits of any script', () => {
  assert.equal(lettersAndDigits('bucket/a-b_c:1'), 'bucketabc1');
  assert.equal(lettersAndDigits('bücket²/x'), 'bücket²x');
});
