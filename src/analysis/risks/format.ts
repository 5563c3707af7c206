/**
 * `analyze --by principal` as text and JSON: principals riskiest first, with their level, findings by
 * category and who may assume each role; then the findings of policies that apply to no principal. Names
 * from the input are shown escaped (see printableName), as in the other tables.
 */
import type { RiskFinding, RiskReport } from '../../reporting/risk-report.js';
import { escapeJsonText, escapeUnsafe, printableName } from '../../util/printable.js';
import { alignColumns as table } from '../../util/format/table.js';

/** The whole report as JSON (2-space indent, trailing newline); renderers can read it back. */
export function formatRiskReportJson(report: RiskReport): string {
  return `${escapeJsonText(JSON.stringify(report, null, 2))}\n`;
}

/** Principals by risk, then the findings of lone policies, then a summary line. */
export function formatPrincipalsTable(report: RiskReport): string {
  const lines: string[] = [];
  const byId = new Map(report.findings.map((f) => [f.id, f]));
  const abbrev = new Map(report.categories.map((c) => [c.id, c.id]));
  if (report.principals.length) {
    const rows = report.principals.map((p) => {
      const findings = p.findings.map((id) => byId.get(id) as RiskFinding);
      const trust = (p.trust ?? [])
        .filter((t) => t.kind !== 'service' && (t.kind !== 'account' || t.crossAccount))
        .map((t) => printableName(t.principal) + (t.conditional ? ' (if)' : ''));
      return [
        p.type,
        printableName(p.name),
        p.level ?? '-',
        String(p.score),
        countByCategory(findings, abbrev) || '-',
        String(p.policies.length),
        trust.length ? listSome(trust, 3) : '-',
      ];
    });
    lines.push(
      ...table(['TYPE', 'NAME', 'LEVEL', 'SCORE', 'FINDINGS', 'POLICIES', 'ASSUMABLE BY'], rows),
      '',
    );
  }
  const lone = report.findings.filter((f) => f.principal === undefined);
  if (lone.length) {
    const names = new Map(report.policies.map((p) => [p.id, p.name]));
    const rows = lone.map((f) => [
      f.level,
      printableName(names.get(f.policies[0]) ?? f.policies[0] ?? '-'),
      f.category,
      escapeUnsafe(f.message) + (f.conditional ? ' (conditional)' : ''),
    ]);
    lines.push(...table(['LEVEL', 'POLICY', 'CATEGORY', 'FINDING'], rows), '');
  }
  const levels = ['critical', 'high', 'medium', 'low']
    .map((l) => [l, report.findings.filter((f) => f.level === l).length] as const)
    .filter(([, n]) => n > 0)
    .map(([l, n]) => `${l} ${n}`);
  const parts = [
    `${report.principals.length} principal${report.principals.length === 1 ? '' : 's'}`,
    `${report.policies.length} ${report.policies.length === 1 ? 'policy' : 'policies'}`,
    `${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}${levels.length ? ` (${levels.join(', ')})` : ''}`,
  ];
  if (report.errors.length) parts.push(`${report.errors.length} could not be analysed`);
  lines.push(parts.join('; '));
  return `${lines.join('\n')}\n`;
}

function countByCategory(findings: readonly RiskFinding[], names: Map<string, string>): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.category, (counts.get(f.category) ?? 0) + 1);
  return [...names.keys()]
    .filter((c) => counts.has(c))
    .map((c) => `${names.get(c)} ${counts.get(c)}`)
    .join(', ');
}

function listSome(items: readonly string[], max: number): string {
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
