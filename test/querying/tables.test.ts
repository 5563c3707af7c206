// Resource types, condition keys and the service list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  arnFormatsForService,
  conditionKeyDetails,
  conditionKeysForService,
  resourceTypeDetails,
  resourceTypesForService,
  serviceList,
  servicePrefixes,
  conditionKeyMatches,
  parseAccessLevel,
} from '../../src/querying/index.js';
import { fixtureDb } from './fixture.js';

const db = fixtureDb();

test('ARN formats and resource types of a service, in page order', () => {
  assert.deepEqual(arnFormatsForService(db, 'shop'), [
    'arn:${Partition}:shop:${Region}:${Account}:order/${OrderId}',
    'arn:${Partition}:shop:${Region}:${Account}:cart/${CartId}',
  ]);
  assert.deepEqual(resourceTypesForService(db, 'Pay'), {
    payment: 'arn:${Partition}:pay:::payment/${PaymentId}',
  });
  assert.throws(() => arnFormatsForService(db, 'pya'), /unknown service prefix 'pya'; did you mean 'pay'/);
});

test("a resource type's details, its name in any case", () => {
  const expected = {
    resource_type_name: 'order',
    raw_arn: 'arn:${Partition}:shop:${Region}:${Account}:order/${OrderId}',
    condition_keys: ['aws:ResourceTag/${TagKey}', 'shop:Channel'],
  };
  assert.deepEqual(resourceTypeDetails(db, 'shop', 'ORDER'), expected);
  assert.throws(
    () => resourceTypeDetails(db, 'shop', 'carts'),
    /unknown resource type 'carts' for service shop; did you mean 'cart'/,
  );
});

test('condition keys of a service and their details', () => {
  assert.deepEqual(conditionKeysForService(db, 'pay'), ['pay:Currency']);
  assert.deepEqual(conditionKeyDetails(db, 'shop', 'aws:tagkeys'), {
    name: 'aws:TagKeys',
    description: 'Filters by tag keys in the request',
    condition_value_type: 'arrayofstring',
  });
  // A concrete tag key gives the documented template.
  assert.equal(conditionKeyDetails(db, 'shop', 'aws:ResourceTag/team').name, 'aws:ResourceTag/${TagKey}');
  assert.throws(() => conditionKeyDetails(db, 'shop', 'shop:Chanel'), /did you mean 'shop:Channel'/);
});

test('the service list, sorted by prefix', () => {
  assert.deepEqual(serviceList(db), [
    { prefix: 'pay', service_name: 'Example Payments' },
    { prefix: 'shop', service_name: 'Example Shop' },
  ]);
  assert.deepEqual(servicePrefixes(db), ['pay', 'shop']);
});

test('condition key templates: ${...}, <...> and tag-key placeholders; otherwise equal without case', () => {
  assert.ok(conditionKeyMatches('aws:ResourceTag/${TagKey}', 'aws:resourcetag/Owner'));
  assert.ok(conditionKeyMatches('s3:ExistingObjectTag/<key>', 's3:ExistingObjectTag/backup'));
  assert.ok(conditionKeyMatches('secretsmanager:ResourceTag/tag-key', 'secretsmanager:ResourceTag/team'));
  assert.ok(conditionKeyMatches('s3:x-amz-acl', 'S3:X-AMZ-ACL'));
  assert.ok(!conditionKeyMatches('s3:x-amz-acl', 's3:x-amz-acl-extra'));
  assert.ok(!conditionKeyMatches('aws:ResourceTag/${TagKey}', 'aws:RequestTag/Owner'));
});

test('access levels in either spelling', () => {
  assert.equal(parseAccessLevel('permissions-management'), 'Permissions management');
  assert.equal(parseAccessLevel('Permissions Management'), 'Permissions management');
  assert.equal(parseAccessLevel('TAGGING'), 'Tagging');
  assert.throws(() => parseAccessLevel('admin'), /unknown access level 'admin'/);
});
