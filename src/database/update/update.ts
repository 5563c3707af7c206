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
import { redactCredentials } from '../../util/redact.js';
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
import { ensureHome } from './home.js';
import { DEFAULT_BASE_URL, normalizeBaseUrl } from './index-page.js';
import { checkCurrentSlot, installDatabase, localVersions, VERSIONS_DIR } from './install.js';
import { beginUpdate, endUpdate } from './marker.js';
import { checkHttpOptions } from './option-ranges.js';
import { PageCache } from './page-cache.js';
import { parseSourceUrl, type SourceUrl } from './url.js';
import {
  describeProblem,
  ITEMS_SHOWN,
  validateUpdate,
  type ServiceLossLimit,
  type ValidationProblem,
} from './validate.js';

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
  /**
   * Where the Service Authorization Reference lives. Default: AWS's site; for a build without network
   * (fetch: false), the URL the held pages came from. May carry Basic credentials (`https://user:pw@host/`):
   * they are sent to that host only and never printed or stored.
   */
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
  /** Largest accepted fall of a count of the whole database, as a fraction. Default 0.02. */
  maxDrop?: number;
  /** How much one service may lose (see validate.ts). Default 20% of one kind, and at least 5 items. */
  serviceLoss?: ServiceLossLimit;
  /** List every page or service behind a refusal or a --force warning, one per line, via `log`. */
  verbose?: boolean;
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
  /** Problems overridden with --force, one line each (the first few pages or services of each). */
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
  const given = options.log ?? (() => {});
  const log = (line: string) => given(redactCredentials(line));
  checkHttpOptions(options);
  if (options.maxDrop !== undefined && !(options.maxDrop >= 0)) {
    throw new UserError(`maxDrop must be a fraction >= 0, got ${options.maxDrop}`);
  }
  try {
    ensureHome(home);
    if (options.build !== false) checkCurrentSlot(home); // before downloading, not after
    const sources = sourceUrls(home, options);
    const interrupted = beginUpdate(
      home,
      options.source === 'service-reference' ? 'the Service Reference' : sources.html.href,
    );
    if (interrupted) log(`note: ${interrupted}`);
    try {
      return await runUpdate(home, sources, options, log);
    } finally {
      endUpdate(home);
    }
  } catch (e) {
    // Whatever went wrong, a password given in a URL is not part of the message.
    if (e instanceof UserError) throw new UserError(redactCredentials(e.message), e.exitCode);
    throw e;
  }
}

interface SourceUrls {
  html: SourceUrl;
  serviceReference: SourceUrl;
}

/**
 * The URLs to read, checked. A build without network reads the pages held, so it defaults to the URL they
 * came from (recorded in the page cache) rather than to AWS's, and refuses a different one.
 */
function sourceUrls(home: string, o: UpdateOptions): SourceUrls {
  const pick = (
    kind: SourceFetch['kind'],
    value: string | undefined,
    option: string,
    fallback: string,
    normalize: (u: string) => string,
  ): SourceUrl => {
    const given = value === undefined ? undefined : parseSourceUrl(value, option);
    if (given) given.href = normalize(given.href);
    if (o.fetch !== false) return given ?? { href: normalize(fallback) };
    const dir = join(home, kind === 'html' ? PAGES_DIR : SERVICE_REFERENCE_DIR);
    const recorded = PageCache.recordedBaseUrl(dir);
    if (given && recorded && given.href !== recorded) {
      throw new UserError(
        `the documents under ${dir} were downloaded from ${recorded}, not ${given.href}; ` +
          `build without ${kind === 'html' ? '--base-url' : '--service-reference-url'}, ` +
          `or fetch from ${given.href} first`,
      );
    }
    return given ?? { href: recorded ?? normalize(fallback) };
  };
  return {
    html: pick('html', o.baseUrl, 'baseUrl', DEFAULT_BASE_URL, normalizeBaseUrl),
    serviceReference: pick(
      'service-reference',
      o.serviceReferenceUrl,
      'serviceReferenceUrl',
      DEFAULT_SERVICE_REFERENCE_URL,
      (u) => u,
    ),
  };
}

/** One source's downloads and the cache they are checked against. */
interface SourceFetch {
  kind: 'html' | 'service-reference';
  cache: PageCache;
  fetched: FetchResult;
}

