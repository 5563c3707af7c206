// Each category and each escalation method of the risk report fires on a policy that grants it and stays
// silent on one that does not; levels follow the rules (a grant on `*` outranks named resources, a
// Condition ranks lower, a certain Deny takes actions away).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, bundledDatabasePath } from '../../src/database/index.js';
import { buildRiskReport, bundledRiskData, LIST_CATEGORIES } from '../../src/analysis/index.js';
import type { RiskFinding } from '../../src/reporting/risk-report.js';

const db = openDatabase(bundledDatabasePath());
const data = bundledRiskData();

type Statement = Record<string, unknown>;
const allow = (
  Action: string | string[],
  Resource: string | string[] = '*',
  extra: Statement = {},
): Statement => ({
  Effect: 'Allow',
  Action,
  Resource,
  ...extra,
});

/** The findings of one policy file made of these statements. */
function findings(...statements: Statement[]): RiskFinding[] {
  const r = buildRiskReport(db, [
    { file: 'p.json', kind: 'file', document: { Version: '2012-10-17', Statement: statements } },
  ]);
  assert.deepEqual(r.errors, []);
  return r.findings;
}
const method = (fs: RiskFinding[], id: string) => fs.find((f) => f.method?.id === id);
const category = (fs: RiskFinding[], c: string) => fs.filter((f) => f.category === c);

test('every escalation method: complete with its steps, silent without them', () => {
  for (const m of data.methods) {
    // The first alternative of each step, then each other alternative in turn.
    const first = m.requires.map((s) => s[0]);
    const f = method(findings(allow(first)), m.id);
    assert.ok(f, `${m.id} fires on ${first.join(', ')}`);
    assert.equal(f.method?.complete, true, m.id);
    assert.deepEqual(f.method?.missing, [], m.id);
    assert.equal(f.level, m.level, `${m.id}: on * without a Condition it has its own level`);
    m.requires.forEach((alternatives, i) => {
      for (const alt of alternatives.slice(1)) {
        const actions = first.map((a, j) => (j === i ? alt : a));
        assert.equal(method(findings(allow(actions)), m.id)?.method?.complete, true, `${m.id} with ${alt}`);
      }
    });
    // A read of the same service is not a step of anything.
    assert.equal(method(findings(allow('iam:GetRole')), m.id), undefined, `${m.id} is silent on iam:GetRole`);
  }
});

test('a method one step short is partial, naming the step; two short, or only iam:PassRole, is silent', () => {
  // Actions that complete a one-step method: granted alone, that method is the finding.
  const alone = new Set(data.methods.filter((m) => m.requires.length === 1).flatMap((m) => m.requires[0]));
  assert.ok(alone.has('iam:PassRole') && alone.has('sts:AssumeRole'));
  for (const m of data.methods.filter((x) => x.requires.length >= 2)) {
    const first = m.requires.map((s) => s[0]);
    m.requires.forEach((step, i) => {
      const rest = first.filter((_, j) => j !== i);
      const f = method(findings(allow(rest)), m.id);
      if (rest.every((a) => alone.has(a))) {
        assert.equal(f, undefined, `${m.id}: ${rest.join(', ')} alone is reported by its own method`);
        return;
      }
      assert.ok(f, `${m.id} without ${step.join('|')}`);
      assert.equal(f.method?.complete, false);
      assert.deepEqual(f.method?.missing, [step.join('|')]);
    });
    if (m.requires.length >= 3) {
      assert.equal(method(findings(allow(first.slice(2))), m.id), undefined, `${m.id}: two steps short`);
    }
  }
});

test('iam:PassRole or sts:AssumeRole alone: their own methods, no partials', () => {
  const passRole = findings(allow('iam:PassRole')).filter((f) => f.category === 'privilege-escalation');
  assert.deepEqual(
    passRole.map((f) => f.method?.id),
    ['pass-role'],
  );
  const assume = findings(allow('sts:AssumeRole')).filter((f) => f.category === 'privilege-escalation');
  assert.deepEqual(
    assume.map((f) => f.method?.id),
    ['sts-assume-role'],
  );
  // With the service half but no PassRole: partial, one step short.
  const half = findings(allow(['lambda:CreateFunction', 'lambda:InvokeFunction']));
  assert.deepEqual(method(half, 'pass-role-lambda')?.method?.missing, ['iam:PassRole']);
  assert.equal(method(half, 'pass-role-lambda')?.level, 'medium', 'two levels below critical');
});

