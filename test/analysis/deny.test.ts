// The one rule for a certain Deny (src/analysis/deny.ts) and the statement checks it rests on
// (statementProblems in src/analysis/policy.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  analyzePolicy,
  isCertainDeny,
  readPolicyStatements,
  statementProblems,
  type Finding,
} from '../../src/analysis/index.js';
import { miniDb, policy } from './fixtures.js';

const db = miniDb();
const allow = { Sid: 'Open', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' };
const deny = { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' };

/** The iam:PassRole findings of the Allow above with `extra` after it. */
function passRoleFindings(...extra: Record<string, unknown>[]): Finding[] {
  return analyzePolicy(db, policy(allow, ...extra)).findings.filter((f) =>
    f.actions.includes('iam:PassRole'),
  );
}

test('a certain Deny removes the finding: no Condition, no Principal or Principal "*"', () => {
  assert.ok(passRoleFindings().length > 0, 'the Allow alone is a finding');
  assert.deepEqual(passRoleFindings(deny), []);
  assert.deepEqual(passRoleFindings({ ...deny, Principal: '*' }), [], 'Principal "*" is everyone');
});

test('a Deny scoped to principals does not surely apply: the finding stays (#05)', () => {
  const bucketAllow = { ...allow, Principal: { AWS: '*' }, Resource: 'arn:aws:s3:::shared' };
  const cases: Record<string, unknown>[] = [
    { Principal: { AWS: 'arn:aws:iam::123456789012:user/bob' } },
    { NotPrincipal: { AWS: 'arn:aws:iam::123456789012:role/admin' } },
    { Principal: { AWS: '*' } }, // all AWS principals, but not service principals: not "*"
  ];
  const passRole = (...statements: Record<string, unknown>[]) =>
    analyzePolicy(db, policy(bucketAllow, ...statements)).findings.filter((f) =>
      f.actions.includes('iam:PassRole'),
    );
  const alone = passRole();
  assert.ok(alone.length > 0);
  for (const scope of cases) {
    assert.deepEqual(
      passRole({ ...deny, ...scope, Resource: 'arn:aws:s3:::shared' }),
      alone,
      JSON.stringify(scope),
    );
  }
  assert.deepEqual(passRole({ ...deny, Principal: '*', Resource: 'arn:aws:s3:::shared' }), []);
});

test('isCertainDeny: only valid, unconditional, unscoped Deny statements', () => {
  assert.equal(isCertainDeny(deny), true);
  assert.equal(isCertainDeny({ ...deny, Principal: '*', Sid: 'Guard' }), true);
  assert.equal(isCertainDeny({ Effect: 'Deny', NotAction: 's3:*', NotResource: 'arn:aws:s3:::b' }), true);
  const notCertain: [string, unknown][] = [
    ['an Allow', { ...deny, Effect: 'Allow' }],
    ['a Condition', { ...deny, Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }],
    ['an empty Condition', { ...deny, Condition: {} }],
    ['Condition null', { ...deny, Condition: null }],
    ['a misspelt Condition', { ...deny, Conditions: { Bool: { 'aws:SecureTransport': 'false' } } }],
    ['no Resource', { Effect: 'Deny', Action: 'iam:PassRole' }],
    ['a named Principal', { ...deny, Principal: { AWS: 'arn:aws:iam::1:user/bob' } }],
    ['NotPrincipal', { ...deny, NotPrincipal: { AWS: 'arn:aws:iam::1:user/bob' } }],
    ['Resource and NotResource', { ...deny, NotResource: 'arn:aws:s3:::b' }],
    ['a Sid that is not a string', { ...deny, Sid: 7 }],
    ['a Resource that is not a string', { ...deny, Resource: 7 }],
    ['not an object', [deny]],
    ['null', null],
  ];
  for (const [what, statement] of notCertain) assert.equal(isCertainDeny(statement), false, what);
});

test('an invalid statement makes the document an error naming the statement and the element (#38)', () => {
  const cases: [Record<string, unknown>, RegExp][] = [
    [
      { ...deny, Sid: 'Guard', Conditions: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } },
      /^Statement\[1\] \(Sid Guard\): unknown element 'Conditions'; did you mean 'Condition'\?$/,
    ],
    [{ ...deny, Colour: 'red' }, /^Statement\[1\]: unknown element 'Colour'; a statement has Sid, Effect, /],
    [
      { Effect: 'Deny', Action: 'iam:PassRole' },
      /^Statement\[1\]: needs exactly one of Resource or NotResource$/,
    ],
    [
      { ...deny, Condition: null },
      /^Statement\[1\]: Condition must be an object of condition operators, found null$/,
    ],
    [
      { ...deny, Condition: { Bool: 'x' } },
      /^Statement\[1\]: Condition 'Bool' must be an object of condition keys/,
    ],
    [
      { ...deny, Condition: { Bool: { 'aws:SecureTransport': { x: 1 } } } },
      /Condition 'Bool' 'aws:SecureTransport' must be a value or a list of values, found an object/,
    ],
    [
      { ...deny, Principal: 'bob' },
      /^Statement\[1\]: Principal must be "\*" or an object of principal types, found "bob"$/,
    ],
    [
      { ...deny, Principal: { Aws: '*' } },
      /Principal has unknown principal type 'Aws'; did you mean 'AWS'\?$/,
    ],
    [{ ...deny, Principal: { AWS: [1] } }, /Principal AWS must be a string or a list of strings/],
    [{ ...deny, Principal: '*', NotPrincipal: '*' }, /has both Principal and NotPrincipal/],
    [{ ...deny, NotResource: 'x' }, /^Statement\[1\]: has both Resource and NotResource/],
    [{ ...deny, NotAction: 'x' }, /^Statement\[1\]: has both Action and NotAction/],
    [{ ...deny, Sid: ['a'] }, /^Statement\[1\]: Sid must be a string, found a list$/],
  ];
  for (const [statement, message] of cases) {
    assert.throws(
      () => analyzePolicy(db, policy(allow, statement)),
      (e: Error) => e.name === 'PolicyFormatError' && message.test(e.message),
      JSON.stringify(statement),
    );
  }
});

test('valid statements pass: trust policies without Resource, every element of a resource policy', () => {
  const trust = { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' };
  assert.deepEqual(statementProblems(trust), []);
  const full = {
    Sid: 'Full',
    Effect: 'Allow',
    Principal: {
      AWS: ['arn:aws:iam::1:root'],
      Service: 's3.amazonaws.com',
      Federated: 'x',
      CanonicalUser: 'y',
    },
    Action: ['s3:GetObject'],
    Resource: ['arn:aws:s3:::b/*'],
    Condition: {
      StringEquals: { 'aws:PrincipalOrgID': ['o-1'], 's3:x': 1 },
      Bool: { 'aws:SecureTransport': true },
    },
  };
  assert.deepEqual(statementProblems(full), []);
  assert.equal(readPolicyStatements(policy(full, trust)).length, 2);
});

test('the view and the raw rule agree: view.certain of a Deny is isCertainDeny of its statement', () => {
  const elements = {
    Sid: fc.constantFrom('S', 3),
    Effect: fc.constantFrom('Allow', 'Deny', 'deny'),
    Principal: fc.constantFrom('*', { AWS: '*' }, { AWS: 'arn:aws:iam::1:root' }, 'bob'),
    NotPrincipal: fc.constantFrom({ AWS: 'arn:aws:iam::1:root' }),
    Action: fc.constantFrom('iam:PassRole', ['iam:*'], 7),
    NotAction: fc.constantFrom('s3:*'),
    Resource: fc.constantFrom('*', ['arn:aws:iam::1:role/*'], null),
    NotResource: fc.constantFrom('arn:aws:s3:::b'),
    Condition: fc.constantFrom({ Bool: { 'aws:SecureTransport': 'false' } }, {}, null),
    Conditions: fc.constantFrom({}),
  };
  const statementArb = fc.record(elements, { requiredKeys: [] });
  fc.assert(
    fc.property(statementArb, (statement) => {
      let view;
      try {
        [view] = readPolicyStatements(policy(statement));
      } catch {
        assert.equal(isCertainDeny(statement), false, 'an invalid statement is never certain');
        assert.ok(statementProblems(statement).length > 0);
        return;
      }
      assert.deepEqual(statementProblems(statement), []);
      assert.equal(isCertainDeny(statement), view.effect === 'Deny' && view.certain);
    }),
    { numRuns: 500 },
  );
});

test('a Deny that is not certain never removes a finding', () => {
  const extras = {
    Principal: fc.constantFrom('*', { AWS: '*' }, { AWS: 'arn:aws:iam::1:user/bob' }),
    NotPrincipal: fc.constantFrom({ AWS: 'arn:aws:iam::1:user/bob' }),
    Condition: fc.constantFrom({ Bool: { 'aws:SecureTransport': 'false' } }, {}),
    Resource: fc.constantFrom('*', 'arn:aws:iam::1:role/*'),
    NotResource: fc.constantFrom('arn:aws:iam::1:role/x'),
  };
  const alone = passRoleFindings();
  fc.assert(
    fc.property(fc.record(extras, { requiredKeys: [] }), (extra) => {
      const d: Record<string, unknown> = { Effect: 'Deny', Action: 'iam:*', ...extra };
      let found;
      try {
        found = passRoleFindings(d);
      } catch {
        return; // an invalid document is an error, never a report with fewer findings
      }
      if (!isCertainDeny(d)) assert.deepEqual(found, alone, JSON.stringify(d));
    }),
    { numRuns: 300 },
  );
});
