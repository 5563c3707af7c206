/**
 * The output of `aws iam get-account-authorization-details`: users, groups and roles with their inline
 * policies and attached managed policies, and the managed policies with all their versions. We analyse
 * each managed policy's default version and each inline policy, naming who it applies to.
 * Documents come decoded from the AWS CLI, URL-encoded from the raw API: both are accepted.
 */
import { printableName } from '../util/printable.js';
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

/** Where each kind of principal keeps its inline policies. */
const INLINE_KEYS = ['UserPolicyList', 'GroupPolicyList', 'RolePolicyList'] as const;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Is this parsed JSON the output of get-account-authorization-details? */
export function isAuthorizationDetails(value: unknown): value is Json {
  return isObject(value) && !('Statement' in value) && LIST_KEYS.some((k) => k in value);
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

/**
 * The policies of an authorization-details document: managed policies first, then inline ones. What cannot
 * be analysed becomes an entry with `error` and the rest is still read: a list that is not a list, an entry
 * that is not an object, inline policies under another kind's key (a role's `UserPolicyList`), and attached
 * managed policies whose documents are not in `Policies` (output made with `--filter User Role Group`).
 * Problems with the file's shape come first.
 */
export function authorizationDetailsPolicies(details: Json, file: string): PolicySource[] {
  const problems: PolicySource[] = [];
  const problem = (message: string) => problems.push({ file, kind: 'file', error: message });
  /**
   * Calls `visit` on each object of `owner[key]` with its position, in order, reporting a value that is not
   * a list and each entry that is not an object.
   */
  const eachObject = (owner: Json, key: string, where: string, visit: (o: Json, i: number) => void) => {
    const v = owner[key];
    if (v === undefined) return;
    const at = where ? `${where}: ${key}` : key;
    if (!Array.isArray(v)) {
      problem(`${at} must be a list, found ${describe(v)}; not analysed`);
      return;
    }
    v.forEach((x, i) => {
      if (isObject(x)) visit(x, i);
      else problem(`${at}[${i}] must be an object, found ${describe(x)}; not analysed`);
    });
  };

  const byArn = new Map<string, { name?: string; attachedTo: Attachments }>();
  const attach = (m: Json, kind: keyof Attachments, who: string, at: string) => {
    const arn = str(m.PolicyArn);
    if (!arn) {
      problem(`${at} has no PolicyArn; the attached policy cannot be identified`);
      return;
    }
    let a = byArn.get(arn);
    if (!a)
      byArn.set(arn, (a = { name: str(m.PolicyName), attachedTo: { users: [], groups: [], roles: [] } }));
    a.attachedTo[kind].push(who);
  };
  const principals: [keyof Attachments, string, (typeof LIST_KEYS)[number], (typeof INLINE_KEYS)[number]][] =
    [
      ['users', 'user', 'UserDetailList', 'UserPolicyList'],
      ['groups', 'group', 'GroupDetailList', 'GroupPolicyList'],
      ['roles', 'role', 'RoleDetailList', 'RolePolicyList'],
    ];
  const inline: PolicySource[] = [];
  for (const [kind, singular, listKey, policyKey] of principals) {
    const nameKey = `${singular[0].toUpperCase()}${singular.slice(1)}Name`;
    eachObject(details, listKey, '', (p, i) => {
      const who = str(p[nameKey]) ?? str(p.Arn) ?? '?';
      const where = `${listKey}[${i}] (${singular} ${printableName(who)})`;
      eachObject(p, 'AttachedManagedPolicies', where, (m, j) =>
        attach(m, kind, who, `${where}: AttachedManagedPolicies[${j}]`),
      );
      for (const other of INLINE_KEYS) {
        if (other !== policyKey && other in p) {
          problem(
            `${where}: ${other} is not where a ${singular}'s inline policies are (${policyKey}); not analysed`,
          );
        }
      }
      eachObject(p, policyKey, where, (ip) => {
        const attachedTo: Attachments = { users: [], groups: [], roles: [] };
        attachedTo[kind].push(who);
        inline.push({
          file,
          kind: 'inline',
          name: `${singular}/${who}/${str(ip.PolicyName) ?? '?'}`,
          attachedTo,
          ...decodePolicyDocument(ip.PolicyDocument),
        });
      });
    });
  }
  const listed = new Set<string>();
  const managed: PolicySource[] = [];
  eachObject(details, 'Policies', '', (p, i) => {
    const arn = str(p.Arn);
    if (arn) listed.add(arn);
    const name = str(p.PolicyName) ?? arn ?? '?';
    const versions: Json[] = [];
    eachObject(p, 'PolicyVersionList', `Policies[${i}] (${printableName(name)})`, (v) => versions.push(v));
    const chosen =
      versions.find((v) => v.IsDefaultVersion === true) ??
      versions.find((v) => p.DefaultVersionId !== undefined && v.VersionId === p.DefaultVersionId);
    const source: PolicySource = {
      file,
      kind: 'managed',
      name,
      attachedTo: (arn && byArn.get(arn)?.attachedTo) || { users: [], groups: [], roles: [] },
    };
    if (arn) source.arn = arn;
    if (!chosen) managed.push({ ...source, error: 'no default version in PolicyVersionList' });
    else managed.push({ ...source, ...decodePolicyDocument(chosen.Document) });
  });
  // Attached but absent from Policies: its document is not in the file, so what it grants is unknown.
  for (const [arn, { name, attachedTo }] of byArn) {
    if (listed.has(arn)) continue;
    managed.push({
      file,
      kind: 'managed',
      name: name ?? arn,
      arn,
      attachedTo,
      error:
        `attached to ${describeAttachments(attachedTo)} but not in the Policies list, so not analysed; ` +
        'include managed policies in the output (get-account-authorization-details without --filter)',
    });
  }
  return [...problems, ...managed, ...inline];
}

function describeAttachments(a: Attachments): string {
  const parts: string[] = [];
  for (const [kind, names] of [
    ['user', a.users],
    ['group', a.groups],
    ['role', a.roles],
  ] as const) {
    if (names.length === 0) continue;
    const shown = names.slice(0, 3).map((n) => printableName(n));
    const more = names.length > 3 ? ` and ${names.length - 3} more` : '';
    parts.push(`${kind}${names.length > 1 ? 's' : ''} ${shown.join(', ')}${more}`);
  }
  return parts.join(', ');
}
