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
  // A computed specifier: the builder is written in parallel, and this file must compile against the
  // contract alone.
  const spec = '../build/index.js';
  const mod = (await import(spec)) as BuildModule;
  return (pages, options) => adaptReport(mod.buildDatabaseFromPages(pages, options));
}

interface BuildResult {
  records: ServiceRecord[];
  meta: DatabaseMeta;
  report: unknown;
}

interface BuildModule {
  buildDatabaseFromPages(pages: { name: string; html: string }[], options?: BuilderOptions): BuildResult;
}

function adaptReport(result: BuildResult): BuilderOutput {
  const report = result.report as unknown as Record<string, unknown>;
  const parseFailures: PageFailure[] = [];
  const notes: string[] = [];
  const skipped = (report.pagesSkipped ?? report.skipped ?? []) as { page?: string; name?: string; reason: string }[];
  for (const s of skipped) {
    const name = s.page ?? s.name ?? '?';
    // A page without tables is skipped on purpose (AWS leaves "moved" stubs); anything else is a parse failure.
    if (/no (action )?tables?|moved|redirect/i.test(s.reason)) notes.push(`${name}: skipped (${s.reason})`);
    else parseFailures.push({ name, reason: s.reason });
  }
  return { records: result.records, meta: result.meta, parseFailures, notes };
}
