import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundledRiskyActions, PolicyAnalyzer, RISK_CATEGORIES } from '../../src/analysis/index.js';
import { actionIndex } from '../../src/querying/expand.js';
import { db, findings, firesAt, policy } from './helpers.js';

const stmt = (extra: Record<string, unknown>) => ({ Effect: 'Allow', Resource: '*', ...extra });

test('allow-not-action: an Allow with NotAction, listing what it leaves out; not a Deny', () => {
  const [f] = findings(
    'security/allow-not-action',
    policy(stmt({ NotAction: ['iam:*', 'organizations:*'] })),
  );
  assert.deepEqual(f.path, ['Statement', 0, 'NotAction']);
  assert.match(f.message, /every action of every service except 'iam:\*' and 'organizations:\*'/);
  assert.deepEqual(
    findings('security/allow-not-action', policy(stmt({ Effect: 'Deny', NotAction: 'iam:*' }))),
    [],
  );
  assert.deepEqual(findings('security/allow-not-action', policy(stmt({ Action: 'iam:*' }))), []);
});

test('allow-not-resource: an Allow with NotResource; not a Deny', () => {
  const doc = policy({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secret/*' });
  assert.deepEqual(firesAt('security/allow-not-resource', doc), ['Statement.0.NotResource']);
  const deny = policy({ Effect: 'Deny', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::public/*' });
  assert.deepEqual(findings('security/allow-not-resource', deny), []);
});

test('allow-not-principal: an Allow with NotPrincipal; not a Deny', () => {
  const s = { Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*', NotPrincipal: { AWS: '111122223333' } };
  assert.deepEqual(firesAt('security/allow-not-principal', policy({ Effect: 'Allow', ...s }), 'resource'), [
    'Statement.0.NotPrincipal',
  ]);
  assert.deepEqual(
    findings('security/allow-not-principal', policy({ Effect: 'Deny', ...s }), { policyType: 'resource' }),
    [],
  );
});

test('pass-role-any-role: iam:PassRole by name or wildcard, on any role', () => {
  for (const Action of ['iam:PassRole', 'iam:Pass*', 'iam:*', '*', ['ec2:RunInstances', 'IAM:passrole']]) {
    assert.deepEqual(
      firesAt('security/pass-role-any-role', policy(stmt({ Action }))),
      ['Statement.0.Resource'],
      String(Action),
    );
  }
  for (const Resource of ['arn:aws:iam::111122223333:role/*', 'arn:aws:iam::*:role/*', 'arn:aws:iam::*:*']) {
    const doc = policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: ['arn:aws:s3:::b', Resource] });
    assert.deepEqual(firesAt('security/pass-role-any-role', doc), ['Statement.0.Resource.1'], Resource);
  }
  const notResource = policy({
    Effect: 'Allow',
    Action: 'iam:PassRole',
    NotResource: 'arn:aws:iam::*:role/admin',
  });
  assert.deepEqual(firesAt('security/pass-role-any-role', notResource), ['Statement.0.NotResource']);
  const notAction = policy({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' });
  assert.deepEqual(firesAt('security/pass-role-any-role', notAction), ['Statement.0.Resource']);
});

test('pass-role-any-role: named roles, iam:PassedToService, or an Allow without PassRole pass', () => {
  for (const Resource of ['arn:aws:iam::111122223333:role/app', 'arn:aws:iam::*:role/service-role/*']) {
    assert.deepEqual(
      findings('security/pass-role-any-role', policy(stmt({ Action: 'iam:PassRole', Resource }))),
      [],
      Resource,
    );
  }
  const scoped = stmt({
    Action: 'iam:PassRole',
    Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
  });
  assert.deepEqual(findings('security/pass-role-any-role', policy(scoped)), []);
  assert.deepEqual(
    findings('security/pass-role-any-role', policy(stmt({ Action: ['iam:Get*', 'ec2:*'] }))),
    [],
  );
  assert.deepEqual(findings('security/pass-role-any-role', policy(stmt({ NotAction: 'iam:PassRole' }))), []);
});

test('pass-role-any-role: a Deny of iam:PassRole that surely applies silences it; a conditional one does not', () => {
  const grant = stmt({ Action: 'iam:*' });
  const deny = { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' };
  assert.deepEqual(findings('security/pass-role-any-role', policy(grant, deny)), []);
  const conditional = { ...deny, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } };
  assert.deepEqual(firesAt('security/pass-role-any-role', policy(grant, conditional)), [
    'Statement.0.Resource',
  ]);
  const otherAction = { ...deny, Action: 'iam:DeleteRole' };
  assert.deepEqual(firesAt('security/pass-role-any-role', policy(grant, otherAction)), [
    'Statement.0.Resource',
  ]);
});

const trust = (Principal: unknown, extra: Record<string, unknown> = {}) =>
  policy({ Effect: 'Allow', Principal, Action: 'sts:AssumeRole', ...extra });
const orgOnly = { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } };

test('public-principal: "*" or {"AWS": "*"} without a Condition, in trust and resource policies', () => {
  assert.deepEqual(firesAt('security/public-principal', trust('*'), 'trust'), ['Statement.0.Principal']);
  assert.deepEqual(firesAt('security/public-principal', trust({ AWS: ['111122223333', '*'] }), 'trust'), [
    'Statement.0.Principal.AWS.1',
  ]);
  const bucket = policy({
    Effect: 'Allow',
    Principal: '*',
    Action: 's3:GetObject',
    Resource: 'arn:aws:s3:::b/*',
  });
  assert.match(
    findings('security/public-principal', bucket, { policyType: 'resource' })[0].message,
    /anonymous/,
  );
});

test('public-principal: a Condition, a Deny, named principals or another policy type pass', () => {
  assert.deepEqual(
    findings('security/public-principal', trust({ AWS: '*' }, orgOnly), { policyType: 'trust' }),
    [],
  );
  assert.deepEqual(
    findings('security/public-principal', trust({ AWS: '111122223333' }), { policyType: 'trust' }),
    [],
  );
  const deny = policy({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: '*' });
  assert.deepEqual(findings('security/public-principal', deny, { policyType: 'resource' }), []);
  assert.deepEqual(findings('security/public-principal', deny, { policyType: 'resource-control' }), []);
});

test('trust-account-without-condition: an account id or root ARN without a Condition', () => {
  const doc = trust({
    AWS: ['111122223333', 'arn:aws:iam::444455556666:root', 'arn:aws:iam::777788889999:role/ci'],
  });
  const found = findings('security/trust-account-without-condition', doc, { policyType: 'trust' });
  assert.deepEqual(
    found.map((f) => f.path.join('.')),
    ['Statement.0.Principal.AWS.0', 'Statement.0.Principal.AWS.1'],
  );
  assert.match(found[1].message, /account 444455556666/);
  const guarded = trust({ AWS: '111122223333' }, { Condition: { StringEquals: { 'sts:ExternalId': 'x' } } });
  assert.deepEqual(
    findings('security/trust-account-without-condition', guarded, { policyType: 'trust' }),
    [],
  );
  assert.deepEqual(
    findings('security/trust-account-without-condition', trust({ AWS: '111122223333' }), {
      policyType: 'resource',
    }),
    [],
  );
});

const github = 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com';
const web = (Federated: string, Condition?: Record<string, unknown>) =>
  policy({
    Effect: 'Allow',
    Principal: { Federated },
    Action: 'sts:AssumeRoleWithWebIdentity',
    ...(Condition ? { Condition } : {}),
  });

test('trust-oidc-without-condition: GitHub without :sub, another issuer without any of its keys', () => {
  const audOnly = web(github, {
    StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
  });
  const [f] = findings('security/trust-oidc-without-condition', audOnly, { policyType: 'trust' });
  assert.deepEqual(f.path, ['Statement', 0, 'Principal', 'Federated']);
  assert.match(f.message, /any repository/);
  const eks = 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC';
  assert.deepEqual(firesAt('security/trust-oidc-without-condition', web(eks), 'trust'), [
    'Statement.0.Principal.Federated',
  ]);
  const other = web(eks, { StringEquals: { 'aws:PrincipalTag/x': 'y' } });
  assert.deepEqual(firesAt('security/trust-oidc-without-condition', other, 'trust'), [
    'Statement.0.Principal.Federated',
  ]);
});

test('trust-oidc-without-condition: a test of the token, SAML, or another action pass', () => {
  const sub = web(github, { StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:org/repo:*' } });
  assert.deepEqual(findings('security/trust-oidc-without-condition', sub, { policyType: 'trust' }), []);
  const eks = 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC';
  const aud = web(eks, {
    StringEquals: { 'oidc.eks.eu-west-1.amazonaws.com/id/ABC:aud': 'sts.amazonaws.com' },
  });
  assert.deepEqual(findings('security/trust-oidc-without-condition', aud, { policyType: 'trust' }), []);
  const saml = policy({
    Effect: 'Allow',
    Principal: { Federated: 'arn:aws:iam::111122223333:saml-provider/idp' },
    Action: 'sts:AssumeRoleWithSAML',
  });
  assert.deepEqual(findings('security/trust-oidc-without-condition', saml, { policyType: 'trust' }), []);
});

/** One action of a category's list that the database knows, read from the list itself. */
function riskyAction(category: (typeof RISK_CATEGORIES)[number]): string {
  const index = actionIndex(db);
  const name = bundledRiskyActions()[category].find((a) => index.idOf(a) !== undefined);
  assert.ok(name, category);
  return name;
}

test('the risk categories of analyze: each fires for an unscoped Allow of an action on its list', () => {
  for (const category of RISK_CATEGORIES) {
    const action = riskyAction(category);
    const found = findings(`security/${category}`, policy(stmt({ Action: ['s3:ListAllMyBuckets', action] })));
    assert.deepEqual(
      found.map((f) => f.path.join('.')),
      ['Statement.0.Action.1'],
      category,
    );
    assert.ok(found[0].message.toLowerCase().includes(action.toLowerCase()), found[0].message);
  }
});

test('the risk categories: a grant through a wildcard or NotAction points at it', () => {
  const [f] = findings('security/privilege-escalation', policy(stmt({ Action: ['s3:Get*', 'iam:Attach*'] })));
  assert.deepEqual(f.path, ['Statement', 0, 'Action', 1]);
  assert.match(f.message, /iam:AttachUserPolicy/);
  const [g] = findings('security/privilege-escalation', policy(stmt({ NotAction: 's3:*' })));
  assert.deepEqual(g.path, ['Statement', 0, 'NotAction']);
});

test('the risk categories: scoped, conditional, denied, or not granting pass', () => {
  const action = riskyAction('privilege-escalation');
  const check = 'security/privilege-escalation';
  assert.deepEqual(
    findings(check, policy(stmt({ Action: action, Resource: 'arn:aws:iam::111122223333:user/ci' }))),
    [],
  );
  assert.deepEqual(
    findings(
      check,
      policy(stmt({ Action: action, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })),
    ),
    [],
  );
  assert.deepEqual(
    findings(check, policy(stmt({ Action: action }), { Effect: 'Deny', Action: action, Resource: '*' })),
    [],
  );
  assert.deepEqual(findings(check, policy({ Effect: 'Deny', Action: action, Resource: '*' })), []);
  for (const policyType of ['service-control', 'permissions-boundary', 'trust'] as const) {
    assert.deepEqual(findings(check, policy(stmt({ Action: action })), { policyType }), [], policyType);
  }
});

test('the risk categories: each passes a grant narrowed to a named resource or by a Condition', () => {
  for (const category of RISK_CATEGORIES) {
    const action = riskyAction(category);
    const named = stmt({ Action: action, Resource: 'arn:aws:s3:::example-bucket' });
    const conditional = stmt({
      Action: action,
      Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
    });
    assert.deepEqual(findings(`security/${category}`, policy(named, conditional)), [], category);
  }
});

test('the risk categories: one unreadable statement does not hide the risks of the others', () => {
  const action = riskyAction('privilege-escalation');
  const doc = policy(
    { Action: 's3:GetObject', Resource: '*' },
    { Effect: 'Allow', Action: [7] },
    stmt({ Action: action }),
  );
  assert.deepEqual(firesAt('security/privilege-escalation', doc), ['Statement.2.Action']);
});

test('the risk categories: a document granting only unlisted actions is skipped, one risky grant among many is not', () => {
  // Lint analyses a document only when some unscoped Allow may grant a listed action (PolicyAnalyzer.mayReport).
  const analyzer = new PolicyAnalyzer(db, { categories: RISK_CATEGORIES });
  const index = actionIndex(db);
  const action = riskyAction('credentials-exposure');
  assert.equal(analyzer.mayReport(index.expand(action).ids), true);
  assert.equal(analyzer.mayReport(index.expand('s3:ListAllMyBuckets').ids), false);
  assert.equal(analyzer.mayReport([]), false);
  const many = ['s3:ListAllMyBuckets', 'ec2:Describe*', 'cloudwatch:Get*'];
  assert.deepEqual(findings('security/credentials-exposure', policy(stmt({ Action: many }))), []);
  const found = findings(
    'security/credentials-exposure',
    policy(stmt({ Action: many }), stmt({ Action: [...many, action] })),
  );
  assert.deepEqual(
    found.map((f) => f.path.join('.')),
    ['Statement.1.Action.3'],
  );
});
