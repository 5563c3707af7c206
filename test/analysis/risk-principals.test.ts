// The risk report of a small account written by hand (test/analysis/fixtures/account-details.json, in the
// shape of `aws iam get-account-authorization-details`), principal by principal. Every expected value
// below comes from reading the fixture, not from running the code:
//   - alice is in `developers` (DevLambda: lambda:CreateFunction + lambda:InvokeFunction on *) and has an
//     inline iam:PassRole on *: pass-role-lambda is complete only across the two policies;
//   - bob is in `developers` without PassRole: the same method is one step short;
//   - ci-deploy (GitHub OIDC with a sub condition) may pass only cfn-deploy, and only to CloudFormation;
//   - vendor-audit trusts another account without a condition; public-role trusts everyone;
//   - lambda-exec writes logs to its own log groups: nothing to report;
//   - Unused (iam:CreateAccessKey) is attached to no one: its findings stand alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { openDatabase, bundledDatabasePath } from '../../src/database/index.js';
import {
  authorizationDetailsPrincipals,
  buildRiskReport,
  formatPrincipalsTable,
  readPolicyInputs,
} from '../../src/analysis/index.js';
import type { RiskReport } from '../../src/reporting/risk-report.js';

const db = openDatabase(bundledDatabasePath());
const FIXTURE = join(import.meta.dirname, 'fixtures', 'account-details.json');
const A = '123456789012';

function report(): RiskReport {
  const details: [Record<string, unknown>, string][] = [];
  const sources = readPolicyInputs([FIXTURE], { onAuthorizationDetails: (d, f) => details.push([d, f]) });
  const principals = details.flatMap(([d, f]) => authorizationDetailsPrincipals(d, f));
  return buildRiskReport(db, sources, { principals });
}

const r = report();
const principal = (name: string) => {
  const p = r.principals.find((x) => x.name === name);
  assert.ok(p, `principal ${name}`);
  return p;
};
const findingsOf = (name: string) => {
  const p = principal(name);
  return r.findings.filter((f) => f.principal === p.id);
};
const methodsOf = (name: string) =>
  findingsOf(name)
    .filter((f) => f.method)
    .map(
      (f) =>
        `${f.method?.id} ${f.method?.complete ? 'complete' : `partial, missing ${f.method?.missing}`} ${f.level}`,
    )
    .sort();

test('the report has no errors and lists every user, group and role', () => {
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.principals.map((p) => `${p.type} ${p.name}`).sort(), [
    'group developers',
    'role admin',
    'role ci-deploy',
    'role lambda-exec',
    'role public-role',
    'role vendor-audit',
    'user alice',
    'user bob',
    'user carol',
  ]);
});

test("a user's policies include its groups' policies", () => {
  const alice = principal('alice');
  assert.deepEqual(alice.groups, ['developers']);
  const names = alice.policies.map((id) => r.policies.find((p) => p.id === id)?.name).sort();
  assert.deepEqual(names, ['DevLambda', 'user/alice/pass-app-roles']);
  // The DevLambda policy applies to the group and, through it, to both of its users.
  const dev = r.policies.find((p) => p.name === 'DevLambda');
  assert.deepEqual(dev?.attachedTo.sort(), [
    `arn:aws:iam::${A}:group/developers`,
    `arn:aws:iam::${A}:user/alice`,
    `arn:aws:iam::${A}:user/bob`,
  ]);
});

