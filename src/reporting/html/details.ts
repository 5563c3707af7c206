/**
 * The expandable part of a finding: method (complete, or partial with what is missing), actions, resources,
 * whether it is conditional, and each statement that granted it with the granting pattern marked.
 */
import type { RiskEvidence, RiskFinding, RiskMethod } from '../risk-report.js';
import { patternNeedles, statementExcerpt, type StatementExcerptOptions } from '../statement-excerpt.js';
import { escapeHtml, text } from './escape.js';
import type { PageIndex } from './page-index.js';

/** Lists longer than this show their first items and a count of the rest. */
const MAX_LIST = 25;

export function codeList(items: readonly string[], max = MAX_LIST): string {
  if (items.length === 0) return '<span class="empty">none</span>';
  const shown = items.slice(0, max).map((a) => `<code>${text(a)}</code>`);
  if (items.length > max) shown.push(`<span class="empty">and ${items.length - max} more</span>`);
  return shown.join(', ');
}

function methodHtml(method: RiskMethod): string {
  const state = method.complete
    ? '<span class="tag warn">complete</span>'
    : '<span class="tag">partial</span>';
  const missing = method.complete
    ? ''
    : `<dt>Missing</dt><dd class="missing">${method.missing
        .map((m) =>
          m
            .split('|')
            .map((a) => `<code>${text(a)}</code>`)
            .join(' or '),
        )
        .join(', ')}</dd>`;
  const source = method.source ? `<dt>Source</dt><dd><code>${text(method.source)}</code></dd>` : '';
  return `<dt>Method</dt><dd>${text(method.title)} <code>${text(method.id)}</code> ${state}</dd>${missing}${source}`;
}

/** One line of JSON with each pattern (as a JSON string) marked; every piece is escaped on its own. */
function markLine(line: string, needles: readonly string[]): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    let hit: string | undefined;
    let at = line.length;
    for (const n of needles) {
      const j = line.indexOf(n, i);
      if (j >= 0 && j < at) {
        at = j;
        hit = n;
      }
    }
    out += escapeHtml(line.slice(i, at));
    if (hit === undefined) break;
    out += `<mark>${escapeHtml(hit)}</mark>`;
    i = at + hit.length;
  }
  return out;
}

/** The statement as indented JSON (an excerpt when long), each occurrence of a granting pattern marked. */
function statementHtml(
  statement: unknown,
  patterns: readonly string[],
  options: StatementExcerptOptions,
): string {
  const needles = patternNeedles(patterns);
  const lines = statementExcerpt(statement, patterns, options).map((part) =>
    'line' in part
      ? markLine(part.line, needles)
      : `<span class="omit">${part.indent}… ${part.omitted.toLocaleString('en-US')} line${part.omitted === 1 ? '' : 's'} left out</span>`,
  );
  return `<pre><code>${lines.join('\n')}</code></pre>`;
}

/** Evidence grouped by statement, so a statement that granted several actions is shown once. */
function evidenceHtml(
  evidence: readonly RiskEvidence[],
  index: PageIndex,
  options: StatementExcerptOptions,
): string {
  const groups = new Map<string, RiskEvidence[]>();
  for (const e of evidence) {
    const key = `${e.policy}\u0000${e.statementIndex}`;
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  return [...groups.values()]
    .map((list) => {
      const first = list[0];
      const granted = list
        .map((e) => `pattern <code>${text(e.pattern)}</code> granted ${codeList(e.actions)}`)
        .join('; ');
      return `<div class="evidence"><h4>${index.policyLink(first.policy)}, statement <code>${text(first.statement)}</code> (#${first.statementIndex})</h4><div>${granted}</div>${statementHtml(
        first.statementJson,
        list.map((e) => e.pattern),
        options,
      )}</div>`;
    })
    .join('');
}

export function findingDetailsHtml(
  f: RiskFinding,
  index: PageIndex,
  options: StatementExcerptOptions = {},
): string {
  const rows: string[] = [];
  if (f.method) rows.push(methodHtml(f.method));
  rows.push(`<dt>Level</dt><dd><span class="badge badge-${f.level}">${f.level}</span></dd>`);
  rows.push(`<dt>Actions</dt><dd>${codeList(f.actions)}</dd>`);
  rows.push(`<dt>Resources</dt><dd>${codeList(f.resources)}</dd>`);
  rows.push(
    `<dt>Conditional</dt><dd>${f.conditional ? '<span class="tag ok">yes</span> every granting statement has a Condition' : 'no'}</dd>`,
  );
  if (f.principal !== undefined) rows.push(`<dt>Principal</dt><dd>${index.principalLink(f.principal)}</dd>`);
  rows.push(`<dt>Policies</dt><dd>${f.policies.map((p) => index.policyLink(p)).join(', ')}</dd>`);
  return `<div class="detail"><dl>${rows.join('')}</dl>${evidenceHtml(f.evidence, index, options)}</div>`;
}
