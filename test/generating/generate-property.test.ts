/**
 * Properties of generate over random CloudTrail events of 19 kinds (random accounts, regions, principals and
 * resource names): for every event, the generated policy allows the event's action on the event's resource,
 * judged by the project's own matchers (querying/expand.ts actionMatches, util/wildcard.ts); the same holds
 * for the policy write-policy makes of the generated template; and neither policy draws a lint error. With
 * --generalize the policy still allows every event, and each generalized ARN keeps its resource type's
 * shape. The action and ARN expected of each kind are written here from AWS's documentation, not taken
 * from generate. Seeded; IAMWRIGHT_FC_SEED / IAMWRIGHT_FC_RUNS explore further.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { openDatabase } from '../../src/database/store.js';
import { bundledDatabasePath } from '../../src/database/select.js';
import { OperationMap } from '../../src/querying/operations.js';
import { actionMatches } from '../../src/querying/expand.js';
import { matchesWildcard } from '../../src/util/wildcard.js';
import { lintPolicy } from '../../src/linting/lint.js';
import { CallResolver } from '../../src/generating/resolve.js';
import { Tally } from '../../src/generating/tally.js';
import { callOfRecord } from '../../src/generating/record.js';
import { exactPolicy, renderTemplate } from '../../src/generating/output.js';
import { bindArnFormat } from '../../src/generating/arn-format.js';
import { parseTemplate } from '../../src/writing/template/parse.js';
import { writePolicy } from '../../src/writing/policy/write.js';
import type { PolicyDocument } from '../../src/writing/types.js';

const SEED = Number(process.env.IAMWRIGHT_FC_SEED ?? 20261130);
const RUNS = Number(process.env.IAMWRIGHT_FC_RUNS ?? 150);

const db = openDatabase(bundledDatabasePath());
const map = new OperationMap(db);

interface Ctx {
  account: string;
  region: string;
  name: string;
  name2: string;
  key: string;
  suffix: string;
}

/** One kind of event: its source and name, its request, and the action and ARN it needs. */
interface Kind {
  source: string;
  event: string;
  params: (c: Ctx) => Record<string, unknown>;
  resources?: (c: Ctx) => { ARN: string }[];
  action: string;
  /** The ARN the call acted on; undefined for actions that take no resource. */
  arn?: (c: Ctx) => string;
}

