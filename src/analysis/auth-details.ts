/**
 * The output of `aws iam get-account-authorization-details`: users, groups and roles with their inline
 * policies and attached managed policies, and the managed policies with all their versions. We analyse
 * each managed policy's default version and each inline policy, naming who it applies to.
 * Documents come decoded from the AWS CLI, URL-encoded from the raw API: both are accepted.
 */
import { parseJsonText } from './json-text.js';

export interface Attachments {
  users: string[];
  groups: string[];
  roles: string[];
}

/** One policy document to analyse, and where it came from. */
export interface PolicySource {
  /** The file it was read from ('-' for stdin). */
  file: string;
  /** 'file': the whole file is one policy; 'managed' / 'inline': a policy inside authorization details. */
  kind: 'file' | 'managed' | 'inline';
  /** Policy name (authorization details only); for inline policies `<user|group|role>/<owner>/<name>`. */
  name?: string;
  arn?: string;
  attachedTo?: Attachments;
  /** The parsed document, or `error` saying why there is none. */
  document?: unknown;
  error?: string;
}

const LIST_KEYS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'] as const;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function objects(v: unknown): Json[] {
  return Array.isArray(v) ? v.filter(isObject) : [];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** Is this parsed JSON the output of get-account-authorization-details? */
export function isAuthorizationDetails(value: unknown): value is Json {
  return isObject(value) && !('Statement' in value) && LIST_KEYS.some((k) => Array.isArray(value[k]));
}

/** A policy document as found in the output: an object, a JSON string, or a URL-encoded JSON string. */
export function decodePolicyDocument(value: unknown): { document?: unknown; error?: string } {
  if (isObject(value)) return { document: value };
  if (typeof value !== 'string') return { error: 'policy document is missing' };
  let text = value;
  if (!text.trimStart().startsWith('{')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return { error: 'policy document is neither JSON nor URL-encoded JSON' };
    }
  }
  try {
    return { document: parseJsonText(text) };
  } catch (e) {
    return { error: `policy document: ${(e as Error).message}` };
  }
}

/** The policies of an authorization-details document: managed policies first, then inline ones. */
export function authorizationDetailsPolicies(details: Json, file: string): PolicySource[] {
  const byArn = new Map<string, Attachments>();
  const attach = (arn: string | undefined, kind: keyof Attachments, who: string) => {
    if (!arn) return;
    let a = byArn.get(arn);
    if (!a) byArn.set(arn, (a = { users: [], groups: [], roles: [] }));
    a[kind].push(who);
  };
  const principals: [keyof Attachments, string, Json[], string][] = [
    ['users', 'user', objects(details.UserDetailList), 'UserPolicyList'],
    ['groups', 'group', objects(details.GroupDetailList), 'GroupPolicyList'],
    ['roles', 'role', objects(details.RoleDetailList), 'RolePolicyList'],
  ];
  const inline: PolicySource[] = [];
  for (const [kind, singular, list, policyKey] of principals) {
    const nameKey = `${singular[0].toUpperCase()}${singular.slice(1)}Name`;
    for (const p of list) {
      const who = str(p[nameKey]) ?? str(p.Arn) ?? '?';
      for (const m of objects(p.AttachedManagedPolicies)) attach(str(m.PolicyArn), kind, who);
      for (const ip of objects(p[policyKey])) {
        const attachedTo: Attachments = { users: [], groups: [], roles: [] };
        attachedTo[kind].push(who);
        inline.push({
          file,
          kind: 'inline',
          name: `${singular}/${who}/${str(ip.PolicyName) ?? '?'}`,
          attachedTo,
          ...decodePolicyDocument(ip.PolicyDocument),
        });
      }
    }
  }
  const managed: PolicySource[] = objects(details.Policies).map((p) => {
    const arn = str(p.Arn);
    const versions = objects(p.PolicyVersionList);
    const chosen =
      versions.find((v) => v.IsDefaultVersion === true) ??
      versions.find((v) => p.DefaultVersionId !== undefined && v.VersionId === p.DefaultVersionId);
    const source: PolicySource = {
      file,
      kind: 'managed',
      name: str(p.PolicyName) ?? arn ?? '?',
      attachedTo: (arn && byArn.get(arn)) || { users: [], groups: [], roles: [] },
    };
    if (arn) source.arn = arn;
    if (!chosen) return { ...source, error: 'no default version in PolicyVersionList' };
    return { ...source, ...decodePolicyDocument(chosen.Document) };
  });
  return [...managed, ...inline];
}
