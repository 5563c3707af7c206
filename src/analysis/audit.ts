/**
 * The entry point for `write-policy --audit`: the findings of one policy document, and a short text for
 * stderr. Same rules and defaults as PolicyAnalyzer.
 */
import type { IamDatabase } from '../database/database.js';
import { PolicyAnalyzer, type AnalyzeOptions, type Finding } from './analyze.js';

export type AuditOptions = AnalyzeOptions;

/** The findings of a policy document (parsed JSON or a PolicyDocument), most severe category first. */
export function auditPolicy(db: IamDatabase, policy: unknown, options: AuditOptions = {}): Finding[] {
  return new PolicyAnalyzer(db, options).analyze(policy).findings;
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
