/**
 * `db update`: download, build, validate, install; or refuse and leave the database in use untouched.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openDatabase } from '../store.js';
import { iamwrightHome } from '../select.js';
import type { DatabaseCounts, DatabaseMeta, ServiceRecord } from '../types.js';
import { countRecords, databaseFromRecords, type IamDatabase } from '../database.js';
import { diffDatabases, type DatabaseDiff } from '../diff.js';
import { bundledOverridesPath } from '../build/overrides.js';
import { metaFor } from '../store.js';
import { fetchServiceReference } from '../service-reference/fetch.js';
import { DEFAULT_SERVICE_REFERENCE_URL, type ServiceReferenceDocument } from '../service-reference/format.js';
import { mergeSources, recordFromServiceReference } from '../service-reference/map.js';
import { UserError } from '../../util/errors.js';
import { loadBuilder, type Builder } from './builder.js';
import {
  cachedPages,
  commitPages,
  fetchServicePages,
  type FetchOptions,
  type FetchResult,
  type PageFailure,
} from './fetch-pages.js';
import { DownloadError } from './http.js';
import { DEFAULT_BASE_URL, normalizeBaseUrl } from './index-page.js';
import { installDatabase, localVersions, VERSIONS_DIR } from './install.js';
import { beginUpdate, endUpdate } from './marker.js';
import { PageCache } from './page-cache.js';
import { validateUpdate } from './validate.js';

/** Folder of downloaded pages under IAMWRIGHT_HOME. */
export const PAGES_DIR = 'pages';
/** Folder of downloaded Service Reference documents under IAMWRIGHT_HOME. */
export const SERVICE_REFERENCE_DIR = 'service-reference';
/** The user's editable copy of the access-level overrides, written by `initialize`. */
export const OVERRIDES_FILE = 'access-level-overrides.yml';

export interface UpdateOptions extends FetchOptions {
  /** IAMWRIGHT_HOME. Default: from env. */
  home?: string;
  env?: NodeJS.ProcessEnv;
  /** Where the Service Authorization Reference lives. Default: AWS's site. */
  baseUrl?: string;
  /**
   * What to read: 'html' (the Service Authorization Reference pages, default), 'service-reference' (AWS's
   * JSON Service Reference) or 'both' (the JSON, completed by the pages; see docs/updating.md).
   */
  source?: 'html' | 'service-reference' | 'both';
  /** Index of the Service Reference. Default: AWS's. */
  serviceReferenceUrl?: string;
  /** Install even when validation finds problems. Default false. */
  force?: boolean;
  /** Download only (initialize --fetch without --build). Default true. */
  build?: boolean;
  /** Build from the pages already downloaded, without network (initialize --build). Default true. */
  fetch?: boolean;
  /**
   * Overrides file for the build. Default: $IAMWRIGHT_HOME/access-level-overrides.yml when present, else the
   * bundled one; null = none.
   */
  overridesFile?: string | null;
  /** Largest accepted fall of a count, as a fraction. Default 0.02. */
  maxDrop?: number;
  /** The builder (tests inject one). Default: src/database/build. */
  builder?: Builder;
  /** Lines for the user as the update proceeds (stderr in the CLI). */
  log?: (line: string) => void;
}

export interface UpdateReport {
  home: string;
  baseUrl: string;
  /** 'installed', 'fetched' (no build asked), or 'unchanged' (nothing downloaded and a database exists). */
  outcome: 'installed' | 'fetched' | 'unchanged';
  pagesDownloaded: number;
  pagesNotModified: number;
  counts?: DatabaseCounts;
  previousCounts?: DatabaseCounts;
  /** Problems overridden with --force. */
  forced: string[];
  notes: string[];
  installedPath?: string;
  /** The database it replaced, kept for `db rollback` (and `db diff`). */
  previousPath?: string;
  /** What the installed database changed, against the one it replaced. */
  changes?: ChangeSummary;
}

/** Counts of a diff: [added, removed] per kind, and actions whose access level or resources changed. */
export interface ChangeSummary {
  services: [number, number];
  actions: [number, number];
  resourceTypes: [number, number];
  conditionKeys: [number, number];
  changedActions: number;
}

