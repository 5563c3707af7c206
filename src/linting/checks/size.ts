/**
 * Lint checks of the size family: the document against its AWS quota, counted as AWS counts it by
 * policySize (src/util/policy-size.ts, shared with write-policy --fit and the size command):
 *
 * - IAM (managed, inline, trust policies) does not count whitespace. We count the document written
 *   without whitespace between JSON tokens; whitespace inside string values (rare) is counted, so the
 *   count never falls below AWS's.
 * - Organizations (SCPs, RCPs) counts the document as stored, in bytes: the console strips whitespace
 *   outside strings, the API and CLI keep it. We count the stripped form, in UTF-8 bytes, and say that
 *   uploading the whitespace costs more.
 *
 * A quota that is certain (ctx.sizeQuota, or the policy type is an Organizations policy) makes an excess an
 * error; a quota assumed from the policy type alone (6,144 for a managed policy; 2,048 for a trust policy,
 * adjustable to 4,096) makes it a warning, as Access Analyzer does.
 */
import type { Check, CheckContext } from '../check.js';
import { groupDigits, policySize, POLICY_QUOTAS, type SizeUnit } from '../../util/policy-size.js';
import { SIZE_QUOTAS, type PolicyType, type SizeQuota } from '../types.js';
import { sample } from './sample.js';

/** The default role trust policy length quota (IAM quotas page; raised on request up to 4,096). */
export const TRUST_POLICY_QUOTA = 2048;

interface Quota {
  limit: number;
  /** How AWS counts: IAM characters without whitespace, or Organizations bytes. */
  unit: SizeUnit;
  /** Named in messages: "a managed policy". */
  what: string;
}

const QUOTA_NAMES: Record<SizeQuota, string> = {
  managed: POLICY_QUOTAS.managed.what,
  'role-inline': POLICY_QUOTAS['role-inline'].what,
  'user-inline': POLICY_QUOTAS['user-inline'].what,
  'group-inline': POLICY_QUOTAS['group-inline'].what,
  'service-control': POLICY_QUOTAS.scp.what,
};

function knownQuota(q: SizeQuota): Quota {
  return {
    limit: SIZE_QUOTAS[q],
    unit: q === 'service-control' ? 'organizations' : 'iam',
    what: QUOTA_NAMES[q],
  };
}

/** The quota the policy type alone implies, and whether it is certain. */
function quotaOfType(type: PolicyType): { quota: Quota; certain: boolean } | undefined {
  switch (type) {
    case 'service-control':
      return { quota: knownQuota('service-control'), certain: true };
    case 'resource-control':
      return {
        quota: {
          limit: SIZE_QUOTAS['service-control'],
          unit: 'organizations',
          what: 'a resource control policy',
        },
        certain: true,
      };
    case 'identity':
    case 'permissions-boundary':
      return { quota: knownQuota('managed'), certain: false };
    case 'trust':
      return {
        quota: { limit: TRUST_POLICY_QUOTA, unit: 'iam', what: 'a role trust policy (default quota)' },
        certain: false,
      };
    case 'resource':
      return undefined; // each service sets its own (S3 20 KB, KMS 32 KB...)
  }
}

const n = groupDigits;

function describeExcess(size: number, quota: Quota): string {
  const counted =
    quota.unit === 'iam'
      ? `${n(size)} characters (whitespace not counted)`
      : `at least ${n(size)} bytes (whitespace outside strings removed, as the console stores it; the API and CLI keep and count it)`;
  return `the policy is ${counted}, over the ${n(quota.limit)} allowed for ${quota.what}`;
}

function check(ctx: CheckContext, certain: boolean): void {
  const chosen = ctx.sizeQuota
    ? { quota: knownQuota(ctx.sizeQuota), certain: true }
    : quotaOfType(ctx.policyType);
  if (!chosen || chosen.certain !== certain) return;
  const size = policySize(ctx.doc.raw, chosen.quota.unit);
  if (size <= chosen.quota.limit) return;
  const advice = certain
    ? 'AWS will reject it: split it into several policies or shorten it (wildcards, merged statements)'
    : 'if it is attached as such, AWS will reject it: split or shorten it, or lint it with its real kind';
  ctx.report([], `${describeExcess(size, chosen.quota)}; ${advice}`);
}

const manyBuckets = (n: number) => Array.from({ length: n }, (_, i) => `arn:aws:s3:::example-bucket-${i}/*`);

export const exceedsQuota: Check = {
  id: 'size/exceeds-quota',
  family: 'size',
  severity: 'error',
  title: 'The policy is larger than the AWS quota of its known kind',
  help:
    'AWS rejects a policy over its size quota: managed policies 6,144 characters, inline policies 2,048 ' +
    '(user), 5,120 (group) or 10,240 (role) characters in total, IAM not counting whitespace; SCPs and ' +
    'RCPs 5,120 bytes as stored. Reported when the kind is known (from CloudFormation or Terraform, or an ' +
    'Organizations policy type). Split the policy, or shorten it with wildcards and merged statements.',
  example: {
    fires: sample(
      [{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: manyBuckets(150) }],
      'service-control',
    ),
    passes: sample(
      [{ Effect: 'Deny', Action: 's3:DeleteBucket', Resource: manyBuckets(10) }],
      'service-control',
    ),
  },
  accessAnalyzer: ['POLICY_SIZE_EXCEEDS_SCP_QUOTA'],
  run: (ctx) => check(ctx, true),
};

export const mayExceedQuota: Check = {
  id: 'size/may-exceed-quota',
  family: 'size',
  severity: 'warning',
  title: 'The policy is larger than the quota its policy type usually has',
  help:
    'When the kind of policy is not known, identity policies and permissions boundaries are held to the ' +
    'managed-policy quota (6,144 characters without whitespace) and role trust policies to the default ' +
    '2,048 (raised on request up to 4,096). Inline role policies may be larger (10,240), user inline ' +
    'policies must be smaller (2,048): give the real kind when you know it.',
  example: {
    fires: sample([{ Effect: 'Allow', Action: 's3:GetObject', Resource: manyBuckets(200) }]),
    passes: sample([{ Effect: 'Allow', Action: 's3:GetObject', Resource: manyBuckets(10) }]),
  },
  accessAnalyzer: [
    'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA',
    'POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA',
  ],
  run: (ctx) => check(ctx, false),
};

export const sizeChecks: readonly Check[] = [exceedsQuota, mayExceedQuota];
