// The operation map over the bundled database: the examples, entries derived from API links checked
// against the AWS pages, the version suffixes CloudTrail writes, event sources and SDK client names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { join } from 'node:path';
import { openDatabase } from '../../src/database/index.js';
import { OperationMap, operationOfApiLink, withoutApiVersion } from '../../src/querying/operations.js';
import { ROOT } from '../support/paths.js';

const db = openDatabase(join(ROOT, 'data', 'db'));
const map = new OperationMap(db);

test("the issue's examples: S3 ListObjectsV2 and HeadObject, CloudWatch's event source", () => {
  assert.deepEqual(map.lookup('s3', 'ListObjectsV2')?.actions, ['s3:ListBucket']);
  assert.deepEqual(map.lookup('s3', 'HeadObject')?.actions, ['s3:GetObject']);
  assert.equal(map.lookup('s3', 'HeadObject')?.source, 'exception');
  assert.equal(map.serviceForEventSource('monitoring.amazonaws.com'), 'cloudwatch');
});

test('operations that need several actions list them all', () => {
  assert.deepEqual(map.lookup('s3', 'CopyObject')?.actions, ['s3:GetObject', 's3:PutObject']);
  assert.deepEqual(map.lookup('kms', 'ReEncrypt')?.actions, ['kms:ReEncryptFrom', 'kms:ReEncryptTo']);
});

// Each expectation below was read off the action's row in ../shared/aws-docs (the link in the Actions
// column), not from the map's output: list_amazons3.html, list_awslambda.html, list_amazondynamodb.html,
// list_awswafregional.html.
test('API links name the operation, the action named on the page authorizes it', () => {
  const fromPages: [string, string, string][] = [
    ['s3', 'ListBuckets', 's3:ListAllMyBuckets'], // row ListAllMyBuckets -> API_ListBuckets.html
    ['s3', 'GetBucketCors', 's3:GetBucketCORS'], // row GetBucketCORS -> API_GetBucketCors.html
    ['s3', 'ListObjectVersions', 's3:ListBucketVersions'], // row ListBucketVersions -> API_ListObjectVersions.html
    ['s3', 'GetAccessPoint', 's3:GetAccessPoint'], // row GetAccessPoint -> API_control_GetAccessPoint.html
    ['lambda', 'Invoke', 'lambda:InvokeFunction'], // row InvokeFunction -> API_Invoke.html
    ['dynamodb', 'ConditionCheck', 'dynamodb:ConditionCheckItem'], // row ConditionCheckItem -> API_ConditionCheck.html
    ['waf-regional', 'CreateByteMatchSet', 'waf-regional:CreateByteMatchSet'], // -> API_wafRegional_CreateByteMatchSet.html
  ];
  for (const [service, operation, action] of fromPages) {
    const entry = map.lookup(service, operation);
    assert.deepEqual(entry, { service, operation, actions: [action], source: 'api-link' }, operation);
  }
});

test('an operation several actions link, none named like it, is left out and reported', () => {
  // list_amazondynamodb.html: PartiQLDelete, PartiQLInsert, PartiQLSelect and PartiQLUpdate all link
  // API_ExecuteStatement.html; which one a call needs depends on its statement.
  assert.equal(map.lookup('dynamodb', 'ExecuteStatement'), undefined);
  assert.deepEqual(map.ambiguous('dynamodb'), [
    {
      service: 'dynamodb',
      operation: 'ExecuteStatement',
      candidates: [
        'dynamodb:PartiQLDelete',
        'dynamodb:PartiQLInsert',
        'dynamodb:PartiQLSelect',
        'dynamodb:PartiQLUpdate',
      ],
    },
  ]);
  // Several actions link API_GetObject.html on S3 on Outposts; the one named GetObject is chosen.
  assert.deepEqual(map.lookup('s3-outposts', 'GetObject')?.actions, ['s3-outposts:GetObject']);
});

