/**
 * Downloading the Service Authorization Reference: the index page, then every service page it links, with
 * bounded concurrency and conditional requests against the page cache. Nothing is written to the cache
 * here: the caller commits the pages once the database built from them is accepted, so that a refused
 * update is refused again next time instead of hiding behind 304s.
 */
import { DownloadError, httpGet, mapLimit, type HttpOptions, type Validators } from './http.js';
import { INDEX_PAGE, linkedServicePages, normalizeBaseUrl } from './index-page.js';
import type { PageCache } from './page-cache.js';
import { silentProgress, type Progress } from './progress.js';
import { redactCredentials } from '../../util/redact.js';

export interface FetchOptions extends HttpOptions {
  /** Downloads running at once. Default 8: fast, and polite to AWS's documentation site. */
  concurrency?: number;
  progress?: Progress;
}

export interface FetchedPage {
  name: string;
  html: string;
  /** 'downloaded' = new content; 'not-modified' = our copy, confirmed by a 304 or by identical bytes. */
  source: 'downloaded' | 'not-modified';
  /** Validators of a download (set for 'not-modified' when the server sent the same bytes again). */
  validators?: Validators;
  /** Where it came from (unknown for a build from the cache alone). */
  url?: string;
  /** Our previous copy, when a changed page replaces it (to see what it lost). */
  previous?: string;
}

export interface PageFailure {
  name: string;
  reason: string;
}

export interface FetchResult {
  baseUrl: string;
  pages: FetchedPage[];
  failures: PageFailure[];
  /** Counts for the report: how many pages came down again and how many a 304 confirmed. */
  downloaded: number;
  notModified: number;
}

/** A page cut short in transit: AWS's pages always end with the closing html tag. */
export function looksTruncated(html: string): boolean {
  return !/<\/html>\s*$/i.test(html.slice(-200));
}

export async function fetchServicePages(
  base: string,
  cache: PageCache,
  options: FetchOptions = {},
): Promise<FetchResult> {
  const baseUrl = normalizeBaseUrl(base);
  // The index is always fetched in full: it is small, and it decides which pages exist.
  const index = await httpGet(new URL(INDEX_PAGE, baseUrl).href, undefined, options);
  if (index.status !== 'ok') throw new DownloadError(baseUrl + INDEX_PAGE, 'unexpected 304');
  // A cut index would silently drop every service after the cut.
  if (looksTruncated(index.body))
    throw new DownloadError(baseUrl + INDEX_PAGE, 'the index page is truncated');
  const names = linkedServicePages(index.body, baseUrl);
  if (names.length === 0) {
    throw new DownloadError(baseUrl + INDEX_PAGE, 'the index page links no list_*.html service page');
  }
  const documents = names.map((name) => ({ name, url: new URL(name, baseUrl).href }));
  const checkPage = (html: string) =>
    looksTruncated(html) ? 'page is truncated (no closing </html>)' : undefined;
  return {
    baseUrl,
    ...(await fetchDocuments(documents, cache, options, 'fetching service pages', checkPage)),
  };
}

/**
 * Fetches documents (conditionally, against the cache) with bounded concurrency. `check` rejects a body that
 * arrived whole over HTTP but is not whole (a reason), which then counts as a failure.
 */
export async function fetchDocuments(
  documents: readonly { name: string; url: string }[],
  cache: PageCache,
  options: FetchOptions,
  label: string,
  check: (body: string) => string | undefined,
): Promise<Omit<FetchResult, 'baseUrl'>> {
  const progress = options.progress ?? silentProgress;
  progress.start(label, documents.length);
  const failures: PageFailure[] = [];
  const results = await mapLimit(
    documents,
    options.concurrency ?? 8,
    async ({ name, url }): Promise<FetchedPage | undefined> => {
      try {
        const got = await httpGet(url, cache.validators(name), options);
        if (got.status === 'not-modified')
          return { name, url, html: cache.read(name), source: 'not-modified' };
        const problem = check(got.body);
        if (problem) {
          failures.push({ name, reason: problem });
          return undefined;
        }
        const previous = cache.has(name) ? cache.read(name) : undefined;
        // A server that ignores conditional requests still sends the same bytes: that is no change either.
        if (previous === got.body) {
          return { name, url, html: previous, source: 'not-modified', validators: got.validators };
        }
        const page: FetchedPage = {
          name,
          url,
          html: got.body,
          source: 'downloaded',
          validators: got.validators,
        };
        if (previous !== undefined) page.previous = previous;
        return page;
      } catch (e) {
        const reason = e instanceof DownloadError ? e.reason : (e as Error).message;
        failures.push({ name, reason: redactCredentials(reason) });
        return undefined;
      } finally {
        progress.tick(name);
      }
    },
  );
  const pages = results.filter((p): p is FetchedPage => p !== undefined);
  const downloaded = pages.filter((p) => p.source === 'downloaded').length;
  const notModified = pages.length - downloaded;
  progress.done(`${downloaded} downloaded, ${notModified} unchanged (304), ${failures.length} failed`);
  failures.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { pages, failures, downloaded, notModified };
}

/** The cached pages as if every one had answered 304: a build without network (initialize --build). */
export function cachedPages(base: string, cache: PageCache): FetchResult {
  const pages = cache
    .names()
    .map((name): FetchedPage => ({ name, html: cache.read(name), source: 'not-modified' }));
  return { baseUrl: normalizeBaseUrl(base), pages, failures: [], downloaded: 0, notModified: pages.length };
}

/**
 * Stores the downloaded pages and their validators in the cache, and forgets pages the index no longer lists
 * (a page that failed keeps its previous copy).
 */
export function commitPages(cache: PageCache, fetched: Pick<FetchResult, 'pages' | 'failures'>): void {
  for (const p of fetched.pages) {
    if (p.source === 'downloaded') cache.write(p.name, p.html, p.validators ?? {});
    else if (p.validators) cache.setValidators(p.name, p.validators);
  }
  cache.retain([...fetched.pages.map((p) => p.name), ...fetched.failures.map((f) => f.name)]);
  cache.save();
}
