/** Shared by the lint tests: the bundled database, and lintPolicy narrowed to one check. */
import { openDatabase, bundledDatabasePath } from '../../src/database/index.js';
import { lintPolicy } from '../../src/linting/index.js';
import type { LintFinding, LintOptions, PolicyType } from '../../src/linting/index.js';

export const db = openDatabase(bundledDatabasePath());

/** The findings of one check on `doc`. */
export function findings(
  check: string,
  doc: unknown,
  options: Omit<LintOptions, 'checks'> = {},
): LintFinding[] {
  return lintPolicy(db, doc, { ...options, checks: [check] });
}

/** The paths (joined with '.') where one check fires. */
export function firesAt(check: string, doc: unknown, policyType?: PolicyType): string[] {
  return findings(check, doc, policyType ? { policyType } : {}).map((f) => f.path.join('.'));
}

/** A Version 2012-10-17 policy with these statements. */
export function policy(...statements: Record<string, unknown>[]): Record<string, unknown> {
  return { Version: '2012-10-17', Statement: statements };
}

export const allow = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Allow',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::example-bucket/*',
  ...extra,
});
