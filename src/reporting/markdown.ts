/**
 * The risk report as GitHub-flavoured markdown for a pull-request comment: a summary table, findings by
 * category, the riskiest principals, the top findings, then every finding's details in a collapsed
 * <details>. GitHub refuses comments over 65,536 characters, so the document is cut to `maxLength`
 * (whole rows and whole findings only) with a note saying what was left out.
 */
import { RISK_LEVELS, type RiskFinding, type RiskReport } from './risk-report.js';
import { statementExcerpt } from './statement-excerpt.js';
import { mdCode, mdFence, mdText } from './markdown-text.js';
import { summarizeRisk } from './risk-summary.js';

export interface RiskMarkdownOptions {
  /** Rows in the "top findings" table (most severe first, at most two per principal while others remain). Default 10. */
  topFindings?: number;
  /** Rows in the "riskiest principals" table. Default 10. */
  topPrincipals?: number;
  /**
   * The longest document to write, in UTF-16 code units (never fewer than characters), between 2,000 and
   * GitHub's 65,536. Default 65,000.
   */
  maxLength?: number;
  /** Include each statement's JSON in the details. Default true. */
  statements?: boolean;
}

/** GitHub's limit on a comment body. */
export const GITHUB_COMMENT_LIMIT = 65_536;

const LEVEL_ICON: Record<string, string> = { critical: '🟥', high: '🟧', medium: '🟨', low: '🟦' };

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

const levelCell = (level: string | undefined) => (level ? `${LEVEL_ICON[level] ?? ''} ${level}` : '—');

/** Text that fits a budget: parts are added whole, or not at all. */
class Budget {
  private parts: string[] = [];
  private used = 0;
  constructor(private readonly limit: number) {}
  /** Adds `s` when it fits, keeping `reserve` characters free for what must follow. */
  add(s: string, reserve = 0): boolean {
    if (this.used + s.length + reserve > this.limit) return false;
    this.parts.push(s);
    this.used += s.length;
    return true;
  }
  get length(): number {
    return this.used;
  }
  toString(): string {
    return this.parts.join('');
  }
}

/** Closing text that must always fit: a truncation note and the end of an open <details>. */
const RESERVE = 600;

function findingDetails(
  f: RiskFinding,
  n: number,
  who: string,
  category: string,
  policyNames: Map<string, string>,
  statements: boolean,
): string {
  const lines = [
    `#### ${n}. ${levelCell(f.level)} · ${mdText(category)} · ${who}`,
    '',
    mdText(f.message),
    '',
  ];
  if (f.method) {
    const state = f.method.complete
      ? 'complete'
      : `partial, missing ${f.method.missing
          .map((m) =>
            m
              .split('|')
              .map((a) => mdCode(a))
              .join(' or '),
          )
          .join(', ')}`;
    lines.push(`- **Method:** ${mdText(f.method.title)} (${mdCode(f.method.id)}): ${state}`);
  }
  lines.push(`- **Actions:** ${f.actions.map((a) => mdCode(a)).join(', ')}`);
  lines.push(`- **Resources:** ${f.resources.map((r) => mdCode(r)).join(', ')}`);
  lines.push(`- **Conditional:** ${f.conditional ? 'yes, every granting statement has a Condition' : 'no'}`);
  lines.push(`- **Policies:** ${f.policies.map((p) => mdCode(policyNames.get(p) ?? p)).join(', ')}`);
  const seen = new Set<string>();
  for (const e of f.evidence) {
    lines.push(
      `- ${mdCode(policyNames.get(e.policy) ?? e.policy)}, statement ${mdCode(e.statement)}: pattern ${mdCode(e.pattern)} granted ${e.actions.map((a) => mdCode(a)).join(', ')}`,
    );
    const key = `${e.policy}\u0000${e.statementIndex}`;
    if (statements && !seen.has(key)) {
      seen.add(key);
      const excerpt = statementExcerpt(
        e.statementJson,
        f.evidence
          .filter((x) => x.policy === e.policy && x.statementIndex === e.statementIndex)
          .map((x) => x.pattern),
      ).map((part) =>
        'line' in part ? part.line : `${part.indent}… ${count(part.omitted, 'line')} left out`,
      );
      lines.push('', mdFence(excerpt.join('\n'), 'json'), '');
    }
  }
  return `${lines.join('\n')}\n\n`;
}

/**
 * The first `n` findings in report order (most severe first), at most two per principal (or policy) while
 * others remain, so one over-privileged role does not fill the table.
 */
export function topFindings(findings: readonly RiskFinding[], n: number): RiskFinding[] {
  const owner = (f: RiskFinding) => f.principal ?? f.policies.join('\u0000');
  const perOwner = new Map<string, number>();
  const picked = new Set<number>();
  findings.forEach((f, i) => {
    const seen = perOwner.get(owner(f)) ?? 0;
    if (picked.size < n && seen < 2) {
      picked.add(i);
      perOwner.set(owner(f), seen + 1);
    }
  });
  for (let i = 0; i < findings.length && picked.size < n; i++) picked.add(i);
  return [...picked].sort((a, b) => a - b).map((i) => findings[i]);
}

