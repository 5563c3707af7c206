/** `--jobs N`, as lint and generate take it: how many threads may read or lint at once. */
import { InvalidArgumentError } from 'commander';

/** The parser of a `--jobs` value: a whole number from 1 to `max`. */
export function jobsOption(max: number): (value: string) => number {
  return (value) => {
    const n = /^\d+$/.test(value) ? Number(value) : NaN;
    if (n >= 1 && n <= max) return n;
    throw new InvalidArgumentError(
      `expected a whole number of threads from 1 to ${max} (1: no worker threads)`,
    );
  };
}
