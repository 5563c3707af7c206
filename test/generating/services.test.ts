/**
 * One CloudTrail log file per service (test/fixtures/cloudtrail/services/*.json, records written after the
 * event examples of each service's CloudTrail documentation), each with the policy and the crud template
 * entries expected of it. The expectations come from the services' documented authorization (which action
 * an API call needs, the ARN of the resource it names), not from running generate.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parse } from 'yaml';
import { openDatabase } from '../../src/database/store.js';
import { bundledDatabasePath } from '../../src/database/select.js';
import { generate } from '../../src/generating/generate.js';
import { lintPolicy } from '../../src/linting/lint.js';
import { parseTemplate } from '../../src/writing/template/parse.js';
import { writePolicy } from '../../src/writing/policy/write.js';
import { actionMatches } from '../../src/querying/expand.js';
import { matchesWildcard } from '../../src/util/wildcard.js';

const db = openDatabase(bundledDatabasePath());
const DIR = 'test/fixtures/cloudtrail/services';
const A = '111122223333';
const R = 'us-east-1';

type Stmt = [sid: string, actions: string[], resources: string[]];
interface Case {
  policy: Stmt[];
  /** Template section -> entries. */
  template: Record<string, string[]>;
}

const CASES: Record<string, Case> = {
  s3: {
    // GetObject is authorized on the object; ListObjects (ListObjectsV1) needs s3:ListBucket on the bucket.
    policy: [
      ['S3ListBucket', ['s3:ListBucket'], ['arn:aws:s3:::amzn-s3-demo-bucket']],
      ['S3ReadObject', ['s3:GetObject'], ['arn:aws:s3:::amzn-s3-demo-bucket/reports/summary.csv']],
    ],
    template: {
      list: ['arn:aws:s3:::amzn-s3-demo-bucket'],
      read: ['arn:aws:s3:::amzn-s3-demo-bucket/reports/summary.csv'],
    },
  },
  dynamodb: {
    policy: [['DynamodbWriteTable', ['dynamodb:PutItem'], [`arn:aws:dynamodb:${R}:${A}:table/Orders`]]],
    template: { write: [`arn:aws:dynamodb:${R}:${A}:table/Orders`] },
  },
  sqs: {
    // The queue URL names the account and queue: https://sqs.REGION.amazonaws.com/ACCOUNT/NAME.
    policy: [['SqsWriteQueue', ['sqs:SendMessage'], [`arn:aws:sqs:${R}:${A}:order-jobs`]]],
    template: { write: [`arn:aws:sqs:${R}:${A}:order-jobs`] },
  },
  sns: {
    policy: [['SnsWriteTopic', ['sns:Publish'], [`arn:aws:sns:${R}:${A}:order-events`]]],
    template: { write: [`arn:aws:sns:${R}:${A}:order-events`] },
  },
  lambda: {
    // CloudTrail logs the Invoke API; the action is lambda:InvokeFunction.
    policy: [
      ['LambdaWriteFunction', ['lambda:InvokeFunction'], [`arn:aws:lambda:${R}:${A}:function:resize-image`]],
    ],
    template: { write: [`arn:aws:lambda:${R}:${A}:function:resize-image`] },
  },
  kms: {
    // The key is named only in the record's resources (the request carries the ciphertext).
    policy: [
      ['KmsWriteKey', ['kms:Decrypt'], [`arn:aws:kms:${R}:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`]],
    ],
    template: { write: [`arn:aws:kms:${R}:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`] },
  },
  secretsmanager: {
    // A secret asked for by name: its ARN ends in the name, '-' and six random characters.
    policy: [
      [
        'SecretsmanagerReadSecret',
        ['secretsmanager:GetSecretValue'],
        [`arn:aws:secretsmanager:${R}:${A}:secret:prod/app/db-password-??????`],
      ],
    ],
    template: { read: [`arn:aws:secretsmanager:${R}:${A}:secret:prod/app/db-password-??????`] },
  },
  ssm: {
    // Parameter ARNs drop the leading slash of the name: parameter/app/prod/db-host.
    policy: [
      ['SsmReadParameter', ['ssm:GetParameter'], [`arn:aws:ssm:${R}:${A}:parameter/app/prod/db-host`]],
    ],
    template: { read: [`arn:aws:ssm:${R}:${A}:parameter/app/prod/db-host`] },
  },
  sts: {
    policy: [['StsWriteRole', ['sts:AssumeRole'], [`arn:aws:iam::${A}:role/reporting-reader`]]],
    template: { 'assume-role': [`arn:aws:iam::${A}:role/reporting-reader`] },
  },
  iam: {
    // IAM is global: no region in its ARNs.
    policy: [['IamReadRole', ['iam:GetRole'], [`arn:aws:iam::${A}:role/reporting-reader`]]],
    template: { read: [`arn:aws:iam::${A}:role/reporting-reader`] },
  },
  kinesis: {
    policy: [['KinesisWriteStream', ['kinesis:PutRecord'], [`arn:aws:kinesis:${R}:${A}:stream/clickstream`]]],
    template: { write: [`arn:aws:kinesis:${R}:${A}:stream/clickstream`] },
  },
  logs: {
    // Both calls name the group and the stream; the database authorizes both actions on the log stream.
    policy: [
      [
        'LogsWriteLogstream',
        ['logs:CreateLogStream', 'logs:PutLogEvents'],
        [`arn:aws:logs:${R}:${A}:log-group:/app/web:log-stream:2026/03/01/web-1`],
      ],
    ],
    // write-policy's crud matching cuts ARNs at every '/', so it places no ARN of a log group named with
    // slashes: crud can only grant these on "*" (--policy keeps the exact ARN).
    template: { 'skip-resource-constraints': ['logs:CreateLogStream', 'logs:PutLogEvents'] },
  },
  ec2: {
    // DescribeInstances takes no resource; StopInstances names its instance in instancesSet.
    policy: [
      ['MultMultNone', ['ec2:DescribeInstances'], ['*']],
      ['Ec2WriteInstance', ['ec2:StopInstances'], [`arn:aws:ec2:${R}:${A}:instance/i-0123456789abcdef0`]],
    ],
    template: {
      'single-actions': ['ec2:DescribeInstances'],
      write: [`arn:aws:ec2:${R}:${A}:instance/i-0123456789abcdef0`],
    },
  },
  cloudwatch: {
    // Event source monitoring.amazonaws.com is CloudWatch; PutMetricData takes no resource.
    policy: [['MultMultNone', ['cloudwatch:PutMetricData'], ['*']]],
    template: { 'single-actions': ['cloudwatch:PutMetricData'] },
  },
  ecr: {
    policy: [['EcrReadRepository', ['ecr:BatchGetImage'], [`arn:aws:ecr:${R}:${A}:repository/web-app`]]],
    template: { read: [`arn:aws:ecr:${R}:${A}:repository/web-app`] },
  },
  states: {
    policy: [
      [
        'StatesWriteStatemachine',
        ['states:StartExecution'],
        [`arn:aws:states:${R}:${A}:stateMachine:order-flow`],
      ],
    ],
    template: { write: [`arn:aws:states:${R}:${A}:stateMachine:order-flow`] },
  },
  firehose: {
    policy: [
      [
        'FirehoseWriteDeliverystream',
        ['firehose:PutRecord'],
        [`arn:aws:firehose:${R}:${A}:deliverystream/events-to-s3`],
      ],
    ],
    template: { write: [`arn:aws:firehose:${R}:${A}:deliverystream/events-to-s3`] },
  },
};