test('the lambda method: PassRole on named roles, or with iam:PassedToService, ranks lower', () => {
  const lambda = ['lambda:CreateFunction', 'lambda:InvokeFunction'];
  const on = (passRole: Statement) => method(findings(allow(lambda), passRole), 'pass-role-lambda');
  assert.equal(on(allow('iam:PassRole'))?.level, 'critical');
  const named = on(allow('iam:PassRole', 'arn:aws:iam::123456789012:role/app-fn'));
  assert.equal(named?.level, 'high');
  assert.match(named?.message ?? '', /iam:PassRole on named resources/);
  const toLambda = { Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } };
  assert.equal(on(allow('iam:PassRole', '*', toLambda))?.level, 'high');
  assert.equal(on(allow('iam:PassRole', 'arn:aws:iam::123456789012:role/app-fn', toLambda))?.level, 'medium');
  // A role path with a wildcard after the type is every role of it; one with a name prefix is named.
  assert.equal(on(allow('iam:PassRole', 'arn:aws:iam::*:role/*'))?.level, 'critical');
  assert.equal(on(allow('iam:PassRole', 'arn:aws:iam::123456789012:role/app-*'))?.level, 'high');
  // The pass-role method itself: medium on *, low on a named role.
  assert.equal(method(findings(allow('iam:PassRole')), 'pass-role')?.level, 'medium');
  assert.equal(method(findings(allow('iam:PassRole', 'arn:aws:iam::1:role/x')), 'pass-role')?.level, 'low');
});

