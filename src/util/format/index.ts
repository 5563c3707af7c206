/**
 * Rendering command results for people (table) and machines (json, yaml, csv). Any layer may use it:
 * `render(data, fmt, options)` takes the plain data a query returns.
 */
import { createRequire } from 'node:module';
import { renderCsv } from './csv.js';
import { toTable, type RowOptions } from './rows.js';
import { renderTable, type TableOptions } from './table.js';

// yaml is loaded only when YAML is asked for: it is the largest module a query would otherwise load.
function yamlStringify(data: unknown, options: import('yaml').ToStringOptions): string {
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).stringify(data, options);
}

export const OUTPUT_FORMATS = ['table', 'json', 'yaml', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface RenderOptions extends RowOptions, TableOptions {
  /** JSON indentation (default 2; policy_sentry prints 4). */
  indent?: number;
}

/** `data` as text in `fmt`, ending with a newline (except csv of nothing, which is empty). */
export function render(data: unknown, fmt: OutputFormat, options: RenderOptions = {}): string {
  switch (fmt) {
    case 'json':
      return JSON.stringify(data, null, options.indent ?? 2) + '\n';
    case 'yaml':
      return yamlStringify(data, { lineWidth: 0 });
    case 'csv':
      return renderCsv(toTable(data, options));
    case 'table':
      return renderTable(toTable(data, options), options);
  }
}

export { toTable, type Table, type Cell, type RowOptions } from './rows.js';
export { renderCsv } from './csv.js';
export { renderTable, wrapText, alignColumns, type TableOptions } from './table.js';
