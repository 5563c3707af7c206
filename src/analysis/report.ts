/**
 * `analyze` over many policy documents: findings per policy with where they came from, access-level
 * counts, and the documents that could not be analysed. Identical documents (the same inline policy on
 * many roles) are analysed once.
 */
import type { IamDatabase } from '../database/database.js';
import { ACCESS_LEVELS } from '../database/types.js';
import { PolicyAnalyzer, type AccessLevelCounts, type AnalyzeOptions, type Finding } from './analyze.js';
import type { Attachments, PolicySource } from './auth-details.js';
import { escapeJsonText, escapeUnsafe, printableName } from '../util/printable.js';
import { matchesWildcard } from '../util/wildcard.js';
import { alignColumns as table } from '../util/format/table.js';
import { FINDING_CATEGORIES, type FindingCategory } from './risky-actions.js';

export interface ReportOptions extends AnalyzeOptions {
  /** Policies to skip (names, ARNs, file paths; wildcards allowed). Default: none. */
  excludePolicies?: readonly string[];
}

export interface PolicyReport {
  file: string;
  kind: PolicySource['kind'];
  name?: string;
  arn?: string;
  attachedTo?: Attachments;
  accessLevels: AccessLevelCounts;
  /** Number of findings in this policy (they are listed in AnalysisReport.findings). */
  findings: number;
}

/** A finding with the file and policy it was found in. */
export interface ReportFinding extends Finding {
  file: string;
  policy?: string;
}

export interface AnalysisError {
  file: string;
  policy?: string;
  message: string;
}

export interface AnalysisReport {
  policies: PolicyReport[];
  findings: ReportFinding[];
  errors: AnalysisError[];
  /** Findings per category. */
  counts: Record<FindingCategory, number>;
  /** Policies skipped by `excludePolicies`. */
  skipped: number;
}

/** Analyses every source. Never throws for a bad document: it becomes an entry of `errors`. */
export function analyzeSources(
  db: IamDatabase,
  sources: readonly PolicySource[],
  options: ReportOptions = {},
): AnalysisReport {
  const analyzer = new PolicyAnalyzer(db, options);
  const analyse = onceByDocument((doc) => analyzer.analyze(doc));
  const report: AnalysisReport = {
    policies: [],
    findings: [],
    errors: [],
    counts: Object.fromEntries(FINDING_CATEGORIES.map((c) => [c, 0])) as Record<FindingCategory, number>,
    skipped: 0,
  };
  for (const src of sources) {
    if (options.excludePolicies?.length && policyExcluded(options.excludePolicies, src)) {
      report.skipped++;
      continue;
    }
    if (src.error !== undefined) {
      report.errors.push(withPolicy({ file: src.file, message: src.error }, src.name));
      continue;
    }
    const result = analyse(src.document);
    if (result instanceof Error) {
      report.errors.push(withPolicy({ file: src.file, message: result.message }, src.name));
      continue;
    }
    report.policies.push({
      file: src.file,
      kind: src.kind,
      ...(src.name !== undefined && { name: src.name }),
      ...(src.arn !== undefined && { arn: src.arn }),
      ...(src.attachedTo && { attachedTo: src.attachedTo }),
      accessLevels: result.accessLevels,
      findings: result.findings.length,
    });
    for (const f of result.findings) {
      report.findings.push({ file: src.file, ...(src.name !== undefined && { policy: src.name }), ...f });
      report.counts[f.category]++;
    }
  }
  return report;
}

/** Is a policy excluded by name, ARN or file path? (Patterns as in an exclusions file's `policies`.) */
export function policyExcluded(
  patterns: readonly string[],
  policy: { name?: string; arn?: string; file: string },
): boolean {
  const names = [policy.name, policy.arn, policy.file].filter((x): x is string => !!x);
  return patterns.some((p) => names.some((n) => matchesWildcard(p, n)));
}

/**
 * `analyse` run once per distinct document (the same inline policy often sits on many roles): the result
 * is kept by the document's JSON text. A document that is not a policy gives its PolicyFormatError.
 */
