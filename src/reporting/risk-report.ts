/**
 * The model of a risk report (analyze v2): what `analyze` found, by principal, by policy and by category.
 * `analyze` builds one; the HTML, markdown and SARIF renderers in this folder read it and never call the
 * analysis themselves, so a report can be rendered again from its JSON.
 *
 * Everything here is plain data (JSON-serialisable): ids are strings that point into the other arrays.
 */
import type { Severity } from './finding.js';

/** How much a finding matters, most severe first. Ordered, so renderers can sort and colour by it. */
export const RISK_LEVELS = ['critical', 'high', 'medium', 'low'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Access Analyzer's severity for each risk level, for SARIF and lint-style output. */
export const RISK_LEVEL_SEVERITY: Readonly<Record<RiskLevel, Severity>> = {
  critical: 'security-warning',
  high: 'security-warning',
  medium: 'warning',
  low: 'suggestion',
};

/** One category of risk (privilege escalation, credentials exposure...), as shown in legends. */
export interface RiskCategoryInfo {
  /** Stable id, e.g. `privilege-escalation`. */
  id: string;
  /** A few words, e.g. "Privilege escalation". */
  title: string;
  /** One or two sentences: what the category means for the account. */
  description: string;
}

/** The part of a policy that granted a finding: shown in the report's expandable details. */
export interface RiskEvidence {
  /** The policy (RiskPolicy.id) the statement is in. */
  policy: string;
  /** Sid, or `#<index>` when the statement has none. */
  statement: string;
  statementIndex: number;
  /** The statement as written in the policy. */
  statementJson: unknown;
  /** The Action (or `NotAction ...`) pattern that granted the actions. */
  pattern: string;
  /** The actions this pattern granted that belong to the finding, `prefix:Action`, sorted. */
  actions: string[];
}

/** An escalation method (a set of actions that together escalate), complete or partial. */
export interface RiskMethod {
  /** Stable id from data/, e.g. `lambda-create-invoke`. */
  id: string;
  /** A few words, e.g. "PassRole to a new Lambda function, then invoke it". */
  title: string;
  /** Every action the method needs is granted. */
  complete: boolean;
  /** Actions (or alternatives, written `a|b`) the principal or policy still lacks; empty when complete. */
  missing: string[];
  /** Where the method is described (public research), as a URL or a citation. */
  source?: string;
}

/** One finding: one category of risk granted to one principal (or by one policy, when there is no principal). */
export interface RiskFinding {
  /** Unique within the report, e.g. `f12`. */
  id: string;
  /** RiskCategoryInfo.id. */
  category: string;
  level: RiskLevel;
  /** One line, e.g. "iam:PassRole on every role, with lambda:CreateFunction and lambda:InvokeFunction". */
  message: string;
  /** `prefix:Action`, sorted. */
  actions: string[];
  /** The resources the actions are granted on, as written (`*` included). */
  resources: string[];
  /** Every statement that grants it has a Condition: the grant holds only when the conditions do. */
  conditional: boolean;
  /** For privilege escalation by method. */
  method?: RiskMethod;
  /** RiskPrincipal.id when the finding belongs to a principal. */
  principal?: string;
  /** RiskPolicy.id of each policy that contributed. */
  policies: string[];
  evidence: RiskEvidence[];
}

/** One policy document that was analysed. */
export interface RiskPolicy {
  /** Unique within the report (e.g. the ARN, or `file#name`). */
  id: string;
  /** Display name. */
  name: string;
  /** managed (AWS or customer), inline, trust, file... as the input says. */
  kind: string;
  /** The file it was read from, and the line where the document starts when known. */
  file: string;
  line?: number;
  /** RiskPrincipal.id of each principal it is attached to (empty for a lone file). */
  attachedTo: string[];
  /** Number of distinct actions granted at each access level (List, Read, Write, Permissions management, Tagging). */
  accessLevels: Record<string, number>;
  /** RiskFinding.id of each finding this policy contributed to. */
  findings: string[];
}

/** Who may assume a role, read from its trust policy. */
export interface RiskTrust {
  /** `*`, an account id or ARN, a service principal, or a federated provider. */
  principal: string;
  kind: 'everyone' | 'account' | 'service' | 'federated' | 'other';
  /** Whether the trust statement has a Condition (an external id, an organisation, a source ARN...). */
  conditional: boolean;
  /** The principal is in another account than the role's. */
  crossAccount: boolean;
}

/** A user, role or group with all of its policies. */
export interface RiskPrincipal {
  /** The ARN. */
  id: string;
  name: string;
  type: 'user' | 'role' | 'group';
  /** RiskPolicy.id of each policy that applies (attached, inline and, for users, their groups'). */
  policies: string[];
  /** For users: the group names. */
  groups?: string[];
  /** For roles: who may assume it. */
  trust?: RiskTrust[];
  /** The highest level among its findings, absent when none. */
  level?: RiskLevel;
  /** A number to sort principals by risk: larger is riskier. How it is computed is the analysis' business. */
  score: number;
  /** Number of distinct actions granted at each access level, over all its policies. */
  accessLevels: Record<string, number>;
  /** RiskFinding.id of each of its findings. */
  findings: string[];
}

/** A whole risk report. */
export interface RiskReport {
  /** Shown as the page title, e.g. "iamwright analyze: account 123456789012". */
  title: string;
  /** ISO date-time, or absent so that output is reproducible. */
  generatedAt?: string;
  /** The database's label, e.g. "AWS Service Authorization Reference, 2026-06-14". */
  database: string;
  /** The tool's version. */
  toolVersion: string;
  /** The inputs, as the user named them. */
  inputs: string[];
  categories: RiskCategoryInfo[];
  /** Sorted by score, riskiest first. Empty when the input had no principals (plain policy files). */
  principals: RiskPrincipal[];
  policies: RiskPolicy[];
  /** Sorted by level, then category, then principal or policy. */
  findings: RiskFinding[];
  /** Inputs that could not be analysed, one line each. */
  errors: { file: string; policy?: string; message: string }[];
}