function summarizeDiff(d: DatabaseDiff): ChangeSummary {
  const pair = (x: { added: unknown[]; removed: unknown[] }): [number, number] => [
    x.added.length,
    x.removed.length,
  ];
  return {
    services: pair(d.services),
    actions: pair(d.actions),
    resourceTypes: pair(d.resourceTypes),
    conditionKeys: pair(d.conditionKeys),
    changedActions: d.changedActions.length,
  };
}

function defaultOverrides(home: string): string | undefined {
  const mine = join(home, OVERRIDES_FILE);
  return existsSync(mine) ? mine : undefined;
}

/** Identifies the overrides a build applies, by content: editing your copy makes the next update rebuild. */
function overridesFingerprint(file: string | null | undefined): string {
  if (file === null) return 'none';
  const path = file ?? bundledOverridesPath();
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return `unreadable:${path}`; // the builder reports the real error
  }
}

function currentLocalDatabase(home: string): IamDatabase | undefined {
  const { current } = localVersions(home);
  const path = current ?? (existsSync(join(home, 'db', 'index.json')) ? join(home, 'db') : undefined);
  if (!path) return undefined;
  try {
    return openDatabase(path);
  } catch {
    return undefined; // a damaged local database is replaced, not compared against
  }
}

export async function updateDatabase(options: UpdateOptions = {}): Promise<UpdateReport> {
  const env = options.env ?? process.env;
  const home = options.home ?? iamwrightHome(env);
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const log = options.log ?? (() => {});
  const interrupted = beginUpdate(
    home,
    options.source === 'service-reference' ? 'the Service Reference' : baseUrl,
  );
  if (interrupted) log(`note: ${interrupted}`);
  try {
    return await runUpdate(home, baseUrl, options, log);
  } finally {
    endUpdate(home);
  }
}

/** One source's downloads and the cache they are checked against. */
interface SourceFetch {
  kind: 'html' | 'service-reference';
  cache: PageCache;
  fetched: FetchResult;
}

async function fetchSource(
  kind: SourceFetch['kind'],
  url: string,
  home: string,
  o: UpdateOptions,
): Promise<SourceFetch> {
  const cache = new PageCache(join(home, kind === 'html' ? PAGES_DIR : SERVICE_REFERENCE_DIR), url);
  try {
    if (o.fetch === false) {
      const fetched = cachedPages(url, cache);
      if (fetched.pages.length === 0) {
        throw new UserError(`no downloaded pages under ${cache.dir} for ${url}; fetch them first (--fetch)`);
      }
      return { kind, cache, fetched };
    }
    const fetched =
      kind === 'html' ? await fetchServicePages(url, cache, o) : await fetchServiceReference(url, cache, o);
    return { kind, cache, fetched };
  } catch (e) {
    if (e instanceof DownloadError) {
      throw new UserError(
        `update failed: cannot download ${e.url}: ${e.reason}; the database in use is unchanged`,
      );
    }
    throw e;
  }
}

/** Records from Service Reference documents; a document that is not one is a parse failure. */
function serviceReferenceRecords(fetched: FetchResult) {
  const records: ServiceRecord[] = [];
  const parseFailures: PageFailure[] = [];
  for (const p of fetched.pages) {
    try {
      records.push(
        recordFromServiceReference(JSON.parse(p.html) as ServiceReferenceDocument, p.url ?? p.name),
      );
    } catch (e) {
      parseFailures.push({ name: p.name, reason: (e as Error).message });
    }
  }
  return { records, parseFailures };
}