export function renderRiskMarkdown(report: RiskReport, options: RiskMarkdownOptions = {}): string {
  const limit = Math.max(2_000, Math.min(options.maxLength ?? 65_000, GITHUB_COMMENT_LIMIT));
  const summary = summarizeRisk(report);
  const titles = new Map(summary.findingsByCategory.map((c) => [c.category.id, c.category.title]));
  const principalNames = new Map(report.principals.map((p) => [p.id, p.name]));
  const policyNames = new Map(report.policies.map((p) => [p.id, p.name]));
  const who = (f: RiskFinding, inTable: boolean) =>
    f.principal !== undefined
      ? mdCode(principalNames.get(f.principal) ?? f.principal, inTable)
      : f.policies.map((p) => mdCode(policyNames.get(p) ?? p, inTable)).join(', ');
  const out = new Budget(limit);
  const left: string[] = [];

  const head = [
    `## ${mdText(report.title)}`,
    '',
    `iamwright ${mdText(report.toolVersion)} · ${mdText(report.database)} · ${report.inputs.map((i) => mdCode(i)).join(', ') || 'no input'}${
      report.generatedAt !== undefined ? ` · ${mdText(report.generatedAt)}` : ''
    }`,
    '',
    `**${report.findings.length} findings** for ${report.principals.length} principals and ${report.policies.length} policies` +
      (summary.conditionalFindings ? `; ${summary.conditionalFindings} conditional` : '') +
      (summary.partialMethods ? `; ${count(summary.partialMethods, 'partial escalation method')}` : '') +
      (report.errors.length ? `; ${count(report.errors.length, 'input')} not analysed` : '') +
      '.',
    '',
    '| Level | Findings |',
    '| --- | ---: |',
    ...RISK_LEVELS.map((l) => `| ${levelCell(l)} | ${summary.findingsByLevel[l]} |`),
    '',
    '### Findings by category',
    '',
    '| Category | Critical | High | Medium | Low | Total |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...summary.findingsByCategory.map(
      (c) =>
        `| ${mdText(c.category.title)} | ${RISK_LEVELS.map((l) => c.byLevel[l]).join(' | ')} | ${c.total} |`,
    ),
    '',
    '',
  ].join('\n');
  out.add(head, RESERVE);

  const top = Math.max(0, options.topPrincipals ?? 10);
  if (report.principals.length > 0 && top > 0) {
    const shown = report.principals.slice(0, top);
    const added = out.add(
      [
        `### Riskiest principals${report.principals.length > shown.length ? ` (${shown.length} of ${report.principals.length})` : ''}`,
        '',
        '| Principal | Type | Level | Score | Findings |',
        '| --- | --- | --- | ---: | ---: |',
        ...shown.map(
          (p) =>
            `| ${mdCode(p.name, true)} | ${mdText(p.type)} | ${levelCell(p.level)} | ${p.score} | ${p.findings.length} |`,
        ),
        '',
        '',
      ].join('\n'),
      RESERVE,
    );
    if (!added) left.push('the riskiest principals');
  }

  const topN = Math.max(0, options.topFindings ?? 10);
  if (report.findings.length > 0 && topN > 0) {
    const shown = topFindings(report.findings, topN);
    const rows = shown.map(
      (f) =>
        `| ${levelCell(f.level)} | ${mdText(titles.get(f.category) ?? f.category)} | ${who(f, true)} | ${mdText(f.message)}${
          f.conditional ? ' *(conditional)*' : ''
        }${f.method && !f.method.complete ? ' *(partial method)*' : ''} |`,
    );
    const hasPrincipal = report.findings.some((f) => f.principal !== undefined);
    if (
      out.add(
        `### Top findings${report.findings.length > shown.length ? ` (${shown.length} of ${report.findings.length})` : ''}\n\n| Level | Category | ${hasPrincipal ? 'Principal' : 'Policy'} | Finding |\n| --- | --- | --- | --- |\n`,
        RESERVE,
      )
    ) {
      let added = 0;
      for (const row of rows) {
        if (!out.add(`${row}\n`, RESERVE)) break;
        added++;
      }
      out.add('\n');
      if (added < rows.length) left.push(`${rows.length - added} rows of the top findings`);
    }
  }

  if (report.findings.length > 0) {
    const statements = options.statements ?? true;
    if (
      out.add(`<details>\n<summary>Details of all ${report.findings.length} findings</summary>\n\n`, RESERVE)
    ) {
      let added = 0;
      for (const [i, f] of report.findings.entries()) {
        const text = findingDetails(
          f,
          i + 1,
          who(f, false),
          titles.get(f.category) ?? f.category,
          policyNames,
          statements,
        );
        if (!out.add(text, RESERVE)) break;
        added++;
      }
      if (added < report.findings.length)
        left.push(`the details of ${report.findings.length - added} findings`);
      out.add('</details>\n\n');
    }
  }

  if (report.errors.length > 0) {
    const errors = report.errors.map(
      (e) =>
        `- ${mdCode(e.file)}${e.policy !== undefined ? ` policy ${mdCode(e.policy)}` : ''}: ${mdText(e.message)}\n`,
    );
    if (out.add(`### Inputs not analysed\n\n`, RESERVE)) {
      let added = 0;
      for (const line of errors) {
        if (!out.add(line, RESERVE)) break;
        added++;
      }
      if (added < errors.length) left.push(`${errors.length - added} input errors`);
      out.add('\n');
    }
  }

  if (left.length > 0) {
    out.add(
      `> [!NOTE]\n> Cut to fit a comment (${limit.toLocaleString('en-US')} characters): left out ${left.join(', ')}. ` +
        'The HTML, JSON or SARIF report has everything.\n',
    );
  }
  return out.toString();
}
