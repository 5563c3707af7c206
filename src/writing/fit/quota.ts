/**
 * What `--fit` takes: a quota by name (`managed`, `role-inline`, `user-inline`, `group-inline`, `scp`) or a
 * number of characters (counted as IAM counts, for one policy).
 */
import { UserError } from '../../util/errors.js';
import { POLICY_QUOTAS, type PolicyQuota, type PolicyQuotaName } from '../../util/policy-size.js';

export const FIT_QUOTA_NAMES = Object.keys(POLICY_QUOTAS) as PolicyQuotaName[];

/** A quota to fit a policy into. */
export interface FitQuota extends PolicyQuota {
  /** The name given (`managed`), or the number as given. */
  name: string;
}

/** The quota named, or a quota of `value` characters; a UserError listing what is allowed otherwise. */
export function parseFitQuota(value: string): FitQuota {
  const key = value.trim().toLowerCase();
  if (key in POLICY_QUOTAS) return { name: key, ...POLICY_QUOTAS[key as PolicyQuotaName] };
  if (/^\d+$/.test(key) && Number(key) > 0 && Number.isSafeInteger(Number(key))) {
    const limit = Number(key);
    return { name: key, limit, unit: 'iam', what: 'one policy', shared: false };
  }
  throw new UserError(
    `unknown quota '${value}'; allowed: ${FIT_QUOTA_NAMES.join(', ')}, or a number of characters (e.g. 4096)`,
  );
}
