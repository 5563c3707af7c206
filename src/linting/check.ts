/**
 * What a lint check is. Checks are small and declarative: their facts (id, severity, help, counterparts)
 * feed the registry, docs/lint.md and SARIF's rule list; `run` looks at one document and reports.
 */
import type { IamDatabase } from '../database/database.js';
import type { Severity } from '../reporting/finding.js';
import type { LintDocument } from './document.js';
import type { JsonPath, PolicyType, SizeQuota } from './types.js';

/** Families group checks in the registry, in docs/lint.md, and for `--checks actions`. */
export const CHECK_FAMILIES = ['grammar', 'actions', 'resources', 'conditions', 'security', 'size'] as const;
export type CheckFamily = (typeof CHECK_FAMILIES)[number];

/** A policy a check's documentation shows, and the policy type it is read as (default identity). */
export interface CheckExample {
  policyType?: PolicyType;
  document: unknown;
}

/** The facts about a check: everything but its logic. */
export interface CheckInfo {
  /** `family/name`, kebab-case; stable once released (users list it in --skip-checks and accepted findings). */
  id: string;
  family: CheckFamily;
  severity: Severity;
  /** One line: what the check finds. */
  title: string;
  /** Why it matters and how to fix it: a few sentences, shown in SARIF help and docs/lint.md. */
  help: string;
  /** A document on which the check fires, and one (the fix) on which it does not: docs and tests use both. */
  example: { fires: CheckExample; passes: CheckExample };
  /** Access Analyzer's counterpart finding(s), by its issue code (e.g. `MISSING_VERSION`), when there is one. */
  accessAnalyzer?: readonly string[];
  /** parliament's counterpart finding(s), by its issue key (e.g. `UNKNOWN_ACTION`), when there is one. */
  parliament?: readonly string[];
}

/** What a check sees while it runs on one document. */
export interface CheckContext {
  readonly db: IamDatabase;
  readonly doc: LintDocument;
  readonly policyType: PolicyType;
  /** The quota the document is held to, when its kind is known. */
  readonly sizeQuota?: SizeQuota;
  /** Reports a problem at `path` with this check's id and severity. */
  report(path: JsonPath, message: string): void;
}

export interface Check extends CheckInfo {
  run(ctx: CheckContext): void;
}
