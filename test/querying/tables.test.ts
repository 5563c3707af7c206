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
  findActions,
} from '../../src/querying/index.js';
import { databaseFromRecords, type ServiceRecord } from '../../src/database/index.js';
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

// Shaped like Systems Manager's page: a tag template listed before concrete keys it would also match.
const desk: ServiceRecord = {
  prefix: 'desk',
  name: 'Example Help Desk',
  authorizationUrl: '',
  actions: [
    {
      name: 'OpenTicket',
      description: 'Grants permission to open a ticket',
      accessLevel: 'Write',
      apiDocumentationLink: '',
      resourceTypes: [
        {
          resourceType: '',
          required: false,
          conditionKeys: ['desk:resourceTag/aws:queue-id'],
          dependentActions: [],
        },
      ],
    },
    {
      name: 'TagTicket',
      description: 'Grants permission to tag a ticket',
      accessLevel: 'Tagging',
      apiDocumentationLink: '',
      resourceTypes: [
        {
          resourceType: '',
          required: false,
          conditionKeys: ['desk:resourceTag/${TagKey}'],
          dependentActions: [],
        },
      ],
    },
  ],
  resourceTypes: [
    // Its ARNs name another namespace than its action prefix, as Service Catalog's portfolios do (`catalog`).
    {
      name: 'ticket',
      arn: 'arn:${Partition}:helpdesk:${Region}:${Account}:ticket/${TicketId}',
      conditionKeys: [],
    },
  ],
  conditionKeys: [
    { name: 'desk:resourceTag/${TagKey}', description: 'Filters by any tag of the resource', type: 'String' },
    {
      name: 'desk:resourceTag/aws:queue-id',
      description: 'Filters by the queue the ticket is in',
      type: 'String',
    },
  ],
};

test('a documented key wins over an earlier template that would also match it', () => {
  const deskDb = databaseFromRecords([desk]);
  // Documented keys are looked up exactly first; the template only stands for keys the page does not list.
  assert.equal(
    conditionKeyDetails(deskDb, 'desk', 'desk:ResourceTag/AWS:QUEUE-ID').description,
    'Filters by the queue the ticket is in',
  );
  assert.equal(
    conditionKeyDetails(deskDb, 'desk', 'desk:resourceTag/team').name,
    'desk:resourceTag/${TagKey}',
  );
  assert.deepEqual(findActions(deskDb, 'desk', { conditionKey: 'desk:resourceTag/aws:queue-id' }), [
    'desk:OpenTicket',
  ]);
  assert.deepEqual(findActions(deskDb, 'desk', { conditionKey: 'desk:resourceTag/team' }), [
    'desk:TagTicket',
  ]);
});

test("an unknown prefix that is another service's ARN namespace names that service", () => {
  const deskDb = databaseFromRecords([desk]);
  assert.throws(
    () => conditionKeysForService(deskDb, 'helpdesk'),
    /unknown service prefix 'helpdesk'; 'helpdesk' appears in the ARNs of 'desk'/,
  );
  assert.throws(
    () => arnFormatsForService(deskDb, 'nothing'),
    (e: Error) => e.message === "unknown service prefix 'nothing'",
  );
});
