/** A small in-memory database for analysis tests: a few real action names of iam, ec2, s3, ecr and s3express. */
import { databaseFromRecords } from '../../src/database/index.js';
import type { AccessLevel, ServiceRecord } from '../../src/database/index.js';

function service(prefix: string, actions: [string, AccessLevel][]): ServiceRecord {
  return {
    prefix,
    name: `Test ${prefix}`,
    authorizationUrl: `https://example.invalid/${prefix}.html`,
    actions: actions.map(([name, accessLevel]) => ({
      name,
      description: '',
      accessLevel,
      apiDocumentationLink: '',
      resourceTypes: [],
    })),
    resourceTypes: [],
    conditionKeys: [],
  };
}

export const miniRecords: ServiceRecord[] = [
  service('iam', [
    ['CreateAccessKey', 'Write'],
    ['GetRole', 'Read'],
    ['ListRoles', 'List'],
    ['PassRole', 'Write'],
    ['PutRolePolicy', 'Permissions management'],
    ['TagRole', 'Tagging'],
  ]),
  service('ec2', [
    ['DescribeInstances', 'List'],
    ['RunInstances', 'Write'],
    ['GetConsoleOutput', 'Read'],
  ]),
  service('s3', [
    ['GetObject', 'Read'],
    ['GetBucketPolicy', 'Read'],
    ['ListBucket', 'List'],
    ['PutBucketPolicy', 'Permissions management'],
    ['PutObject', 'Write'],
  ]),
  service('s3express', [
    ['GetObject', 'Read'],
    ['CreateSession', 'Write'],
  ]),
  service('ecr', [
    ['GetAuthorizationToken', 'Read'],
    ['DescribeRepositories', 'List'],
  ]),
];

/** Total number of actions in miniRecords. */
export const MINI_ACTION_COUNT = miniRecords.reduce((n, s) => n + s.actions.length, 0);

export function miniDb() {
  return databaseFromRecords(miniRecords);
}

export function policy(...statements: Record<string, unknown>[]) {
  return { Version: '2012-10-17', Statement: statements };
}
