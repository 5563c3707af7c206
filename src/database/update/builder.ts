/**
 * The database builder as the updater uses it (the contract in src/database/build/index.ts): pages in,
 * records + meta + report out. Loaded on demand so that `db info` and `db rollback` never pay for the parser;
 * injectable so that tests can exercise the updater's fault handling on its own.
 */
import type { DatabaseMeta, ServiceRecord } from '../types.js';
import type { PageFailure } from './fetch-pages.js';

export interface BuilderOptions {
  /** undefined = the bundled overrides, null = none. */
  overridesFile?: string | null;
  buildDate?: string;
  builtFrom?: string;
}

export interface BuilderOutput {
  records: ServiceRecord[];
  meta: DatabaseMeta;
  /** Pages the builder rejected as unparseable (not pages it skips on purpose, like a moved-page stub). */
  parseFailures: PageFailure[];
  /** What it skipped or noticed, for the report. */
  notes: string[];
}

export type Builder = (pages: { name: string; html: string }[], options: BuilderOptions) => BuilderOutput;

/** The project's builder, adapted. */
export async function loadBuilder(): Promise<Builder> {
  const { buildDatabaseFromPages } = await import('../build/index.js');
  return (pages, options) => {
    const result = buildDatabaseFromPages(pages, options);
    const html = new Map(pages.map((p) => [p.name, p.html]));
    const parseFailures: PageFailure[] = [];
    const notes: string[] = [];
    for (const s of result.report.pagesSkipped) {
      // A page without any table is skipped on purpose (AWS leaves "moved" stubs in the index); a page with
      // tables that the parser rejects is a parse failure.
      if (/<table[\s>]/i.test(html.get(s.file) ?? '')) parseFailures.push({ name: s.file, reason: s.reason });
      else notes.push(`${s.file}: skipped (${s.reason})`);
    }
    const conflicts = result.report.mergeConflicts.length;
    if (conflicts)
      notes.push(`${conflicts} difference(s) between pages of one prefix, resolved by the merge rule`);
    return { records: result.records, meta: result.meta, parseFailures, notes };
  };
}