async function runUpdate(
  home: string,
  baseUrl: string,
  o: UpdateOptions,
  log: (l: string) => void,
): Promise<UpdateReport> {
  const source = o.source ?? 'html';
  const sources: SourceFetch[] = [];
  if (source !== 'service-reference') sources.push(await fetchSource('html', baseUrl, home, o));
  if (source !== 'html') {
    sources.push(
      await fetchSource('service-reference', o.serviceReferenceUrl ?? DEFAULT_SERVICE_REFERENCE_URL, home, o),
    );
  }
  const all = <T>(f: (s: SourceFetch) => T[]) => sources.flatMap(f);
  const failures = all((s) => s.fetched.failures);
  const downloaded = sources.reduce((n, s) => n + s.fetched.downloaded, 0);
  const report: UpdateReport = {
    home,
    baseUrl: sources.map((s) => s.fetched.baseUrl).join(' + '),
    outcome: 'fetched',
    pagesDownloaded: downloaded,
    pagesNotModified: sources.reduce((n, s) => n + s.fetched.notModified, 0),
    forced: [],
    notes: [],
  };
  const overridesFile = o.overridesFile === undefined ? defaultOverrides(home) : o.overridesFile;
  const inputs = overridesFingerprint(overridesFile);
  const commit = (version?: string) => {
    for (const s of sources) {
      commitPages(s.cache, s.fetched);
      if (version)
        s.cache.markBuilt(
          version,
          s.fetched.pages.map((p) => p.name),
          inputs,
        );
      s.cache.save();
    }
  };
  if (o.build === false) {
    if (failures.length && !o.force) refuse(validateUpdate({ ...noBuild, failures, pages: [] }).problems);
    commit();
    return report;
  }
  const oldDb = currentLocalDatabase(home);
  const old = oldDb?.meta;
  const current = localVersions(home).current;
  if (
    old &&
    o.fetch !== false &&
    downloaded === 0 &&
    failures.length === 0 &&
    current !== undefined &&
    sources.every((s) =>
      s.cache.builtFrom(
        basename(current),
        s.fetched.pages.map((p) => p.name),
        inputs,
      ),
    )
  ) {
    // Every page answered 304 and the database in use was built from exactly these pages and overrides.
    commit();
    return { ...report, outcome: 'unchanged', counts: old.counts, previousCounts: old.counts };
  }
  const buildDate = new Date().toISOString();
  const html = sources.find((s) => s.kind === 'html')?.fetched;
  const sr = sources.find((s) => s.kind === 'service-reference')?.fetched;
  const parseFailures: PageFailure[] = [];
  let records: ServiceRecord[] = [];
  let meta: DatabaseMeta | undefined;
  if (html) {
    const builder = o.builder ?? (await loadBuilder());
    const pages = [...html.pages]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map(({ name, html }) => ({ name, html }));
    const built = builder(pages, {
      ...(overridesFile !== undefined ? { overridesFile } : {}),
      buildDate,
      builtFrom: report.baseUrl,
    });
    report.notes.push(...built.notes);
    parseFailures.push(...built.parseFailures);
    records = built.records;
    meta = built.meta;
  }
  if (sr) {
    const fromSr = serviceReferenceRecords(sr);
    parseFailures.push(...fromSr.parseFailures);
    if (html) {
      const merged = mergeSources(fromSr.records, records);
      records = merged.records;
      report.notes.push(...merged.notes);
    } else records = fromSr.records;
  }
  // The Service Reference carries no access-level overrides: its annotations are used as published.
  meta = meta
    ? { ...meta, counts: countRecords(records) }
    : metaFor(records, { buildDate, builtFrom: report.baseUrl, overridesFile: null, overridesApplied: [] });
  const { problems } = validateUpdate({
    failures,
    pages: html?.pages ?? [],
    parseFailures,
    newCounts: meta.counts,
    ...(old ? { oldCounts: old.counts } : {}),
    ...(o.maxDrop !== undefined ? { maxDrop: o.maxDrop } : {}),
  });
  if (problems.length && !o.force) refuse(problems);
  report.forced = problems;
  for (const p of problems) log(`warning: installing despite: ${p} (--force)`);
  if (oldDb) report.changes = summarizeDiff(diffDatabases(oldDb, databaseFromRecords(records, meta)));
  const installed = installDatabase(home, records, meta);
  commit(installed.id);
  return {
    ...report,
    outcome: 'installed',
    counts: meta.counts,
    ...(old ? { previousCounts: old.counts } : {}),
    installedPath: installed.path,
    ...(installed.previousId ? { previousPath: join(home, VERSIONS_DIR, installed.previousId) } : {}),
  };
}

const noBuild = {
  parseFailures: [],
  newCounts: { services: 0, actions: 0, resourceTypes: 0, conditionKeys: 0 },
};

function refuse(problems: string[]): never {
  throw new UserError(
    `update refused, the database in use is unchanged: ${problems.join('; ')}. ` +
      `Run again later, or with --force to install anyway`,
  );
}
