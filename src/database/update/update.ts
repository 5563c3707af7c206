/**
 * `db update`: download, build, validate, install; or refuse and leave the database in use untouched.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openDatabase } from '../store.js';
import { iamwrightHome } from '../select.js';
import type { DatabaseCounts, DatabaseMeta } from '../types.js';
import { UserError } from '../../util/errors.js';
import { loadBuilder, type Builder } from './builder.js';
import { cachedPages, commitPages, fetchServicePages, type FetchOptions, type FetchResult } from './fetch-pages.js';
import { DownloadError } from './http.js';
import { DEFAULT_BASE_URL, normalizeBaseUrl } from './index-page.js';
import { installDatabase, localVersions } from './install.js';
import { beginUpdate, endUpdate } from './marker.js';
import { PageCache } from './page-cache.js';
import { validateUpdate } from './validate.js';

/** Folder of downloaded pages under IAMWRIGHT_HOME. */
export const PAGES_DIR = 'pages';
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
}

function defaultOverrides(home: string): string | undefined {
  const mine = join(home, OVERRIDES_FILE);
  return existsSync(mine) ? mine : undefined;
}

function currentLocalMeta(home: string): DatabaseMeta | undefined {
  const { current } = localVersions(home);
  const path = current ?? (existsSync(join(home, 'db', 'index.json')) ? join(home, 'db') : undefined);
  if (!path) return undefined;
  try {
    return openDatabase(path).meta;
  } catch {
    return undefined; // a damaged local database is replaced, not compared against
  }
}

export async function updateDatabase(options: UpdateOptions = {}): Promise<UpdateReport> {
  const env = options.env ?? process.env;
  const home = options.home ?? iamwrightHome(env);
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const log = options.log ?? (() => {});
  const interrupted = beginUpdate(home, baseUrl);
  if (interrupted) log(`note: ${interrupted}`);
  try {
    return await runUpdate(home, baseUrl, options, log);
  } finally {
    endUpdate(home);
  }
}

async function runUpdate(home: string, baseUrl: string, o: UpdateOptions, log: (l: string) => void): Promise<UpdateReport> {
  const cache = new PageCache(join(home, PAGES_DIR), baseUrl);
  let fetched: FetchResult;
  try {
    if (o.fetch === false) {
      fetched = cachedPages(baseUrl, cache);
      if (fetched.pages.length === 0) {
        throw new UserError(`no downloaded pages under ${cache.dir} for ${baseUrl}; fetch them first (--fetch)`);
      }
    } else fetched = await fetchServicePages(baseUrl, cache, o);
  } catch (e) {
    if (e instanceof DownloadError) {
      throw new UserError(`update failed: cannot download ${e.url}: ${e.reason}; the database in use is unchanged`);
    }
    throw e;
  }
  const report: UpdateReport = {
    home,
    baseUrl,
    outcome: 'fetched',
    pagesDownloaded: fetched.downloaded,
    pagesNotModified: fetched.notModified,
    forced: [],
    notes: [],
  };
  if (o.build === false) {
    if (fetched.failures.length && !o.force) refuse(validateUpdate({ ...noBuild, ...fetched }).problems);
    commitPages(cache, fetched.pages);
    return report;
  }
  const old = currentLocalMeta(home);
  const overridesFile = o.overridesFile === undefined ? defaultOverrides(home) : o.overridesFile;
  const current = localVersions(home).current;
  if (
    old &&
    o.fetch !== false &&
    fetched.downloaded === 0 &&
    fetched.failures.length === 0 &&
    current !== undefined &&
    cache.builtFrom(basename(current), fetched.pages.map((p) => p.name)) &&
    (old.overridesFile ?? null) === (overridesFile ?? old.overridesFile ?? null)
  ) {
    // Every page answered 304 and the database in use was built from exactly these pages: nothing to do.
    cache.save();
    return { ...report, outcome: 'unchanged', counts: old.counts, previousCounts: old.counts };
  }
  const builder = o.builder ?? (await loadBuilder());
  const pages = [...fetched.pages].sort((a, b) => (a.name < b.name ? -1 : 1)).map(({ name, html }) => ({ name, html }));
  const built = builder(pages, {
    ...(overridesFile !== undefined ? { overridesFile } : {}),
    buildDate: new Date().toISOString(),
    builtFrom: baseUrl,
  });
  report.notes.push(...built.notes);
  const { problems } = validateUpdate({
    failures: fetched.failures,
    pages: fetched.pages,
    parseFailures: built.parseFailures,
    newCounts: built.meta.counts,
    ...(old ? { oldCounts: old.counts } : {}),
    ...(o.maxDrop !== undefined ? { maxDrop: o.maxDrop } : {}),
  });
  if (problems.length && !o.force) refuse(problems);
  report.forced = problems;
  for (const p of problems) log(`warning: installing despite: ${p} (--force)`);
  const installed = installDatabase(home, built.records, built.meta);
  commitPages(cache, fetched.pages);
  cache.markBuilt(installed.id, fetched.pages.map((p) => p.name));
  cache.save();
  return {
    ...report,
    outcome: 'installed',
    counts: built.meta.counts,
    ...(old ? { previousCounts: old.counts } : {}),
    installedPath: installed.path,
  };
}

const noBuild = { parseFailures: [], newCounts: { services: 0, actions: 0, resourceTypes: 0, conditionKeys: 0 } };

function refuse(problems: string[]): never {
  throw new UserError(
    `update refused, the database in use is unchanged: ${problems.join('; ')}. ` +
      `Run again later, or with --force to install anyway`,
  );
}
