/**
 * Turning the drafts into policy statements: excluded actions leave, actions are sorted, and with
 * `minimize` they are shortened to prefix wildcards, after which statements on the very same resources
 * merge into one (renamed `{Service}Mult{Resource}`, after its first resource).
 *
 * Minimizing as policy_sentry does can drop an action (see minimize.ts). An Allow keeps its answer (it is
 * narrower, never broader) and the dropped actions are handed back for a warning; a Deny names them again,
 * so that it denies exactly what the full policy denies.
 */
import type { IamDatabase } from '../../database/database.js';
import { splitArn } from '../../querying/arn-match.js';
import { droppedActions, minimizeActions } from '../minimize.js';
import type { Effect, PolicyDocument, PolicyStatement } from '../types.js';
import type { StatementDrafts } from './group.js';
import { lettersAndDigits, statementId } from './sid.js';

export interface AssembleOptions {
  effect: Effect;
  /** Lower-case names of actions to leave out. */
  excluded: ReadonlySet<string>;
  /** Minimum characters before a `*` when minimizing; undefined = do not minimize. */
  minimize?: number;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export interface Assembled {
  policy: PolicyDocument;
  /**
   * With `minimize`, per statement, the actions (database spelling, sorted) the full statement has and the
   * minimized one no longer matches. Always empty for Deny.
   */
  dropped: { sid: string; actions: string[] }[];
}

export function assemble(db: IamDatabase, drafts: StatementDrafts, options: AssembleOptions): Assembled {
  const { effect, excluded, minimize } = options;
  const shorten = (actions: string[]) =>
    minimizeActions(db, actions, { minChars: minimize, keepEvery: effect === 'Deny' });
  const statements: PolicyStatement[] = [];
  /** The full actions behind each statement, to find what minimizing dropped. */
  const full = new Map<PolicyStatement, string[]>();
  const mergedInto = new Set<string>();
  for (const [sid, draft] of drafts.drafts) {
    let actions =
      excluded.size > 0
        ? [...new Set(draft.actions.filter((a) => !excluded.has(a.toLowerCase())))]
        : [...draft.actions];
    if (actions.length === 0) continue;
    const original = actions;
    if (minimize !== undefined) {
      actions = shorten(actions);
      const same = statements.find((s) => sameList(s.Resource, draft.resources));
      if (same) {
        for (const a of actions) if (!same.Action.includes(a)) same.Action.push(a);
        full.get(same)?.push(...original);
        mergedInto.add(same.Sid);
        continue;
      }
    }
    actions.sort();
    const statement = { Sid: sid, Effect: effect, Action: actions, Resource: [...draft.resources] };
    statements.push(statement);
    full.set(statement, [...original]);
  }
  for (const s of statements) {
    if (!mergedInto.has(s.Sid)) continue;
    const arn = splitArn(s.Resource[0]);
    // Statements on `*` keep their id (policy_sentry fails on them).
    if (arn) s.Sid = statementId(arn.service, 'Mult', lettersAndDigits(arn.resource + arn.resourcePath));
    if (minimize !== undefined) s.Action = shorten(s.Action);
  }
  const dropped: Assembled['dropped'] = [];
  if (minimize !== undefined) {
    for (const s of statements) {
      const names = full.get(s) ?? [];
      const lost = droppedActions(db, names, s.Action);
      if (lost.length === 0) continue;
      const spelling = new Map(names.map((n) => [n.toLowerCase(), n]));
      dropped.push({ sid: s.Sid, actions: lost.map((a) => spelling.get(a) ?? a) });
    }
  }
  return { policy: { Version: '2012-10-17', Statement: statements }, dropped };
}
