/**
 * Turning the drafts into policy statements: excluded actions leave, actions are sorted, and with
 * `minimize` they are shortened to prefix wildcards, after which statements on the very same resources
 * merge into one (renamed `{Service}Mult{Resource}`, after its first resource).
 *
 * Statements of different conditions (templates with conditions, see conditions/place.ts) never merge,
 * and conditioned statements sharing an id with others take a suffix of their condition (suffixSids).
 *
 * Minimizing as policy_sentry does can drop an action (see minimize.ts). An Allow keeps its answer (it is
 * narrower, never broader) and the dropped actions are handed back for a warning; a Deny names them again,
 * so that it denies exactly what the full policy denies.
 */
import type { IamDatabase } from '../../database/database.js';
import { splitArn } from '../../querying/arn-match.js';
import { droppedActions, minimizeActions } from '../minimize.js';
import type { Effect, PolicyDocument, PolicyStatement } from '../types.js';
import { canonicalCondition, sidSuffix } from '../conditions/merge.js';
import type { ConditionedDraft } from '../conditions/place.js';
import type { ConditionBlock } from '../conditions/types.js';
import { uniqueSids } from '../fit/compact.js';
import type { StatementDrafts } from './group.js';
import { lettersAndDigits, statementId } from './sid.js';

export interface AssembleOptions {
  effect: Effect;
  /** Lower-case names of actions to leave out. */
  excluded: ReadonlySet<string>;
  /** Minimum characters before a `*` when minimizing; undefined = do not minimize. */
  minimize?: number;
  /** The template had conditions: ids are made unique (suffixSids). Default false. */
  conditioned?: boolean;
}

export interface Assembled {
  policy: PolicyDocument;
  /**
   * With `minimize`, per statement, the actions (database spelling, sorted) the full statement has and the
   * minimized one no longer matches. Always empty for Deny.
   */
  dropped: { sid: string; actions: string[] }[];
}

/** The drafts as statements without conditions (a template without conditions), in draft order. */
export function unconditioned(drafts: StatementDrafts): ConditionedDraft[] {
  return [...drafts.drafts].map(([sid, d]) => ({ sid, resources: d.resources, actions: d.actions }));
}

export function assemble(
  db: IamDatabase,
  drafts: readonly ConditionedDraft[],
  options: AssembleOptions,
): Assembled {
  const { effect, excluded, minimize } = options;
  const shorten = (actions: string[]) =>
    minimizeActions(db, actions, { minChars: minimize, keepEvery: effect === 'Deny' });
  const statements: PolicyStatement[] = [];
  /** The full actions behind each statement, to find what minimizing dropped. */
  const full = new Map<PolicyStatement, string[]>();
  const merged = new Set<PolicyStatement>();
  /** Statements never merge across conditions: the merge key holds both. */
  const mergeKey = (resources: readonly string[], condition: ConditionBlock | undefined) =>
    `${canonicalCondition(condition)}\u0000${JSON.stringify(resources)}`;
  const byKey = new Map<string, PolicyStatement>();
  for (const draft of drafts) {
    let actions =
      excluded.size > 0
        ? [...new Set(draft.actions.filter((a) => !excluded.has(a.toLowerCase())))]
        : [...draft.actions];
    if (actions.length === 0) continue;
    const original = actions;
    // Only minimizing merges: without it the key is not needed.
    const key = minimize === undefined ? '' : mergeKey(draft.resources, draft.condition);
    if (minimize !== undefined) {
      actions = shorten(actions);
      const same = byKey.get(key);
      if (same) {
        for (const a of actions) if (!same.Action.includes(a)) same.Action.push(a);
        full.get(same)?.push(...original);
        merged.add(same);
        continue;
      }
    }
    actions.sort();
    const statement: PolicyStatement = {
      Sid: draft.sid,
      Effect: effect,
      Action: actions,
      Resource: [...draft.resources],
    };
    if (draft.condition) statement.Condition = draft.condition;
    statements.push(statement);
    if (minimize !== undefined && !byKey.has(key)) byKey.set(key, statement);
    full.set(statement, [...original]);
  }
  for (const s of statements) {
    if (!merged.has(s)) continue;
    const arn = splitArn(s.Resource[0]);
    // Statements on `*` keep their id (policy_sentry fails on them).
    if (arn) s.Sid = statementId(arn.service, 'Mult', lettersAndDigits(arn.resource + arn.resourcePath));
    if (minimize !== undefined) s.Action = shorten(s.Action);
  }
  const named = options.conditioned ? suffixSids(statements) : statements;
  const dropped: Assembled['dropped'] = [];
  if (minimize !== undefined) {
    named.forEach((s, i) => {
      const names = full.get(statements[i]) ?? [];
      const lost = droppedActions(db, names, s.Action);
      if (lost.length === 0) return;
      const spelling = new Map(names.map((n) => [n.toLowerCase(), n]));
      dropped.push({ sid: s.Sid, actions: lost.map((a) => spelling.get(a) ?? a) });
    });
  }
  return { policy: { Version: '2012-10-17', Statement: named }, dropped };
}

/**
 * Statement ids where conditions split a group: statements sharing a `{Service}{AccessLevel}{ResourceType}`
 * id with others of another condition keep it when they have no condition, and take a suffix made from
 * their condition otherwise (see sidSuffix); an id still taken twice gets a number (uniqueSids).
 */
function suffixSids(statements: PolicyStatement[]): PolicyStatement[] {
  const count = new Map<string, number>();
  for (const s of statements) count.set(s.Sid, (count.get(s.Sid) ?? 0) + 1);
  const named = statements.map((s) =>
    s.Condition && (count.get(s.Sid) ?? 0) > 1 ? { ...s, Sid: s.Sid + sidSuffix(s.Condition) } : s,
  );
  return uniqueSids(named);
}