test('an action without a link to its operation is mapped by its own name', () => {
  // es:CreateElasticsearchDomain links the newer API's CreateDomain page; the legacy call keeps its name.
  assert.deepEqual(map.lookup('es', 'CreateElasticsearchDomain'), {
    service: 'es',
    operation: 'CreateElasticsearchDomain',
    actions: ['es:CreateElasticsearchDomain'],
    source: 'action-name',
  });
});

test('names are compared without regard to case; results use the database spelling', () => {
  const entry = map.lookup('S3', 'listobjectsv2');
  assert.equal(entry?.service, 's3');
  assert.equal(entry?.operation, 'ListObjectsV2');
  assert.deepEqual(map.lookup('s3', 'getbucketcors')?.actions, ['s3:GetBucketCORS']);
  assert.equal(map.serviceForEventSource('S3.AmazonAWS.com'), 's3');
  assert.equal(map.serviceForEventSource('MONITORING.amazonaws.com'), 'cloudwatch');
  assert.equal(map.serviceForSdkName('dynamodb'), 'dynamodb');
  assert.equal(map.serviceForSdkName('cloudwatchlogs'), 'logs');
});

test('unknown services and operations are undefined', () => {
  assert.equal(map.lookup('nosuchservice', 'GetObject'), undefined);
  assert.equal(map.lookup('s3', 'NoSuchOperation'), undefined);
  assert.equal(map.lookup('s3', ''), undefined);
  assert.equal(map.serviceForEventSource('nosuchservice.amazonaws.com'), undefined);
  assert.equal(map.serviceForEventSource('s3.amazonaws.com/../iam'), undefined);
  assert.equal(map.serviceForEventSource(''), undefined);
  assert.equal(map.serviceForSdkName('NoSuchClient'), undefined);
  assert.equal(map.serviceForSdkName(''), undefined);
  assert.deepEqual(map.entries('nosuchservice'), []);
  assert.deepEqual(map.ambiguous('nosuchservice'), []);
  // A library caller passing the wrong type gets undefined, not a crash.
  assert.equal(map.lookup(undefined as unknown as string, 'x'), undefined);
  assert.equal(map.serviceForEventSource(null as unknown as string), undefined);
});

test('event names CloudTrail writes with an API version find the operation', () => {
  assert.equal(map.lookup('lambda', 'GetFunction20150331v2')?.operation, 'GetFunction');
  assert.deepEqual(map.lookup('lambda', 'ListFunctions20150331')?.actions, ['lambda:ListFunctions']);
  assert.deepEqual(map.lookup('cloudfront', 'CreateDistribution2020_05_31')?.actions, [
    'cloudfront:CreateDistribution',
  ]);
  assert.equal(withoutApiVersion('ListObjectsV2'), 'ListObjectsV2');
  assert.equal(withoutApiVersion('Invoke'), 'Invoke');
  assert.equal(withoutApiVersion('UpdateFunctionConfiguration20150331v2'), 'UpdateFunctionConfiguration');
  // Digits that are not a date stay: an operation may end in a number.
  assert.equal(withoutApiVersion('DescribeDBClusters2'), 'DescribeDBClusters2');
});

test('API documentation links: the operation is the last part of API_<...>.html', () => {
  const base = 'https://docs.aws.amazon.com/AmazonS3/latest/API/';
  assert.equal(operationOfApiLink(`${base}API_ListObjectsV2.html`), 'ListObjectsV2');
  assert.equal(operationOfApiLink(`${base}API_control_GetAccessPoint.html`), 'GetAccessPoint');
  assert.equal(operationOfApiLink(`${base}API_GetObject.html#x`), 'GetObject');
  assert.equal(operationOfApiLink(`${base}userguide/object-lock.html`), undefined);
  assert.equal(operationOfApiLink(''), undefined);
  assert.equal(operationOfApiLink(`${base}API_lower.html`), undefined);
  // An API reference's index of operations names none.
  assert.equal(operationOfApiLink(`${base}API_Operations.html`), undefined);
  assert.equal(operationOfApiLink(`${base}API_Operations_AWS_Budgets.html`), undefined);
});

