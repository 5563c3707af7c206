/**
 * The one finding model shared by every command that reports problems in files (lint, analyze, generate),
 * and so by every output format (table, JSON, SARIF, markdown, HTML). A command turns its own results into
 * these; the formats never know which command made them.
 */

/** Access Analyzer's four finding types, most severe first. */
export const SEVERITIES = ['error', 'security-warning', 'warning', 'suggestion'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Where in a source file a finding points. Lines and columns count from 1, as editors and SARIF do. */
export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

/** One check (rule) a command can report: what SARIF calls a reportingDescriptor. */
export interface RuleDescriptor {
  /** Stable id, e.g. `actions/unknown-action`. */
  id: string;
  severity: Severity;
  /** One line: what the rule finds. */
  title: string;
  /** A paragraph: why it matters and how to fix it. */
  help: string;
  /** Where the rule is documented, when it is. */
  helpUri?: string;
}

/** One problem found in one place. */
export interface ReportedFinding {
  ruleId: string;
  severity: Severity;
  /** One line naming the element and what is allowed. */
  message: string;
  location: SourceLocation;
  /** JSON path of the element inside the policy document, e.g. `Statement[0].Action[2]`. */
  jsonPath?: string;
  /** The policy's name when the file holds several (authorization details, CloudFormation, Terraform). */
  policy?: string;
  /** The statement's Sid, when it has one. */
  sid?: string;
}
