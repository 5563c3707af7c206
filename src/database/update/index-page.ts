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
 * The `list_*.html` page names the index links, in page order, without duplicates. Only names are kept
 * (not the hrefs) so that a page can never be fetched from outside the base URL nor written outside the
 * pages folder.
 */
export function linkedServicePages(indexHtml: string): string[] {
  const seen = new Set<string>();
  for (const m of indexHtml.matchAll(
    /href\s*=\s*["'](?:\.\/)?(list_[A-Za-z0-9._-]+\.html)(?:#[^"']*)?["']/g,
  )) {
    seen.add(m[1] as string);
  }
  return [...seen];
}