test('`*` on every resource: one full-access finding; with a Condition, a Deny or NotAction, each method', () => {
  const ids = (fs: RiskFinding[]) =>
    fs.filter((f) => f.category === 'privilege-escalation').map((f) => f.method?.id);
  assert.deepEqual(ids(findings(allow('*'))), ['full-access']);
  const cond = { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } };
  const conditional = ids(findings(allow('*', '*', cond)));
  assert.equal(
    conditional.length,
    data.methods.length,
    'under a Condition every method is listed, each lower',
  );
  // A certain Deny of iam:PassRole: the pass-role methods are one step short, the others complete.
  const denied = findings(allow('*'), { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' });
  assert.ok(!ids(denied).includes('full-access'));
  assert.deepEqual(method(denied, 'pass-role-ec2')?.method?.missing, ['iam:PassRole']);
  assert.equal(method(denied, 'iam-put-user-policy')?.method?.complete, true);
  const notIam = ids(findings({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }));
  assert.ok(
    !notIam.includes('full-access') &&
      notIam.includes('ssm-send-command') &&
      !notIam.includes('iam-put-user-policy'),
  );
});

test("a statement's resources count for the actions of their own service", () => {
  // One statement, PassRole on a named role next to every instance: the role is what limits PassRole.
  const mixed = allow(
    ['iam:PassRole', 'ec2:RunInstances'],
    ['arn:aws:iam::123456789012:role/app', 'arn:aws:ec2:*:*:instance/*', 'arn:aws:ec2:*:*:subnet/*'],
  );
  const ec2 = method(findings(mixed), 'pass-role-ec2');
  assert.equal(ec2?.level, 'high');
  assert.match(ec2?.message ?? '', /iam:PassRole on named resources/);
  // ssm:SendCommand with one named SSM document on every instance: the document limits what runs.
  const doc = 'arn:aws:ssm:*:*:document/AWSEC2-CreateVssSnapshot';
  assert.equal(
    method(findings(allow('ssm:SendCommand', [doc, 'arn:aws:ec2:*:*:instance/*'])), 'ssm-send-command')
      ?.level,
    'medium',
  );
  // Only instances named, no document: the instance ARNs are all there is, and they are every instance.
  assert.equal(
    method(findings(allow('ssm:SendCommand', 'arn:aws:ec2:*:*:instance/*')), 'ssm-send-command')?.level,
    'high',
  );
  assert.equal(method(findings(allow('ssm:SendCommand', '*')), 'ssm-send-command')?.level, 'high');
});

test('a certain Deny takes a step away; a conditional Deny does not', () => {
  const grant = allow(['iam:PassRole', 'ec2:RunInstances']);
  assert.equal(method(findings(grant), 'pass-role-ec2')?.method?.complete, true);
  const denied = findings(grant, { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' });
  assert.equal(method(denied, 'pass-role-ec2')?.method?.complete, false);
  assert.deepEqual(method(denied, 'pass-role-ec2')?.method?.missing, ['iam:PassRole']);
  const maybe = findings(grant, {
    Effect: 'Deny',
    Action: 'iam:PassRole',
    Resource: '*',
    Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } },
  });
  assert.equal(method(maybe, 'pass-role-ec2')?.method?.complete, true);
});

test('every list category fires on its actions and not on a read of the same service', () => {
  const cases: Record<(typeof LIST_CATEGORIES)[number], [string, string]> = {
    'credentials-exposure': ['ec2:GetPasswordData', 'ec2:DescribeInstances'],
    'resource-exposure': ['events:PutPermission', 'events:DescribeRule'],
    'data-exfiltration': ['secretsmanager:GetSecretValue', 'secretsmanager:ListSecrets'],
    'infrastructure-modification': ['cloudtrail:StopLogging', 'cloudtrail:DescribeTrails'],
  };
  for (const c of LIST_CATEGORIES) {
    const [fires, quiet] = cases[c];
    const got = category(findings(allow(fires)), c);
    assert.equal(got.length, 1, `${c} fires on ${fires}`);
    assert.deepEqual(got[0].actions, [fires]);
    assert.equal(got[0].level, data.lists[c].level, `${c} on * without a Condition`);
    assert.deepEqual(category(findings(allow(quiet)), c), [], `${c} is silent on ${quiet}`);
  }
  // Every entry of every list fires (retired ones cannot: the database does not have them).
  for (const c of LIST_CATEGORIES) {
    const names = data.lists[c].actions.filter((e) => !e.retired).map((e) => e.action);
    const got = category(findings(allow(names)), c);
    assert.equal(got.length, 1);
    assert.equal(got[0].actions.length, new Set(names.map((n) => n.toLowerCase())).size, c);
  }
});

test('levels: named resources rank one lower, a Condition one lower, both two', () => {
  const level = (s: Statement) => category(findings(s), 'credentials-exposure')[0]?.level;
  const cond = { Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } };
  assert.equal(level(allow('iam:CreateAccessKey')), 'high');
  assert.equal(level(allow('iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/ci')), 'medium');
  assert.equal(level(allow('iam:CreateAccessKey', '*', cond)), 'medium');
  assert.equal(level(allow('iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/ci', cond)), 'low');
  // The finding keeps its resources and says whether every statement behind it is conditional.
  const f = category(
    findings(allow('iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/ci', cond)),
    'credentials-exposure',
  )[0];
  assert.deepEqual(f.resources, ['arn:aws:iam::123456789012:user/ci']);
  assert.equal(f.conditional, true);
  // Two statements, one on *: the finding takes the higher level and is not conditional.
  const both = category(
    findings(
      allow('iam:CreateAccessKey', 'arn:aws:iam::123456789012:user/ci', cond),
      allow('iam:CreateAccessKey'),
    ),
    'credentials-exposure',
  )[0];
  assert.equal(both.level, 'high');
  assert.equal(both.conditional, false);
  assert.deepEqual(both.resources.sort(), ['*', 'arn:aws:iam::123456789012:user/ci']);
  // S3: a bucket's objects are named resources, every bucket is not.
  const s3 = (r: string) => category(findings(allow('s3:GetObject', r)), 'data-exfiltration')[0]?.level;
  assert.equal(s3('arn:aws:s3:::*'), 'medium');
  assert.equal(s3('arn:aws:s3:::reports/*'), 'low');
});

test('service wildcard: a whole service, every service, or NotAction; not a verb wildcard', () => {
  const wild = (s: Statement) => category(findings(s), 'service-wildcard').map((f) => [f.level, f.actions]);
  assert.deepEqual(wild(allow('*')), [['critical', ['*']]]);
  assert.deepEqual(wild(allow('*:*')), [['critical', ['*']]]);
  assert.deepEqual(wild(allow('iam:*')), [['high', ['iam:*']]]);
  assert.deepEqual(wild(allow('sqs:*')), [['medium', ['sqs:*']]]);
  assert.deepEqual(wild(allow('sqs:*', 'arn:aws:sqs:us-east-1:123456789012:jobs')), [['low', ['sqs:*']]]);
  assert.deepEqual(wild({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }), [['critical', ['*']]]);
  assert.deepEqual(wild(allow(['s3:Get*', 'ec2:Describe*', 'sqs:SendMessage'])), []);
});

test('role trust is only found for principals with trust (see risk-principals.test.ts)', () => {
  assert.deepEqual(category(findings(allow('*')), 'role-trust'), []);
});
