/**
 * An aligned text table for people: a header, a rule, then rows. Lists show one item a line within their
 * cell; text wider than its column wraps at spaces (or breaks, for ARNs). Columns shrink, widest first, to
 * fit `width`.
 */
import type { Cell, Table } from './rows.js';

export interface TableOptions {
  /** Total width to fit (default 120). */
  width?: number;
  /** What to print for no rows (default `(none)`). */
  empty?: string;
}

const GAP = '  ';
const MIN_COLUMN = 12;

/** Splits `text` into lines of at most `width` characters, at spaces where possible, else after `/`, `:` or `-`. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      let w = word;
      if (line && line.length + 1 + w.length <= width) {
        line += ' ' + w;
        continue;
      }
      if (line) out.push(line);
      while (w.length > width) {
        const cut = breakPoint(w, width);
        out.push(w.slice(0, cut));
        w = w.slice(cut);
      }
      line = w;
    }
    out.push(line);
  }
  return out;
}

/** Where to break a word longer than `width`: after the last `/`, `:` or `-` that keeps half the line, else hard. */
function breakPoint(word: string, width: number): number {
  for (let i = width; i > width / 2; i--) if ('/:-'.includes(word[i - 1])) return i;
  return width;
}

function cellLines(cell: Cell): string[] {
  return Array.isArray(cell) ? cell : cell.split('\n');
}

/** Column widths: each column's widest line, then the widest columns shrunk until the row fits `width`. */
function columnWidths(table: Table, width: number): number[] {
  const widths = table.columns.map((c, i) =>
    Math.max(c.length, ...table.rows.flatMap((r) => cellLines(r[i]).map((l) => l.length))),
  );
  const budget = width - GAP.length * (widths.length - 1);
  let total = widths.reduce((a, b) => a + b, 0);
  while (total > budget) {
    const widest = widths.indexOf(Math.max(...widths));
    if (widths[widest] <= MIN_COLUMN) break;
    const next = Math.max(MIN_COLUMN, ...widths.filter((_, i) => i !== widest));
    const cut = Math.min(total - budget, widths[widest] - Math.max(next, MIN_COLUMN) || 1);
    widths[widest] -= cut;
    total -= cut;
  }
  return widths;
}

export function renderTable(table: Table, options: TableOptions = {}): string {
  if (table.rows.length === 0) return `${options.empty ?? '(none)'}\n`;
  const widths = columnWidths(table, options.width ?? 120);
  const lines: string[] = [];
  const emit = (cells: string[][]): void => {
    const height = Math.max(...cells.map((c) => c.length));
    for (let l = 0; l < height; l++) {
      const parts = cells.map((c, i) =>
        i === cells.length - 1 ? (c[l] ?? '') : (c[l] ?? '').padEnd(widths[i]),
      );
      lines.push(parts.join(GAP).trimEnd());
    }
  };
  emit(table.columns.map((c) => [c]));
  lines.push(widths.map((w) => '-'.repeat(w)).join(GAP));
  for (const row of table.rows) {
    emit(row.map((cell, i) => cellLines(cell).flatMap((l) => wrapText(l, widths[i]))));
  }
  return lines.join('\n') + '\n';
}

/**
 * Plain left-aligned columns, one line a row, no rule and no wrapping (for reports whose cells are already
 * short); the last column is not padded.
 */
export function alignColumns(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join(GAP)
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
