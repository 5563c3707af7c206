/** Downloading the Service Reference: its index, then each service's JSON document, conditionally. */
import { fetchDocuments, type FetchOptions, type FetchResult } from '../update/fetch-pages.js';
import { DownloadError, httpGet } from '../update/http.js';
import type { PageCache } from '../update/page-cache.js';
import type { ServiceReferenceIndexEntry } from './format.js';

/** A file name for a service's document in the cache: the prefix, made safe. */
export function documentName(service: string): string {
  return `${service.replace(/[^A-Za-z0-9._-]/g, '_')}.json`;
}

export function parseIndex(body: string, indexUrl: string): { name: string; url: string }[] {
  let list: unknown;
  try {
    list = JSON.parse(body);
  } catch {
    throw new DownloadError(indexUrl, 'the Service Reference index is not JSON');
  }
  if (!Array.isArray(list)) throw new DownloadError(indexUrl, 'the Service Reference index is not a list');
  const seen = new Set<string>();
  const out: { name: string; url: string }[] = [];
  for (const e of list as ServiceReferenceIndexEntry[]) {
    if (typeof e?.service !== 'string' || typeof e?.url !== 'string') continue;
    const name = documentName(e.service);
    if (seen.has(name)) continue;
    seen.add(name);
    out.push({ name, url: new URL(e.url, indexUrl).href });
  }
  if (out.length === 0) throw new DownloadError(indexUrl, 'the Service Reference index lists no service');
  return out;
}

function checkJson(body: string): string | undefined {
  try {
    JSON.parse(body);
    return undefined;
  } catch {
    return 'document is not valid JSON (truncated?)';
  }
}

export async function fetchServiceReference(
  indexUrl: string,
  cache: PageCache,
  options: FetchOptions = {},
): Promise<FetchResult> {
  const index = await httpGet(indexUrl, undefined, options);
  if (index.status !== 'ok') throw new DownloadError(indexUrl, 'unexpected 304');
  const documents = parseIndex(index.body, indexUrl);
  const result = await fetchDocuments(documents, cache, options, 'fetching Service Reference', checkJson);
  return { baseUrl: indexUrl, ...result };
}
