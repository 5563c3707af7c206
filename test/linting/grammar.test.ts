import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintPolicy, POLICY_TYPES } from '../../src/linting/index.js';
import { allow, db, findings, firesAt, policy } from './helpers.js';

test('unknown-element: names the element, where it is, and the element meant', () => {
  const doc = { Version: '2012-10-17', Statment: [allow()] };
  const [f] = findings('grammar/unknown-element', doc);
  assert.deepEqual(f.path, ['Statment']);
  assert.match(f.message, /unknown element 'Statment'/);
  assert.match(f.message, /did you mean 'Statement'/);
  const [g] = findings(
    'grammar/unknown-element',
    policy({ Effect: 'Allow', Actions: 's3:GetObject', Resource: '*' }),
  );
  assert.deepEqual(g.path, ['Statement', 0, 'Actions']);
  assert.match(g.message, /did you mean 'Action'/);
  const principal = policy(allow({ Principal: { aws: 'arn:aws:iam::111122223333:root' } }));
  assert.deepEqual(firesAt('grammar/unknown-element', principal, 'resource'), ['Statement.0.Principal.aws']);
});

test('unknown-element: a policy using every element there is has none', () => {
  const doc = {
    Version: '2012-10-17',
    Id: 'example',
    Statement: [
      {
        Sid: 'A',
        Effect: 'Allow',
        Principal: {
          AWS: '111122223333',
          Service: 'ec2.amazonaws.com',
          Federated: 'cognito-identity.amazonaws.com',
          CanonicalUser: 'abc',
        },
        Action: 's3:GetObject',
        Resource: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'true' } },
      },
      { Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, NotAction: 's3:GetObject', NotResource: '*' },
    ],
  };
  assert.deepEqual(findings('grammar/unknown-element', doc, { policyType: 'resource' }), []);
});

test('wrong-type: each element of the wrong JSON type is reported at its path', () => {
  assert.deepEqual(firesAt('grammar/wrong-type', ['not', 'a', 'policy']), ['']);
  assert.deepEqual(firesAt('grammar/wrong-type', { Version: 2012, Statement: [allow()] }), ['Version']);
  assert.deepEqual(firesAt('grammar/wrong-type', { Version: '2012-10-17', Statement: 'all' }), ['Statement']);
  assert.deepEqual(firesAt('grammar/wrong-type', { Version: '2012-10-17', Statement: [allow(), 3] }), [
    'Statement.1',
  ]);
  assert.deepEqual(firesAt('grammar/wrong-type', policy(allow({ Action: ['s3:GetObject', 7] }))), [
    'Statement.0.Action.1',
  ]);
  assert.deepEqual(firesAt('grammar/wrong-type', policy(allow({ Resource: { arn: 'x' } }))), [
    'Statement.0.Resource',
  ]);
  assert.deepEqual(firesAt('grammar/wrong-type', policy(allow({ Effect: true }))), ['Statement.0.Effect']);
  assert.deepEqual(
    firesAt('grammar/wrong-type', policy(allow({ Principal: 'arn:aws:iam::111122223333:root' })), 'resource'),
    ['Statement.0.Principal'],
  );
  assert.deepEqual(firesAt('grammar/wrong-type', policy(allow({ Condition: { StringEquals: 'x' } }))), [
    'Statement.0.Condition.StringEquals',
  ]);
  assert.deepEqual(
    firesAt('grammar/wrong-type', policy(allow({ Condition: { StringEquals: { 'aws:username': [null] } } }))),
    ['Statement.0.Condition.StringEquals.aws:username.0'],
  );
  const [f] = findings('grammar/wrong-type', policy(allow({ Action: 42 })));
  assert.match(
    f.message,
    /Statement\[0\]\.Action must be a string or a list of strings, found the number 42/,
  );
});

test('wrong-type: numbers and booleans are fine as condition values', () => {
  const doc = policy(
    allow({ Condition: { NumericLessThan: { 's3:max-keys': 10 }, Bool: { 'aws:SecureTransport': [true] } } }),
  );
  assert.deepEqual(findings('grammar/wrong-type', doc), []);
});