test('event sources whose host is not the prefix', () => {
  assert.equal(map.serviceForEventSource('s3.amazonaws.com'), 's3');
  assert.equal(map.serviceForEventSource('monitoring'), 'cloudwatch');
  assert.equal(map.serviceForEventSource('tagging.amazonaws.com'), 'tag');
  assert.equal(map.serviceForEventSource('pinpoint.amazonaws.com'), 'mobiletargeting');
  assert.equal(map.serviceForEventSource('cloudcontrolapi.amazonaws.com'), 'cloudformation');
  assert.equal(map.serviceForEventSource('elasticloadbalancing.amazonaws.com'), 'elasticloadbalancing');
  assert.equal(map.serviceForEventSource('execute-api.amazonaws.com'), 'execute-api');
  assert.equal(map.serviceForEventSource('states.amazonaws.com'), 'states');
  assert.equal(map.serviceForEventSource('rdsdata.amazonaws.com'), 'rds-data');
});

test('SDK client names', () => {
  const expected: [string, string][] = [
    ['S3', 's3'],
    ['DynamoDB', 'dynamodb'],
    ['CloudWatch', 'cloudwatch'],
    ['ElasticLoadBalancingV2', 'elasticloadbalancing'],
    ['ElasticLoadBalancing', 'elasticloadbalancing'],
    ['CloudWatchLogs', 'logs'],
    ['CloudWatch Logs', 'logs'],
    ['SFN', 'states'],
    ['ACMPCA', 'acm-pca'],
    ['ACM PCA', 'acm-pca'],
    ['CognitoIdentityProvider', 'cognito-idp'],
    ['SESv2', 'ses'],
    ['BedrockRuntime', 'bedrock'],
    ['S3Control', 's3'],
  ];
  for (const [name, prefix] of expected) assert.equal(map.serviceForSdkName(name), prefix, name);
});

test('entries are sorted, match lookup, and are copies', () => {
  const entries = map.entries('sqs');
  const names = entries.map((e) => e.operation.toLowerCase());
  assert.deepEqual(names, [...names].sort());
  for (const e of entries) assert.deepEqual(map.lookup('sqs', e.operation), e);
  entries[0].actions.push('sqs:Mutated');
  assert.ok(!map.entries('sqs')[0].actions.includes('sqs:Mutated'));
  const one = map.lookup('s3', 'CopyObject');
  one?.actions.pop();
  assert.equal(map.lookup('s3', 'CopyObject')?.actions.length, 2);
});

test('property: any casing of a known operation finds the same entry', () => {
  const services = ['s3', 'lambda', 'dynamodb', 'ec2', 'kms', 'sts', 'iam', 'sqs'];
  const all = services.flatMap((s) => map.entries(s));
  fc.assert(
    fc.property(
      fc.constantFrom(...all),
      fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
      (entry, flips) => {
        const cased = [...entry.operation]
          .map((c, i) => (flips[i % 64] ? c.toUpperCase() : c.toLowerCase()))
          .join('');
        assert.deepEqual(map.lookup(entry.service.toUpperCase(), cased), entry);
      },
    ),
  );
});

test('every entry of every service names actions that exist in the database', () => {
  let entries = 0;
  for (const { prefix } of db.listServices()) {
    for (const e of map.entries(prefix)) {
      entries++;
      assert.ok(e.actions.length > 0, `${prefix} ${e.operation}`);
      for (const a of e.actions) {
        const [p, name] = a.split(':');
        const action = db.service(p)?.action(name);
        assert.ok(action, `${prefix} ${e.operation}: ${a}`);
        // In the database's spelling.
        assert.equal(a, `${db.service(p)?.prefix}:${action.name}`);
      }
    }
  }
  assert.ok(entries > 15_000, String(entries));
});