/** The template's non-empty lists, by section name (wildcard-only and sts flattened). */
function sections(yamlText: string): Record<string, string[]> {
  const doc = parse(yamlText) as Record<string, unknown>;
  const out: Record<string, string[]> = {};
  const visit = (o: Record<string, unknown>) => {
    for (const [k, v] of Object.entries(o)) {
      if (Array.isArray(v) && v.length > 0) out[k] = v as string[];
      else if (v && typeof v === 'object' && !Array.isArray(v)) visit(v as Record<string, unknown>);
    }
  };
  visit(doc);
  return out;
}

function allows(
  policy: { Statement: { Action: string[]; Resource: string[] }[] },
  action: string,
  arn: string,
) {
  return policy.Statement.some(
    (s) =>
      s.Action.some((a) => actionMatches(a, action)) &&
      s.Resource.some((r) => matchesWildcard(r, arn, { caseSensitive: true })),
  );
}

test('at least 15 services have a fixture', () => {
  assert.ok(Object.keys(CASES).length >= 15);
});

for (const [service, expected] of Object.entries(CASES)) {
  test(`${service}: the CloudTrail fixture gives the expected policy and template`, async () => {
    const r = await generate(db, [join(DIR, `${service}.json`)], { from: 'cloudtrail' });
    assert.deepEqual(r.problems, []);
    const policy = r.policy();
    assert.deepEqual(
      policy.Statement.map((s) => [s.Sid, s.Action, s.Resource]),
      expected.policy,
    );
    assert.ok(policy.Statement.every((s) => s.Effect === 'Allow'));
    const errors = lintPolicy(db, policy).filter((f) => f.severity === 'error');
    assert.deepEqual(errors, []);
    const template = r.template();
    assert.deepEqual(sections(template), expected.template);
    // The template is a valid write-policy template, and its policy grants at least what the calls did.
    const fromTemplate = writePolicy(db, parseTemplate(template, `${service}.yml`));
    for (const [, actions, resources] of expected.policy) {
      for (const a of actions)
        for (const res of resources) assert.ok(allows(fromTemplate, a, res), `${a} on ${res}`);
    }
  });
}

test('each template entry says how many events asked for it', async () => {
  const r = await generate(db, [join(DIR, 's3.json')], { from: 'cloudtrail' });
  assert.match(
    r.template(),
    /\nlist:\n {2}# 1 event: s3:ListBucket \(1\)\n {2}- arn:aws:s3:::amzn-s3-demo-bucket\n/,
  );
});
