/**
 * Findings for people: grouped by file, one line each (line:column, severity, message, rule id), then a
 * summary line. Colour only when the caller says so (useColor: a terminal, and NO_COLOR unset).
 */
import type { ReportedFinding, Severity } from './finding.js';
import { countBySeverity, type FindingReport } from './report.js';

export interface TableFormatOptions {
  /** ANSI colours. Default false. */
  color?: boolean;
}

/** Colour for a stream: only a terminal, and never when NO_COLOR is set to anything (no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR;
}

/**
 * Text from user files made safe for a terminal or CI log: control characters (escape sequences, line
 * breaks that would forge a row) and bidirectional overrides are written as \u escapes.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) =>
    c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const SEVERITY_COLOR: Record<Severity, string> = {
  error: '31', // red
  'security-warning': '35', // magenta
  warning: '33', // yellow
  suggestion: '36', // cyan
};

export function formatFindingsTable(report: FindingReport, options: TableFormatOptions = {}): string {
  const paint = (code: string, s: string) => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  const byFile = new Map<string, ReportedFinding[]>();
  for (const f of report.findings) {
    const list = byFile.get(f.location.file);
    if (list) list.push(f);
    else byFile.set(f.location.file, [f]);
  }
  for (const [file, findings] of byFile) {
    lines.push(paint('4', printable(file)));
    const at = findings.map((f) =>
      f.location.line === undefined ? '-' : `${f.location.line}:${f.location.column ?? 1}`,
    );
    const atWidth = Math.max(...at.map((s) => s.length));
    const sevWidth = Math.max(...findings.map((f) => f.severity.length));
    findings.forEach((f, i) => {
      const message = printable((f.policy !== undefined ? `[${f.policy}] ` : '') + f.message);
      lines.push(
        `  ${paint('2', at[i].padEnd(atWidth))}  ${paint(SEVERITY_COLOR[f.severity], f.severity.padEnd(sevWidth))}  ` +
          `${message}  ${paint('2', printable(f.ruleId))}`,
      );
    });
    lines.push('');
  }
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summaryLine(report: FindingReport): string {
  const scope: string[] = [];
  if (report.policies !== undefined) scope.push(plural(report.policies, 'policy', 'policies'));
  if (report.files !== undefined) scope.push(`in ${plural(report.files, 'file')}`);
  const parts = [scope.join(' ')];
  if (report.accepted?.length) parts.push(`${report.accepted.length} accepted, not shown`);
  const inside = parts.filter(Boolean).join('; ');
  const tail = inside ? ` (${inside})` : '';
  if (!report.findings.length) return `No findings${tail}.`;
  const c = countBySeverity(report.findings);
  return (
    `${plural(report.findings.length, 'finding')}: ${plural(c.error, 'error')}, ` +
    `${plural(c['security-warning'], 'security warning')}, ${plural(c.warning, 'warning')}, ` +
    `${plural(c.suggestion, 'suggestion')}${tail}.`
  );
}
