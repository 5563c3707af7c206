/**
 * The allowed ranges of the updater's numeric options, checked before anything starts: an unbounded retry
 * count or timeout turns a broken mirror into a job that never ends. Each bound is well beyond any useful
 * value.
 */
import { UserError } from '../../util/errors.js';
import { INPUT_LIMITS } from '../../util/limits.js';
import { MAX_RETRY_DELAY_MS, type HttpOptions } from './http.js';

export interface Range {
  min: number;
  max: number;
}

/** The command line's options, in its units. */
export const CLI_RANGES = {
  /** Downloads at once: more only hammers the server. */
  concurrency: { min: 1, max: 64 },
  /** Seconds per attempt: AWS's largest page arrives in well under a minute even on a slow link. */
  timeoutSeconds: { min: 1, max: 600 },
  /** Retries per document: with the capped backoff, 10 retries wait about 2.5 minutes in all. */
  retries: { min: 0, max: 10 },
} as const satisfies Record<string, Range>;

/** The library's options (milliseconds and bytes). */
const LIBRARY_RANGES: Record<string, Range> = {
  concurrency: CLI_RANGES.concurrency,
  timeoutMs: { min: 1, max: CLI_RANGES.timeoutSeconds.max * 1000 },
  retries: CLI_RANGES.retries,
  retryDelayMs: { min: 0, max: MAX_RETRY_DELAY_MS },
  maxDocumentBytes: { min: 1, max: INPUT_LIMITS.maxBytes },
};

/** A message for `value` outside `range`, or undefined when it is a whole number within it. */
export function rangeProblem(value: number, range: Range): string | undefined {
  if (Number.isInteger(value) && value >= range.min && value <= range.max) return undefined;
  return `must be a whole number from ${range.min} to ${range.max}`;
}

/** Throws a UserError naming the first numeric option out of its range. */
export function checkHttpOptions(options: HttpOptions & { concurrency?: number }): void {
  for (const [key, range] of Object.entries(LIBRARY_RANGES)) {
    const value = (options as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const problem = typeof value === 'number' ? rangeProblem(value, range) : 'must be a number';
    if (problem) throw new UserError(`${key} ${problem}, got ${String(value)}`);
  }
}