test('empty-element: empty lists and objects where the statement needs content', () => {
  assert.deepEqual(firesAt('grammar/empty-element', policy(allow({ Resource: [] }))), [
    'Statement.0.Resource',
  ]);
  assert.deepEqual(firesAt('grammar/empty-element', policy(allow({ Action: [] }))), ['Statement.0.Action']);
  assert.deepEqual(firesAt('grammar/empty-element', policy(allow({ Condition: {} }))), [
    'Statement.0.Condition',
  ]);
  assert.deepEqual(firesAt('grammar/empty-element', policy(allow({ Principal: {} })), 'resource'), [
    'Statement.0.Principal',
  ]);
  assert.deepEqual(firesAt('grammar/empty-element', policy(allow({ Principal: { AWS: [] } })), 'resource'), [
    'Statement.0.Principal.AWS',
  ]);
  assert.deepEqual(
    findings('grammar/empty-element', policy(allow({ Principal: { AWS: ['111122223333'] } })), {
      policyType: 'resource',
    }),
    [],
  );
});

test('missing-statement: no Statement, or an empty list; one statement object is fine', () => {
  assert.deepEqual(firesAt('grammar/missing-statement', { Version: '2012-10-17' }), ['']);
  assert.deepEqual(firesAt('grammar/missing-statement', { Version: '2012-10-17', Statement: [] }), [
    'Statement',
  ]);
  assert.deepEqual(findings('grammar/missing-statement', { Version: '2012-10-17', Statement: allow() }), []);
});

test('missing-version, invalid-version, old-version: each Version fault has its own check', () => {
  const stmts = [allow()];
  assert.deepEqual(firesAt('grammar/missing-version', { Statement: stmts }), ['']);
  assert.deepEqual(findings('grammar/missing-version', { Version: '2008-10-17', Statement: stmts }), []);
  assert.deepEqual(firesAt('grammar/invalid-version', { Version: '2012-10-18', Statement: stmts }), [
    'Version',
  ]);
  assert.deepEqual(findings('grammar/invalid-version', { Version: '2008-10-17', Statement: stmts }), []);
  assert.deepEqual(findings('grammar/invalid-version', { Statement: stmts }), []);
  assert.deepEqual(firesAt('grammar/old-version', { Version: '2008-10-17', Statement: stmts }), ['Version']);
  assert.deepEqual(findings('grammar/old-version', policy(...stmts)), []);
  for (const check of ['grammar/missing-version', 'grammar/invalid-version', 'grammar/old-version']) {
    assert.deepEqual(findings(check, policy(...stmts)), [], check);
  }
});

test('variable-needs-version: a policy variable without Version 2012-10-17 is literal text', () => {
  const stmt = allow({
    Resource: 'arn:aws:s3:::home/${aws:username}/*',
    Condition: { StringLike: { 's3:prefix': ['home/${aws:username}/', 'public/'] } },
  });
  const none = findings('grammar/variable-needs-version', { Statement: [stmt] });
  assert.deepEqual(
    none.map((f) => f.path.join('.')),
    ['Statement.0.Resource', 'Statement.0.Condition.StringLike.s3:prefix.0'],
  );
  assert.match(none[0].message, /\$\{aws:username\}.*literal text because the policy has no Version/);
  assert.equal(
    findings('grammar/variable-needs-version', { Version: '2008-10-17', Statement: [stmt] }).length,
    2,
  );
  assert.deepEqual(findings('grammar/variable-needs-version', policy(stmt)), []);
  // A Version that is no version at all is invalid-version's finding, not this one's.
  assert.deepEqual(findings('grammar/variable-needs-version', { Version: '1', Statement: [stmt] }), []);
  assert.deepEqual(findings('grammar/variable-needs-version', { Statement: [allow()] }), []);
});

