/**
 * Fitting, step (b): action lists written with the prefix wildcards `--minimize` uses (`s3:getobjectr*`),
 * one list of one service in one statement at a time, so that only as many lists as needed change.
 *
 * A wildcard form is accepted only when it matches exactly the actions the list matched, both expanded
 * against the database (src/querying/expand.ts): minimizeActions, like policy_sentry, can write a wanted
 * action without its `*` and so stop matching a longer one (`kms:disablekey` for `kms:DisableKeyRotation`
 * too); such actions are added back by name, and a form matching anything more is refused. Entries the
 * database does not know stay as written. So fitting never grants or denies an action the policy did not,
 * and never drops one, as far as the database knows; an action AWS adds later under the same prefix would
 * be matched by the wildcard, as with `--minimize`.
 */
import type { IamDatabase } from '../../database/database.js';
import { actionIndex } from '../../querying/expand.js';
import type { SizeUnit } from '../../util/policy-size.js';
import { minimizeActions } from '../minimize.js';
import type { PolicyStatement } from '../types.js';
import { weightOf } from './count.js';

/** One service's actions in one statement, and their wildcard form. */
export interface WildcardChange {
  /** Index of the statement in the list given. */
  statement: number;
  /** The entries replaced, as written. */
  before: string[];
  /** Their wildcard form (lower case, sorted), matching exactly the same actions. */
  after: string[];
  /** How much smaller the statement gets, in the quota's unit. */
  saving: number;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The service part of an action entry, lower case; '' for an entry without one (`*`). */
function servicePart(entry: string): string {
  const colon = entry.indexOf(':');
  return colon < 0 ? '' : entry.slice(0, colon).toLowerCase();
}

function weight(entries: readonly string[], unit: SizeUnit): number {
  return entries.reduce((sum, e) => sum + weightOf(e, unit), 0);
}

/**
 * Every change that makes a statement smaller, largest saving first. `minChars` is the shortest action
 * part a wildcard may have (`--minimize N`; default 0).
 */
export function wildcardChanges(
  db: IamDatabase,
  statements: readonly PolicyStatement[],
  unit: SizeUnit,
  minChars = 0,
): WildcardChange[] {
  const index = actionIndex(db);
  const changes: WildcardChange[] = [];
  statements.forEach((s, statement) => {
    const groups = new Map<string, { entries: string[]; ids: Set<number> }>();
    for (const entry of s.Action) {
      const service = servicePart(entry);
      const ids = service === '' ? [] : index.expand(entry).ids;
      if (ids.length === 0) continue; // unknown to the database (or `*`): left as written
      let group = groups.get(service);
      if (!group) groups.set(service, (group = { entries: [], ids: new Set() }));
      group.entries.push(entry);
      for (const id of ids) group.ids.add(id);
    }
    for (const { entries, ids } of groups.values()) {
      const after = wildcardForm(db, ids, minChars);
      if (!after) continue;
      const saving = weight(entries, unit) - weight(after, unit);
      if (saving > 0) changes.push({ statement, before: entries, after, saving });
    }
  });
  return changes.sort((a, b) => b.saving - a.saving || a.statement - b.statement);
}

/** The minimized names of `ids`, completed to match exactly them; undefined if that cannot be done. */
function wildcardForm(db: IamDatabase, ids: ReadonlySet<number>, minChars: number): string[] | undefined {
  const index = actionIndex(db);
  const names = [...ids].map((id) => index.names[id]);
  const form = new Set(minimizeActions(db, names, { minChars }));
  const matched = new Set<number>();
  for (const entry of form) for (const id of index.expand(entry).ids) matched.add(id);
  for (const id of matched) if (!ids.has(id)) return undefined; // broader: never
  for (const id of ids) if (!matched.has(id)) form.add(index.names[id].toLowerCase()); // dropped: back by name
  return [...form].sort(byCodeUnit);
}

/** The statements with `changes` made (each statement's actions sorted again). */
export function applyWildcardChanges(
  statements: readonly PolicyStatement[],
  changes: readonly WildcardChange[],
): PolicyStatement[] {
  const out = statements.map((s) => ({ ...s, Action: [...s.Action] }));
  for (const c of changes) {
    const s = out[c.statement];
    const replaced = new Set(c.before);
    s.Action = [...s.Action.filter((a) => !replaced.has(a)), ...c.after].sort(byCodeUnit);
  }
  return out;
}
