/**
 * Deciding whether a freshly built database may replace the one in use. An update that would quietly lose
 * data is worse than no update: the policies written from it would be wrong without anyone knowing.
 */
import type { DatabaseCounts, ServiceRecord } from '../types.js';
import type { FetchedPage, PageFailure } from './fetch-pages.js';

/**
 * How much one service may lose before the update is refused: a share of its actions, resource types or
 * condition keys (each kind on its own), and at least `minItems` of that kind, so that a small service
 * dropping one or two deprecated actions is not refused. Losing half a page (a table cut short in transit or
 * by a broken mirror) is far above both; AWS's own removals of a few actions are below.
 */
export interface ServiceLossLimit {
  /** Default 0.2: 20% of the service's items of one kind. */
  share: number;
  /** Default 5. */
  minItems: number;
}

export const DEFAULT_SERVICE_LOSS: ServiceLossLimit = { share: 0.2, minItems: 5 };

export interface ValidationInput {
  /** Pages that could not be downloaded (after retries) or arrived truncated. */
  failures: readonly PageFailure[];
  pages: readonly FetchedPage[];
  /** Pages the builder could not parse, with its reasons. */
  parseFailures: readonly PageFailure[];
  newCounts: DatabaseCounts;
  /** Counts of the database being replaced; undefined on a first install. */
  oldCounts?: DatabaseCounts;
  /** Largest accepted fall of any count of the whole database, as a fraction. Default 0.02. */
  maxDrop?: number;
  /** The services of the database being replaced and of the new one, compared one by one. */
  oldServices?: readonly ServiceRecord[];
  newServices?: readonly ServiceRecord[];
  /** Default DEFAULT_SERVICE_LOSS. */
  serviceLoss?: ServiceLossLimit;
}

/** One reason to refuse: a summary, and the pages or services it concerns (possibly many). */
export interface ValidationProblem {
  summary: string;
  items: string[];
}

export interface Validation {
  /** Reasons to refuse the update (without --force). */
  problems: ValidationProblem[];
}

/** Items shown in a one-line message; the rest are counted (and listed with --verbose). */
export const ITEMS_SHOWN = 3;

/** A problem as one line: its summary and its first few items; `listed` = the full list was printed. */
export function describeProblem(p: ValidationProblem, listed = false): string {
  if (p.items.length === 0) return p.summary;
  const rest = p.items.length - Math.min(ITEMS_SHOWN, p.items.length);
  const more = rest > 0 ? ` and ${rest} more (${listed ? 'listed above' : '--verbose lists them all'})` : '';
  return `${p.summary}: ${p.items.slice(0, ITEMS_SHOWN).join(', ')}${more}`;
}

const hasTables = (html: string) => /<table[\s>]/i.test(html);

const failureItems = (xs: readonly PageFailure[]) => xs.map((f) => `${f.name} (${f.reason})`);

type Kind = 'actions' | 'resourceTypes' | 'conditionKeys';
const KINDS: [Kind, string][] = [
  ['actions', 'actions'],
  ['resourceTypes', 'resource types'],
  ['conditionKeys', 'condition keys'],
];

/** Names of one kind in a service, lower-cased as IAM compares them. */
function names(record: ServiceRecord | undefined, kind: Kind): Set<string> {
  return new Set((record?.[kind] ?? []).map((x) => x.name.toLowerCase()));
}

/**
 * Services that lose too much of one kind (see ServiceLossLimit), as `s3 (-84 of 168 actions)`; a service
 * that is gone altogether loses all of its items.
 */
export function serviceLosses(
  oldServices: readonly ServiceRecord[],
  newServices: readonly ServiceRecord[],
  limit: ServiceLossLimit = DEFAULT_SERVICE_LOSS,
): string[] {
  const byPrefix = new Map(newServices.map((r) => [r.prefix.toLowerCase(), r]));
  const out: string[] = [];
  for (const old of oldServices) {
    const now = byPrefix.get(old.prefix.toLowerCase());
    const losses: string[] = [];
    for (const [kind, label] of KINDS) {
      const before = names(old, kind);
      const after = names(now, kind);
      let lost = 0;
      for (const n of before) if (!after.has(n)) lost++;
      if (lost >= limit.minItems && lost >= before.size * limit.share) {
        losses.push(`-${lost} of ${before.size} ${label}`);
      }
    }
    if (losses.length) out.push(`${old.prefix} (${now ? '' : 'gone: '}${losses.join(', ')})`);
  }
  return out;
}

export function validateUpdate(input: ValidationInput): Validation {
  const problems: ValidationProblem[] = [];
  if (input.failures.length) {
    problems.push({
      summary: `${input.failures.length} page(s) could not be downloaded`,
      items: failureItems(input.failures),
    });
  }
  const vanished = input.pages.filter(
    (p) => p.previous !== undefined && hasTables(p.previous) && !hasTables(p.html),
  );
  if (vanished.length) {
    problems.push({
      summary: `${vanished.length} page(s) lost their tables since the last update`,
      items: vanished.map((p) => p.name),
    });
  }
  if (input.parseFailures.length) {
    problems.push({
      summary: `${input.parseFailures.length} page(s) could not be parsed`,
      items: failureItems(input.parseFailures),
    });
  }
  const maxDrop = input.maxDrop ?? 0.02;
  if (input.oldCounts) {
    for (const key of ['services', 'actions', 'resourceTypes', 'conditionKeys'] as const) {
      const before = input.oldCounts[key];
      const after = input.newCounts[key];
      if (before > 0 && (before - after) / before > maxDrop) {
        const pct = (((before - after) / before) * 100).toFixed(1);
        problems.push({
          summary: `${key} would fall from ${before} to ${after} (-${pct}%, more than ${maxDrop * 100}%)`,
          items: [],
        });
      }
    }
  }
  if (input.oldServices && input.newServices) {
    const limit = input.serviceLoss ?? DEFAULT_SERVICE_LOSS;
    const losses = serviceLosses(input.oldServices, input.newServices, limit);
    if (losses.length) {
      problems.push({
        summary:
          `${losses.length} service(s) would lose ${limit.share * 100}% or more ` +
          `(and at least ${limit.minItems}) of their actions, resource types or condition keys`,
        items: losses,
      });
    }
  }
  return { problems };
}
