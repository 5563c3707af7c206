/**
 * The principals of an authorization-details document (users, groups, roles) with the policies that apply
 * to each, and for roles who may assume them, read from the trust policy. The policies themselves are read
 * by authorizationDetailsPolicies (auth-details.ts); principals name them by ARN (managed) or by the same
 * `<kind>/<owner>/<name>` as the inline sources.
 */
import type { RiskTrust } from '../../reporting/risk-report.js';
import { decodePolicyDocument } from '../auth-details.js';

export interface DetailsPrincipal {
  /** The ARN, or `<type>/<name>` when the entry has none. */
  id: string;
  name: string;
  type: 'user' | 'group' | 'role';
  file: string;
  /** ARNs of the attached managed policies. */
  managed: string[];
  /** Names of the inline policies as the inline PolicySource names them (`user/alice/p`). */
  inline: string[];
  /** For users: the groups' names. */
  groups?: string[];
  /** For roles: the trust policy as found (decoded), when there is one. */
  trustDocument?: unknown;
  trust?: RiskTrust[];
  /** The account id from the ARN, when it has one. */
  account?: string;
}

type Json = Record<string, unknown>;

const KINDS = [
  ['user', 'UserDetailList', 'UserName', 'UserPolicyList'],
  ['group', 'GroupDetailList', 'GroupName', 'GroupPolicyList'],
  ['role', 'RoleDetailList', 'RoleName', 'RolePolicyList'],
] as const;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function objects(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

/** The account id of an ARN (`arn:aws:iam::123456789012:role/x`), or undefined. */
export function accountOf(arn: string): string | undefined {
  const parts = arn.split(':');
  return parts.length >= 6 && parts[0] === 'arn' && /^\d{12}$/.test(parts[4]) ? parts[4] : undefined;
}

/**
 * Every user, group and role of the document. Entries that are not objects are skipped here:
 * authorizationDetailsPolicies reports them as errors.
 */
export function authorizationDetailsPrincipals(details: Json, file: string): DetailsPrincipal[] {
  const out: DetailsPrincipal[] = [];
  for (const [type, listKey, nameKey, policyKey] of KINDS) {
    for (const p of objects(details[listKey])) {
      const name = str(p[nameKey]) ?? str(p.Arn) ?? '?';
      const arn = str(p.Arn);
      const principal: DetailsPrincipal = {
        id: arn ?? `${type}/${name}`,
        name,
        type,
        file,
        managed: objects(p.AttachedManagedPolicies).flatMap((m) => str(m.PolicyArn) ?? []),
        inline: objects(p[policyKey]).map((ip) => `${type}/${name}/${str(ip.PolicyName) ?? '?'}`),
      };
      const account = arn && accountOf(arn);
      if (account) principal.account = account;
      if (type === 'user') {
        principal.groups = Array.isArray(p.GroupList) ? p.GroupList.filter((g) => typeof g === 'string') : [];
      }
      if (type === 'role' && p.AssumeRolePolicyDocument !== undefined) {
        const { document } = decodePolicyDocument(p.AssumeRolePolicyDocument);
        if (document !== undefined) {
          principal.trustDocument = document;
          principal.trust = trustOf(document, account);
        }
      }
      out.push(principal);
    }
  }
  return out;
}

const ASSUME = /^sts:(\*|assumerole\*?|assumerolewith(saml|webidentity))$/i;

/** Does an Action value of a trust statement let its principals assume the role? */
function grantsAssume(action: unknown): boolean {
  const list = typeof action === 'string' ? [action] : Array.isArray(action) ? action : [];
  return list.some((a) => typeof a === 'string' && (a === '*' || ASSUME.test(a)));
}

/**
 * Who may assume a role, by its trust policy's Allow statements that grant sts:AssumeRole (or one of its
 * forms). `roleAccount` tells other accounts from the role's own.
 */
export function trustOf(document: unknown, roleAccount: string | undefined): RiskTrust[] {
  if (!isObject(document)) return [];
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  const out: RiskTrust[] = [];
  for (const s of statements) {
    if (!isObject(s) || s.Effect !== 'Allow') continue;
    if (!grantsAssume(s.Action) && !('NotAction' in s)) continue;
    const conditional = 'Condition' in s;
    // An Allow to everyone but some principals is, for trust, an Allow to everyone else.
    if ('NotPrincipal' in s || s.Principal === '*') {
      out.push({ principal: '*', kind: 'everyone', conditional, crossAccount: true });
      continue;
    }
    if (!isObject(s.Principal)) continue;
    for (const [type, value] of Object.entries(s.Principal)) {
      const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : [];
      for (const p of list) {
        if (typeof p !== 'string') continue;
        out.push({ principal: p, ...classify(type, p, roleAccount), conditional });
      }
    }
  }
  return out;
}

function classify(
  type: string,
  p: string,
  roleAccount: string | undefined,
): Pick<RiskTrust, 'kind' | 'crossAccount'> {
  if (type === 'Service') return { kind: 'service', crossAccount: false };
  if (type === 'Federated') return { kind: 'federated', crossAccount: false };
  if (type !== 'AWS') return { kind: 'other', crossAccount: false };
  if (p === '*') return { kind: 'everyone', crossAccount: true };
  const account = /^\d{12}$/.test(p) ? p : accountOf(p);
  return { kind: 'account', crossAccount: account !== undefined && account !== roleAccount };
}
