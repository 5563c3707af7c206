#!/usr/bin/env node
// Writes synthetic CloudTrail logs for `npm run bench` (generate): N events over 30 services, laid out as
// CloudTrail writes them to S3 (AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz, 1,000 records
// a file), with the record fields CloudTrail writes. Deterministic (a seeded generator), so runs compare.
//
//   node scripts/gen-cloudtrail.mjs --events 1000000 --out /tmp/trail
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const EVENTS = Number(opt('--events', '1000000'));
const OUT = opt('--out');
const PER_FILE = Number(opt('--per-file', '1000'));
if (!OUT || !Number.isInteger(EVENTS) || EVENTS < 1) {
  process.stderr.write('usage: gen-cloudtrail.mjs --events N --out DIR [--per-file 1000]\n');
  process.exit(2);
}

let seed = 20261130;
/** A whole number in [0, n), from a 32-bit LCG. */
function rnd(n) {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed % n;
}
const pick = (xs) => xs[rnd(xs.length)];

const ACCOUNT = '111122223333';
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const ROLES = ['order-service', 'billing-worker', 'report-job', 'web-frontend', 'ingest-pipeline'];
const names = (prefix, n) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const BUCKETS = names('data-bucket', 12);
const KEYS = Array.from(
  { length: 400 },
  (_, i) => `in/2026/${String(1 + (i % 12)).padStart(2, '0')}/part-${i}.json`,
);
const TABLES = names('table', 10);
const QUEUES = names('queue', 8);
const TOPICS = names('topic', 6);
const FUNCTIONS = names('fn', 10);
const KEY_IDS = ['1234abcd-12ab-34cd-56ef-1234567890ab', '0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9'];
const SECRETS = ['prod/db', 'prod/api-key', 'staging/db'];
const PARAMS = ['/app/db-host', '/app/feature-flags', '/app/endpoint'];
const STREAMS = names('stream', 4);
const GROUPS = ['/app/web', '/app/worker', '/aws/lambda/fn-1'];

// [eventSource, eventName, requestParameters(region) or null, resources(region) or undefined]
const q = (r) => `https://sqs.${r}.amazonaws.com/${ACCOUNT}/${pick(QUEUES)}`;
const OPS = [
  ['s3.amazonaws.com', 'GetObject', () => ({ bucketName: pick(BUCKETS), key: pick(KEYS) })],
  ['s3.amazonaws.com', 'PutObject', () => ({ bucketName: pick(BUCKETS), key: pick(KEYS) })],
  ['s3.amazonaws.com', 'ListObjects', () => ({ bucketName: pick(BUCKETS), prefix: 'in/' })],
  [
    'dynamodb.amazonaws.com',
    'GetItem',
    () => ({ tableName: pick(TABLES), key: { id: { S: String(rnd(1e6)) } } }),
  ],
  ['dynamodb.amazonaws.com', 'Query', () => ({ tableName: pick(TABLES) })],
  ['dynamodb.amazonaws.com', 'PutItem', () => ({ tableName: pick(TABLES) })],
  ['sqs.amazonaws.com', 'SendMessage', (r) => ({ queueUrl: q(r) })],
  ['sqs.amazonaws.com', 'ReceiveMessage', (r) => ({ queueUrl: q(r), maxNumberOfMessages: 10 })],
  ['sqs.amazonaws.com', 'DeleteMessage', (r) => ({ queueUrl: q(r) })],
  ['sns.amazonaws.com', 'Publish', (r) => ({ topicArn: `arn:aws:sns:${r}:${ACCOUNT}:${pick(TOPICS)}` })],
  ['lambda.amazonaws.com', 'Invoke', () => ({ functionName: pick(FUNCTIONS) })],
  [
    'kms.amazonaws.com',
    'Decrypt',
    () => ({ encryptionAlgorithm: 'SYMMETRIC_DEFAULT' }),
    (r) => [
      { accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: `arn:aws:kms:${r}:${ACCOUNT}:key/${pick(KEY_IDS)}` },
    ],
  ],
  [
    'kms.amazonaws.com',
    'GenerateDataKey',
    () => ({ keySpec: 'AES_256' }),
    (r) => [
      { accountId: ACCOUNT, type: 'AWS::KMS::Key', ARN: `arn:aws:kms:${r}:${ACCOUNT}:key/${pick(KEY_IDS)}` },
    ],
  ],
  ['secretsmanager.amazonaws.com', 'GetSecretValue', () => ({ secretId: pick(SECRETS) })],
  ['ssm.amazonaws.com', 'GetParameter', () => ({ name: pick(PARAMS), withDecryption: true })],
  [
    'sts.amazonaws.com',
    'AssumeRole',
    () => ({ roleArn: `arn:aws:iam::${ACCOUNT}:role/${pick(ROLES)}`, roleSessionName: `s-${rnd(1000)}` }),
  ],
  ['sts.amazonaws.com', 'GetCallerIdentity', () => null],
  ['iam.amazonaws.com', 'GetRole', () => ({ roleName: pick(ROLES) })],
  [
    'kinesis.amazonaws.com',
    'PutRecord',
    () => ({ streamName: pick(STREAMS), partitionKey: String(rnd(1000)) }),
  ],
  [
    'logs.amazonaws.com',
    'PutLogEvents',
    () => ({ logGroupName: pick(GROUPS), logStreamName: `2026/03/01/${rnd(20)}` }),
  ],
  ['ec2.amazonaws.com', 'DescribeInstances', () => ({ instancesSet: {}, filterSet: {} })],
  ['monitoring.amazonaws.com', 'PutMetricData', () => ({ namespace: 'App' })],
  ['ecr.amazonaws.com', 'GetAuthorizationToken', () => null],
  [
    'ecr.amazonaws.com',
    'BatchGetImage',
    () => ({ repositoryName: pick(['web', 'worker']), registryId: ACCOUNT }),
  ],
  [
    'states.amazonaws.com',
    'StartExecution',
    (r) => ({ stateMachineArn: `arn:aws:states:${r}:${ACCOUNT}:stateMachine:flow-${rnd(3)}` }),
  ],
  ['firehose.amazonaws.com', 'PutRecordBatch', () => ({ deliveryStreamName: pick(['events', 'clicks']) })],
  ['events.amazonaws.com', 'PutEvents', () => ({ entries: [{ source: 'app' }] })],
  ['glue.amazonaws.com', 'GetTable', () => ({ databaseName: 'lake', name: pick(['orders', 'users']) })],
  ['athena.amazonaws.com', 'StartQueryExecution', () => ({ workGroup: 'primary' })],
  ['cloudformation.amazonaws.com', 'DescribeStacks', () => ({ stackName: pick(['web', 'data']) })],
  ['elasticloadbalancing.amazonaws.com', 'DescribeLoadBalancers', () => null],
  ['rds.amazonaws.com', 'DescribeDBInstances', () => null],
  ['autoscaling.amazonaws.com', 'DescribeAutoScalingGroups', () => null],
  ['route53.amazonaws.com', 'ListHostedZones', () => null],
  [
    'acm.amazonaws.com',
    'DescribeCertificate',
    (r) => ({ certificateArn: `arn:aws:acm:${r}:${ACCOUNT}:certificate/${pick(KEY_IDS)}` }),
  ],
  ['codebuild.amazonaws.com', 'StartBuild', () => ({ projectName: pick(['web', 'api']) })],
  ['ecs.amazonaws.com', 'DescribeServices', () => ({ cluster: 'main', services: ['web'] })],
  ['cognito-idp.amazonaws.com', 'ListUsers', () => ({ userPoolId: 'us-east-1_EXAMPLE' })],
  ['xray.amazonaws.com', 'PutTraceSegments', () => null],
];

