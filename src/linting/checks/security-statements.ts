/** Security checks of single statements: Allow with a Not- element, and iam:PassRole on any role. */
import { denyCovers, type PolicyStatementView } from '../../analysis/index.js';
import { hasWildcard, matchesWildcard } from '../../util/wildcard.js';
import type { Check } from '../check.js';
import type { LintStatement } from '../document.js';
import { globCovers } from '../glob.js';
import { formatPath, quotedList } from '../shape.js';
import { conditionKeys, statementView } from '../views.js';
import { sample } from './sample.js';

function listed(values: LintStatement['notAction']): string {
  const names = (values ?? []).map((v) => v.value);
  return names.length > 4
    ? `${quotedList(names.slice(0, 4), 'and')} and ${names.length - 4} more`
    : quotedList(names, 'and');
}

export const allowNotAction: Check = {
  id: 'security/allow-not-action',
  family: 'security',
  severity: 'security-warning',
  title: 'Allow with NotAction',
  help:
    'An Allow with NotAction grants every action of every service except those listed, including actions ' +
    'and services AWS adds later. List the actions to allow instead; keep NotAction for Deny statements.',
  example: {
    fires: sample([{ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]),
    passes: sample([{ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }]),
  },
  run(ctx) {
    for (const st of ctx.doc.statements) {
      if (st.effect !== 'Allow' || !st.notAction || st.notAction.length === 0) continue;
      ctx.report(
        [...st.path, 'NotAction'],
        `Allow with NotAction grants every action of every service except ${listed(st.notAction)}, including actions added later; list the actions to allow instead`,
      );
    }
  },
};

export const allowNotResource: Check = {
  id: 'security/allow-not-resource',
  family: 'security',
  severity: 'security-warning',
  title: 'Allow with NotResource',
  help:
    'An Allow with NotResource grants its actions on every resource except those listed, in every account ' +
    'and including resources created later. Name the resources to allow in Resource instead.',
  example: {
    fires: sample([{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::secrets/*' }]),
    passes: sample([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }]),
  },
  parliament: ['NOTRESOURCE_WITH_ALLOW'],
  run(ctx) {
    for (const st of ctx.doc.statements) {
      if (st.effect !== 'Allow' || !st.notResource || st.notResource.length === 0) continue;
      ctx.report(
        [...st.path, 'NotResource'],
        `Allow with NotResource grants its actions on every resource except ${listed(st.notResource)}, including resources created later; name the resources in Resource instead`,
      );
    }
  },
};

export const allowNotPrincipal: Check = {
  id: 'security/allow-not-principal',
  family: 'security',
  severity: 'security-warning',
  title: 'Allow with NotPrincipal',
  help:
    'An Allow with NotPrincipal grants access to every principal except those listed, anonymous callers ' +
    'included. Name the principals to allow in Principal instead.',
  example: {
    fires: sample(
      [
        {
          Effect: 'Allow',
          NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::example-bucket/*',
        },
      ],
      'resource',
    ),
    passes: sample(
      [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:root' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::example-bucket/*',
        },
      ],
      'resource',
    ),
  },
  accessAnalyzer: ['ALLOW_WITH_NOT_PRINCIPAL'],
  parliament: ['NOTPRINCIPAL_WITH_ALLOW'],
  run(ctx) {
    for (const st of ctx.doc.statements) {
      if (st.effect !== 'Allow' || !('NotPrincipal' in st.raw)) continue;
      ctx.report(
        [...st.path, 'NotPrincipal'],
        'Allow with NotPrincipal grants access to every principal except those listed, anonymous callers included; name the principals in Principal instead',
      );
    }
  },
};

const PASS_ROLE = 'iam:PassRole';

/** Does a Resource pattern match every role (of some account, or of all)? `*`, `arn:aws:iam::*:role/*`... */
export function coversAllRoles(resource: string): boolean {
  if (resource === '*') return true;
  const parts = resource.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return false;
  const service = parts[2];
  const rest = parts.slice(5).join(':');
  return matchesWildcard(service, 'iam') && globCovers(rest, 'role/*', false);
}

/** Does an action pattern match iam:PassRole? (A pattern covering the name matches it.) */
function matchesPassRole(pattern: string): boolean {
  // Most entries are exact names of other actions: settle those without lower-casing or matching.
  if (!hasWildcard(pattern))
    return pattern.length === PASS_ROLE.length && pattern.toLowerCase() === 'iam:passrole';
  return globCovers(pattern, PASS_ROLE);
}

function grantsPassRole(st: LintStatement): boolean {
  if (st.action) return st.action.some((v) => matchesPassRole(v.value));
  if (st.notAction) return !st.notAction.some((v) => matchesPassRole(v.value));
  return false;
}

export const passRoleAnyRole: Check = {
  id: 'security/pass-role-any-role',
  family: 'security',
  severity: 'security-warning',
  title: 'iam:PassRole allowed on every role',
  help:
    'iam:PassRole on Resource "*" (or arn:aws:iam::ACCOUNT:role/*, or with NotResource) lets the holder ' +
    'hand any role, administrator roles included, to a service they control (an EC2 instance, a Lambda ' +
    'function) and act with its permissions. Name the roles, or restrict the statement with the ' +
    'iam:PassedToService condition key. A Deny in the same policy that surely removes iam:PassRole (no ' +
    'Condition, covering the resources) silences the finding.',
  example: {
    fires: sample([{ Effect: 'Allow', Action: ['ec2:RunInstances', 'iam:PassRole'], Resource: '*' }]),
    passes: sample([
      { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' },
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app-instance' },
    ]),
  },
  accessAnalyzer: [
    'PASS_ROLE_WITH_STAR_IN_RESOURCE',
    'PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE',
    'PASS_ROLE_WITH_NOT_RESOURCE',
    'PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION',
  ],
  run(ctx) {
    // Only the statements that name iam:PassRole matter: the others are never read as views.
    const views: { st: LintStatement; view: PolicyStatementView }[] = [];
    for (const st of ctx.doc.statements) {
      const view = grantsPassRole(st) ? statementView(st) : undefined;
      if (view) views.push({ st, view });
    }
    const denies = views.filter(({ st }) => st.effect === 'Deny');
    for (const { st, view } of views) {
      if (st.effect !== 'Allow') continue;
      if (conditionKeys(st).has('iam:passedtoservice')) continue;
      if (denies.some((d) => denyCovers(d.view, view))) continue;
      if (st.notResource) {
        ctx.report(
          [...st.path, 'NotResource'],
          `${formatPath(st.path)} allows iam:PassRole with NotResource, i.e. on every other role; name the roles in Resource, or add a Condition on iam:PassedToService`,
        );
        continue;
      }
      for (const r of st.resource ?? []) {
        if (!coversAllRoles(r.value)) continue;
        ctx.report(
          r.path,
          `${formatPath(st.path)} allows iam:PassRole on '${r.value}', i.e. any role, administrator roles included; name the roles, or add a Condition on iam:PassedToService`,
        );
      }
    }
  },
};

export const statementSecurityChecks: readonly Check[] = [
  allowNotAction,
  allowNotResource,
  allowNotPrincipal,
  passRoleAnyRole,
];
