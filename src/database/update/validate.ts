/**
 * Deciding whether a freshly built database may replace the one in use. An update that would quietly lose
 * data is worse than no update: the policies written from it would be wrong without anyone knowing.
 */
import type { DatabaseCounts } from '../types.js';
import type { FetchedPage, PageFailure } from './fetch-pages.js';

export interface ValidationInput {
  /** Pages that could not be downloaded (after retries) or arrived truncated. */
  failures: readonly PageFailure[];
  pages: readonly FetchedPage[];
  /** Pages the builder could not parse, with its reasons. */
  parseFailures: readonly PageFailure[];
  newCounts: DatabaseCounts;
  /** Counts of the database being replaced; undefined on a first install. */
  oldCounts?: DatabaseCounts;
  /** Largest accepted fall of any count, as a fraction. Default 0.02. */
  maxDrop?: number;
}

export interface Validation {
  /** Reasons to refuse the update (without --force). */
  problems: string[];
}

const hasTables = (html: string) => /<table[\s>]/i.test(html);

const list = (xs: readonly PageFailure[]) => xs.map((f) => `${f.name} (${f.reason})`).join(', ');

export function validateUpdate(input: ValidationInput): Validation {
  const problems: string[] = [];
  if (input.failures.length) {
    problems.push(`${input.failures.length} page(s) could not be downloaded: ${list(input.failures)}`);
  }
  const vanished = input.pages.filter(
    (p) => p.previous !== undefined && hasTables(p.previous) && !hasTables(p.html),
  );
  if (vanished.length) {
    problems.push(
      `${vanished.length} page(s) lost their tables since the last update: ${vanished.map((p) => p.name).join(', ')}`,
    );
  }
  if (input.parseFailures.length) {
    problems.push(`${input.parseFailures.length} page(s) could not be parsed: ${list(input.parseFailures)}`);
  }
  const maxDrop = input.maxDrop ?? 0.02;
  if (input.oldCounts) {
    for (const key of ['services', 'actions', 'resourceTypes', 'conditionKeys'] as const) {
      const before = input.oldCounts[key];
      const after = input.newCounts[key];
      if (before > 0 && (before - after) / before > maxDrop) {
        const pct = (((before - after) / before) * 100).toFixed(1);
        problems.push(`${key} would fall from ${before} to ${after} (-${pct}%, more than ${maxDrop * 100}%)`);
      }
    }
  }
  return { problems };
}
