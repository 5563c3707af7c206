/** Grammar checks of each statement's required and forbidden elements, by policy type. */
import { closeMatches } from '../../util/errors.js';
import type { Check, CheckContext } from '../check.js';
import type { LintStatement } from '../document.js';
import { POLICY_TYPE_RULES } from '../policy-rules.js';
import { formatPath } from '../shape.js';
import { sample } from './sample.js';

const EFFECTS = ['Allow', 'Deny'];

function where(st: LintStatement): string {
  return st.sid ? `${formatPath(st.path)} (Sid ${st.sid})` : formatPath(st.path);
}

function eachStatement(ctx: CheckContext, fn: (st: LintStatement) => void): void {
  for (const st of ctx.doc.statements) fn(st);
}

export const missingEffect: Check = {
  id: 'grammar/missing-effect',
  family: 'grammar',
  severity: 'error',
  title: 'A statement without Effect',
  help: 'Every statement needs "Effect": "Allow" or "Effect": "Deny"; AWS rejects a statement without one.',
  example: {
    fires: sample([{ Action: 's3:GetObject', Resource: '*' }]),
    passes: sample([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
  },
  accessAnalyzer: ['MISSING_EFFECT'],
  parliament: ['MALFORMED'],
  run(ctx) {
    eachStatement(ctx, (st) => {
      if (!('Effect' in st.raw))
        ctx.report(st.path, `${where(st)} has no Effect; add "Effect": "Allow" or "Effect": "Deny"`);
    });
  },
};

export const invalidEffect: Check = {
  id: 'grammar/invalid-effect',
  family: 'grammar',
  severity: 'error',
  title: 'An Effect other than Allow or Deny',
  help: 'Effect is "Allow" or "Deny", spelt exactly so (the value is case-sensitive).',
  example: {
    fires: sample([{ Effect: 'allow', Action: 's3:GetObject', Resource: '*' }]),
    passes: sample([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
  },
  accessAnalyzer: ['INVALID_EFFECT'],
  parliament: ['MALFORMED'],
  run(ctx) {
    eachStatement(ctx, (st) => {
      const e = st.raw.Effect;
      if (typeof e !== 'string' || EFFECTS.includes(e)) return; // a non-string is a wrong type
      const near = closeMatches(e, EFFECTS, 1);
      ctx.report(
        [...st.path, 'Effect'],
        `Effect '${e}' is not valid; use "Allow" or "Deny"${near.length ? ` (did you mean '${near[0]}'?)` : ''}`,
      );
    });
  },
};

export const missingAction: Check = {
  id: 'grammar/missing-action',
  family: 'grammar',
  severity: 'error',
  title: 'A statement with neither Action nor NotAction',
  help: 'Every statement names its actions with Action (or NotAction); AWS rejects a statement with neither.',
  example: {
    fires: sample([{ Effect: 'Allow', Resource: '*' }]),
    passes: sample([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
  },
  accessAnalyzer: ['MISSING_ACTION'],
  parliament: ['MALFORMED'],
  run(ctx) {
    eachStatement(ctx, (st) => {
      if (!('Action' in st.raw) && !('NotAction' in st.raw)) {
        ctx.report(
          st.path,
          `${where(st)} has neither Action nor NotAction; add the actions the statement is about`,
        );
      }
    });
  },
};

const PAIRS = [
  ['Action', 'NotAction'],
  ['Resource', 'NotResource'],
  ['Principal', 'NotPrincipal'],
] as const;

export const conflictingElements: Check = {
  id: 'grammar/conflicting-elements',
  family: 'grammar',
  severity: 'error',
  title: 'Action with NotAction, Resource with NotResource, or Principal with NotPrincipal',
  help:
    'A statement takes either the element or its Not- form, never both: AWS rejects the combination. Keep ' +
    'the one you mean and move the other into a separate statement.',
  example: {
    fires: sample([{ Effect: 'Allow', Action: 's3:GetObject', NotAction: 's3:PutObject', Resource: '*' }]),
    passes: sample([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
  },
  accessAnalyzer: ['UNSUPPORTED_ELEMENT_COMBINATION'],
  parliament: ['MALFORMED'],
  run(ctx) {
    eachStatement(ctx, (st) => {
      for (const [a, b] of PAIRS) {
        if (a in st.raw && b in st.raw) {
          ctx.report(
            [...st.path, b],
            `${where(st)} has both ${a} and ${b}; a statement takes only one of them`,
          );
        }
      }
    });
  },
};

export const missingResource: Check = {
  id: 'grammar/missing-resource',
  family: 'grammar',
  severity: 'error',
  title: 'A statement without Resource or NotResource where the policy type needs one',
  help:
    'Statements of identity policies, permissions boundaries and resource policies name the resources ' +
    'they apply to with Resource (or NotResource); use "Resource": "*" for every resource.',
  example: {
    fires: sample([{ Effect: 'Allow', Action: 's3:ListAllMyBuckets' }]),
    passes: sample([{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }]),
  },
  accessAnalyzer: ['MISSING_RESOURCE'],
  parliament: ['MALFORMED'],
  run(ctx) {
    const rules = POLICY_TYPE_RULES[ctx.policyType];
    if (!rules.resourceRequired) return;
    eachStatement(ctx, (st) => {
      if (!('Resource' in st.raw) && !('NotResource' in st.raw)) {
        ctx.report(
          st.path,
          `${where(st)} has neither Resource nor NotResource, which ${rules.name} needs; add "Resource" (e.g. "*")`,
        );
      }
    });
  },
};

export const resourceNotAllowed: Check = {
  id: 'grammar/resource-not-allowed',
  family: 'grammar',
  severity: 'error',
  title: 'Resource or NotResource in a role trust policy',
  help: 'A role trust policy applies to the role it is attached to: it takes no Resource or NotResource.',
  example: {
    fires: sample(
      [
        {
          Effect: 'Allow',
          Principal: { Service: 'ec2.amazonaws.com' },
          Action: 'sts:AssumeRole',
          Resource: '*',
        },
      ],
      'trust',
    ),
    passes: sample(
      [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      'trust',
    ),
  },
  accessAnalyzer: ['ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE'],
  run(ctx) {
    const rules = POLICY_TYPE_RULES[ctx.policyType];
    if (!rules.resourceForbidden) return;
    eachStatement(ctx, (st) => {
      for (const key of ['Resource', 'NotResource']) {
        if (key in st.raw)
          ctx.report(
            [...st.path, key],
            `${where(st)} has ${key}, which ${rules.name} does not take; remove it`,
          );
      }
    });
  },
};

export const principalNotAllowed: Check = {
  id: 'grammar/principal-not-allowed',
  family: 'grammar',
  severity: 'error',
  title: 'Principal or NotPrincipal where the policy type has none',
  help:
    'Identity policies, permissions boundaries and SCPs apply to whoever they are attached to: they take ' +
    'no Principal (use the aws:PrincipalArn condition key in an SCP). Role trust policies and RCPs take ' +
    'Principal but not NotPrincipal.',
  example: {
    fires: sample([{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }]),
    passes: sample([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
  },
  accessAnalyzer: [
    'UNSUPPORTED_PRINCIPAL',
    'SCP_SYNTAX_ERROR_PRINCIPAL',
    'ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL',
  ],
  run(ctx) {
    const rules = POLICY_TYPE_RULES[ctx.policyType];
    eachStatement(ctx, (st) => {
      if (rules.principalForbidden && 'Principal' in st.raw) {
        ctx.report(
          [...st.path, 'Principal'],
          `${where(st)} has Principal, which ${rules.name} does not take; remove it`,
        );
      }
      if (rules.notPrincipalForbidden && 'NotPrincipal' in st.raw) {
        const instead = rules.principalForbidden ? 'remove it' : 'name the principals in Principal instead';
        ctx.report(
          [...st.path, 'NotPrincipal'],
          `${where(st)} has NotPrincipal, which ${rules.name} does not take; ${instead}`,
        );
      }
    });
  },
};

export const missingPrincipal: Check = {
  id: 'grammar/missing-principal',
  family: 'grammar',
  severity: 'error',
  title: 'A statement without Principal where the policy type needs one',
  help:
    'Resource policies, role trust policies and RCPs say whom each statement is about with Principal ' +
    '(e.g. {"AWS": "arn:aws:iam::123456789012:root"} or {"Service": "ec2.amazonaws.com"}).',
  example: {
    fires: sample([{ Effect: 'Allow', Action: 'sts:AssumeRole' }], 'trust'),
    passes: sample(
      [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      'trust',
    ),
  },
  accessAnalyzer: ['MISSING_PRINCIPAL'],
  parliament: ['MALFORMED'],
  run(ctx) {
    const rules = POLICY_TYPE_RULES[ctx.policyType];
    if (!rules.principalRequired) return;
    eachStatement(ctx, (st) => {
      if (!('Principal' in st.raw) && !('NotPrincipal' in st.raw)) {
        ctx.report(st.path, `${where(st)} has no Principal, which ${rules.name} needs; add "Principal"`);
      }
    });
  },
};

export const statementChecks: readonly Check[] = [
  missingEffect,
  invalidEffect,
  missingAction,
  conflictingElements,
  missingResource,
  resourceNotAllowed,
  principalNotAllowed,
  missingPrincipal,
];
