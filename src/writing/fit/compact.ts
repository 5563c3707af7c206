/**
 * Fitting, step (a): a smaller policy that grants (or denies) exactly the same, by rules that hold for any
 * effect, because statements of one effect are simply OR-ed together:
 *
 * - within a statement, an action repeated (in any case) or matched by a wildcard entry of the same list
 *   goes, and a repeated resource goes;
 * - statements with the same effect, the same resources and the same conditions become one with the union
 *   of their actions (`A on R` + `B on R` = `A, B on R`), named `{Service}Mult{Resource}` as `--minimize`
 *   names its merged statements;
 * - statements with the same effect, the same actions and the same conditions become one with the union
 *   of their resources (`A on R1` + `A on R2` = `A on R1, R2`), keeping the first one's name;
 *
 * repeated until nothing merges. A merged statement takes the place of the first of its parts.
 */
import { splitArn } from '../../querying/arn-match.js';
import { hasWildcard, matchesWildcard } from '../../util/wildcard.js';
import { lettersAndDigits, statementId } from '../policy/sid.js';
import type { PolicyStatement } from '../types.js';

/** Statements may carry a Condition (templates with conditions); only equal ones merge. */
type Statement = PolicyStatement & { Condition?: unknown };

/** JSON with object keys sorted, so that two equal conditions written in another key order compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** Code-unit order, whatever the machine's locale. */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Actions without repeats (ignoring case, as IAM does) and without names a wildcard entry of the list matches. */
export function tidyActions(actions: readonly string[]): string[] {
  const seen = new Set<string>();
  const unique = actions.filter((a) => {
    const key = a.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const wildcards = unique.filter(hasWildcard);
  if (wildcards.length === 0) return unique;
  // Only names without wildcards are dropped: a pattern matching another pattern's text need not cover it.
  return unique.filter((a) => hasWildcard(a) || !wildcards.some((w) => matchesWildcard(w, a)));
}

function tidy(s: Statement): Statement {
  return { ...s, Action: tidyActions(s.Action), Resource: [...new Set(s.Resource)] };
}

function effectAndCondition(s: Statement): string {
  return `${s.Effect}\u0000${s.Condition === undefined ? '' : canonical(s.Condition)}`;
}

const sameResources = (s: Statement) =>
  `${effectAndCondition(s)}\u0000${JSON.stringify([...s.Resource].sort(byCodeUnit))}`;
const sameActions = (s: Statement) =>
  `${effectAndCondition(s)}\u0000${JSON.stringify(s.Action.map((a) => a.toLowerCase()).sort(byCodeUnit))}`;

/** The id of a statement made of several on the same resources: after its first resource, as --minimize does. */
function mergedSid(s: Statement): string {
  const arn = splitArn(s.Resource[0] ?? '');
  return arn ? statementId(arn.service, 'Mult', lettersAndDigits(arn.resource + arn.resourcePath)) : s.Sid;
}

/**
 * Merges statements with the same key into one, at the place of the first (each group combined once, so
 * that merging many statements stays linear); returns whether anything merged.
 */
function mergeOn(
  list: Statement[],
  keyOf: (s: Statement) => string,
  combine: (group: Statement[]) => Statement,
): { list: Statement[]; merged: boolean } {
  const groups = new Map<string, Statement[]>();
  for (const s of list) {
    const key = keyOf(s);
    const group = groups.get(key);
    if (group) group.push(s);
    else groups.set(key, [s]);
  }
  const out = [...groups.values()].map((g) => (g.length === 1 ? g[0] : combine(g)));
  return { list: out, merged: out.length < list.length };
}

/** Statement ids made unique by a number after the repeats (`S3ReadObject`, `S3ReadObject2`). */
export function uniqueSids<T extends PolicyStatement>(statements: readonly T[]): T[] {
  const used = new Set<string>();
  return statements.map((s) => {
    let sid = s.Sid;
    for (let n = 2; used.has(sid); n++) sid = `${s.Sid}${n}`;
    used.add(sid);
    return sid === s.Sid ? s : { ...s, Sid: sid };
  });
}

/** The statements, compacted as the header says. The input is not modified. */
export function compactStatements(statements: readonly PolicyStatement[]): PolicyStatement[] {
  let list = (statements as readonly Statement[]).map(tidy);
  for (;;) {
    const onResources = mergeOn(list, sameResources, (group) => ({
      ...group[0],
      Sid: mergedSid(group[0]),
      Action: tidyActions(group.flatMap((s) => s.Action)).sort(byCodeUnit),
    }));
    const onActions = mergeOn(onResources.list, sameActions, (group) => ({
      ...group[0],
      Resource: [...new Set(group.flatMap((s) => s.Resource))],
    }));
    list = onActions.list;
    if (!onResources.merged && !onActions.merged) break;
  }
  return uniqueSids(list);
}
