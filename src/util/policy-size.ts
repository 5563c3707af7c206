/**
 * Policy sizes, counted as AWS counts them, and the quotas AWS holds policies to. The one counting
 * function for every caller: `write-policy --fit`, the `size` command and lint's size checks.
 *
 * - IAM (managed and inline policies) counts characters and does not count whitespace. We count the
 *   document written with no whitespace between JSON tokens; whitespace inside strings (rare) is counted,
 *   so the count never falls below AWS's.
 * - Organizations (SCPs, RCPs) counts the policy as stored, whitespace included, in bytes (its quota pages
 *   say characters and bytes; a character outside ASCII takes more than one byte). We count the UTF-8
 *   bytes of the same compact text: exactly what is stored when that text is what is uploaded.
 */

/** How a quota counts: IAM characters without whitespace, or Organizations bytes as stored. */
export type SizeUnit = 'iam' | 'organizations';

/**
 * The size AWS holds `document` to, in `unit` (see the header). Also the share of any JSON value (a
 * statement, an action name) inside such a document, since the compact form has no separators but `,`.
 */
export function policySize(document: unknown, unit: SizeUnit): number {
  const compact = JSON.stringify(document) ?? '';
  return unit === 'organizations' ? Buffer.byteLength(compact, 'utf8') : compact.length;
}

export interface PolicyQuota {
  /** Characters (IAM) or bytes (Organizations). */
  limit: number;
  unit: SizeUnit;
  /** Named in messages: "a managed policy". */
  what: string;
  /**
   * True when the quota is shared by all the policies of its kind on one identity (inline policies: a
   * role's inline policies together may not pass 10,240), so that splitting a policy does not help.
   */
  shared: boolean;
}

/** The quotas policies are held to (IAM and Organizations quota pages). */
export const POLICY_QUOTAS = {
  managed: { limit: 6144, unit: 'iam', what: 'a managed policy', shared: false },
  'role-inline': { limit: 10240, unit: 'iam', what: "a role's inline policies", shared: true },
  'user-inline': { limit: 2048, unit: 'iam', what: "a user's inline policies", shared: true },
  'group-inline': { limit: 5120, unit: 'iam', what: "a group's inline policies", shared: true },
  scp: { limit: 5120, unit: 'organizations', what: 'a service control policy', shared: false },
} as const satisfies Record<string, PolicyQuota>;

export type PolicyQuotaName = keyof typeof POLICY_QUOTAS;

/** 6144 -> '6,144', without building an Intl formatter per message. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** A document against one quota. */
export interface QuotaCheck {
  quota: PolicyQuotaName;
  limit: number;
  unit: SizeUnit;
  /** The document's size in the quota's unit. */
  size: number;
  fits: boolean;
}

/** A document's size both ways, and against every quota of POLICY_QUOTAS. */
export function checkQuotas(document: unknown): { characters: number; bytes: number; quotas: QuotaCheck[] } {
  const sizes = { iam: policySize(document, 'iam'), organizations: policySize(document, 'organizations') };
  const quotas = (Object.entries(POLICY_QUOTAS) as [PolicyQuotaName, PolicyQuota][]).map(([quota, q]) => ({
    quota,
    limit: q.limit,
    unit: q.unit,
    size: sizes[q.unit],
    fits: sizes[q.unit] <= q.limit,
  }));
  return { characters: sizes.iam, bytes: sizes.organizations, quotas };
}
