/**
 * One HTTP GET with a timeout, a size cap, retries with capped exponential backoff, and conditional headers.
 * Built on Node's own fetch so that updating needs no dependency.
 */
import { describeSize } from '../../util/limits.js';
import { redactCredentials } from '../../util/redact.js';
import { splitUrl, type OriginAuth } from './url.js';

export interface HttpOptions {
  /** Milliseconds before one attempt is abandoned, body included. Default 30 000. */
  timeoutMs?: number;
  /** Attempts after the first one, for network errors, timeouts, 408, 429 and 5xx. Default 3. */
  retries?: number;
  /**
   * Delay before the first retry, doubled for each further one (plus up to 25% jitter), never more than
   * MAX_RETRY_DELAY_MS. Default 500.
   */
  retryDelayMs?: number;
  /** Largest document accepted, in bytes, checked while it streams in. Default MAX_DOCUMENT_BYTES. */
  maxDocumentBytes?: number;
  /** Sent as User-Agent. */
  userAgent?: string;
  /** Basic credentials of the source, sent only to their origin (see url.ts). */
  auth?: OriginAuth;
}

/**
 * The largest page or JSON document accepted: AWS's largest (Amazon EC2's page) is about 2.3 MB, so this is
 * far above any real one, yet stops a runaway or hostile server long before memory runs out.
 */
export const MAX_DOCUMENT_BYTES = 32 * 1024 * 1024;

/** The longest wait between two attempts: backoff doubles, but a retry an hour later helps nobody. */
export const MAX_RETRY_DELAY_MS = 30_000;

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

/** A failure that another attempt cannot fix (a 404, a refused certificate, an oversized document...). */
class Permanent extends Error {}

const DEFAULTS = {
  timeoutMs: 30_000,
  retries: 3,
  retryDelayMs: 500,
  maxDocumentBytes: MAX_DOCUMENT_BYTES,
  userAgent: 'iamwright-db-update',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Delay before attempt `attempt` (1 = the first retry). */
export function retryDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const delay = Math.min(baseMs * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS);
  return Math.min(delay + random() * delay * 0.25, MAX_RETRY_DELAY_MS);
}

/** Certificate and TLS failures: the server's identity will not change on a second attempt. */
const TLS_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED|SELF_SIGNED_CERT)/;

/** A short phrase for a thrown fetch error, and whether retrying it can help. */
function classify(e: unknown): { reason: string; retry: boolean } {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (e instanceof Permanent) return { reason: err.message, retry: false };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return { reason: 'timed out', retry: true };
  const code = err?.cause?.code;
  if (code) return { reason: `network error ${code}`, retry: !TLS_CODE.test(code) };
  // Without an error code, fetch refused the request itself (unknown scheme, bad port, redirect loop...).
  return { reason: redactCredentials(err?.cause?.message ?? err?.message ?? String(e)), retry: false };
}

/** The body as text, refusing it as soon as it passes `max` bytes (or says it will). */
async function readCapped(res: Response, max: number): Promise<string> {
  const tooLarge = () => new Permanent(`larger than ${describeSize(max)}, the limit for one document`);
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await res.body?.cancel();
    throw tooLarge();
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** Fetches `url`; resolves 'not-modified' on a 304 to the validators given. Throws DownloadError. */
export async function httpGet(
  url: string,
  have: Validators | undefined,
  options: HttpOptions = {},
): Promise<GetResult> {
  const o = { ...DEFAULTS, ...options };
  const target = splitUrl(url);
  if ('problem' in target) throw new DownloadError(redactCredentials(url), target.problem);
  const headers: Record<string, string> = { 'user-agent': o.userAgent };
  // Credentials in the URL itself, else the source's for its own origin; fetch drops them on a redirect
  // to another origin.
  const auth = target.auth ?? (o.auth && new URL(target.href).origin === o.auth.origin ? o.auth : undefined);
  if (auth) headers.authorization = auth.header;
  if (have?.etag) headers['if-none-match'] = have.etag;
  if (have?.lastModified) headers['if-modified-since'] = have.lastModified;
  let reason = '';
  let attempts = 0;
  for (let attempt = 0; attempt <= o.retries; attempt++) {
    if (attempt > 0) await sleep(retryDelay(attempt, o.retryDelayMs));
    attempts++;
    try {
      // The timeout covers the body too: a server that stalls mid-page must not hang the update.
      const res = await fetch(target.href, {
        headers,
        redirect: 'follow',
        signal: AbortSignal.timeout(o.timeoutMs),
      });
      if (res.status === 304) {
        await res.body?.cancel();
        return { status: 'not-modified' };
      }
      if (res.status === 408 || res.status === 429 || res.status >= 500) {
        await res.body?.cancel();
        reason = `HTTP ${res.status}`;
        continue;
      }
      if (res.status !== 200) {
        await res.body?.cancel();
        throw new Permanent(`HTTP ${res.status}`);
      }
      const body = await readCapped(res, o.maxDocumentBytes);
      const validators: Validators = {};
      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      if (etag) validators.etag = etag;
      if (lastModified) validators.lastModified = lastModified;
      return { status: 'ok', body, validators };
    } catch (e) {
      const c = classify(e);
      reason = c.reason;
      if (!c.retry) break;
    }
  }
  throw new DownloadError(target.href, attempts > 1 ? `${reason} (after ${attempts} attempts)` : reason);
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
