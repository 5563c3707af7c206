/**
 * The risk report as one self-contained HTML page: inline CSS, inline SVG charts, no script at all, and a
 * Content-Security-Policy that forbids scripts and every fetch, so the file opens offline and text from the
 * report can never run or call out even if it slipped past escaping. Output depends only on the report
 * and the options (no clock), so the same report renders to the same bytes.
 */
import { RISK_LEVELS, type RiskReport } from '../risk-report.js';
import { orderAccessLevels, summarizeRisk, type RiskSummary } from '../risk-summary.js';
import {
  ACCESS_STYLES,
  accessLegend,
  accessLevelsChart,
  findingsByCategoryChart,
  levelLegend,
  principalsByLevelChart,
  topChart,
} from './charts.js';
import { text } from './escape.js';
import { pageIndex, type PageIndex } from './page-index.js';
import { STYLES } from './styles.js';
import { findingsTable, policiesTable, principalsTable } from './tables.js';

export interface RiskHtmlOptions {
  /** Rows each table shows before the rest is folded into a "Show N more" section. Default 100. */
  rowsShown?: number;
  /** Bars in the "riskiest principals" chart. Default 10. */
  topPrincipals?: number;
  /**
   * Statements longer than this many lines of JSON are shown as an excerpt (outline and the lines around
   * each granting pattern). Default 40.
   */
  statementLines?: number;
}

/** No scripts, no fetches of any kind (fonts, images, frames, forms); inline styles and data: images only. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'";

function card(n: number, label: string, cls = ''): string {
  return `<div class="card ${cls}"><div class="n">${n}</div><div class="l">${text(label)}</div></div>`;
}

function summaryHtml(report: RiskReport, summary: RiskSummary, index: PageIndex, top: number): string {
  const cards = [
    card(report.findings.length, 'findings'),
    ...RISK_LEVELS.map((l) => card(summary.findingsByLevel[l], l, l)),
    card(report.principals.length, 'principals'),
    card(report.policies.length, 'policies'),
    card(summary.conditionalFindings, 'conditional findings'),
    card(summary.partialMethods, 'partial methods'),
  ];
  const charts = [
    `<div class="chart" id="chart-categories"><h3>Findings by category</h3>${findingsByCategoryChart(summary)}</div>`,
  ];
  if (report.principals.length > 0) {
    charts.push(
      `<div class="chart" id="chart-principals"><h3>Principals by risk</h3>${principalsByLevelChart(summary)}<p class="note">Each principal counted once, at its highest level.</p></div>`,
    );
    const riskiest = report.principals
      .filter((p) => p.score > 0)
      .slice(0, top)
      .map((p) => ({
        label: p.name,
        value: p.score,
        level: p.level,
        href: `#${index.principalAnchor(p.id)}`,
      }));
    charts.push(
      `<div class="chart" id="chart-riskiest"><h3>Riskiest principals (score)</h3>${topChart(riskiest, 'Riskiest principals by score')}${levelLegend(RISK_LEVELS)}</div>`,
    );
  }
  const accessOrder = summary.accessLevels.map((a) => a.level);
  charts.push(
    `<div class="chart" id="chart-access"><h3>Access levels</h3>${accessLevelsChart(summary)}<p class="note">How many ${summary.accessHolders} are granted at least one action at each access level.</p>${accessLegend(accessOrder)}</div>`,
  );
  return `<section id="summary"><h2>Summary</h2><div class="cards">${cards.join('')}</div><div class="charts">${charts.join('')}</div></section>`;
}

function metaHtml(report: RiskReport): string {
  const parts = [
    `<span>iamwright ${text(report.toolVersion)}</span>`,
    `<span>database: ${text(report.database)}</span>`,
    `<span>input: ${report.inputs.map((i) => text(i)).join(', ') || 'none'}</span>`,
  ];
  if (report.generatedAt !== undefined) parts.push(`<span>generated ${text(report.generatedAt)}</span>`);
  return `<div class="meta">${parts.join('')}</div>`;
}

function errorsHtml(report: RiskReport): string {
  if (report.errors.length === 0) return '';
  return `<section id="errors"><h2>Inputs not analysed (${report.errors.length})</h2><ul class="errors">${report.errors
    .map(
      (e) =>
        `<li><code>${text(e.file)}</code>${e.policy !== undefined ? ` policy <code>${text(e.policy)}</code>` : ''}: ${text(e.message)}</li>`,
    )
    .join('')}</ul></section>`;
}

function categoriesHtml(summary: RiskSummary): string {
  return `<section id="categories"><h2>Categories</h2><table><thead><tr><th>Category</th><th>What it means</th><th class="num">Findings</th></tr></thead><tbody>${summary.findingsByCategory
    .map(
      (c) =>
        `<tr><td>${text(c.category.title)}<div class="arn">${text(c.category.id)}</div></td><td>${text(c.category.description)}</td><td class="num">${c.total}</td></tr>`,
    )
    .join('')}</tbody></table></section>`;
}

export function renderRiskHtml(report: RiskReport, options: RiskHtmlOptions = {}): string {
  const shown = Math.max(1, options.rowsShown ?? 100);
  const summary = summarizeRisk(report);
  const index = pageIndex(report);
  const titles = new Map(summary.findingsByCategory.map((c) => [c.category.id, c.category.title]));
  const accessNames = new Set<string>();
  for (const h of [...report.principals, ...report.policies]) {
    for (const k of Object.keys(h.accessLevels)) accessNames.add(k);
  }
  const accessOrder = orderAccessLevels(accessNames);
  const nav = [
    ['summary', 'Summary'],
    ['findings', `Findings (${report.findings.length})`],
    ...(report.principals.length ? [['principals', `Principals (${report.principals.length})`]] : []),
    ['policies', `Policies (${report.policies.length})`],
    ...(report.errors.length ? [['errors', `Errors (${report.errors.length})`]] : []),
    ['categories', 'Categories'],
  ]
    .map(([id, label]) => `<a href="#${id}">${text(label)}</a>`)
    .join('');
  const body = [
    summaryHtml(report, summary, index, options.topPrincipals ?? 10),
    `<section id="findings"><h2>Findings</h2>${findingsTable(report, index, titles, shown, { maxLines: options.statementLines })}</section>`,
    report.principals.length
      ? `<section id="principals"><h2>Principals</h2>${principalsTable(report, index, accessOrder, shown)}${accessLegend(accessOrder)}</section>`
      : '',
    `<section id="policies"><h2>Policies</h2>${policiesTable(report, index, accessOrder, shown)}${accessLegend(accessOrder)}</section>`,
    errorsHtml(report),
    categoriesHtml(summary),
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="iamwright ${text(report.toolVersion)}">
<title>${text(report.title)}</title>
<style>${STYLES}${ACCESS_STYLES}</style>
</head>
<body>
<header class="top"><h1>${text(report.title)}</h1>${metaHtml(report)}<nav>${nav}</nav></header>
<main>
${body}
</main>
<footer>Written by iamwright ${text(report.toolVersion)} from ${text(report.database)}. Self-contained: no scripts, no network.</footer>
</body>
</html>
`;
}
