/**
 * When does a Deny in the same document take an allowed action away? Only when it surely applies wherever
 * the Allow does; otherwise the finding stays, since the risk is reduced but not gone. One rule, used by
 * analyze and lint alike:
 *
 * A Deny is certain when the statement is valid (statementProblems finds nothing: AWS would accept it) and
 * it has no Condition, no NotPrincipal, and no Principal other than `"*"`. A certain Deny covers an Allow
 * when it also has no NotResource and its Resource is `*` or covers each of the Allow's resources.
 */
import { collapseStars, hasWildcard, isMatchAll, matchesWildcard } from '../util/wildcard.js';
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
  if (deny.resources.some(isMatchAll)) return true;
  if (!allow.resources) return false;
  return allow.resources.every((r) => deny.resources?.some((d) => resourceCovers(d, r)));
}

/**
 * Is every ARN matched by `allow` also matched by `deny`? ARNs compare with case. When both carry
 * wildcards we only recognise the common sure case, a Deny ending in its only `*` whose text before it
 * the Allow keeps (`arn:aws:s3:::b*` covers `arn:aws:s3:::b/*`); anything else counts as not covered.
 */
export function resourceCovers(deny: string, allow: string): boolean {
  if (isMatchAll(deny) || deny === allow) return true;
  if (!hasWildcard(deny)) return false;
  if (!hasWildcard(allow)) return matchesWildcard(deny, allow, { caseSensitive: true });
  const pattern = collapseStars(deny);
  const star = firstWildcard(pattern);
  return (
    star === pattern.length - 1 &&
    pattern[star] === '*' &&
    allow.slice(0, firstWildcard(allow)).startsWith(pattern.slice(0, star))
  );
}

function firstWildcard(s: string): number {
  const m = /[*?]/.exec(s);
  return m ? m.index : s.length;
}

/** Scoped Denies (certain, with specific resources) that share one Resource list. */
export interface DenyGroup<T> {
  resources: readonly string[];
  /** What the caller attached to each Deny of the group, in the order added. */
  members: T[];
}

interface IndexedGroup<T> extends DenyGroup<T> {
  exact: Set<string>;
  wild: string[];
}

/**
 * The Deny statements of one document, arranged so that finding the ones that cover an Allow (as
 * denyCovers decides) does not test every Deny against every Allow: a document of many statements would
 * take quadratic time. Denies that cover everything are kept apart; the others are grouped by Resource
 * list and looked up through the Allow's first resource, which one of their resources must cover.
 */
export class DenyIndex<T> {
  /** Members of the Denies that cover every Allow: certain, with Resource `*`, no NotResource. */
  readonly everywhere: T[] = [];
  private readonly groups = new Map<string, IndexedGroup<T>>();
  /** Groups by each resource without wildcards (it covers only itself). */
  private readonly byExact = new Map<string, IndexedGroup<T>[]>();
  /** Groups by the text before the first wildcard of each resource with one: a covered ARN starts with it. */
  private readonly byPrefix = new Map<string, IndexedGroup<T>[]>();
  private readonly prefixLengths = new Set<number>();

  /** Adds a Deny statement; `member` is what covering() and everywhere give back for it. */
  add(deny: PolicyStatementView, member: T): void {
    // The one rule of denyCovers: only a certain Deny with an explicit Resource covers anything.
    if (deny.effect !== 'Deny' || !deny.certain || deny.notResources || !deny.resources) return;
    if (deny.resources.some(isMatchAll)) {
      this.everywhere.push(member);
      return;
    }
    const key = JSON.stringify(deny.resources);
    let group = this.groups.get(key);
    if (!group) {
      group = { resources: deny.resources, members: [], exact: new Set(), wild: [] };
      this.groups.set(key, group);
      for (const d of new Set(deny.resources)) {
        if (hasWildcard(d)) {
          group.wild.push(d);
          const prefix = d.slice(0, firstWildcard(d));
          this.prefixLengths.add(prefix.length);
          push(this.byPrefix, prefix, group);
        } else {
          group.exact.add(d);
          push(this.byExact, d, group);
        }
      }
    }
    group.members.push(member);
  }

  /** The groups of scoped Denies that cover `allow` (everywhere not included), each once. */
  covering(allow: PolicyStatementView): DenyGroup<T>[] {
    const resources = allow.resources;
    if (!resources || this.groups.size === 0) return [];
    // An Allow with an empty Resource list is covered by every Deny (nothing of it is left uncovered).
    if (resources.length === 0) return [...this.groups.values()];
    const first = resources[0];
    const candidates = new Set<IndexedGroup<T>>(this.byExact.get(first));
    for (const length of this.prefixLengths) {
      if (length > first.length) continue;
      for (const g of this.byPrefix.get(first.slice(0, length)) ?? []) candidates.add(g);
    }
    const out: DenyGroup<T>[] = [];
    for (const g of candidates) {
      if (resources.every((r) => g.exact.has(r) || g.wild.some((d) => resourceCovers(d, r)))) out.push(g);
    }
    return out;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