async function fetchSource(
  kind: SourceFetch['kind'],
  source: SourceUrl,
  home: string,
  o: UpdateOptions,
): Promise<SourceFetch> {
  const url = source.href;
  const cache = new PageCache(join(home, kind === 'html' ? PAGES_DIR : SERVICE_REFERENCE_DIR), url);
  try {
    if (o.fetch === false) {
      const fetched = cachedPages(url, cache);
      if (fetched.pages.length === 0) {
        throw new UserError(
          `no downloaded pages under ${cache.dir} for ${url}; fetch them first (initialize --fetch)`,
        );
      }
      return { kind, cache, fetched };
    }
    const fetchOptions: FetchOptions = { ...o, ...(source.auth ? { auth: source.auth } : {}) };
    const fetched =
      kind === 'html'
        ? await fetchServicePages(url, cache, fetchOptions)
        : await fetchServiceReference(url, cache, fetchOptions);
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
  urls: SourceUrls,
  o: UpdateOptions,
  log: (l: string) => void,
): Promise<UpdateReport> {
  const source = o.source ?? 'html';
  const sources: SourceFetch[] = [];
  if (source !== 'service-reference') sources.push(await fetchSource('html', urls.html, home, o));
  if (source !== 'html') {
    sources.push(await fetchSource('service-reference', urls.serviceReference, home, o));
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
    const { problems } = validateUpdate({ ...noBuild, failures, pages: [] });
    if (problems.length && !o.force) refuse(problems, o, log);
    report.forced = forceThrough(problems, o, log);
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
  const oldRecords = oldDb && readAll(oldDb, report);
  const { problems } = validateUpdate({
    failures,
    pages: html?.pages ?? [],
    parseFailures,
    newCounts: meta.counts,
    ...(old ? { oldCounts: old.counts } : {}),
    ...(o.maxDrop !== undefined ? { maxDrop: o.maxDrop } : {}),
    ...(oldRecords ? { oldServices: oldRecords, newServices: records } : {}),
    ...(o.serviceLoss ? { serviceLoss: o.serviceLoss } : {}),
  });
  if (problems.length && !o.force) refuse(problems, o, log);
  report.forced = forceThrough(problems, o, log);
  if (oldRecords) {
    report.changes = summarizeDiff(
      diffDatabases(databaseFromRecords(oldRecords, old), databaseFromRecords(records, meta)),
    );
  }
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

/** Every service of the database being replaced; undefined (and a note) when it cannot be read in full. */
function readAll(db: IamDatabase, report: UpdateReport): ServiceRecord[] | undefined {
  try {
    return db.allServices().map((s) => s.record);
  } catch (e) {
    report.notes.push(
      `the database in use cannot be read in full (${(e as Error).message}); it is replaced without comparing services`,
    );
    return undefined;
  }
}

/** With --verbose, every page or service behind the problems, one per line. */
function listItems(problems: readonly ValidationProblem[], log: (l: string) => void): void {
  for (const p of problems) {
    if (p.items.length <= ITEMS_SHOWN) continue; // the one-line message shows them all
    log(`${p.summary}:`);
    for (const item of p.items) log(`  ${item}`);
  }
}

/** The problems as short lines, printed as warnings: --force installs despite them. */
function forceThrough(
  problems: readonly ValidationProblem[],
  o: UpdateOptions,
  log: (l: string) => void,
): string[] {
  if (o.verbose) listItems(problems, log);
  const lines = problems.map((p) => describeProblem(p, o.verbose));
  for (const line of lines) log(`warning: installing despite: ${line} (--force)`);
  return lines;
}

/**
 * Refuses with one line: each problem with its first few pages or services, the rest counted (a mirror
 * that serves nothing would otherwise make a line of every page name). --verbose lists them all first.
 */
function refuse(problems: readonly ValidationProblem[], o: UpdateOptions, log: (l: string) => void): never {
  if (o.verbose) listItems(problems, log);
  throw new UserError(
    `update refused, the database in use is unchanged: ${problems.map((p) => describeProblem(p, o.verbose)).join('; ')}. ` +
      `Run again later, or with --force to install anyway`,
  );
}
