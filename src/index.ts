/**
 * iamwright's public library API. Building, updating and exporting databases are in `iamwright/build`
 * (src/build.ts), which this entry does not load.
 */
export * from './database/core.js';
export * from './querying/index.js';
export * from './writing/index.js';
export * from './analysis/index.js';
export { UserError } from './util/errors.js';
export {
  matchesWildcard,
  compileWildcard,
  wildcardToRegExp,
  type WildcardMatcher,
  type WildcardOptions,
} from './util/wildcard.js';
export {
  policySize,
  POLICY_QUOTAS,
  type SizeUnit,
  type PolicyQuota,
  type PolicyQuotaName,
} from './util/policy-size.js';
export * from './linting/index.js';
export * from './reporting/index.js';
export * from './generating/index.js';
