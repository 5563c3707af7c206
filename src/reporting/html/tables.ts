/**
 * The page's tables: findings, principals and policies. A long table shows its first rows and keeps the
 * rest in a closed <details>, so a report of thousands of rows opens fast and still holds every row.
 */
import type { RiskFinding, RiskPolicy, RiskPrincipal, RiskReport, RiskTrust } from '../risk-report.js';
import { accessBar } from './charts.js';
import { codeList, findingDetailsHtml } from './details.js';
import { text } from './escape.js';
import type { StatementExcerptOptions } from '../statement-excerpt.js';
import type { PageIndex } from './page-index.js';

/** A table whose rows after the first `shown` are kept in a closed "Show N more" <details>. */
export function collapsibleTable(head: string, rows: readonly string[], shown: number, noun: string): string {
  if (rows.length === 0) return `<p class="empty">No ${text(noun)}.</p>`;
  const first = `<table><thead>${head}</thead><tbody>${rows.slice(0, shown).join('')}</tbody></table>`;
  if (rows.length <= shown) return first;
  const rest = rows.length - shown;
  return `${first}<details class="more"><summary>Show ${rest} more ${text(noun)}</summary><table><thead>${head}</thead><tbody>${rows
    .slice(shown)
    .join('')}</tbody></table></details>`;
}

const badge = (level: string | undefined) =>
  level ? `<span class="badge badge-${level}">${level}</span>` : '<span class="badge badge-none">none</span>';

export function findingsTable(
  report: RiskReport,
  index: PageIndex,
  titles: Map<string, string>,
  shown: number,
  excerpt: StatementExcerptOptions,
) {
  const hasPrincipals = report.findings.some((f) => f.principal !== undefined);
  const head = `<tr><th>Level</th><th>Category</th><th>${hasPrincipals ? 'Principal' : 'Policy'}</th><th>Finding</th><th>Resources</th><th>Conditional</th></tr>`;
  const rows = report.findings.map((f: RiskFinding) => {
    const who =
      f.principal !== undefined
        ? index.principalLink(f.principal)
        : f.policies.map((p) => index.policyLink(p)).join(', ');
    const method = f.method
      ? ` <span class="tag${f.method.complete ? ' warn' : ''}">${f.method.complete ? 'complete method' : 'partial method'}</span>`
      : '';
    return `<tr id="${index.findingAnchor(f.id)}" data-level="${f.level}"><td>${badge(f.level)}</td><td>${text(
      titles.get(f.category) ?? f.category,
    )}</td><td>${who}</td><td><details class="finding"><summary>${text(f.message)}${method}</summary>${findingDetailsHtml(
      f,
      index,
      excerpt,
    )}</details></td><td class="res">${codeList(f.resources, 3)}</td><td>${f.conditional ? '<span class="tag ok">conditional</span>' : ''}</td></tr>`;
  });
  return collapsibleTable(head, rows, shown, 'findings');
}

function trustHtml(trust: readonly RiskTrust[]): string {
  if (trust.length === 0) return '<span class="empty">nobody</span>';
  return `<ul class="plain">${trust
    .map(
      (t) =>
        `<li><code>${text(t.principal)}</code> <span class="tag${t.kind === 'everyone' ? ' warn' : ''}">${text(t.kind)}</span>${
          t.crossAccount ? '<span class="tag warn">other account</span>' : ''
        }${t.conditional ? '<span class="tag ok">with condition</span>' : ''}</li>`,
    )
    .join('')}</ul>`;
}

export function principalsTable(
  report: RiskReport,
  index: PageIndex,
  accessOrder: readonly string[],
  shown: number,
) {
  const head =
    '<tr><th>Principal</th><th>Type</th><th>Level</th><th class="num">Score</th><th class="num">Findings</th><th class="num">Policies</th><th>Access levels</th></tr>';
  const rows = report.principals.map((p: RiskPrincipal) => {
    const items: string[] = [`<dt>ARN</dt><dd><code>${text(p.id)}</code></dd>`];
    if (p.groups) items.push(`<dt>Groups</dt><dd>${codeList(p.groups)}</dd>`);
    if (p.trust) items.push(`<dt>Trusted by</dt><dd>${trustHtml(p.trust)}</dd>`);
    items.push(
      `<dt>Policies</dt><dd>${p.policies.length ? p.policies.map((id) => index.policyLink(id)).join(', ') : '<span class="empty">none</span>'}</dd>`,
    );
    const own = index.findingsOf(p.findings);
    items.push(
      `<dt>Findings</dt><dd>${
        own.length
          ? `<ul class="plain">${own.map((f) => `<li>${badge(f.level)} ${index.findingLink(f.id, f.message)}</li>`).join('')}</ul>`
          : '<span class="empty">none</span>'
      }</dd>`,
    );
    return `<tr id="${index.principalAnchor(p.id)}" data-level="${p.level ?? 'none'}"><td><details class="finding"><summary><strong>${text(
      p.name,
    )}</strong></summary><div class="detail"><dl>${items.join('')}</dl></div></details></td><td>${text(p.type)}</td><td>${badge(
      p.level,
    )}</td><td class="num">${p.score}</td><td class="num">${p.findings.length}</td><td class="num">${p.policies.length}</td><td>${accessBar(
      p.accessLevels,
      accessOrder,
    )}</td></tr>`;
  });
  return collapsibleTable(head, rows, shown, 'principals');
}

export function policiesTable(
  report: RiskReport,
  index: PageIndex,
  accessOrder: readonly string[],
  shown: number,
) {
  const head =
    '<tr><th>Policy</th><th>Kind</th><th>File</th><th>Attached to</th><th class="num">Findings</th><th>Access levels</th></tr>';
  const rows = report.policies.map((p: RiskPolicy) => {
    const own = index.findingsOf(p.findings);
    const attached = p.attachedTo.length
      ? p.attachedTo
          .slice(0, 10)
          .map((id) => index.principalLink(id))
          .join(', ') +
        (p.attachedTo.length > 10 ? ` <span class="empty">and ${p.attachedTo.length - 10} more</span>` : '')
      : '<span class="empty">nothing</span>';
    const where = `<code>${text(p.file)}${p.line !== undefined ? `:${p.line}` : ''}</code>`;
    return `<tr id="${index.policyAnchor(p.id)}"><td><strong>${text(p.name)}</strong><div class="arn">${text(
      p.id,
    )}</div></td><td>${text(p.kind)}</td><td>${where}</td><td>${attached}</td><td class="num">${own.length}</td><td>${accessBar(p.accessLevels, accessOrder)}</td></tr>`;
  });
  return collapsibleTable(head, rows, shown, 'policies');
}
