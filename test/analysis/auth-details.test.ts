// Authorization details that cannot be fully analysed say so, entry by entry, and the rest is still read
// (#08: attached managed policies absent from Policies; #44: malformed lists).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyzeSources,
  authorizationDetailsPolicies,
  isAuthorizationDetails,
} from '../../src/analysis/index.js';
import { miniDb, policy } from './fixtures.js';

const passRole = policy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' });
const admin = 'arn:aws:iam::aws:policy/AdministratorAccess';

function report(details: Record<string, unknown>) {
  return analyzeSources(miniDb(), authorizationDetailsPolicies(details, 'acct.json'));
}

const inlineRole = {
  RoleName: 'builder',
  RolePolicyList: [{ PolicyName: 'pass', PolicyDocument: passRole }],
};

test('an attached managed policy missing from Policies is one error naming it and who has it (#08)', () => {
  const r = report({
    UserDetailList: [
      { UserName: 'bob', AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: admin }] },
      { UserName: 'eve', AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: admin }] },
    ],
    RoleDetailList: [{ ...inlineRole, AttachedManagedPolicies: [{ PolicyArn: admin }] }],
  });
  assert.deepEqual(
    r.errors.map((e) => [e.policy, e.message]),
    [
      [
        'AdministratorAccess',
        'attached to users bob, eve, role builder but not in the Policies list, so not analysed; ' +
          'include managed policies in the output (get-account-authorization-details without --filter)',
      ],
    ],
  );
  assert.deepEqual(
    r.policies.map((p) => p.name),
    ['role/builder/pass'],
    'the inline policy is still analysed',
  );
});

test('attached managed policies present in Policies are analysed, with no error', () => {
  const r = report({
    UserDetailList: [
      {
        UserName: 'bob',
        AttachedManagedPolicies: [{ PolicyName: 'ops', PolicyArn: 'arn:aws:iam::1:policy/ops' }],
      },
    ],
    Policies: [
      {
        PolicyName: 'ops',
        Arn: 'arn:aws:iam::1:policy/ops',
        PolicyVersionList: [{ VersionId: 'v1', IsDefaultVersion: true, Document: passRole }],
      },
    ],
  });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(
    r.policies.map((p) => [p.name, p.attachedTo?.users]),
    [['ops', ['bob']]],
  );
});

test('malformed lists and entries are errors naming what is malformed; the rest is analysed (#44)', () => {
  const r = report({
    UserDetailList: { UserName: 'x' },
    GroupDetailList: ['ops', { GroupName: 'dev', GroupPolicyList: { PolicyName: 'p' } }],
    RoleDetailList: [
      { RoleName: 'r', UserPolicyList: [{ PolicyName: 'x', PolicyDocument: passRole }] },
      { ...inlineRole, AttachedManagedPolicies: [{ PolicyName: 'nameless' }, 7] },
    ],
    Policies: [{ PolicyName: 'broken', Arn: 'arn:aws:iam::1:policy/broken', PolicyVersionList: 'v1' }, null],
  });
  assert.deepEqual(
    r.errors.map((e) => (e.policy ? `${e.policy}: ${e.message}` : e.message)),
    [
      'UserDetailList must be a list, found an object; not analysed',
      'GroupDetailList[0] must be an object, found a string; not analysed',
      'GroupDetailList[1] (group dev): GroupPolicyList must be a list, found an object; not analysed',
      "RoleDetailList[0] (role r): UserPolicyList is not where a role's inline policies are (RolePolicyList); not analysed",
      'RoleDetailList[1] (role builder): AttachedManagedPolicies[0] has no PolicyArn; the attached policy cannot be identified',
      'RoleDetailList[1] (role builder): AttachedManagedPolicies[1] must be an object, found a number; not analysed',
      'Policies[0] (broken): PolicyVersionList must be a list, found a string; not analysed',
      'Policies[1] must be an object, found null; not analysed',
      'broken: no default version in PolicyVersionList',
    ],
  );
  assert.deepEqual(
    r.policies.map((p) => p.name),
    ['role/builder/pass'],
  );
  assert.ok(r.findings.some((f) => f.policy === 'role/builder/pass' && f.actions.includes('iam:PassRole')));
  assert.deepEqual(
    report({ UserDetailList: null, RoleDetailList: [{ RoleName: 'n', RolePolicyList: null }] }).errors.map(
      (e) => e.message,
    ),
    [
      'UserDetailList must be a list, found null; not analysed',
      'RoleDetailList[0] (role n): RolePolicyList must be a list, found null; not analysed',
    ],
  );
});

test('a file with an authorization-details list of any type is read as authorization details', () => {
  assert.ok(isAuthorizationDetails({ UserDetailList: { UserName: 'x' } }));
  assert.ok(isAuthorizationDetails({ Policies: [] }));
  assert.ok(!isAuthorizationDetails({ ...passRole, Policies: [] }), 'a Statement makes it a policy');
  assert.ok(!isAuthorizationDetails({ Users: [] }));
});

test('well-formed authorization details give no errors, including empty lists and absent keys', () => {
  const r = report({
    UserDetailList: [],
    GroupDetailList: [{ GroupName: 'g' }],
    RoleDetailList: [inlineRole],
  });
  assert.deepEqual(r.errors, []);
  assert.equal(r.policies.length, 1);
});
