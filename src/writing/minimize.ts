/**
 * `--minimize`: replace each action by the shortest prefix wildcard (`s3:getobjectr*`) that matches no
 * action of the database outside the wanted set, as policy_sentry does (its answers, all lower case, are
 * the reference). An action that is itself the start of another, unwanted action (`s3:getobject` vs
 * `s3:getobjectacl`) stays as it is.
 *
 * policy_sentry's rule has one flaw kept here for parity: when the prefix found is itself another wanted
 * action it is written without `*`, so the longer action is no longer matched (`kms:disablekey` for
 * `kms:disablekeyrotation` at 10 characters). The result is narrower, never broader; `minimizeActionsDetailed`
 * says which actions were lost, and `keepEvery` names them again so that nothing is lost (a Deny needs it).
 */
import type { IamDatabase } from '../database/database.js';
import { argumentError, checkDatabase, checkOptions, checkStringList } from '../querying/arguments.js';
import { hasWildcard, matchesWildcard } from '../util/wildcard.js';

/** Every action of a service, lower case and sorted, so that a prefix's actions form one run. */
type SortedActions = readonly string[];

const perDatabase = new WeakMap<IamDatabase, Map<string, SortedActions>>();

function serviceActions(db: IamDatabase, prefix: string): SortedActions {
  let byPrefix = perDatabase.get(db);
  if (!byPrefix) perDatabase.set(db, (byPrefix = new Map()));
  let list = byPrefix.get(prefix);
  if (!list) {
    const svc = db.hasService(prefix) ? db.service(prefix) : undefined;
    // policy_sentry's list is keyed by the exact prefix; a differently spelled one has no actions.
    const names =
      svc && svc.prefix.toLowerCase() === prefix
        ? svc.actions.map((a) => `${prefix}:${a.name.toLowerCase()}`)
        : [];
    list = [...new Set(names)].sort();
    byPrefix.set(prefix, list);
  }
  return list;
}