export function onceByDocument<T>(analyse: (document: unknown) => T): (document: unknown) => T | Error {
  const cache = new Map<string, T | Error>();
  return (document) => {
    const key = JSON.stringify(document);
    let result = cache.get(key);
    if (result === undefined) {
      try {
        result = analyse(document);
      } catch (e) {
        if (!(e instanceof Error) || e.name !== 'PolicyFormatError') throw e;
        result = e;
      }
      cache.set(key, result);
    }
    return result;
  };
}

function withPolicy<T extends object>(o: T, policy: string | undefined): T & { policy?: string } {
  return policy === undefined ? o : { ...o, policy };
}

/** Does the report hold a finding of any of these categories? (For --fail-on.) */
export function hasFindingsIn(report: AnalysisReport, categories: readonly FindingCategory[]): boolean {
  return categories.some((c) => report.counts[c] > 0);
}

/**
 * The report as JSON (2-space indent, trailing newline). JSON.stringify escapes C0 controls; the other
 * characters a terminal acts on (DEL, C1, bidirectional overrides) are escaped too, which is still valid JSON.
 */
export function formatReportJson(report: AnalysisReport): string {
  return `${escapeJsonText(JSON.stringify(report, null, 2))}\n`;
}

/**
 * The report as text tables: findings, then access levels per policy, then a summary line. Names from the
 * files (file names, Sids, patterns, actions) that hold control characters are shown quoted and escaped,
 * so that a policy cannot recolour the terminal or forge a row.
 */
export function formatReportTable(report: AnalysisReport): string {
  const lines: string[] = [];
  const name = printableName;
  if (report.findings.length) {
    const rows = report.findings.map((f) => [
      name(f.file),
      f.policy === undefined ? '-' : name(f.policy),
      name(f.statement),
      f.category,
      name(f.pattern) + (f.conditional ? ' (conditional)' : ''),
      f.category === 'unknown-action'
        ? escapeUnsafe(f.message ?? f.actions.join(', '))
        : listSome(f.actions.map(name)),
    ]);
    lines.push(...table(['FILE', 'POLICY', 'STATEMENT', 'CATEGORY', 'GRANTED BY', 'ACTIONS'], rows), '');
  }
  if (report.policies.length) {
    const rows = report.policies.map((p) => [
      name(p.file),
      p.name === undefined ? '-' : name(p.name),
      ...ACCESS_LEVELS.map((l) => String(p.accessLevels[l])),
    ]);
    lines.push(...table(['FILE', 'POLICY', ...ACCESS_LEVELS], rows), '');
  }
  const byCategory = FINDING_CATEGORIES.filter((c) => report.counts[c] > 0).map(
    (c) => `${c} ${report.counts[c]}`,
  );
  const parts = [
    `${report.policies.length} ${report.policies.length === 1 ? 'policy' : 'policies'} analysed`,
    `${report.findings.length} ${report.findings.length === 1 ? 'finding' : 'findings'}${byCategory.length ? ` (${byCategory.join(', ')})` : ''}`,
  ];
  if (report.skipped) parts.push(`${report.skipped} skipped by exclusions`);
  if (report.errors.length) parts.push(`${report.errors.length} could not be analysed`);
  lines.push(parts.join('; '));
  return `${lines.join('\n')}\n`;
}

/** Table cells stay readable when `*` grants hundreds of risky actions; the JSON report lists them all. */
export const TABLE_MAX_ACTIONS = 8;

function listSome(actions: readonly string[]): string {
  if (actions.length <= TABLE_MAX_ACTIONS) return actions.join(', ');
  const more = actions.length - TABLE_MAX_ACTIONS;
  return `${actions.slice(0, TABLE_MAX_ACTIONS).join(', ')} and ${more} more (--fmt json lists all)`;
}

/** Errors as stderr lines: `iamwright: <file>[: <policy>]: <message>`, control characters escaped. */
export function formatErrors(errors: readonly AnalysisError[]): string {
  return errors
    .map(
      (e) =>
        `iamwright: ${printableName(e.file)}${e.policy ? `: ${printableName(e.policy)}` : ''}: ` +
        `${escapeUnsafe(e.message)}\n`,
    )
    .join('');
}
