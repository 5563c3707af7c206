// lint's Terraform input: policies held as JSON strings in a plan's resource changes or a state's values,
// unknown values as placeholders, positions inside the strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixture, named, positionOf, readAll, resources } from './inputs-helpers.js';

const PLAN = fixture('terraform', 'plan.json');
const STATE = fixture('terraform', 'state.json');

test('plan: the policies of IAM, S3 and module resources, with type and quota; deletions and data sources skipped', () => {
  const { policies } = readAll([PLAN]);
  assert.deepEqual(
    policies.map((p) => `${p.name} ${p.policyType} ${p.sizeQuota ?? '-'}`),
    [
      'aws_iam_policy.read_config identity managed',
      'aws_iam_role.task/assume_role_policy trust -',
      'aws_iam_role.task/inline_policy/receive-jobs identity role-inline',
      'aws_s3_bucket_policy.site resource -',
      'module.logging.aws_iam_policy.put_logs identity managed',
    ],
  );
  assert.deepEqual(resources(named(policies, 'aws_iam_policy.read_config').document), [
    'arn:aws:ssm:eu-west-1:111122223333:parameter/app/*',
  ]);
});

test('a policy known only after apply is one suggestion, at its mark in after_unknown', () => {
  const { problems } = readAll([PLAN]);
  const unknown = problems.filter((p) => p.rule === 'input/unresolved-document');
  const text = readFileSync(PLAN, 'utf8');
  const kms = text.indexOf('"aws_kms_key.data"');
  assert.ok(kms > 0);
  assert.deepEqual(unknown, [
    {
      file: PLAN,
      rule: 'input/unresolved-document',
      message: 'policy is known only after apply; not checked',
      policy: 'aws_kms_key.data',
      ...positionOf(PLAN, '"policy": true', '"aws_kms_key.data"'),
    },
  ]);
});

test('a policy string that is not JSON: one grammar/json-syntax finding at the fault inside the string', () => {
  const { problems } = readAll([PLAN]);
  const bad = problems.filter((p) => p.rule === 'grammar/json-syntax');
  assert.equal(bad.length, 1);
  assert.equal(bad[0].policy, 'aws_iam_role_policy.broken');
  assert.match(bad[0].message, /^policy is not JSON: invalid JSON: expected a property name/);
  // The second of the two commas, as written (escaped) in the plan.
  const first = positionOf(PLAN, ',,', '"aws_iam_role_policy.broken"');
  assert.deepEqual(
    { line: bad[0].line, column: bad[0].column },
    { line: first.line, column: first.column + 1 },
  );
});

test('positions inside a policy string: the line of the attribute, the column of the element', () => {
  const { policies } = readAll([PLAN]);
  const read = named(policies, 'aws_iam_policy.read_config');
  const attribute = positionOf(PLAN, '"policy"', '"aws_iam_policy.read_config"');
  // The document's opening brace, just inside the string's quote.
  assert.deepEqual(read.locate([]), {
    line: attribute.line,
    column: attribute.column + '"policy": "'.length,
  });
  assert.deepEqual(
    read.locate(['Statement', 0, 'Action', 1]),
    positionOf(PLAN, '\\"ssm:GetParametersByPath\\"', '"aws_iam_policy.read_config"'),
  );
  const inline = named(policies, 'aws_iam_role.task/inline_policy/receive-jobs');
  assert.equal(inline.locate(['Statement', 0, 'Resource']).line, positionOf(PLAN, '"receive-jobs"').line + 1);
});

test('state: resources of the root module and of child modules', () => {
  const { policies, problems } = readAll([STATE]);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    policies.map((p) => `${p.name} ${p.policyType} ${p.sizeQuota ?? '-'}`),
    ['aws_sqs_queue_policy.jobs resource -', 'module.ci.aws_iam_user_policy.deploy identity user-inline'],
  );
  const deploy = named(policies, 'module.ci.aws_iam_user_policy.deploy');
  assert.equal(deploy.locate(['Statement', 0, 'Action']).line, positionOf(STATE, '"policy"', 'deploy').line);
});

test('a key written twice inside a policy string: grammar/duplicate-key at its place in the string', () => {
  const policy =
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Effect": "Deny"}]}';
  const plan = {
    format_version: '1.2',
    planned_values: {
      root_module: {
        resources: [
          {
            address: 'aws_iam_policy.p',
            mode: 'managed',
            type: 'aws_iam_policy',
            name: 'p',
            values: { policy },
          },
        ],
      },
    },
  };
  const file = join(mkdtempSync(join(tmpdir(), 'iamwright-lint-tf-')), 'plan.json');
  writeFileSync(file, JSON.stringify(plan, null, 2));
  const { policies, problems } = readAll([file]);
  assert.equal(policies.length, 1);
  assert.deepEqual(
    problems.map((p) => [p.rule, p.policy, p.line, p.column]),
    [
      [
        'grammar/duplicate-key',
        'aws_iam_policy.p',
        ...Object.values(positionOf(file, '\\"Effect\\": \\"Deny')),
      ],
    ],
  );
});