const KINDS: Kind[] = [
  {
    source: 's3.amazonaws.com',
    event: 'GetObject',
    params: (c) => ({ bucketName: c.name, key: c.key }),
    action: 's3:GetObject',
    arn: (c) => `arn:aws:s3:::${c.name}/${c.key}`,
  },
  {
    source: 's3.amazonaws.com',
    event: 'PutObject',
    params: (c) => ({ bucketName: c.name, key: c.key }),
    action: 's3:PutObject',
    arn: (c) => `arn:aws:s3:::${c.name}/${c.key}`,
  },
  {
    source: 's3.amazonaws.com',
    event: 'HeadObject',
    params: (c) => ({ bucketName: c.name, key: c.key }),
    action: 's3:GetObject',
    arn: (c) => `arn:aws:s3:::${c.name}/${c.key}`,
  },
  {
    source: 's3.amazonaws.com',
    event: 'ListObjectsV2',
    params: (c) => ({ bucketName: c.name, 'list-type': '2' }),
    action: 's3:ListBucket',
    arn: (c) => `arn:aws:s3:::${c.name}`,
  },
  {
    source: 'dynamodb.amazonaws.com',
    event: 'GetItem',
    params: (c) => ({ tableName: c.name }),
    action: 'dynamodb:GetItem',
    arn: (c) => `arn:aws:dynamodb:${c.region}:${c.account}:table/${c.name}`,
  },
  {
    source: 'dynamodb.amazonaws.com',
    event: 'Query',
    params: (c) => ({ tableName: c.name, indexName: c.name2 }),
    action: 'dynamodb:Query',
    arn: (c) => `arn:aws:dynamodb:${c.region}:${c.account}:table/${c.name}`,
  },
  {
    source: 'sqs.amazonaws.com',
    event: 'ReceiveMessage',
    params: (c) => ({ queueUrl: `https://sqs.${c.region}.amazonaws.com/${c.account}/${c.name}` }),
    action: 'sqs:ReceiveMessage',
    arn: (c) => `arn:aws:sqs:${c.region}:${c.account}:${c.name}`,
  },
  {
    source: 'sns.amazonaws.com',
    event: 'Publish',
    params: (c) => ({ topicArn: `arn:aws:sns:${c.region}:${c.account}:${c.name}` }),
    action: 'sns:Publish',
    arn: (c) => `arn:aws:sns:${c.region}:${c.account}:${c.name}`,
  },
  {
    source: 'lambda.amazonaws.com',
    event: 'Invoke',
    params: (c) => ({ functionName: c.name }),
    action: 'lambda:InvokeFunction',
    arn: (c) => `arn:aws:lambda:${c.region}:${c.account}:function:${c.name}`,
  },
  {
    source: 'secretsmanager.amazonaws.com',
    event: 'GetSecretValue',
    params: (c) => ({ secretId: `${c.name}/${c.name2}` }),
    action: 'secretsmanager:GetSecretValue',
    // The secret's real ARN: its name, '-' and six random characters.
    arn: (c) => `arn:aws:secretsmanager:${c.region}:${c.account}:secret:${c.name}/${c.name2}-${c.suffix}`,
  },
  {
    source: 'ssm.amazonaws.com',
    event: 'GetParameter',
    params: (c) => ({ name: `/${c.name}/${c.name2}` }),
    action: 'ssm:GetParameter',
    arn: (c) => `arn:aws:ssm:${c.region}:${c.account}:parameter/${c.name}/${c.name2}`,
  },
  {
    source: 'kinesis.amazonaws.com',
    event: 'PutRecord',
    params: (c) => ({ streamName: c.name, partitionKey: c.key }),
    action: 'kinesis:PutRecord',
    arn: (c) => `arn:aws:kinesis:${c.region}:${c.account}:stream/${c.name}`,
  },
  {
    source: 'iam.amazonaws.com',
    event: 'GetRole',
    params: (c) => ({ roleName: c.name }),
    action: 'iam:GetRole',
    arn: (c) => `arn:aws:iam::${c.account}:role/${c.name}`,
  },
  {
    source: 'sts.amazonaws.com',
    event: 'AssumeRole',
    params: (c) => ({ roleArn: `arn:aws:iam::${c.account}:role/${c.name}`, roleSessionName: c.name2 }),
    action: 'sts:AssumeRole',
    arn: (c) => `arn:aws:iam::${c.account}:role/${c.name}`,
  },
  {
    source: 'kms.amazonaws.com',
    event: 'Decrypt',
    params: () => ({ encryptionAlgorithm: 'SYMMETRIC_DEFAULT' }),
    resources: (c) => [
      { ARN: `arn:aws:kms:${c.region}:${c.account}:key/${c.suffix}-1111-2222-3333-444455556666` },
    ],
    action: 'kms:Decrypt',
    arn: (c) => `arn:aws:kms:${c.region}:${c.account}:key/${c.suffix}-1111-2222-3333-444455556666`,
  },
  {
    source: 'ecr.amazonaws.com',
    event: 'BatchGetImage',
    params: (c) => ({ repositoryName: c.name, imageIds: [{ imageTag: 'latest' }] }),
    action: 'ecr:BatchGetImage',
    arn: (c) => `arn:aws:ecr:${c.region}:${c.account}:repository/${c.name}`,
  },
  {
    source: 'states.amazonaws.com',
    event: 'StartExecution',
    params: (c) => ({ stateMachineArn: `arn:aws:states:${c.region}:${c.account}:stateMachine:${c.name}` }),
    action: 'states:StartExecution',
    arn: (c) => `arn:aws:states:${c.region}:${c.account}:stateMachine:${c.name}`,
  },
  {
    source: 'ec2.amazonaws.com',
    event: 'StopInstances',
    params: (c) => ({ instancesSet: { items: [{ instanceId: `i-0${c.suffix}` }] } }),
    action: 'ec2:StopInstances',
    arn: (c) => `arn:aws:ec2:${c.region}:${c.account}:instance/i-0${c.suffix}`,
  },
  {
    source: 'monitoring.amazonaws.com',
    event: 'PutMetricData',
    params: () => ({ namespace: 'App' }),
    action: 'cloudwatch:PutMetricData',
  },
];

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/);
const ctx = fc.record({
  account: fc.stringMatching(/^\d{12}$/),
  region: fc.constantFrom('us-east-1', 'eu-west-3', 'ap-southeast-2'),
  name,
  name2: name,
  key: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,10}(\/[A-Za-z0-9._-]{1,10}){0,3}$/),
  suffix: fc.stringMatching(/^[a-f0-9]{6}$/),
});
const events = fc.array(fc.tuple(fc.integer({ min: 0, max: KINDS.length - 1 }), ctx), {
  minLength: 1,
  maxLength: 8,
});

function record(kind: Kind, c: Ctx) {
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'AssumedRole',
      arn: `arn:aws:sts::${c.account}:assumed-role/app/s`,
      accountId: c.account,
    },
    eventTime: '2026-03-01T10:00:00Z',
    eventSource: kind.source,
    eventName: kind.event,
    awsRegion: c.region,
    requestParameters: kind.params(c),
    ...(kind.resources ? { resources: kind.resources(c) } : {}),
    eventType: 'AwsApiCall',
    recipientAccountId: c.account,
  };
}

function allows(policy: PolicyDocument, action: string, arn: string | undefined): boolean {
  return policy.Statement.some(
    (s) =>
      s.Effect === 'Allow' &&
      s.Action.some((a) => actionMatches(a, action)) &&
      s.Resource.some(
        (r) => r === '*' || (arn !== undefined && matchesWildcard(r, arn, { caseSensitive: true })),
      ),
  );
}

