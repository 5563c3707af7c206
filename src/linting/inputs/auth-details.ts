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

/** Each object of a list, with its index (other entries skipped). */
function objects(v: unknown): [Json, number][] {
  return Array.isArray(v) ? v.flatMap((x, i) => (isObject(x) ? [[x, i] as [Json, number]] : [])) : [];
}

export function authorizationDetailsInputs(details: Json, source: LazyJsonFile, out: FileInputs): void {
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

  for (const [p, i] of objects(details.Policies)) {
    const name = str(p.PolicyName) ?? str(p.Arn) ?? `Policies[${i}]`;
    const versions = objects(p.PolicyVersionList);
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
    for (const [who, i] of objects(details[listKey])) {
      const owner = str(who[nameKey]) ?? str(who.Arn) ?? `${listKey}[${i}]`;
      if (kind === 'role' && who.AssumeRolePolicyDocument !== undefined) {
        add(
          who.AssumeRolePolicyDocument,
          [listKey, i, 'AssumeRolePolicyDocument'],
          `role/${owner}/AssumeRolePolicyDocument`,
          'trust',
          undefined,
        );
      }
      for (const [ip, k] of objects(who[policiesKey])) {
        const name = `${kind}/${owner}/${str(ip.PolicyName) ?? `${policiesKey}[${k}]`}`;
        add(ip.PolicyDocument, [listKey, i, policiesKey, k, 'PolicyDocument'], name, 'identity', quota);
      }
    }
  }
}
