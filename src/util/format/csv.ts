/** CSV (RFC 4180): a header row, fields quoted when they hold a comma, quote or line break; lists joined by `; `. */
import type { Cell, Table } from './rows.js';

function field(cell: Cell): string {
  const text = Array.isArray(cell) ? cell.join('; ') : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function renderCsv(table: Table): string {
  if (table.columns.length === 0) return '';
  const lines = [table.columns, ...table.rows].map((row) => row.map(field).join(','));
  return lines.join('\n') + '\n';
}
