/**
 * A small hand-made database for policy-writing tests: a storage service with buckets and objects (an
 * object ARN also falls under the bucket format), a key service, and just enough iam and sts.
 */
import { databaseFromRecords, type IamDatabase } from '../../src/database/database.js';
import type { AccessLevel, ActionRecord, ServiceRecord } from '../../src/database/types.js';

type Row = [resourceType: string, dependentActions?: string[]];

function action(name: string, accessLevel: AccessLevel, rows: Row[]): ActionRecord {
  return {
    name,
    description: `${name} for tests`,
    accessLevel,
    apiDocumentationLink: '',
    resourceTypes: rows.map(([resourceType, dependentActions = []]) => ({
      resourceType,
      required: resourceType !== '',
      conditionKeys: [],
      dependentActions,
    })),
  };
}

const ROLE_ARN = 'arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}';
export const BUCKET_ARN = 'arn:${Partition}:store:${Region}:${Account}:bucket/${BucketName}';
export const OBJECT_ARN =
  'arn:${Partition}:store:${Region}:${Account}:bucket/${BucketName}/object/${ObjectKey}';
export const KEY_ARN = 'arn:${Partition}:keys:${Region}:${Account}:key/${KeyId}';

export const records: ServiceRecord[] = [
  {
    prefix: 'store',
    name: 'Test Store',
    authorizationUrl: '',
    actions: [
      action('GetBucket', 'Read', [['bucket']]),
      action('GetObject', 'Read', [['object'], ['']]),
      action('GetObjectAcl', 'Read', [['object']]),
      action('PutObject', 'Write', [['object', ['store:GetBucket', 'keys:Decrypt', 'store:GetObjectAcl']]]),
      action('DeleteBucket', 'Write', [['bucket']]),
      action('ListBuckets', 'List', [['']]),
      action('ListAllThings', 'List', [['', ['keys:DescribeKey']]]),
      action('TagThing', 'Tagging', [['bucket'], ['object']]),
    ],
    resourceTypes: [
      { name: 'bucket', arn: BUCKET_ARN, conditionKeys: [] },
      { name: 'object', arn: OBJECT_ARN, conditionKeys: [] },
    ],
    conditionKeys: [],
  },
  {
    prefix: 'keys',
    name: 'Test Keys',
    authorizationUrl: '',
    actions: [
      action('CreateKey', 'Write', [['', ['iam:CreateServiceLinkedRole']]]),
      action('Decrypt', 'Write', [['key']]),
      action('DescribeKey', 'Read', [['key']]),
    ],
    resourceTypes: [
      { name: 'key', arn: KEY_ARN, conditionKeys: [] },
      // An ARN namespace that is no service prefix (as route53-recovery-control is in AWS's data).
      {
        name: 'vault',
        arn: 'arn:${Partition}:vault:${Region}:${Account}:vault/${VaultName}',
        conditionKeys: [],
      },
    ],
    conditionKeys: [],
  },
  {
    prefix: 'iam',
    name: 'Test IAM',
    authorizationUrl: '',
    actions: [
      action('CreateServiceLinkedRole', 'Write', [['role']]),
      action('PassRole', 'Write', [['role']]),
    ],
    resourceTypes: [{ name: 'role', arn: ROLE_ARN, conditionKeys: [] }],
    conditionKeys: [],
  },
  {
    prefix: 'sts',
    name: 'Test STS',
    authorizationUrl: '',
    actions: [
      action('AssumeRole', 'Write', [['role']]),
      action('AssumeRoleWithSAML', 'Write', [['role']]),
      action('AssumeRoleWithWebIdentity', 'Write', [['role']]),
    ],
    resourceTypes: [{ name: 'role', arn: ROLE_ARN, conditionKeys: [] }],
    conditionKeys: [],
  },
];

/** A fresh database object (caches are per database object). */
export function fixtureDb(): IamDatabase {
  return databaseFromRecords(records);
}
