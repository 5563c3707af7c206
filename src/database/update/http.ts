/**
 * One HTTP GET with a timeout, retries with exponential backoff, and conditional headers. Built on Node's
 * own fetch so that updating needs no dependency.
 */

export interface HttpOptions {
  /** Milliseconds before one attempt is abandoned. Default 30 000. */
  timeoutMs?: number;
  /** Attempts after the first one, for network errors, timeouts, 429 and 5xx. Default 3. */
  retries?: number;
  /** Delay before the first retry, doubled for each further one (plus up to 25% jitter). Default 500. */
  retryDelayMs?: number;
  /** Sent as User-Agent. */
  userAgent?: string;
}

/** Validators of a copy we already hold, for a conditional request. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

export type GetResult = { status: 'ok'; body: string; validators: Validators } | { status: 'not-modified' };

/** A download that failed after its retries; `reason` is one short phrase for the report. */
export class DownloadError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`${url}: ${reason}`);
    this.name = 'DownloadError';
  }
}

const DEFAULTS = { timeoutMs: 30_000, retries: 3, retryDelayMs: 500, userAgent: 'iamwright-db-update' };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function describe(e: unknown): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return 'timed out';
  const code = err?.cause?.code;
  if (code) return `network error ${code}`;
  return err?.cause?.message ?? err?.message ?? String(e);
}

/** Fetches `url`; resolves 'not-modified' on a 304 to the validators given. Throws DownloadError. */
export async function httpGet(
  url: string,
  have: Validators | undefined,
  options: HttpOptions = {},
): Promise<GetResult> {
  const o = { ...DEFAULTS, ...options };
  const headers: Record<string, string> = { 'user-agent': o.userAgent };
  if (have?.etag) headers['if-none-match'] = have.etag;
  if (have?.lastModified) headers['if-modified-since'] = have.lastModified;
  let reason = '';
  for (let attempt = 0; attempt <= o.retries; attempt++) {
    if (attempt > 0) {
      const base = o.retryDelayMs * 2 ** (attempt - 1);
      await sleep(base + Math.random() * base * 0.25);
    }
    try {
      // The timeout covers the body too: a server that stalls mid-page must not hang the update.
      const res = await fetch(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(o.timeoutMs) });
      if (res.status === 304) {
        await res.body?.cancel();
        return { status: 'not-modified' };
      }
      if (res.status === 429 || res.status >= 500) {
        await res.body?.cancel();
        reason = `HTTP ${res.status}`;
        continue;
      }
      if (res.status !== 200) {
        await res.body?.cancel();
        throw new DownloadError(url, `HTTP ${res.status}`);
      }
      const body = await res.text();
      const validators: Validators = {};
      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      if (etag) validators.etag = etag;
      if (lastModified) validators.lastModified = lastModified;
      return { status: 'ok', body, validators };
    } catch (e) {
      if (e instanceof DownloadError) throw e;
      reason = describe(e);
    }
  }
  throw new DownloadError(url, `${reason} (after ${o.retries + 1} attempts)`);
}

/** Runs `worker` over `items` with at most `limit` running at once; results keep the items' order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  worker: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await worker(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, run));
  return results;
}
