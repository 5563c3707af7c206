/**
 * When does a Deny in the same document take an allowed action away? Only when it surely applies wherever
 * the Allow does; otherwise the finding stays, since the risk is reduced but not gone.
 */
import { hasWildcard } from '../util/wildcard.js';
import type { PolicyStatementView } from './policy.js';

/**
 * Does this Deny certainly apply wherever `allow` does? Only when it has no Condition and no NotResource,
 * and its Resource is `*` or covers each of the Allow's resources. A conditional or narrower Deny leaves
 * the finding in place: the risk is reduced, not gone.
 */
export function denyCovers(deny: PolicyStatementView, allow: PolicyStatementView): boolean {
  if (deny.conditional || deny.notResources) return false;
  if (!deny.resources || deny.resources.includes('*')) return true;
  if (!allow.resources) return false;
  return allow.resources.every((r) => deny.resources?.some((d) => resourceCovers(d, r)));
}

/**
 * Is every ARN matched by `allow` also matched by `deny`? ARNs compare with case. When both carry
 * wildcards we only recognise the common sure case, a Deny ending in its only `*` whose text before it
 * the Allow keeps (`arn:aws:s3:::b*` covers `arn:aws:s3:::b/*`); anything else counts as not covered.
 */
export function resourceCovers(deny: string, allow: string): boolean {
  if (deny === '*' || deny === allow) return true;
  if (!hasWildcard(deny)) return false;
  if (!hasWildcard(allow)) return caseSensitivePattern(deny).test(allow);
  const star = firstWildcard(deny);
  return (
    star === deny.length - 1 &&
    deny[star] === '*' &&
    allow.slice(0, firstWildcard(allow)).startsWith(deny.slice(0, star))
  );
}

function firstWildcard(s: string): number {
  const m = /[*?]/.exec(s);
  return m ? m.index : s.length;
}

function caseSensitivePattern(pattern: string): RegExp {
  const body = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}
