/**
 * When does a Deny in the same document take an allowed action away? Only when it surely applies wherever
 * the Allow does; otherwise the finding stays, since the risk is reduced but not gone. One rule, used by
 * analyze and lint alike:
 *
 * A Deny is certain when the statement is valid (statementProblems finds nothing: AWS would accept it) and
 * it has no Condition, no NotPrincipal, and no Principal other than `"*"`. A certain Deny covers an Allow
 * when it also has no NotResource and its Resource is `*` or covers each of the Allow's resources.
 */
import { hasWildcard } from '../util/wildcard.js';
import { appliesToEveryRequest, statementProblems, type PolicyStatementView } from './policy.js';

/**
 * Is this statement (as written, parsed JSON) a Deny that applies to every request it matches? A statement
 * AWS would reject is never certain: what is deployed is not what the file says.
 */
export function isCertainDeny(statement: unknown): boolean {
  if (statement === null || typeof statement !== 'object' || Array.isArray(statement)) return false;
  const s = statement as Record<string, unknown>;
  return s.Effect === 'Deny' && statementProblems(s).length === 0 && appliesToEveryRequest(s);
}

/**
 * Does this Deny certainly apply wherever `allow` does? Only when it is certain (see above; readPolicyStatements
 * has already checked the statement is valid), has no NotResource, and its Resource is `*` or covers each of
 * the Allow's resources. A conditional, principal-scoped or narrower Deny leaves the finding in place.
 */
export function denyCovers(deny: PolicyStatementView, allow: PolicyStatementView): boolean {
  if (deny.effect !== 'Deny' || !deny.certain || deny.notResources || !deny.resources) return false;
  if (deny.resources.includes('*')) return true;
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
