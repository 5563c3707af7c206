/**
 * `aws iam get-account-authorization-details` output: each managed policy's default version (identity,
 * managed quota), each inline policy of a user, group or role (identity, that kind's inline quota), and
 * each role's AssumeRolePolicyDocument (trust). Names follow analyze's: the managed policy's name,
 * `role/<RoleName>/<PolicyName>` for inline policies, `role/<RoleName>/AssumeRolePolicyDocument`.
 */
import { decodePolicyDocument } from '../../analysis/auth-details.js';
import type { JsonPath, PolicyType, SizeQuota } from '../types.js';
import { policyOf, type LazyJsonFile, type PolicySite } from './policy-site.js';
import type { FileInputs } from './types.js';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

const POLICY_LISTS = ['UserPolicyList', 'GroupPolicyList', 'RolePolicyList'];

export function authorizationDetailsInputs(details: Json, source: LazyJsonFile, out: FileInputs): void {
  const malformed = (path: JsonPath, message: string) =>
    out.problems.push({ file: source.file, rule: 'input/malformed', message, ...source.locator(path)([]) });
  /** The objects of the list at `path` (absent: none); anything else is reported, never skipped silently. */
  const objects = (v: unknown, path: JsonPath): [Json, number][] => {
    if (v === undefined || v === null) return [];
    const label = path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
      .join('')
      .slice(1);
    if (!Array.isArray(v)) {
      malformed(path, `${label} should be a list, not ${typeof v === 'object' ? 'an object' : typeof v}`);
      return [];
    }
    return v.flatMap((x, i) => {
      if (isObject(x)) return [[x, i] as [Json, number]];
      malformed([...path, i], `${label}[${i}] should be an object`);
      return [];
    });
  };
  const add = (
    value: unknown,
    base: JsonPath,
    name: string,
    policyType: PolicyType,
    sizeQuota: SizeQuota | undefined,
  ) => {
    const site: PolicySite = {
      file: source.file,
      text: source.text,
      position: source.position,
      name,
      policyType,
      ...(sizeQuota && { sizeQuota }),
    };
    const decoded = decodePolicyDocument(value);
    if (decoded.error !== undefined) {
      const rule = typeof value === 'string' ? 'grammar/json-syntax' : 'input/unreadable';
      out.problems.push({
        file: source.file,
        rule,
        message: decoded.error,
        policy: name,
        ...source.locator(base)([]),
      });
      return;
    }
    // A string is the document as JSON text (positions map into it) or URL-encoded (they point at it).
    const locate =
      typeof value === 'string'
        ? source.stringLocator(base, value.trimStart().startsWith('{') ? value : undefined)
        : source.locator(base);
    out.policies.push(policyOf(site, decoded.document, locate));
  };

  for (const [p, i] of objects(details.Policies, ['Policies'])) {
    const name = str(p.PolicyName) ?? str(p.Arn) ?? `Policies[${i}]`;
    const versions = objects(p.PolicyVersionList, ['Policies', i, 'PolicyVersionList']);
    const chosen =
      versions.find(([v]) => v.IsDefaultVersion === true) ??
      versions.find(([v]) => p.DefaultVersionId !== undefined && v.VersionId === p.DefaultVersionId);
    if (!chosen) {
      const message = 'no default version in PolicyVersionList';
      out.problems.push({
        file: source.file,
        rule: 'input/unreadable',
        message,
        policy: name,
        ...source.locator(['Policies', i])([]),
      });
      continue;
    }
    const [v, j] = chosen;
    add(v.Document, ['Policies', i, 'PolicyVersionList', j, 'Document'], name, 'identity', 'managed');
  }

  const principals = [
    ['UserDetailList', 'user', 'UserName', 'UserPolicyList', 'user-inline'],
    ['GroupDetailList', 'group', 'GroupName', 'GroupPolicyList', 'group-inline'],
    ['RoleDetailList', 'role', 'RoleName', 'RolePolicyList', 'role-inline'],
  ] as const;
  for (const [listKey, kind, nameKey, policiesKey, quota] of principals) {
    for (const [who, i] of objects(details[listKey], [listKey])) {
      const owner = str(who[nameKey]) ?? str(who.Arn) ?? `${listKey}[${i}]`;
      for (const other of POLICY_LISTS.filter((k) => k !== policiesKey && k in who)) {
        malformed(
          [listKey, i, other],
          `${kind} '${owner}' has ${other}; a ${kind}'s inline policies are under ${policiesKey}`,
        );
      }
      if (kind === 'role' && who.AssumeRolePolicyDocument !== undefined) {
        add(
          who.AssumeRolePolicyDocument,
          [listKey, i, 'AssumeRolePolicyDocument'],
          `role/${owner}/AssumeRolePolicyDocument`,
          'trust',
          undefined,
        );
      }
      for (const [ip, k] of objects(who[policiesKey], [listKey, i, policiesKey])) {
        const name = `${kind}/${owner}/${str(ip.PolicyName) ?? `${policiesKey}[${k}]`}`;
        add(ip.PolicyDocument, [listKey, i, policiesKey, k, 'PolicyDocument'], name, 'identity', quota);
      }
    }
  }
}
