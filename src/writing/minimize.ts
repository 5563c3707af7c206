/**
 * `--minimize`: replace each action by the shortest prefix wildcard (`s3:getobjectr*`) that matches no
 * action of the database outside the wanted set, as policy_sentry does (its answers, all lower case, are
 * the reference). An action that is itself the start of another, unwanted action (`s3:getobject` vs
 * `s3:getobjectacl`) stays as it is.
 */
import type { IamDatabase } from '../database/database.js';

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

export interface MinimizeOptions {
  /** Shortest action-name part (after `service:`) a wildcard may have. Default 0: no limit. */
  minChars?: number | null;
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
  const minChars = options.minChars ?? 0;
  const wanted = new Set(actions.map((a) => a.toLowerCase()));

  // A prefix is unsafe when some action of the database that is not wanted starts with it.
  const unsafe = (prefix: string): boolean => {
    const list = serviceActions(db, prefix.slice(0, prefix.indexOf(':')));
    for (let i = lowerBound(list, prefix); i < list.length && list[i].startsWith(prefix); i++) {
      if (!wanted.has(list[i])) return true;
    }
    return false;
  };

  const out = new Set<string>();
  for (const action of wanted) {
    const colon = action.indexOf(':');
    if (unsafe(action)) {
      out.add(action);
      continue;
    }
    let chosen = action;
    for (let len = Math.max(1, minChars); len <= action.length - colon - 1; len++) {
      const prefix = action.slice(0, colon + 1 + len);
      if (!unsafe(prefix)) {
        // A prefix that is itself a wanted action is written without the star. When it is another action
        // than this one (`kms:disablekey` for `kms:disablekeyrotation` at 10 characters) this one is no
        // longer matched: policy_sentry does this, and its output is the reference byte for byte.
        chosen = wanted.has(prefix) ? prefix : `${prefix}*`;
        break;
      }
    }
    out.add(chosen);
  }
  return [...out].sort();
}