test('missing-effect and invalid-effect', () => {
  const noEffect: Record<string, unknown> = allow();
  delete noEffect.Effect;
  assert.deepEqual(firesAt('grammar/missing-effect', policy(noEffect)), ['Statement.0']);
  assert.deepEqual(findings('grammar/missing-effect', policy(allow())), []);
  const [f] = findings('grammar/invalid-effect', policy(allow({ Effect: 'allow' })));
  assert.deepEqual(f.path, ['Statement', 0, 'Effect']);
  assert.match(f.message, /'allow' is not valid; use "Allow" or "Deny" \(did you mean 'Allow'\?\)/);
  assert.deepEqual(findings('grammar/invalid-effect', policy(allow(), allow({ Effect: 'Deny' }))), []);
});

test('missing-action: neither Action nor NotAction', () => {
  assert.deepEqual(firesAt('grammar/missing-action', policy({ Effect: 'Allow', Resource: '*' })), [
    'Statement.0',
  ]);
  assert.deepEqual(
    findings('grammar/missing-action', policy({ Effect: 'Deny', NotAction: 's3:*', Resource: '*' })),
    [],
  );
});

test('conflicting-elements: each pair of an element and its Not- form', () => {
  assert.deepEqual(firesAt('grammar/conflicting-elements', policy(allow({ NotAction: 's3:PutObject' }))), [
    'Statement.0.NotAction',
  ]);
  assert.deepEqual(firesAt('grammar/conflicting-elements', policy(allow({ NotResource: '*' }))), [
    'Statement.0.NotResource',
  ]);
  assert.deepEqual(
    firesAt(
      'grammar/conflicting-elements',
      policy(allow({ Principal: '*', NotPrincipal: { AWS: '111122223333' } })),
      'resource',
    ),
    ['Statement.0.NotPrincipal'],
  );
  assert.deepEqual(findings('grammar/conflicting-elements', policy(allow())), []);
});

test('missing-resource: identity, boundary and resource policies need one; trust and SCPs do not', () => {
  const stmt = { Effect: 'Allow', Action: 's3:ListAllMyBuckets' };
  for (const type of ['identity', 'permissions-boundary'] as const) {
    assert.deepEqual(firesAt('grammar/missing-resource', policy(stmt), type), ['Statement.0'], type);
  }
  assert.deepEqual(firesAt('grammar/missing-resource', policy({ ...stmt, Principal: '*' }), 'resource'), [
    'Statement.0',
  ]);
  assert.deepEqual(findings('grammar/missing-resource', policy(stmt), { policyType: 'service-control' }), []);
  assert.deepEqual(
    findings('grammar/missing-resource', policy({ ...stmt, Principal: { Service: 'ec2.amazonaws.com' } }), {
      policyType: 'trust',
    }),
    [],
  );
  assert.deepEqual(
    findings('grammar/missing-resource', policy({ ...stmt, NotResource: 'arn:aws:s3:::x' })),
    [],
  );
});

test('resource-not-allowed: a trust policy takes no Resource', () => {
  const trust = { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };
  assert.deepEqual(firesAt('grammar/resource-not-allowed', policy({ ...trust, Resource: '*' }), 'trust'), [
    'Statement.0.Resource',
  ]);
  assert.deepEqual(findings('grammar/resource-not-allowed', policy(trust), { policyType: 'trust' }), []);
  assert.deepEqual(findings('grammar/resource-not-allowed', policy(allow())), []);
});

test('principal-not-allowed: by policy type, Principal and NotPrincipal apart', () => {
  const withPrincipal = policy(allow({ Principal: { AWS: '111122223333' } }));
  for (const type of ['identity', 'permissions-boundary', 'service-control'] as const) {
    assert.deepEqual(
      firesAt('grammar/principal-not-allowed', withPrincipal, type),
      ['Statement.0.Principal'],
      type,
    );
  }
  for (const type of ['resource', 'trust', 'resource-control'] as const) {
    assert.deepEqual(
      findings('grammar/principal-not-allowed', withPrincipal, { policyType: type }),
      [],
      type,
    );
  }
  const withNot = policy(allow({ NotPrincipal: { AWS: '111122223333' } }));
  assert.deepEqual(firesAt('grammar/principal-not-allowed', withNot, 'trust'), ['Statement.0.NotPrincipal']);
  assert.deepEqual(findings('grammar/principal-not-allowed', withNot, { policyType: 'resource' }), []);
});