test('an escalation method completed across two policies of one principal', () => {
  assert.deepEqual(methodsOf('alice'), ['pass-role complete medium', 'pass-role-lambda complete critical']);
  const f = findingsOf('alice').find((x) => x.method?.id === 'pass-role-lambda');
  assert.ok(f);
  // Both policies contributed, each with the statement and pattern that granted its part.
  assert.equal(f.policies.length, 2);
  assert.deepEqual(f.actions, ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction']);
  assert.deepEqual(f.evidence.map((e) => `${e.statement} ${e.pattern} ${e.actions.join(',')}`).sort(), [
    'Functions lambda:CreateFunction lambda:CreateFunction',
    'Functions lambda:InvokeFunction lambda:InvokeFunction',
    'PassAny iam:PassRole iam:PassRole',
  ]);
  assert.equal(f.conditional, false);
  assert.deepEqual(f.resources, ['*']);
});

test('the same method one step short is partial and names the missing action', () => {
  assert.deepEqual(methodsOf('bob'), ['pass-role-lambda partial, missing iam:PassRole medium']);
  assert.deepEqual(methodsOf('developers'), ['pass-role-lambda partial, missing iam:PassRole medium']);
});

test('PassRole limited to a named role and to one service ranks lower', () => {
  assert.deepEqual(methodsOf('ci-deploy'), [
    'cloudformation-update-stack complete high',
    'pass-role complete low',
    'pass-role-cloudformation complete medium',
  ]);
  const f = findingsOf('ci-deploy').find((x) => x.method?.id === 'pass-role-cloudformation');
  // Conditional only when every statement behind it is: the CloudFormation half has no Condition.
  assert.equal(f?.conditional, false);
  assert.deepEqual(f?.resources.sort(), ['*', `arn:aws:iam::${A}:role/cfn-deploy`]);
  const passRole = findingsOf('ci-deploy').find((x) => x.method?.id === 'pass-role');
  assert.equal(passRole?.conditional, true);
});

test("each role's trust policy: who may assume it, and whether a condition guards it", () => {
  assert.deepEqual(principal('public-role').trust, [
    { principal: '*', kind: 'everyone', conditional: false, crossAccount: true },
  ]);
  assert.deepEqual(principal('vendor-audit').trust, [
    { principal: 'arn:aws:iam::999988887777:root', kind: 'account', conditional: false, crossAccount: true },
  ]);
  assert.deepEqual(principal('ci-deploy').trust, [
    {
      principal: `arn:aws:iam::${A}:oidc-provider/token.actions.githubusercontent.com`,
      kind: 'federated',
      conditional: true,
      crossAccount: false,
    },
  ]);
  assert.deepEqual(principal('lambda-exec').trust, [
    { principal: 'lambda.amazonaws.com', kind: 'service', conditional: false, crossAccount: false },
  ]);
  assert.deepEqual(principal('admin').trust, [
    { principal: `arn:aws:iam::${A}:root`, kind: 'account', conditional: false, crossAccount: false },
  ]);
  const trust = (name: string) =>
    findingsOf(name)
      .filter((f) => f.category === 'role-trust')
      .map((f) => f.level);
  assert.deepEqual(trust('public-role'), ['critical']);
  assert.deepEqual(trust('vendor-audit'), ['high']);
  assert.deepEqual(trust('ci-deploy'), ['medium'], 'federated (high), guarded by a condition');
  assert.deepEqual(trust('lambda-exec'), [], 'a service is not a finding');
  assert.deepEqual(trust('admin'), [], 'the same account is not a finding');
});

test('principals are listed by risk', () => {
  assert.deepEqual(
    r.principals.map((p) => `${p.name} ${p.level ?? '-'}`),
    [
      'admin critical',
      'alice critical', // one critical and one medium finding
      'public-role critical', // one critical finding
      'ci-deploy high',
      'vendor-audit high',
      'developers medium',
      'bob medium',
      'carol low', // a named secret: data exfiltration, one level below medium
      'lambda-exec -',
    ],
  );
  assert.equal(principal('lambda-exec').findings.length, 0);
  assert.equal(principal('lambda-exec').score, 0);
});

test('an administrator has one full-access finding instead of one per method, and a wildcard on everything', () => {
  const admin = findingsOf('admin');
  const escalation = admin.filter((f) => f.category === 'privilege-escalation');
  assert.deepEqual(
    escalation.map((f) => [f.method?.id, f.method?.complete, f.level, f.actions]),
    [['full-access', true, 'critical', ['*']]],
  );
  assert.equal(escalation[0].evidence.length, 1);
  assert.equal(escalation[0].evidence[0].pattern, '*');
  const wildcard = admin.filter((f) => f.category === 'service-wildcard');
  assert.deepEqual(
    wildcard.map((f) => [f.level, f.actions]),
    [['critical', ['*']]],
  );
  // The non-default version (v1, also `*`) is not what applies; only the default one is read.
  assert.equal(principal('admin').policies.length, 1);
});

test('a policy attached to no principal is reported on its own', () => {
  const unused = r.policies.find((p) => p.name === 'Unused');
  assert.ok(unused);
  assert.deepEqual(unused.attachedTo, []);
  const own = r.findings.filter((f) => f.principal === undefined);
  assert.deepEqual(own.map((f) => `${f.category} ${f.method?.id ?? '-'} ${f.level}`).sort(), [
    'credentials-exposure - high',
    'privilege-escalation iam-create-access-key critical',
  ]);
  assert.deepEqual(unused.findings.sort(), own.map((f) => f.id).sort());
});

test('findings are ordered by level and have unique ids that principals and policies point to', () => {
  const order = ['critical', 'high', 'medium', 'low'];
  for (let i = 1; i < r.findings.length; i++) {
    assert.ok(order.indexOf(r.findings[i - 1].level) <= order.indexOf(r.findings[i].level));
  }
  const ids = new Set(r.findings.map((f) => f.id));
  assert.equal(ids.size, r.findings.length);
  for (const p of r.principals) for (const id of p.findings) assert.ok(ids.has(id));
  for (const p of r.policies) for (const id of p.findings) assert.ok(ids.has(id));
  // The report is plain data: it survives a JSON round trip unchanged.
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
});

test('the principal table lists principals riskiest first, then lone policies', () => {
  const lines = formatPrincipalsTable(r).split('\n');
  assert.match(lines[0], /^TYPE\s+NAME\s+LEVEL\s+SCORE\s+FINDINGS\s+POLICIES\s+ASSUMABLE BY$/);
  assert.match(lines[1], /^role\s+admin\s+critical\s+\d+\s+privilege-escalation \d+, /);
  assert.match(lines[2], /^user\s+alice\s+critical\s+\d+\s+privilege-escalation 2\s+2\s+-$/);
  assert.match(lines[3], /^role\s+public-role\s+critical\s+\d+\s+role-trust 1\s+0\s+\*$/);
  assert.match(
    lines[4],
    /^role\s+ci-deploy\s+high\s+.*oidc-provider\/token\.actions\.githubusercontent\.com \(if\)$/,
  );
  assert.ok(lines.some((l) => /^critical\s+Unused\s+privilege-escalation\s+Create access keys/.test(l)));
  assert.match(
    lines.at(-2) ?? '',
    /^9 principals; 11 policies; \d+ findings \(critical \d+, high \d+, medium \d+, low 2\)$/,
  );
});

test('names with control characters reach the principal table escaped', () => {
  const evil = '\u001b[31mroot\nFAKE';
  const details = {
    UserDetailList: [
      {
        UserName: evil,
        Arn: `arn:aws:iam::${A}:user/evil`,
        GroupList: [],
        AttachedManagedPolicies: [],
        UserPolicyList: [
          {
            PolicyName: 'keys',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: '*' }],
            },
          },
        ],
      },
    ],
  };
  const sources = readPolicyInputs(['-'], { readStdin: () => JSON.stringify(details) });
  const rep = buildRiskReport(db, sources, { principals: authorizationDetailsPrincipals(details, '-') });
  const text = formatPrincipalsTable(rep);
  assert.ok(!text.includes('\u001b'), 'no raw escape character');
  assert.equal(text.split('\n').length, 5, 'header, one row, blank line, summary, end: no forged row');
  assert.ok(text.includes('"\\u001b[31mroot\\nFAKE"'));
});
