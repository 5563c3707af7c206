/** IAM-style wildcards: `*` matches any run of characters, `?` any one; matching ignores case, as IAM does. */
// Compiled patterns, reused across calls; bounded so that a long-running process cannot grow it without end.
const cache = new Map<string, RegExp>();
const CACHE_LIMIT = 10_000;

export function wildcardToRegExp(pattern: string): RegExp {
  let re = cache.get(pattern);
  if (!re) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, 'i');
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(pattern, re);
  }
  return re;
}

export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

export function matchesWildcard(pattern: string, value: string): boolean {
  return hasWildcard(pattern)
    ? wildcardToRegExp(pattern).test(value)
    : pattern.toLowerCase() === value.toLowerCase();
}