test('missing-principal: resource, trust and resource control policies need one', () => {
  for (const type of ['resource', 'trust', 'resource-control'] as const) {
    assert.deepEqual(firesAt('grammar/missing-principal', policy(allow()), type), ['Statement.0'], type);
  }
  assert.deepEqual(findings('grammar/missing-principal', policy(allow())), []);
  assert.deepEqual(
    findings('grammar/missing-principal', policy(allow({ NotPrincipal: { AWS: '1' } })), {
      policyType: 'resource',
    }),
    [],
  );
});

test('invalid-sid: letters and digits only in IAM and Organizations policies, not checked in resource policies', () => {
  const doc = policy(allow({ Sid: 'Read objects' }), allow({ Sid: 'ReadObjects2' }));
  for (const type of ['identity', 'permissions-boundary', 'service-control'] as const) {
    assert.deepEqual(firesAt('grammar/invalid-sid', doc, type), ['Statement.0.Sid'], type);
  }
  const [f] = findings('grammar/invalid-sid', policy(allow({ Sid: 'a-b_c' })));
  assert.match(f.message, /"-" "_"/);
  assert.deepEqual(findings('grammar/invalid-sid', doc, { policyType: 'resource' }), []);
});

test('empty-sid', () => {
  assert.deepEqual(firesAt('grammar/empty-sid', policy(allow({ Sid: '' }))), ['Statement.0.Sid']);
  assert.deepEqual(findings('grammar/empty-sid', policy(allow())), []);
});

test('duplicate-sid: an error where AWS requires unique Sids, a warning in resource policies', () => {
  const doc = policy(allow({ Sid: 'Read' }), allow({ Sid: 'List' }), allow({ Sid: 'Read' }));
  const [f] = findings('grammar/duplicate-sid', doc);
  assert.deepEqual(f.path, ['Statement', 2, 'Sid']);
  assert.match(f.message, /already used by Statement\[0\]/);
  assert.deepEqual(findings('grammar/duplicate-sid', doc, { policyType: 'resource' }), []);
  assert.deepEqual(firesAt('grammar/duplicate-sid-resource-policy', doc, 'resource'), ['Statement.2.Sid']);
  assert.deepEqual(findings('grammar/duplicate-sid-resource-policy', doc), []);
  assert.deepEqual(
    findings('grammar/duplicate-sid', policy(allow({ Sid: 'A' }), allow({ Sid: 'B' }), allow())),
    [],
  );
});

// Near-policies: the right keys with arbitrary values, to reach every branch of every check.
const element = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('*', 's3:GetObject', 'iam:Pass*', 'arn:aws:iam::*:role/*'),
);
const statement = fc.dictionary(
  fc.constantFrom(
    'Sid',
    'Effect',
    'Principal',
    'NotPrincipal',
    'Action',
    'NotAction',
    'Resource',
    'NotResource',
    'Condition',
    'Extra',
  ),
  element,
);
const nearPolicy = fc.record(
  {
    Version: fc.oneof(fc.constant('2012-10-17'), fc.jsonValue()),
    Statement: fc.oneof(fc.array(statement), statement, fc.jsonValue()),
  },
  { requiredKeys: [] },
);

test('every check tolerates any JSON: lint reports, it never throws', () => {
  fc.assert(
    fc.property(fc.oneof(fc.jsonValue(), nearPolicy), fc.constantFrom(...POLICY_TYPES), (doc, policyType) => {
      for (const f of lintPolicy(db, doc, { policyType })) {
        assert.equal(typeof f.message, 'string');
        assert.ok(Array.isArray(f.path));
      }
    }),
    { numRuns: 300 },
  );
});
