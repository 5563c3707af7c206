/**
 * `write-policy --fit QUOTA`: a policy over its size quota made to fit, in this order, stopping as soon as
 * it does:
 *
 * (a) compacted without changing its meaning (compact.ts);
 * (b) action lists written with `--minimize`'s prefix wildcards, the lists that save most first, only as
 *     many as needed, each matching exactly the actions it matched (wildcards.ts);
 * (c) split into several policies, each within the quota (split.ts): not for the inline quotas, which
 *     all the inline policies of a user, group or role share, so that splitting cannot help;
 * (d) otherwise a UserError giving the sizes reached.
 *
 * A policy within its quota is returned as it is (the same object).
 */
import type { IamDatabase } from '../../database/database.js';
import { UserError } from '../../util/errors.js';
import { groupDigits as n, type SizeUnit } from '../../util/policy-size.js';
import type { PolicyDocument, PolicyStatement } from '../types.js';
import { compactStatements } from './compact.js';
import { sizeOf } from './count.js';
import type { FitQuota } from './quota.js';
import { splitStatements, StatementTooLarge } from './split.js';
import { applyWildcardChanges, wildcardChanges } from './wildcards.js';

export interface FitOptions {
  /** Shortest action part a wildcard may have (as `--minimize N`). Default 0. */
  minimize?: number;
}

/** What fitting did, with the sizes (in the quota's unit) after each step it took. */
export interface FitReport {
  quota: FitQuota;
  /** The policy as written. */
  written: number;
  /** After step (a), when it was taken. */
  compacted?: number;
  /** After step (b), when it was taken; `wildcardLists` action lists were changed. */
  widened?: number;
  wildcardLists: number;
  /** The size of each policy returned. */
  sizes: number[];
}

export interface FitResult {
  /** One policy, or several when it was split. */
  policies: PolicyDocument[];
  report: FitReport;
}

function document(statements: PolicyStatement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/** `6,144 characters` or `5,120 bytes`. */
export function amount(size: number, unit: SizeUnit): string {
  return `${n(size)} ${unit === 'iam' ? 'characters' : 'bytes'}`;
}

/** `the quota of a managed policy (6,144 characters, whitespace not counted)`. */
export function describeQuota(quota: FitQuota): string {
  const counted = quota.unit === 'iam' ? ', whitespace not counted' : ' of compact JSON';
  return `the quota of ${quota.what} (${amount(quota.limit, quota.unit)}${counted})`;
}

/** The sizes reached, for the error when nothing fits: `7,512 characters as written, 7,100 merged, ...`. */
function progress(report: FitReport): string {
  const { unit } = report.quota;
  const steps = [`${amount(report.written, unit)} as written`];
  if (report.compacted !== undefined) steps.push(`${n(report.compacted)} with statements merged`);
  if (report.widened !== undefined) steps.push(`${n(report.widened)} with wildcards`);
  return steps.join(', ');
}

/** Fits `policy` into `quota` (see the header); throws UserError when it cannot. */
export function fitPolicy(
  db: IamDatabase,
  policy: PolicyDocument,
  quota: FitQuota,
  options: FitOptions = {},
): FitResult {
  const { limit, unit } = quota;
  const report: FitReport = { quota, written: sizeOf(policy, unit), wildcardLists: 0, sizes: [] };
  const done = (policies: PolicyDocument[]): FitResult => {
    report.sizes = policies.map((p) => sizeOf(p, unit));
    return { policies, report };
  };
  if (report.written <= limit) return done([policy]);

  let statements = compactStatements(policy.Statement);
  report.compacted = sizeOf(document(statements), unit);
  if (report.compacted <= limit) return done([document(statements)]);

  const changes = wildcardChanges(db, statements, unit, options.minimize ?? 0);
  const chosen = [];
  let size = report.compacted;
  for (const change of changes) {
    if (size <= limit) break;
    chosen.push(change);
    size -= change.saving;
  }
  if (chosen.length > 0) {
    // Lists that now read the same may merge further.
    statements = compactStatements(applyWildcardChanges(statements, chosen));
    report.widened = sizeOf(document(statements), unit);
    report.wildcardLists = chosen.length;
    if (report.widened <= limit) return done([document(statements)]);
  }

  const over = `the policy does not fit in ${describeQuota(quota)}: ${progress(report)}`;
  if (quota.shared) {
    throw new UserError(
      `${over}; the inline policies of one identity share that quota, so splitting cannot help: attach it as managed policies (--fit managed) instead`,
    );
  }
  let parts: PolicyStatement[][];
  try {
    parts = splitStatements(statements, limit, unit);
  } catch (e) {
    if (!(e instanceof StatementTooLarge)) throw e;
    throw new UserError(
      `${over}; it cannot be split either: statement '${e.statement.Sid}' with one action (${e.statement.Action[0]}) ` +
        `on one resource is ${amount(e.size, unit)}, more than the ${n(e.room)} a policy of that size leaves for one statement`,
    );
  }
  const result = done(parts.map(document));
  const oversized = report.sizes.findIndex((s) => s > limit);
  if (oversized >= 0)
    throw new Error(`fit: part ${oversized + 1} is ${report.sizes[oversized]}, over ${limit}`);
  return result;
}
