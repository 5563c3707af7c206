/**
 * An error meant for the user: the CLI prints its message as one line on stderr and exits with `exitCode`,
 * never a stack trace. Anything else reaching the top level is a bug and is reported as such.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Suggest close matches for an unknown name (edit distance, then prefix), for "did you mean" messages. */
export function closeMatches(input: string, candidates: Iterable<string>, max = 3): string[] {
  const needle = input.toLowerCase();
  const scored: [number, string][] = [];
  for (const c of candidates) {
    const hay = c.toLowerCase();
    let d = editDistance(needle, hay);
    if (hay.startsWith(needle) || needle.startsWith(hay)) d = Math.min(d, 1);
    const limit = Math.max(2, Math.floor(needle.length / 3));
    if (d <= limit) scored.push([d, c]);
  }
  scored.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  return scored.slice(0, max).map(([, c]) => c);
}

/** "; did you mean 'x' or 'y'?" or '' when nothing is close. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const m = closeMatches(input, candidates);
  if (m.length === 0) return '';
  const quoted = m.map((x) => `'${x}'`);
  return `; did you mean ${quoted.length > 1 ? quoted.slice(0, -1).join(', ') + ' or ' + quoted.at(-1) : quoted[0]}?`;
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
