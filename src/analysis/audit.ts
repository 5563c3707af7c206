/**
 * The entry point for `write-policy --audit`: the findings of one policy document, and a short text for
 * stderr. Same rules and defaults as PolicyAnalyzer.
 */
import type { IamDatabase } from '../database/database.js';
import { compareNames } from '../querying/expand.js';
import { PolicyAnalyzer, type AnalyzeOptions, type Finding } from './analyze.js';
import { FINDING_CATEGORIES, type FindingCategory } from './risky-actions.js';

export type AuditOptions = AnalyzeOptions;

/** The findings of a policy document (parsed JSON or a PolicyDocument), statement by statement. */
export function auditPolicy(db: IamDatabase, policy: unknown, options: AuditOptions = {}): Finding[] {
  return new PolicyAnalyzer(db, options).analyze(policy).findings;
}

/** The risky (and unknown) actions of a policy by category, each list sorted and without repeats. */
export function riskyActionsByCategory(
  db: IamDatabase,
  policy: unknown,
  options: AuditOptions = {},
): Record<FindingCategory, string[]> {
  const sets = new Map<FindingCategory, Set<string>>(FINDING_CATEGORIES.map((c) => [c, new Set()]));
  for (const f of auditPolicy(db, policy, options)) for (const a of f.actions) sets.get(f.category)?.add(a);
  return Object.fromEntries([...sets].map(([c, s]) => [c, [...s].sort(compareNames)])) as Record<
    FindingCategory,
    string[]
  >;
}

/**
 * Findings as lines for stderr, e.g.
 * `privilege-escalation: iam:PassRole (granted by iam:Pass* in statement AllowPass)`.
 * Empty string when there are none.
 */
export function formatAuditFindings(findings: readonly Finding[], options: { prefix?: string } = {}): string {
  const prefix = options.prefix ?? 'iamwright: audit: ';
  return findings
    .map((f) => {
      const by = f.category === 'unknown-action' ? f.message : `granted by ${f.pattern}`;
      const cond = f.conditional ? ', under a Condition' : '';
      return `${prefix}${f.category}: ${f.actions.join(', ')} (${by} in statement ${f.statement}${cond})\n`;
    })
    .join('');
}

/**
 * Findings folded to one line per category and action, naming every statement that grants it: a written
 * policy repeats an action across its resource-type statements, and a line each would bury the point.
 */
export function summarizeAuditFindings(
  findings: readonly Finding[],
  options: { prefix?: string } = {},
): string {
  const prefix = options.prefix ?? 'iamwright: audit: ';
  const grouped = new Map<string, { category: string; action: string; statements: string[] }>();
  for (const f of findings) {
    for (const action of f.actions) {
      const key = `${f.category}\0${action}`;
      let g = grouped.get(key);
      if (!g) grouped.set(key, (g = { category: f.category, action, statements: [] }));
      const where = (f.category === 'unknown-action' && f.message) || String(f.statement);
      if (!g.statements.includes(where)) g.statements.push(where);
    }
  }
  return [...grouped.values()]
    .map(
      (g) =>
        `${prefix}${g.category}: ${g.action} (statement${g.statements.length > 1 ? 's' : ''} ${g.statements.join(', ')})\n`,
    )
    .join('');
}
