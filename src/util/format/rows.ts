/**
 * Turning query results into rows for the tabular formats (table, csv). The shapes understood:
 * - a list of objects: one row each;
 * - a list of scalars: one row each, in a single column;
 * - an object whose values are all lists of objects (`{ "s3": [rows] }`): those rows, concatenated;
 * - any other object: one row per key, in two columns (name, value).
 */

export type Cell = string | string[];
export interface Table {
  columns: string[];
  rows: Cell[][];
}

export interface RowOptions {
  /** Columns to show for lists of objects, in order (default: the keys of the first row). */
  columns?: string[];
  /** Header of the single column of a list of scalars (default `value`). */
  listHeader?: string;
  /** Headers of the two columns of an object (default `name`, `value`). */
  keyHeader?: string;
  valueHeader?: string;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A value as cell text: lists stay lists (the formats join them), objects become JSON, null empty. */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function toTable(data: unknown, options: RowOptions = {}): Table {
  if (Array.isArray(data)) {
    if (data.length > 0 && data.every(isPlainObject)) return objectRows(data, options.columns);
    return { columns: [options.listHeader ?? 'value'], rows: data.map((v) => [toCell(v)]) };
  }
  if (isPlainObject(data)) {
    const values = Object.values(data);
    if (values.length > 0 && values.every((v) => Array.isArray(v) && v.every(isPlainObject))) {
      const rows = (values as Record<string, unknown>[][]).flat();
      if (rows.length > 0) return objectRows(rows, options.columns);
      return { columns: options.columns ?? [], rows: [] };
    }
    return {
      columns: [options.keyHeader ?? 'name', options.valueHeader ?? 'value'],
      rows: Object.entries(data).map(([k, v]) => [k, toCell(v)]),
    };
  }
  return { columns: [options.listHeader ?? 'value'], rows: [[toCell(data)]] };
}

function objectRows(items: Record<string, unknown>[], columns?: string[]): Table {
  const cols = columns ?? Object.keys(items[0]);
  return { columns: cols, rows: items.map((item) => cols.map((c) => toCell(item[c]))) };
}
