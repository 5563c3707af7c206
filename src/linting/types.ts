/**
 * What lint checks take and give. A check sees one policy document (parsed JSON) with its policy type, and
 * reports problems at JSON paths inside it; the caller maps those paths to lines in the source file.
 */
import type { Severity } from '../reporting/finding.js';
import { POLICY_QUOTAS } from '../util/policy-size.js';

/** The kinds of policy AWS distinguishes; each allows different elements (Principal, Sid characters...). */
export const POLICY_TYPES = [
  'identity',
  'resource',
  'trust',
  'service-control',
  'resource-control',
  'permissions-boundary',
] as const;
export type PolicyType = (typeof POLICY_TYPES)[number];

/** AWS size quotas a policy can be held to (counted as AWS counts them; see src/util/policy-size.ts). */
export const SIZE_QUOTAS = {
  managed: POLICY_QUOTAS.managed.limit,
  'role-inline': POLICY_QUOTAS['role-inline'].limit,
  'user-inline': POLICY_QUOTAS['user-inline'].limit,
  'group-inline': POLICY_QUOTAS['group-inline'].limit,
  'service-control': POLICY_QUOTAS.scp.limit,
} as const;
export type SizeQuota = keyof typeof SIZE_QUOTAS;

/** A JSON path inside the document: keys and list positions from the root. */
export type JsonPath = readonly (string | number)[];

/** One problem a check found in a document. */
export interface LintFinding {
  /** The check's stable id, e.g. `actions/unknown-action`. */
  check: string;
  severity: Severity;
  /** One line naming the element and what is allowed. */
  message: string;
  /** Where in the document; the element the message is about. */
  path: JsonPath;
}

export interface LintOptions {
  /** Which kind of policy the document is. Default `identity`. */
  policyType?: PolicyType;
  /** The quota to hold the document to, when its kind is known (CloudFormation, Terraform). Default: none. */
  sizeQuota?: SizeQuota;
  /** Only these check ids (or families, e.g. `actions`). Default: every check. */
  checks?: readonly string[];
  /** Never these check ids (or families). Default: none. */
  skipChecks?: readonly string[];
}
