/**
 * Inline SVG bar charts, drawn here so the page needs no library and no network. Each bar has a <title>
 * (a tooltip with the figures) and each chart an aria-label, so the figures are readable without the
 * picture too.
 */
import { RISK_LEVELS, type RiskLevel } from '../risk-report.js';
import type { RiskSummary } from '../risk-summary.js';
import { ACCESS_LEVEL_ORDER } from '../risk-summary.js';
import { escapeHtml, text } from './escape.js';
import { LEVEL_COLOR } from './styles.js';

/** One segment of a bar: a value and the CSS class that colours it. */
export interface BarSegment {
  value: number;
  cls: string;
  /** Tooltip words for the segment, e.g. "high". */
  name: string;
}

export interface BarRow {
  label: string;
  segments: BarSegment[];
  /** Where the label links to (a fragment of this page), if anywhere. */
  href?: string;
}

const WIDTH = 560;
const LABEL = 190;
const ROW = 26;
const BAR = 16;
const VALUE_ROOM = 50;

/** Labels longer than this are cut with an ellipsis; the full text stays in the tooltip. */
const MAX_LABEL = 28;

function cut(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

/** Horizontal bars, stacked by segment, on one scale: the largest row total fills the width. */
export function barChart(rows: readonly BarRow[], ariaLabel: string): string {
  if (rows.length === 0) return '<p class="empty">Nothing to show.</p>';
  const max = Math.max(1, ...rows.map((r) => r.segments.reduce((n, s) => n + s.value, 0)));
  const span = WIDTH - LABEL - VALUE_ROOM;
  const height = rows.length * ROW + 4;
  const parts: string[] = [];
  rows.forEach((row, i) => {
    const y = i * ROW + 2;
    const total = row.segments.reduce((n, s) => n + s.value, 0);
    const label = `<text x="${LABEL - 8}" y="${y + BAR - 3}" text-anchor="end"><title>${text(row.label)}</title>${text(cut(row.label))}</text>`;
    parts.push(row.href ? `<a href="${escapeHtml(row.href)}">${label}</a>` : label);
    parts.push(`<rect x="${LABEL}" y="${y}" width="${span}" height="${BAR}" rx="3" fill="#eef1f6"/>`);
    let x = LABEL;
    for (const s of row.segments) {
      if (s.value <= 0) continue;
      const w = Math.max(2, (s.value / max) * span);
      parts.push(
        `<rect class="${s.cls}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR}"><title>${text(row.label)}: ${s.value} ${text(s.name)}</title></rect>`,
      );
      x += w;
    }
    parts.push(`<text class="v" x="${(x + 6).toFixed(1)}" y="${y + BAR - 3}">${total}</text>`);
  });
  return `<svg viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${text(ariaLabel)}">${parts.join('')}</svg>`;
}

export function levelLegend(levels: readonly (RiskLevel | 'none')[]): string {
  return `<div class="legend">${levels
    .map(
      (l) => `<span><i style="background:${LEVEL_COLOR[l]}"></i>${l === 'none' ? 'no findings' : l}</span>`,
    )
    .join('')}</div>`;
}

/** Findings by category, each bar stacked by level. */
export function findingsByCategoryChart(summary: RiskSummary): string {
  const rows = summary.findingsByCategory.map((c) => ({
    label: c.category.title,
    segments: RISK_LEVELS.map((l) => ({ value: c.byLevel[l], cls: `fill-${l}`, name: l })),
  }));
  return barChart(rows, 'Findings by category') + levelLegend(RISK_LEVELS);
}

/** Principals by their highest level. */
export function principalsByLevelChart(summary: RiskSummary): string {
  const levels = [...RISK_LEVELS, 'none'] as const;
  const rows = levels.map((l) => ({
    label: l === 'none' ? 'No findings' : l[0].toUpperCase() + l.slice(1),
    segments: [{ value: summary.principalsByLevel[l], cls: `fill-${l}`, name: 'principals' }],
  }));
  return barChart(rows, 'Principals by highest risk level');
}

/** Riskiest principals (or policies) by score or finding count. */
export function topChart(
  items: readonly { label: string; value: number; level?: RiskLevel; href: string }[],
  ariaLabel: string,
): string {
  return barChart(
    items.map((it) => ({
      label: it.label,
      href: it.href,
      segments: [{ value: it.value, cls: `fill-${it.level ?? 'none'}`, name: 'score' }],
    })),
    ariaLabel,
  );
}

/** CSS class for an access level's colour: the known five have their own, any other shares one. */
export function accessClass(level: string): string {
  const i = (ACCESS_LEVEL_ORDER as readonly string[]).indexOf(level);
  return i < 0 ? 'acc-x' : `acc-${i}`;
}

export const ACCESS_COLORS = ['#94a3b8', '#38a3d8', '#5b5bd6', '#a21caf', '#14b8a6'];

export const ACCESS_STYLES =
  ACCESS_COLORS.map((c, i) => `.acc-${i}{fill:${c};background:${c}}`).join('') +
  '.acc-x{fill:#64748b;background:#64748b}';

/** How many principals (or policies) hold each access level. */
export function accessLevelsChart(summary: RiskSummary): string {
  const rows = summary.accessLevels.map((a) => ({
    label: a.level,
    segments: [{ value: a.holders, cls: accessClass(a.level), name: summary.accessHolders }],
  }));
  return barChart(rows, `Access levels: ${summary.accessHolders} granted each`);
}

/** A small stacked bar of one principal's or policy's actions per access level, as shares of its total. */
export function accessBar(levels: Record<string, number>, order: readonly string[]): string {
  const total = order.reduce((n, l) => n + (levels[l] ?? 0), 0);
  if (total === 0) return '<span class="empty">none</span>';
  const title = order
    .filter((l) => (levels[l] ?? 0) > 0)
    .map((l) => `${l}: ${levels[l]}`)
    .join(', ');
  const spans = order
    .filter((l) => (levels[l] ?? 0) > 0)
    .map(
      (l) =>
        `<span class="${accessClass(l)}" style="width:${(((levels[l] ?? 0) / total) * 100).toFixed(2)}%"></span>`,
    )
    .join('');
  return `<div class="access" title="${text(title)}"><div class="accessbar">${spans}</div><span class="t">${total.toLocaleString('en-US')} action${total === 1 ? '' : 's'}</span></div>`;
}

export function accessLegend(order: readonly string[]): string {
  return `<div class="legend">${order
    .map((l) => `<span><i class="${accessClass(l)}"></i>${text(l)}</span>`)
    .join('')}</div>`;
}
