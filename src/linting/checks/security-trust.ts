/**
 * Security checks of whom a policy lets in: a wildcard principal without a Condition (trust and resource
 * policies), a whole account trusted without a Condition, and web-identity federation without a test
 * of the token. Any Condition is taken as a restriction: lint cannot tell a tight one from a loose one.
 */
import type { Check } from '../check.js';
import type { LintStatement } from '../document.js';
import { globCovers } from '../glob.js';
import { isObject, stringsOf } from '../shape.js';
import type { JsonPath } from '../types.js';
import { conditionKeys } from '../views.js';
import { sample } from './sample.js';

/** The string values of one Principal type (`AWS`, `Federated`...) with their paths. */
function principals(st: LintStatement, type: string): [string, JsonPath][] {
  const p = st.raw.Principal;
  return isObject(p) ? stringsOf(p[type], [...st.path, 'Principal', type]) : [];
}

const assumeRole = (principal: unknown, extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Principal: principal,
  Action: 'sts:AssumeRole',
  ...extra,
});

export const publicPrincipal: Check = {
  id: 'security/public-principal',
  family: 'security',
  severity: 'security-warning',
  title: 'A trust or resource policy open to every principal without a Condition',
  help:
    '"Principal": "*" (or {"AWS": "*"}) in an Allow means anyone, in any account, anonymous callers ' +
    'included: for a role trust policy, anyone may assume the role. Name the principals, or restrict the ' +
    'statement with a Condition such as aws:PrincipalOrgID or aws:SourceAccount.',
  example: {
    fires: sample([assumeRole({ AWS: '*' })], 'trust'),
    passes: sample(
      [assumeRole({ AWS: '*' }, { Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } })],
      'trust',
    ),
  },
  accessAnalyzer: ['ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL'],
  run(ctx) {
    if (ctx.policyType !== 'trust' && ctx.policyType !== 'resource') return;
    for (const st of ctx.doc.statements) {
      if (st.effect !== 'Allow' || st.conditional) continue;
      const open: JsonPath[] =
        st.raw.Principal === '*'
          ? [[...st.path, 'Principal']]
          : principals(st, 'AWS')
              .filter(([v]) => v === '*')
              .map(([, p]) => p);
      const who =
        ctx.policyType === 'trust'
          ? 'anyone in any account may assume the role'
          : 'anyone, anonymous callers included, is allowed';
      for (const path of open) {
        ctx.report(
          path,
          `an Allow for every principal without a Condition: ${who}; name the principals or add a Condition (e.g. aws:PrincipalOrgID)`,
        );
      }
    }
  },
};

const ACCOUNT = /^(\d{12})$|^arn:aws[a-z-]*:iam::(\d{12}):root$/;

export const trustAccountWithoutCondition: Check = {
  id: 'security/trust-account-without-condition',
  family: 'security',
  severity: 'security-warning',
  title: 'A role trust policy trusting a whole account without a Condition',
  help:
    'Trusting an account (123456789012 or arn:aws:iam::123456789012:root) lets every principal of that ' +
    'account that its own policies allow sts:AssumeRole assume the role. For another account, such as a ' +
    "vendor's, require sts:ExternalId (the confused-deputy guard) or aws:PrincipalOrgID, or name its role. " +
    'Lint does not know which account is yours: accept the finding for your own account.',
  example: {
    fires: sample([assumeRole({ AWS: 'arn:aws:iam::111122223333:root' })], 'trust'),
    passes: sample(
      [
        assumeRole(
          { AWS: 'arn:aws:iam::111122223333:root' },
          { Condition: { StringEquals: { 'sts:ExternalId': 'example-external-id' } } },
        ),
      ],
      'trust',
    ),
  },
  run(ctx) {
    if (ctx.policyType !== 'trust') return;
    for (const st of ctx.doc.statements) {
      if (st.effect !== 'Allow' || st.conditional) continue;
      for (const [value, path] of principals(st, 'AWS')) {
        const m = ACCOUNT.exec(value);
        if (!m) continue;
        ctx.report(
          path,
          `the role trusts every principal of account ${m[1] ?? m[2]} without a Condition; if it is not your account, require sts:ExternalId or aws:PrincipalOrgID, or name the role that may assume it`,
        );
      }
    }
  },
};

const GITHUB = 'token.actions.githubusercontent.com';
const WEB_IDENTITY = 'sts:AssumeRoleWithWebIdentity';

/** The issuer host of an OIDC Federated principal, or undefined for SAML providers. */
function oidcIssuer(federated: string): string | undefined {
  if (federated.includes(':saml-provider/')) return undefined;
  const at = federated.indexOf(':oidc-provider/');
  return (at >= 0 ? federated.slice(at + ':oidc-provider/'.length) : federated).toLowerCase();
}

export const trustOidcWithoutCondition: Check = {
  id: 'security/trust-oidc-without-condition',
  family: 'security',
  severity: 'security-warning',
  title: 'Web-identity federation without a Condition on the token',
  help:
    'A role trusting an OIDC provider (GitHub Actions, EKS, Cognito, Google...) for ' +
    "sts:AssumeRoleWithWebIdentity must test the token: without a Condition on the provider's keys, any " +
    "identity that provider issues can assume the role (for GitHub: any repository's workflow). For " +
    'GitHub Actions, test token.actions.githubusercontent.com:sub against your repository.',
  example: {
    fires: sample(
      [
        {
          Effect: 'Allow',
          Principal: {
            Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
          },
          Action: WEB_IDENTITY,
          Condition: { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } },
        },
      ],
      'trust',
    ),
    passes: sample(
      [
        {
          Effect: 'Allow',
          Principal: {
            Federated: 'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
          },
          Action: WEB_IDENTITY,
          Condition: {
            StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
            StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:example-org/example-repo:*' },
          },
        },
      ],
      'trust',
    ),
  },
  accessAnalyzer: ['MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL', 'MISSING_GITHUB_REPO_CONDITION_KEY'],
  run(ctx) {
    if (ctx.policyType !== 'trust') return;
    for (const st of ctx.doc.statements) {
      if (st.effect !== 'Allow') continue;
      if (!(st.action ?? []).some((v) => globCovers(v.value, WEB_IDENTITY))) continue;
      const keys = [...conditionKeys(st)];
      for (const [value, path] of principals(st, 'Federated')) {
        const issuer = oidcIssuer(value);
        if (issuer === undefined) continue;
        if (issuer === GITHUB) {
          if (!keys.includes(`${GITHUB}:sub`)) {
            ctx.report(
              path,
              `the role trusts GitHub Actions without a Condition on ${GITHUB}:sub: a workflow of any repository can assume it; test :sub against your repository`,
            );
          }
        } else if (!keys.some((k) => k.startsWith(`${issuer}:`))) {
          ctx.report(
            path,
            `the role trusts the identity provider ${issuer} without a Condition on its keys (${issuer}:aud, :sub): any identity it issues can assume the role`,
          );
        }
      }
    }
  },
};

export const trustSecurityChecks: readonly Check[] = [
  publicPrincipal,
  trustAccountWithoutCondition,
  trustOidcWithoutCondition,
];
