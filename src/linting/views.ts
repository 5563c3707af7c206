/**
 * LintStatements as the analysis layer sees statements (PolicyStatementView), so that lint applies the
 * analysis layer's rules (what a Deny surely takes away, what a policy grants) instead of its own.
 * Statements the analysis could not read (no valid Effect, not exactly one of Action / NotAction) are left
 * out: the grammar checks report them.
 */
import { appliesToEveryRequest, statementProblems, type PolicyStatementView } from '../analysis/index.js';
import type { LintDocument, LintStatement } from './document.js';
import { isObject } from './shape.js';

/** Views by statement: several checks ask, and reading one checks the statement as analysis would. */
const memo = new WeakMap<LintStatement, PolicyStatementView | null>();

/** The statement as the analysis layer sees it, or undefined when analysis could not read it. */
export function statementView(st: LintStatement): PolicyStatementView | undefined {
  let view = memo.get(st);
  if (view === undefined) {
    view = readView(st) ?? null;
    memo.set(st, view);
  }
  return view ?? undefined;
}

function readView(st: LintStatement): PolicyStatementView | undefined {
  if (!st.effect || (st.action === undefined) === (st.notAction === undefined)) return undefined;
  const strings = (values: LintStatement['action']) => values?.map((v) => v.value);
  const view: PolicyStatementView = {
    index: st.index,
    label: st.sid || `#${st.index}`,
    effect: st.effect,
    conditional: st.raw.Condition !== undefined && st.raw.Condition !== null,
    // The analysis layer's one rule: only a valid statement that applies to every request is certain.
    // Read when asked (only Denies are asked): checking a statement as analysis does is not free.
    get certain(): boolean {
      const certain = appliesToEveryRequest(st.raw) && statementProblems(st.raw).length === 0;
      Object.defineProperty(this, 'certain', { value: certain, enumerable: true });
      return certain;
    },
    raw: st.raw,
  };
  if (st.action) view.actions = strings(st.action);
  else view.notActions = strings(st.notAction);
  if (st.resource) view.resources = strings(st.resource);
  if (st.notResource) view.notResources = strings(st.notResource);
  return view;
}

/** The document's readable statements with their views, in order. */
export function statementViews(doc: LintDocument): { st: LintStatement; view: PolicyStatementView }[] {
  const out: { st: LintStatement; view: PolicyStatementView }[] = [];
  for (const st of doc.statements) {
    const view = statementView(st);
    if (view) out.push({ st, view });
  }
  return out;
}

/** The condition keys a statement tests, lower-cased (operators and values ignored). */
export function conditionKeys(st: LintStatement): Set<string> {
  const keys = new Set<string>();
  const cond = st.raw.Condition;
  if (!isObject(cond)) return keys;
  for (const block of Object.values(cond)) {
    if (isObject(block)) for (const k of Object.keys(block)) keys.add(k.toLowerCase());
  }
  return keys;
}
