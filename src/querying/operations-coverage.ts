/**
 * How much of each service the operation map covers, by source: the figures of docs/operations.md
 * (written by scripts/operation-coverage.mjs; test/querying/operations-coverage.test.ts checks the doc is
 * current).
 */
import type { IamDatabase } from '../database/database.js';
import { checkDatabase } from './arguments.js';
import { OPERATION_SOURCES, OperationMap, type OperationSource } from './operations.js';

export interface ServiceCoverage {
  service: string;
  /** Operations the map knows. */
  operations: number;
  bySource: Record<OperationSource, number>;
  /** Operations several actions link, which the map leaves out (see OperationMap.ambiguous). */
  ambiguous: string[];
}

const zero = (): Record<OperationSource, number> => ({
  'service-reference': 0,
  exception: 0,
  'api-link': 0,
  'action-name': 0,
});

/** Coverage of every service of `db`, sorted by prefix. Reads the whole database. */
export function operationCoverage(
  db: IamDatabase,
  map: OperationMap = new OperationMap(db),
): ServiceCoverage[] {
  checkDatabase('operationCoverage', db);
  return db.listServices().map(({ prefix }) => {
    const entries = map.entries(prefix);
    const bySource = zero();
    for (const e of entries) bySource[e.source]++;
    return {
      service: prefix,
      operations: entries.length,
      bySource,
      ambiguous: map.ambiguous(prefix).map((a) => a.operation),
    };
  });
}

const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;

/**
 * The coverage as the markdown docs/operations.md holds between its coverage markers: totals, the
 * operations left out as ambiguous, then one row per service.
 */
export function coverageMarkdown(coverage: readonly ServiceCoverage[]): string {
  const total = zero();
  let operations = 0;
  for (const c of coverage) {
    operations += c.operations;
    for (const s of OPERATION_SOURCES) total[s] += c.bySource[s];
  }
  const head = ['service', 'operations', ...OPERATION_SOURCES];
  const lines = [
    `${coverage.length} services, ${operations} operations:`,
    '',
    row(['source', 'operations']),
    row(['---', '---:']),
    ...OPERATION_SOURCES.map((s) => row([s, total[s]])),
    '',
  ];
  const ambiguous = coverage.filter((c) => c.ambiguous.length > 0);
  if (ambiguous.length > 0) {
    lines.push(
      'Operations left out because several actions link them and none is named like them:',
      '',
      ...ambiguous.map((c) => `- ${c.service}: ${c.ambiguous.join(', ')}`),
      '',
    );
  }
  lines.push(
    '<details><summary>Per service</summary>',
    '',
    row(head),
    row(head.map((_, i) => (i === 0 ? '---' : '---:'))),
    ...coverage.map((c) => row([c.service, c.operations, ...OPERATION_SOURCES.map((s) => c.bySource[s])])),
    '',
    '</details>',
  );
  return lines.join('\n') + '\n';
}

export const COVERAGE_START = '<!-- operation-coverage:start (scripts/operation-coverage.mjs --write) -->';
export const COVERAGE_END = '<!-- operation-coverage:end -->';

/** `doc` with the text between its coverage markers replaced by `markdown`; undefined without markers. */
export function withCoverage(doc: string, markdown: string): string | undefined {
  const start = doc.indexOf(COVERAGE_START);
  const end = doc.indexOf(COVERAGE_END);
  if (start < 0 || end < start) return undefined;
  return doc.slice(0, start + COVERAGE_START.length) + '\n\n' + markdown + '\n' + doc.slice(end);
}