test('a CloudTrail event or an SDK call in one step', () => {
  assert.deepEqual(map.forEvent('monitoring.amazonaws.com', 'PutMetricData')?.actions, [
    'cloudwatch:PutMetricData',
  ]);
  assert.deepEqual(map.forEvent('lambda.amazonaws.com', 'Invoke')?.actions, ['lambda:InvokeFunction']);
  assert.deepEqual(map.forEvent('s3.amazonaws.com', 'HeadBucket')?.actions, ['s3:ListBucket']);
  assert.equal(map.forEvent('nosuch.amazonaws.com', 'GetObject'), undefined);
  assert.equal(map.forEvent('s3.amazonaws.com', 'NoSuchCall'), undefined);
  assert.deepEqual(map.forSdkCall('S3', 'ListObjectsV2')?.actions, ['s3:ListBucket']);
  assert.deepEqual(map.forSdkCall('CloudWatchLogs', 'PutLogEvents')?.actions, ['logs:PutLogEvents']);
  assert.deepEqual(map.forSdkCall('S3', 'CreateSession')?.actions, ['s3express:CreateSession']);
  assert.equal(map.forSdkCall('NoSuchClient', 'GetObject'), undefined);
});

test("API Gateway's management calls: the HTTP method their verb stands for", () => {
  assert.deepEqual(map.lookup('apigateway', 'GetRestApis'), {
    service: 'apigateway',
    operation: 'GetRestApis',
    actions: ['apigateway:GET'],
    source: 'exception',
    reason: map.lookup('apigateway', 'CreateDeployment')?.reason,
  });
  assert.deepEqual(map.forEvent('apigateway.amazonaws.com', 'CreateDeployment')?.actions, [
    'apigateway:POST',
  ]);
  assert.deepEqual(map.lookup('apigateway', 'updatestage')?.actions, ['apigateway:PATCH']);
  assert.deepEqual(map.lookup('apigateway', 'DeleteRestApi')?.actions, ['apigateway:DELETE']);
  assert.deepEqual(map.lookup('apigateway', 'PutIntegration')?.actions, ['apigateway:PUT']);
  assert.deepEqual(map.lookup('apigateway', 'GenerateClientCertificate')?.actions, ['apigateway:POST']);
  // A named action keeps its own entry; verbs left out and bare verbs find nothing.
  assert.deepEqual(map.lookup('apigateway', 'GetPortal')?.actions, ['apigateway:GetPortal']);
  assert.equal(map.lookup('apigateway', 'ImportRestApi'), undefined);
  assert.equal(map.lookup('apigateway', 'TagResource'), undefined);
  assert.equal(map.lookup('apigateway', 'Untag'), undefined);
  // Other services have no such rule.
  assert.equal(map.lookup('sqs', 'GetNothing'), undefined);
});

test('property: lookups of arbitrary strings answer quickly and never throw', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 30 }), (operation, service) => {
      const entry = map.lookup(service, operation);
      if (entry) assert.ok(entry.actions.length > 0);
      map.serviceForEventSource(operation);
      map.serviceForSdkName(operation);
    }),
  );
  // Long names built to make a backtracking matcher work hard (a test that hangs here has found one).
  for (const name of [
    'a1'.repeat(50_000),
    'A' + '12345678v'.repeat(10_000) + '!',
    'Get' + 'x'.repeat(100_000),
  ]) {
    assert.equal(map.lookup('lambda', name), undefined);
    assert.equal(withoutApiVersion(name), name);
  }
});

test('an API host with its region names the same service as the event source', () => {
  assert.equal(map.serviceForEventSource('monitoring.us-east-1.amazonaws.com'), 'cloudwatch');
  assert.equal(map.serviceForEventSource('email.eu-west-1.amazonaws.com'), 'ses');
  assert.equal(map.serviceForEventSource('s3.us-gov-west-1.amazonaws.com'), 's3');
  assert.equal(map.serviceForEventSource('dynamodb.cn-north-1.amazonaws.com.cn'), 'dynamodb');
  assert.equal(map.serviceForEventSource('sqs.us-east-1'), 'sqs');
  // Not a region: left as it is, and unknown.
  assert.equal(map.serviceForEventSource('s3.example.amazonaws.com'), undefined);
  assert.equal(map.serviceForEventSource(`s3.${'a-'.repeat(200)}1.amazonaws.com`), undefined);
});
