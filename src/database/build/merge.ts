/**
 * Merging the pages that share a service prefix.
 *
 * The reference has two kinds of such pages:
 * - stale copies: AWS renamed a service page (list_amazonkinesis -> list_amazonkinesisdatastreams) and left
 *   the old page online. The old page's actions are a subset of the new page's, often with older data;
 * - split services: one prefix documented on several current pages (apigateway v1/v2,
 *   elasticloadbalancing v1/v2, ses v1/v2/Mail Manager, the aws-marketplace pages).
 *
 * A page's generation (page.ts) tells current pages from left-over ones: AWS's current pages link to a
 * markdown version of themselves (2), the template before marks table cells with tabindex (1), older
 * pages have neither (0). The rule:
 * 1. A page is superseded when another page of the prefix lists every one of its actions and resource
 *    types. When two pages list the same names, the one of the older generation is superseded; then the
 *    one with fewer condition keys (AWS adds keys, rarely removes them); then the earlier file name (the
 *    later one wins, as in policy_sentry). Superseded pages are dropped and reported, so a stale copy
 *    never overrides the current page, whatever its file name.
 * 2. The remaining pages are united in file-name order: actions, resource types and condition keys by
 *    name, each keeping its first position. An action listed on several pages (apigateway's GET on v1
 *    and v2) keeps the resource-type rows of every page. Where pages disagree on an item (an action's
 *    description or level, a row listed twice, a resource type's ARN), the preferred page wins: newer
 *    generation, then more actions (lexv2 over the legacy lex page), then more condition keys, then the
 *    later file name; its rows come first. Every disagreement is reported as a merge conflict.
 * 3. The service name and page URL are those of the first remaining page, in file-name order, of the
 *    newest generation present.
 */
import type { ActionRecord, ActionResourceType, ServiceRecord } from '../types.js';
import type { ParsedPage } from './page.js';

export interface MergeConflict {
  prefix: string;
  /** e.g. `action GET`, `resource type restapis`, `condition key ses:FromAddress`. */
  item: string;
  /** The fields that differ. */
  fields: string[];
  pages: string[];
}

export interface SupersededPage {
  prefix: string;
  file: string;
  supersededBy: string;
}

export interface MergeResult {
  record: ServiceRecord;
  /** The pages the record was made from, in file-name order. */
  pages: string[];
  superseded: SupersededPage[];
  conflicts: MergeConflict[];
}

function names(page: ParsedPage): { actions: Set<string>; resources: Set<string> } {
  return {
    actions: new Set(page.actions.map((a) => a.name)),
    resources: new Set(page.resourceTypes.map((r) => r.name)),
  };
}

const subset = (a: Set<string>, b: Set<string>) => [...a].every((x) => b.has(x));
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && subset(a, b);

/** Whether `newer` supersedes `older` (see rule 1). `older` comes first in file-name order. */
function covers(winner: ParsedPage, loser: ParsedPage, loserFirst: boolean): boolean {
  const w = names(winner);
  const l = names(loser);
  if (!subset(l.actions, w.actions) || !subset(l.resources, w.resources)) return false;
  if (!sameSet(l.actions, w.actions) || !sameSet(l.resources, w.resources)) return true;
  if (winner.generation !== loser.generation) return winner.generation > loser.generation;
  // AWS adds condition keys over time: the page with more of them is the later edition.
  if (winner.conditionKeys.length !== loser.conditionKeys.length) {
    return winner.conditionKeys.length > loser.conditionKeys.length;
  }
  return loserFirst;
}

function differingFields<T extends object>(a: T, b: T): string[] {
  const fields: string[] = [];
  for (const k of Object.keys(a) as (keyof T)[]) {
    if (k === 'resourceTypes' && 'accessLevel' in a) {
      // Action rows are united, not replaced: only a type listed on both pages with different data conflicts.
      const theirs = new Map((b[k] as ActionResourceType[]).map((r) => [r.resourceType, JSON.stringify(r)]));
      for (const r of a[k] as ActionResourceType[]) {
        const other = theirs.get(r.resourceType);
        if (other !== undefined && other !== JSON.stringify(r)) fields.push(`row '${r.resourceType}'`);
      }
    } else if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) fields.push(String(k));
  }
  return fields;
}

/** Preference between pages that disagree (rule 2): a higher tuple wins. */
function preference(p: ParsedPage, index: number): number[] {
  return [p.generation, p.actions.length, p.conditionKeys.length, index];
}
const prefers = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return false;
};