const start = Date.parse('2026-03-01T00:00:00Z');
let n = 0;
let file = 0;
while (n < EVENTS) {
  const count = Math.min(PER_FILE, EVENTS - n);
  const region = REGIONS[file % REGIONS.length];
  const records = [];
  for (let i = 0; i < count; i++, n++) {
    const t = new Date(start + n * 1000);
    const role = pick(ROLES);
    const [eventSource, eventName, params, resources] = pick(OPS);
    const record = {
      eventVersion: '1.09',
      userIdentity: {
        type: 'AssumedRole',
        principalId: `AROAEXAMPLE${role.length}:i-0${rnd(16)}`,
        arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/i-0${rnd(16)}`,
        accountId: ACCOUNT,
        accessKeyId: 'ASIAEXAMPLEKEY',
        sessionContext: {
          sessionIssuer: {
            type: 'Role',
            principalId: 'AROAEXAMPLE',
            arn: `arn:aws:iam::${ACCOUNT}:role/${role}`,
            accountId: ACCOUNT,
            userName: role,
          },
          attributes: { creationDate: '2026-03-01T00:00:00Z', mfaAuthenticated: 'false' },
        },
      },
      eventTime: t.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      eventSource,
      eventName,
      awsRegion: region,
      sourceIPAddress: '10.0.0.1',
      userAgent: 'aws-sdk-java/2.25.0 Linux/6.1 OpenJDK_64-Bit_Server_VM/17',
      requestParameters: params(region),
      responseElements: null,
      requestID: `${n.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`,
      eventID: `${(n * 7).toString(16).padStart(8, '0')}-1111-4000-8000-000000000000`,
      readOnly:
        eventName.startsWith('Get') || eventName.startsWith('Describe') || eventName.startsWith('List'),
      eventType: 'AwsApiCall',
      managementEvent: true,
      recipientAccountId: ACCOUNT,
      eventCategory: 'Management',
    };
    if (resources) record.resources = resources(region);
    // A few refused calls, as a real trail has.
    if (rnd(200) === 0) {
      record.errorCode = 'AccessDenied';
      record.errorMessage = 'not authorized';
    }
    records.push(record);
  }
  const day = new Date(start + (n - 1) * 1000);
  const dir = join(
    OUT,
    'AWSLogs',
    ACCOUNT,
    'CloudTrail',
    region,
    String(day.getUTCFullYear()),
    String(day.getUTCMonth() + 1).padStart(2, '0'),
    String(day.getUTCDate()).padStart(2, '0'),
  );
  mkdirSync(dir, { recursive: true });
  const name = `${ACCOUNT}_CloudTrail_${region}_${day.toISOString().replace(/[-:]/g, '').slice(0, 13)}Z_${String(file).padStart(6, '0')}.json.gz`;
  writeFileSync(join(dir, name), gzipSync(JSON.stringify({ Records: records }), { level: 1 }));
  file++;
}
process.stderr.write(`gen-cloudtrail: ${EVENTS} events in ${file} files under ${OUT}\n`);
