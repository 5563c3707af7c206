/** Reading the Service Authorization Reference index page: the service pages it links. */

/** The index page's file name under the base URL. */
export const INDEX_PAGE = 'reference_policies_actions-resources-contextkeys.html';

/** AWS's Service Authorization Reference. */
export const DEFAULT_BASE_URL = 'https://docs.aws.amazon.com/service-authorization/latest/reference/';

/** A base URL that ends with '/', so that page names resolve beneath it. */
export function normalizeBaseUrl(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

/**
 * The `list_*.html` page names the index links, in page order, without duplicates. A link counts when it
 * resolves (against `baseUrl`) to a page directly under `baseUrl`, whether written relative or absolute. Only
 * names are kept, so that a page can never be fetched from outside the base URL nor written outside the
 * pages folder.
 */
export function linkedServicePages(indexHtml: string, baseUrl = DEFAULT_BASE_URL): string[] {
  const base = new URL(normalizeBaseUrl(baseUrl));
  const seen = new Set<string>();
  for (const m of indexHtml.matchAll(/href\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    let url: URL;
    try {
      url = new URL((m[1] ?? m[2]) as string, base);
    } catch {
      continue;
    }
    if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) continue;
    const name = url.pathname.slice(base.pathname.length);
    if (/^list_[A-Za-z0-9._-]+\.html$/.test(name)) seen.add(name);
  }
  return [...seen];
}
