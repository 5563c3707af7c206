/** Conditions as templates and the builder write them, and as policies carry them. */

/** IAM's base condition operators (Null apart: it takes no `IfExists` and no set qualifier). */
export type BaseOperator =
  | 'StringEquals'
  | 'StringNotEquals'
  | 'StringEqualsIgnoreCase'
  | 'StringNotEqualsIgnoreCase'
  | 'StringLike'
  | 'StringNotLike'
  | 'NumericEquals'
  | 'NumericNotEquals'
  | 'NumericLessThan'
  | 'NumericLessThanEquals'
  | 'NumericGreaterThan'
  | 'NumericGreaterThanEquals'
  | 'DateEquals'
  | 'DateNotEquals'
  | 'DateLessThan'
  | 'DateLessThanEquals'
  | 'DateGreaterThan'
  | 'DateGreaterThanEquals'
  | 'Bool'
  | 'BinaryEquals'
  | 'IpAddress'
  | 'NotIpAddress'
  | 'ArnEquals'
  | 'ArnLike'
  | 'ArnNotEquals'
  | 'ArnNotLike';

/** Every operator IAM accepts: `StringLike`, `StringLikeIfExists`, `ForAnyValue:StringLike`..., `Null`. */
export type ConditionOperator =
  `${'' | 'ForAllValues:' | 'ForAnyValue:'}${BaseOperator}${'' | 'IfExists'}` | 'Null';

/** One value or several (any of them may match). Numbers and booleans are written as strings. */
export type ConditionValues = string | number | boolean | readonly (string | number | boolean)[];

/** A Condition element: operator -> condition key -> value(s), as in an IAM policy. */
export type ConditionBlock = { [operator in ConditionOperator]?: Record<string, ConditionValues> };

/** The template's access-level keys, as the conditions of one access level are keyed. */
export type AccessLevelKey = 'read' | 'write' | 'list' | 'tagging' | 'permissions-management';

/** Conditions by scope. */
export interface TemplateConditions {
  /** On every statement (the template's `conditions:`). */
  all?: ConditionBlock;
  /** On every action of an access level (`access-level-conditions:`), whichever section grants it. */
  byLevel?: Partial<Record<AccessLevelKey, ConditionBlock>>;
}

/** Where a group of entries with its own conditions goes. */
export type GroupSection =
  | 'read'
  | 'write'
  | 'list'
  | 'tagging'
  | 'permissions-management'
  | 'actions'
  | 'single-actions'
  | 'skip-resource-constraints'
  | 'sts.assume-role'
  | 'sts.assume-role-with-saml'
  | 'sts.assume-role-with-web-identity';

/** Entries of one section with their own conditions. */
export interface ConditionGroup {
  section: GroupSection;
  /** ARNs or actions, as the section takes them. */
  entries: string[];
  conditions: ConditionBlock;
  /** The key path of the group's conditions (`read[2].conditions`), for messages. */
  where: string;
}

export type UnsupportedKeys = 'error' | 'split';
export const UNSUPPORTED_KEYS_CHOICES: readonly UnsupportedKeys[] = ['error', 'split'];
