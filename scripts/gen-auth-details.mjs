#!/usr/bin/env node
// Writes a synthetic `aws iam get-account-authorization-details` output with N policy documents, for
// benchmarking `iamwright analyze`. Deterministic: the same --seed and --policies give the same bytes.
//
//   node scripts/gen-auth-details.mjs [--policies 1000] [--seed 1] [--out file.json] [--url-encoded 0.2]
//                                     [--principals 0]
//
// About 70% of the documents are customer managed policies (with two or three versions, one default), the
// rest inline policies of users, groups and roles. Statements mix exact actions, service wildcards
// (`s3:*`), verb wildcards (`ec2:Describe*`, `*:Get*`), a rare `*`, NotAction, Deny and Conditions.
// --url-encoded is the share of documents written URL-encoded, as the raw API returns them.
// --principals N makes at least N users, groups and roles (1:1:3); each user is then in one to three
// groups, and roles trust a service, another account, or a federated provider. Without it the output is
// the same as before the option existed.
import { writeFileSync } from 'node:fs';

function parseArgs(argv) {
  const opts = { policies: 1000, seed: 1, out: undefined, urlEncoded: 0.2, principals: 0 };
  for (let i = 0; i < argv.length; i++) {
    const [k, v] = [argv[i], argv[i + 1]];
    if (k === '--policies') opts.policies = Number(v);
    else if (k === '--seed') opts.seed = Number(v);
    else if (k === '--out') opts.out = v;
    else if (k === '--url-encoded') opts.urlEncoded = Number(v);
    else if (k === '--principals') opts.principals = Number(v);
    else if (k === '--help' || k === '-h') {
      console.log(
        'usage: gen-auth-details.mjs [--policies N] [--seed S] [--out FILE] [--url-encoded SHARE] [--principals N]',
      );
      process.exit(0);
    } else {
      console.error(`gen-auth-details: unknown argument ${k}`);
      process.exit(2);
    }
    i++;
  }
  for (const [name, value] of [
    ['--policies', opts.policies],
    ['--seed', opts.seed],
    ['--principals', opts.principals],
  ]) {
    if (!Number.isInteger(value) || value < 0) {
      console.error(`gen-auth-details: ${name} must be a whole number`);
      process.exit(2);
    }
  }
  if (!(opts.urlEncoded >= 0 && opts.urlEncoded <= 1)) {
    console.error('gen-auth-details: --url-encoded must be a share between 0 and 1');
    process.exit(2);
  }
  return opts;
}