function run(list: [number, Ctx][], generalize: boolean) {
  const resolver = new CallResolver(db, map, { generalize });
  const tally = new Tally(resolver);
  for (const [i, c] of list) {
    const call = callOfRecord(record(KINDS[i], c));
    assert.ok(typeof call === 'object');
    tally.add(call);
  }
  return { tally, resolver };
}

test('every event is allowed by the generated policy, which lints without error', () => {
  fc.assert(
    fc.property(events, (list) => {
      const { tally } = run(list, false);
      assert.equal(tally.unknownOperations.size + tally.unknownServices.size, 0);
      const policy = exactPolicy(db, tally);
      for (const [i, c] of list) {
        const k = KINDS[i];
        assert.ok(allows(policy, k.action, k.arn?.(c)), `${k.action} on ${k.arn?.(c)}`);
      }
      // Least privilege: nothing on "*" but the actions that take no resource.
      for (const s of policy.Statement) {
        if (s.Resource.includes('*')) assert.deepEqual(s.Action, ['cloudwatch:PutMetricData']);
      }
      assert.deepEqual(
        lintPolicy(db, policy).filter((f) => f.severity === 'error'),
        [],
      );
      const fromTemplate = writePolicy(
        db,
        parseTemplate(renderTemplate(tally, { lines: [], name: 'p' }), 't.yml'),
      );
      for (const [i, c] of list) {
        const k = KINDS[i];
        assert.ok(allows(fromTemplate, k.action, k.arn?.(c)), `template: ${k.action} on ${k.arn?.(c)}`);
      }
      assert.deepEqual(
        lintPolicy(db, fromTemplate).filter((f) => f.severity === 'error'),
        [],
      );
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test("--generalize still allows every event and keeps each ARN in its resource type's shape", () => {
  fc.assert(
    fc.property(events, (list) => {
      const { tally, resolver } = run(list, true);
      const policy = exactPolicy(db, tally);
      for (const [i, c] of list) {
        const k = KINDS[i];
        assert.ok(allows(policy, k.action, k.arn?.(c)), `${k.action} on ${k.arn?.(c)}`);
      }
      for (const s of policy.Statement) {
        for (const r of s.Resource) {
          if (r === '*') continue;
          // A `*` stands for one whole placeholder value: put a value back and the ARN fits a format.
          const back = r.split('*').join('x');
          const fits = s.Action.every((a) => resolver.action(a)!.formats.some((f) => bindArnFormat(f, back)));
          assert.ok(fits, `${r} keeps the shape of ${s.Action.join(', ')}`);
        }
      }
      assert.deepEqual(
        lintPolicy(db, policy).filter((f) => f.severity === 'error'),
        [],
      );
    }),
    { seed: SEED, numRuns: RUNS },
  );
});

test('any JSON at all in a log file, a JSON line or a CSV cell: reported or used, never thrown', async () => {
  const { readJsonText } = await import('../../src/generating/read-events.js');
  const { callOfLine } = await import('../../src/generating/read-calls.js');
  const { callOfRow } = await import('../../src/generating/record.js');
  const value = fc.anything({ maxDepth: 4 });
  // Records made of CloudTrail's keys with values of any type, and plain anything.
  const recordish = fc.record(
    {
      eventSource: fc.oneof(
        fc.constantFrom('s3.amazonaws.com', 'sqs.amazonaws.com', 'kms.amazonaws.com'),
        value,
      ),
      eventName: fc.oneof(fc.constantFrom('GetObject', 'SendMessage', 'Decrypt'), value),
      requestParameters: fc.oneof(
        fc.dictionary(fc.constantFrom('bucketName', 'key', 'queueUrl', 'keyId', 'names'), value),
        value,
      ),
      resources: fc.oneof(fc.array(fc.record({ ARN: value })), value),
      userIdentity: value,
      eventTime: value,
      recipientAccountId: value,
      awsRegion: value,
      errorCode: value,
    },
    { requiredKeys: [] },
  );
  fc.assert(
    fc.property(fc.array(fc.oneof(recordish, value), { maxLength: 6 }), fc.string(), (records, line) => {
      const resolver = new CallResolver(db, map, { generalize: true });
      const tally = new Tally(resolver, { since: 0 });
      const sink = {
        call: (c: Parameters<Tally['add']>[0]) => tally.add(c),
        problem: () => {},
        counts: { files: 0, notApiCalls: 0 },
      };
      readJsonText('f.json', JSON.stringify({ Records: records }), sink);
      readJsonText('f.json', JSON.stringify(records), sink);
      for (const r of records)
        if (r && typeof r === 'object' && !Array.isArray(r)) callOfRow(r as Record<string, unknown>);
      callOfLine(line);
      const policy = exactPolicy(db, tally);
      renderTemplate(tally, { lines: [], name: 'x' });
      // An empty policy is not written (the CLI says so instead); any other must lint clean.
      if (policy.Statement.length > 0)
        assert.deepEqual(
          lintPolicy(db, policy).filter((f) => f.severity === 'error'),
          [],
        );
    }),
    { seed: SEED, numRuns: RUNS },
  );
});