/** Index of the first entry >= key. */
function lowerBound(list: SortedActions, key: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The actions of `list` that start with `prefix`. */
function startingWith(list: SortedActions, prefix: string): string[] {
  const out: string[] = [];
  for (let i = lowerBound(list, prefix); i < list.length && list[i].startsWith(prefix); i++)
    out.push(list[i]);
  return out;
}

function servicePart(action: string): string {
  return action.slice(0, Math.max(0, action.indexOf(':')));
}

/**
 * Entries minimizing leaves as they are: anything but `service:Name` or `service:Prefix*`, i.e. a `?`, a
 * `*` before the end, a wildcard service or no service at all. Shortening them could widen what they match.
 */
function keptAsGiven(entry: string): boolean {
  const colon = entry.indexOf(':');
  if (colon <= 0) return true;
  const name = entry.slice(colon + 1);
  return hasWildcard(entry.slice(0, colon)) || name.includes('?') || name.slice(0, -1).includes('*');
}

export interface MinimizeOptions {
  /** Shortest action-name part (after `service:`) a wildcard may have. Default 0: no limit. */
  minChars?: number | null;
  /**
   * Name again, in full, every action the shortened list no longer matches (see the file comment), so that
   * the result matches exactly what `actions` did. Default false: policy_sentry's answer, byte for byte.
   * A Deny statement must use true: a guard rail that silently stops denying an action is worse than none.
   */
  keepEvery?: boolean;
}

export interface MinimizeResult {
  /** The shortened list: lower case, sorted, without repeats. */
  actions: string[];
  /**
   * Database actions (lower case, sorted) that `actions` in the input matched and the shortened list does
   * not. With `keepEvery` they are in `actions` again, named in full.
   */
  dropped: string[];
}

/**
 * Shortens `actions` (any case; prefix wildcards from an earlier pass are accepted) and returns the
 * result lower case, sorted and without repeats.
 */
export function minimizeActions(
  db: IamDatabase,
  actions: readonly string[],
  options: MinimizeOptions = {},
): string[] {
  return minimizeActionsDetailed(db, actions, options).actions;
}

/** minimizeActions, also saying which actions the shortened list no longer matches. */
export function minimizeActionsDetailed(
  db: IamDatabase,
  actions: readonly string[],
  options: MinimizeOptions = {},
): MinimizeResult {
  checkDatabase('minimizeActions', db);
  checkStringList('minimizeActions', 'actions', actions);
  checkOptions('minimizeActions', 'options', options);
  const minChars = options.minChars ?? 0;
  if (!(Number.isInteger(minChars) && minChars >= 0)) {
    throw argumentError('minimizeActions', 'options.minChars', 'a whole number >= 0 (or null)', minChars);
  }
  const wanted = new Set(actions.map((a) => a.toLowerCase()));

  // A prefix is unsafe when some action of the database that is not wanted starts with it.
  const unsafe = (prefix: string): boolean => {
    const list = serviceActions(db, servicePart(prefix));
    for (let i = lowerBound(list, prefix); i < list.length && list[i].startsWith(prefix); i++) {
      if (!wanted.has(list[i])) return true;
    }
    return false;
  };

  const out = new Set<string>();
  for (const action of wanted) {
    const colon = action.indexOf(':');
    if (keptAsGiven(action) || unsafe(action)) {
      out.add(action);
      continue;
    }
    let chosen = action;
    for (let len = Math.max(1, minChars); len <= action.length - colon - 1; len++) {
      const prefix = action.slice(0, colon + 1 + len);
      if (!unsafe(prefix)) {
        // A prefix that is itself a wanted action is written without the star. When it is another action
        // than this one (`kms:disablekey` for `kms:disablekeyrotation` at 10 characters) this one is no
        // longer matched: policy_sentry does this, and its output is the reference byte for byte. The loss
        // is found below and reported, or repaired with keepEvery.
        chosen = wanted.has(prefix) ? prefix : `${prefix}*`;
        break;
      }
    }
    out.add(chosen);
  }
  const dropped = droppedActions(db, wanted, out);
  if (options.keepEvery) for (const a of dropped) out.add(a);
  return { actions: [...out].sort(), dropped };
}

/**
 * The database actions (lower case, sorted) some entry of `before` matches and no entry of `after` does,
 * for lists as minimizing reads and writes them (any case): full names, `prefix*` wildcards, and entries
 * kept as given (only those need pattern matching; one with a wildcard service part is not looked into).
 */
export function droppedActions(db: IamDatabase, before: Iterable<string>, after: Iterable<string>): string[] {
  const kept = new Set([...after].map((a) => a.toLowerCase()));
  const prefixes = new Set<string>();
  const others: string[] = [];
  for (const entry of kept) {
    if (keptAsGiven(entry)) others.push(entry);
    else if (entry.endsWith('*')) prefixes.add(entry.slice(0, -1));
  }
  const matched = (name: string): boolean => {
    if (kept.has(name)) return true;
    for (let end = name.indexOf(':') + 1; end <= name.length; end++) {
      if (prefixes.has(name.slice(0, end))) return true;
    }
    return others.some((p) => matchesWildcard(p, name));
  };
  const lost = new Set<string>();
  for (const entry of new Set([...before].map((a) => a.toLowerCase()))) {
    if (kept.has(entry)) continue;
    const list = serviceActions(db, servicePart(entry));
    let names: string[];
    if (keptAsGiven(entry)) names = list.filter((name) => matchesWildcard(entry, name));
    else if (entry.endsWith('*')) names = startingWith(list, entry.slice(0, -1));
    else names = list[lowerBound(list, entry)] === entry ? [entry] : [];
    // A name the database does not have matches nothing, so nothing is lost with it.
    for (const name of names) if (!matched(name)) lost.add(name);
  }
  return [...lost].sort();
}
