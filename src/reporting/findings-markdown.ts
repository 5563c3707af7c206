/**
 * Lint-style findings as GitHub-flavoured markdown for a pull-request comment: counts by severity, then
 * one table row per finding (severity, where, rule, message), most severe first, cut to fit GitHub's
 * 65,536-character limit with a note. User text is escaped as in the risk report's markdown.
 */
import { SEVERITIES, type ReportedFinding, type Severity } from './finding.js';
import { mdCode, mdText } from './markdown-text.js';
import { countBySeverity, type FindingReport } from './report.js';

export interface FindingsMarkdownOptions {
  /** The heading. Default "iamwright lint". */
  title?: string;
  /** The longest document, in UTF-16 code units, between 1,000 and 65,536. Default 65,000. */
  maxLength?: number;
}

const ICON: Record<Severity, string> = {
  error: '🟥',
  'security-warning': '🟪',
  warning: '🟨',
  suggestion: '🟦',
};

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function where(f: ReportedFinding): string {
  const at =
    f.location.line === undefined
      ? ''
      : `:${f.location.line}${f.location.column ? `:${f.location.column}` : ''}`;
  return mdCode(`${f.location.file}${at}`, true);
}

export function renderFindingsMarkdown(report: FindingReport, options: FindingsMarkdownOptions = {}): string {
  const limit = Math.max(1_000, Math.min(options.maxLength ?? 65_000, 65_536));
  const counts = countBySeverity(report.findings);
  const accepted = report.accepted?.length ?? 0;
  const scope =
    report.files !== undefined
      ? ` in ${report.policies ?? 0} ${report.policies === 1 ? 'policy' : 'policies'} of ${plural(report.files, 'file')}`
      : '';
  const head = [
    `## ${mdText(options.title ?? 'iamwright lint')}`,
    '',
    `**${plural(report.findings.length, 'finding')}**${scope}${accepted ? `; ${accepted} accepted by the config` : ''}.`,
    '',
  ];
  if (report.findings.length === 0) return `${[...head, 'No findings.'].join('\n')}\n`;
  head.push(
    '| Severity | Findings |',
    '| --- | ---: |',
    ...SEVERITIES.map((s) => `| ${ICON[s]} ${s} | ${counts[s]} |`),
    '',
    '| Severity | Where | Rule | Message |',
    '| --- | --- | --- | --- |',
    '',
  );
  const note = (left: number) =>
    `\n> [!NOTE]\n> Cut to fit a comment: ${plural(left, 'more finding')} not shown. The JSON or SARIF output has every one.\n`;
  const reserve = note(report.findings.length).length;
  let out = head.join('\n');
  // Most severe first, then in the order the linter reported them (by file and line).
  const order = report.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITIES.indexOf(a.f.severity) - SEVERITIES.indexOf(b.f.severity) || a.i - b.i);
  let shown = 0;
  for (const { f } of order) {
    const policy = f.policy !== undefined ? ` (policy ${mdCode(f.policy, true)})` : '';
    const row = `| ${ICON[f.severity]} ${f.severity} | ${where(f)} | ${mdCode(f.ruleId, true)} | ${mdText(f.message)}${policy} |\n`;
    if (out.length + row.length + reserve > limit) break;
    out += row;
    shown++;
  }
  if (shown < report.findings.length) out += note(report.findings.length - shown);
  return out;
}