/** mulberry32: a small seedable PRNG, good enough for test data. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Patterns seen in real accounts, weighted by how often they show up.
const EXACT = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  's3:DeleteObject',
  's3:GetBucketLocation',
  'sqs:SendMessage',
  'sqs:ReceiveMessage',
  'sqs:DeleteMessage',
  'sns:Publish',
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:UpdateItem',
  'kms:Decrypt',
  'kms:GenerateDataKey',
  'logs:CreateLogGroup',
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'secretsmanager:GetSecretValue',
  'ecr:GetAuthorizationToken',
  'ecr:BatchGetImage',
  'lambda:InvokeFunction',
  'sts:AssumeRole',
  'iam:PassRole',
  'ec2:RunInstances',
  'ec2:CreateTags',
  'cloudwatch:PutMetricData',
  'xray:PutTraceSegments',
  'iam:CreateAccessKey',
  'iam:AttachRolePolicy',
  's3:PutBucketPolicy',
  'kms:CreateGrant',
  'lambda:AddPermission',
  'glue:CreateDevEndpoint',
  'rds-db:connect',
];
const WILDCARDS = [
  's3:Get*',
  's3:List*',
  's3:*',
  'ec2:Describe*',
  'ec2:*',
  'dynamodb:*',
  'sqs:*',
  'sns:*',
  'logs:*',
  'cloudwatch:*',
  'iam:Get*',
  'iam:List*',
  'iam:Pass*',
  'iam:*',
  'kms:*',
  'lambda:*',
  'ecr:*',
  'ssm:Get*',
  'cloudformation:*',
  'autoscaling:Describe*',
  'elasticloadbalancing:*',
  'rds:Describe*',
  '*:Describe*',
  '*:Get*',
  '*:List*',
  'sts:*',
  'secretsmanager:*',
  'glue:*',
  'athena:*',
  'es:ESHttp*',
  's3:Put*',
  'ec2:*Tags',
  'iam:*AccessKey*',
  'organizations:Describe*',
  'tag:Get*',
];
const NOT_ACTION = [
  ['iam:*', 'organizations:*', 'account:*'],
  ['iam:*'],
  ['s3:DeleteBucket', 'kms:ScheduleKeyDeletion'],
];
const RESOURCES = [
  '*',
  'arn:aws:s3:::example-bucket',
  'arn:aws:s3:::example-bucket/*',
  'arn:aws:sqs:us-east-1:123456789012:queue-1',
  'arn:aws:dynamodb:us-east-1:123456789012:table/orders',
  'arn:aws:kms:us-east-1:123456789012:key/abcd',
  'arn:aws:iam::123456789012:role/app-*',
];

function generate({ policies, seed, urlEncoded, principals }) {
  const r = rng(seed);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const some = (list, min, max) => {
    const n = min + Math.floor(r() * (max - min + 1));
    return [...new Set(Array.from({ length: n }, () => pick(list)))];
  };
  const date = '2026-01-01T00:00:00Z';

  const statement = (i) => {
    const roll = r();
    const s = { Sid: `S${i}`, Effect: roll < 0.08 ? 'Deny' : 'Allow' };
    if (roll > 0.97) s.NotAction = pick(NOT_ACTION);
    else if (roll > 0.96) s.Action = '*';
    else s.Action = [...some(EXACT, 0, 4), ...some(WILDCARDS, 0, 3)].concat(r() < 0.5 ? [pick(EXACT)] : []);
    if (Array.isArray(s.Action) && s.Action.length === 1) s.Action = s.Action[0];
    s.Resource = r() < 0.5 ? '*' : some(RESOURCES, 1, 3);
    if (r() < 0.15) s.Condition = { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } };
    return s;
  };
  const document = () => ({
    Version: '2012-10-17',
    Statement: Array.from({ length: 1 + Math.floor(r() * 5) }, (_, i) => statement(i)),
  });
  const encode = (doc) => (r() < urlEncoded ? encodeURIComponent(JSON.stringify(doc)) : doc);

  const managedCount = Math.round(policies * 0.7);
  const inlineCount = policies - managedCount;
  const managed = Array.from({ length: managedCount }, (_, i) => {
    const versions = 1 + Math.floor(r() * 3);
    const def = 1 + Math.floor(r() * versions);
    return {
      PolicyName: `policy-${i}`,
      PolicyId: `ANPA${String(i).padStart(16, '0')}`,
      Arn: `arn:aws:iam::123456789012:policy/policy-${i}`,
      Path: '/',
      DefaultVersionId: `v${def}`,
      AttachmentCount: 0,
      IsAttachable: true,
      CreateDate: date,
      UpdateDate: date,
      PolicyVersionList: Array.from({ length: versions }, (_, v) => ({
        Document: encode(document()),
        VersionId: `v${v + 1}`,
        IsDefaultVersion: v + 1 === def,
        CreateDate: date,
      })),
    };
  });

  // Inline policies spread over users, groups and roles (roughly 1:1:3), each also attaching managed ones.
  const owners = { UserDetailList: [], GroupDetailList: [], RoleDetailList: [] };
  const kinds = [
    ['UserDetailList', 'User', 'UserPolicyList', 'user'],
    ['GroupDetailList', 'Group', 'GroupPolicyList', 'group'],
    ['RoleDetailList', 'Role', 'RolePolicyList', 'role'],
    ['RoleDetailList', 'Role', 'RolePolicyList', 'role'],
    ['RoleDetailList', 'Role', 'RolePolicyList', 'role'],
  ];
  let made = 0;
  // With --principals, users join groups made in the same loop (every fifth principal, from p = 1).
  const groupNames = Array.from(
    { length: Math.ceil(Math.max(principals - 1, 0) / 5) },
    (_, k) => `group-${5 * k + 1}`,
  );
  const TRUSTED = [
    { Service: 'ec2.amazonaws.com' },
    { Service: 'lambda.amazonaws.com' },
    { AWS: 'arn:aws:iam::210987654321:root' },
    { Federated: 'arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com' },
  ];
  for (let p = 0; made < inlineCount || p < Math.min(50, managedCount) || p < principals; p++) {
    const [listKey, word, policyKey, path] = kinds[p % kinds.length];
    const name = `${path}-${p}`;
    const inline = [];
    for (let k = 0; k < 1 + Math.floor(r() * 2) && made < inlineCount; k++, made++) {
      inline.push({ PolicyName: `${name}-inline-${k}`, PolicyDocument: encode(document()) });
    }
    const attached = managedCount
      ? some(managed, 0, 3).map((m) => {
          m.AttachmentCount++;
          return { PolicyName: m.PolicyName, PolicyArn: m.Arn };
        })
      : [];
    const entry = {
      Path: '/',
      [`${word}Name`]: name,
      [`${word}Id`]: `AID${String(p).padStart(17, '0')}`,
      Arn: `arn:aws:iam::123456789012:${path}/${name}`,
      CreateDate: date,
      [policyKey]: inline,
      AttachedManagedPolicies: attached,
    };
    if (word === 'User') entry.GroupList = principals && groupNames.length ? some(groupNames, 1, 3) : [];
    if (word === 'Role') {
      const trust = {
        Effect: 'Allow',
        Principal: { Service: 'ec2.amazonaws.com' },
        Action: 'sts:AssumeRole',
      };
      if (principals) {
        trust.Principal = pick(TRUSTED);
        if (!trust.Principal.Service && r() < 0.5)
          trust.Condition = { StringEquals: { 'sts:ExternalId': 'x' } };
      }
      entry.AssumeRolePolicyDocument = encode({ Version: '2012-10-17', Statement: [trust] });
      entry.InstanceProfileList = [];
    }
    owners[listKey].push(entry);
  }
  return { ...owners, Policies: managed };
}

const opts = parseArgs(process.argv.slice(2));
const text = `${JSON.stringify(generate(opts), null, 2)}\n`;
if (opts.out) writeFileSync(opts.out, text);
else process.stdout.write(text);
