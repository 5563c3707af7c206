/**
 * Turning the drafts into policy statements: excluded actions leave, actions are sorted, and with
 * `minimize` they are shortened to prefix wildcards, after which statements on the very same resources
 * merge into one (renamed `{Service}Mult{Resource}`, after its first resource).
 */
import type { IamDatabase } from '../../database/database.js';
import { splitArn } from '../../querying/arn-match.js';
import { minimizeActions } from '../minimize.js';
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

export function assemble(db: IamDatabase, drafts: StatementDrafts, options: AssembleOptions): PolicyDocument {
  const { effect, excluded, minimize } = options;
  const statements: PolicyStatement[] = [];
  const mergedInto = new Set<string>();
  for (const [sid, draft] of drafts.drafts) {
    let actions =
      excluded.size > 0
        ? [...new Set(draft.actions.filter((a) => !excluded.has(a.toLowerCase())))]
        : [...draft.actions];
    if (actions.length === 0) continue;
    if (minimize !== undefined) {
      actions = minimizeActions(db, actions, { minChars: minimize });
      const same = statements.find((s) => sameList(s.Resource, draft.resources));
      if (same) {
        for (const a of actions) if (!same.Action.includes(a)) same.Action.push(a);
        mergedInto.add(same.Sid);
        continue;
      }
    }
    actions.sort();
    statements.push({ Sid: sid, Effect: effect, Action: actions, Resource: [...draft.resources] });
  }
  for (const s of statements) {
    if (!mergedInto.has(s.Sid)) continue;
    const arn = splitArn(s.Resource[0]);
    // Statements on `*` keep their id (policy_sentry fails on them).
    if (arn) s.Sid = statementId(arn.service, 'Mult', lettersAndDigits(arn.resource + arn.resourcePath));
    if (minimize !== undefined) s.Action = minimizeActions(db, s.Action, { minChars: minimize });
  }
  return { Version: '2012-10-17', Statement: statements };
}