/**
 * Unites an action's rows from two pages: the preferred page's rows in its order, then the other page's
 * extra rows; the row without a resource type stays last, as on the pages.
 */
function mergeRows(preferred: ActionResourceType[], other: ActionResourceType[]): ActionResourceType[] {
  const rows = new Map(preferred.map((r) => [r.resourceType, r]));
  for (const r of other) if (!rows.has(r.resourceType)) rows.set(r.resourceType, r);
  const all = [...rows.values()];
  return [...all.filter((r) => r.resourceType !== ''), ...all.filter((r) => r.resourceType === '')];
}

/** Merges the parsed pages of one prefix (see the rule above). `pages` must be in file-name order. */
export function mergePages(pages: readonly ParsedPage[]): MergeResult {
  const prefix = pages[0].prefix;
  const superseded: SupersededPage[] = [];
  const kept = pages.filter((p, i) => {
    const winner = pages.find((q, j) => j !== i && covers(q, p, i < j));
    if (winner) superseded.push({ prefix, file: p.file, supersededBy: winner.file });
    return !winner;
  });
  // Two pages can only supersede each other when they are identical in names, generation and condition key count; covers()
  // breaks that tie by file order, so at least one page always survives.
  const conflicts: MergeConflict[] = [];
  const actions = new Map<string, ActionRecord>();
  const resources = new Map<string, ServiceRecord['resourceTypes'][number]>();
  const conditions = new Map<string, ServiceRecord['conditionKeys'][number]>();
  // For each item, the page it was taken from and that page's preference.
  const source = new Map<string, { file: string; pref: number[] }>();
  /** Records `item` from `page`; returns whether the new value should replace the one held. */
  const take = (item: string, held: object | undefined, value: object, file: string, pref: number[]) => {
    const prev = source.get(item);
    if (!held || !prev) {
      source.set(item, { file, pref });
      return true;
    }
    const fields = differingFields(held, value);
    const replace = prefers(pref, prev.pref);
    if (fields.length > 0) conflicts.push({ prefix, item, fields, pages: [prev.file, file] });
    if (replace) source.set(item, { file, pref });
    return replace;
  };
  kept.forEach((page, index) => {
    const pref = preference(page, index);
    for (const a of page.actions) {
      const prev = actions.get(a.name);
      if (take(`action ${a.name}`, prev, a, page.file, pref)) {
        actions.set(
          a.name,
          prev ? { ...a, resourceTypes: mergeRows(a.resourceTypes, prev.resourceTypes) } : a,
        );
      } else if (prev) {
        actions.set(a.name, { ...prev, resourceTypes: mergeRows(prev.resourceTypes, a.resourceTypes) });
      }
    }
    for (const r of page.resourceTypes) {
      if (take(`resource type ${r.name}`, resources.get(r.name), r, page.file, pref))
        resources.set(r.name, r);
    }
    for (const c of page.conditionKeys) {
      if (take(`condition key ${c.name}`, conditions.get(c.name), c, page.file, pref))
        conditions.set(c.name, c);
    }
  });
  const newest = Math.max(...kept.map((p) => p.generation));
  const primary = kept.find((p) => p.generation === newest) as ParsedPage;
  return {
    record: {
      prefix,
      name: primary.serviceName,
      authorizationUrl: primary.url,
      actions: [...actions.values()],
      resourceTypes: [...resources.values()],
      conditionKeys: [...conditions.values()],
    },
    pages: kept.map((p) => p.file),
    superseded,
    conflicts,
  };
}

/**
 * policy_sentry's merge, for comparison and for users who need its exact answers: every page is used, in
 * file-name order; an item listed again replaces the earlier one in place (so the page sorting last wins,
 * stale or not); service name and URL come from the first page.
 */
export function mergePagesLikePolicySentry(pages: readonly ParsedPage[]): MergeResult {
  const first = pages[0];
  const actions = new Map<string, ActionRecord>();
  const resources = new Map<string, ServiceRecord['resourceTypes'][number]>();
  const conditions = new Map<string, ServiceRecord['conditionKeys'][number]>();
  for (const page of pages) {
    for (const a of page.actions) actions.set(a.name, a);
    for (const r of page.resourceTypes) resources.set(r.name, r);
    for (const c of page.conditionKeys) conditions.set(c.name, c);
  }
  return {
    record: {
      prefix: first.prefix,
      name: first.serviceName,
      authorizationUrl: first.url,
      actions: [...actions.values()],
      resourceTypes: [...resources.values()],
      conditionKeys: [...conditions.values()],
    },
    pages: pages.map((p) => p.file),
    superseded: [],
    conflicts: [],
  };
}
