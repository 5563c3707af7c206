/** Templates (what the user asks for) and policies (what iamwright writes). */
import type { Partition } from '../querying/partitions.js';
import type {
  ConditionBlock,
  ConditionGroup,
  TemplateConditions,
  UnsupportedKeys,
} from './conditions/types.js';

export type {
  ConditionBlock,
  ConditionGroup,
  ConditionOperator,
  ConditionValues,
  AccessLevelKey,
  TemplateConditions,
  UnsupportedKeys,
} from './conditions/types.js';

export type Effect = 'Allow' | 'Deny';

/**
 * The condition keys of a template (docs/templates.md, Conditions). Every field is absent in a template
 * without conditions, which is then written exactly as before.
 */
export interface Conditioned {
  /** Conditions by scope: the whole template, and per access level. */
  conditions?: TemplateConditions;
  /** Entries written as `{arns|actions: [...], conditions: {...}}`: each group with its own conditions. */
  groups?: ConditionGroup[];
  /**
   * What to do with an action that does not support a requested condition key: `error` (the default) or
   * `split` (it goes to a statement without that key, with a warning). WriteOptions can override it.
   */
  unsupportedConditionKeys?: UnsupportedKeys;
}

/** `mode: actions`: a list of `prefix:Action` names. */
export interface ActionsTemplate extends Conditioned {
  mode: 'actions';
  name: string;
  effect: Effect;
  /** The template's `partition:` key (see WriteOptions.partition); absent when not given. */
  partition?: Partition;
  actions: string[];
}

/** `mode: crud`: resource ARNs per access level, plus the extra sections. Lists hold no empty entries. */
export interface CrudTemplate extends Conditioned {
  mode: 'crud';
  name: string;
  effect: Effect;
  /** The template's `partition:` key (see WriteOptions.partition); absent when not given. */
  partition?: Partition;
  read: string[];
  write: string[];
  list: string[];
  tagging: string[];
  permissionsManagement: string[];
  wildcardOnly: {
    singleActions: string[];
    serviceRead: string[];
    serviceWrite: string[];
    serviceList: string[];
    serviceTagging: string[];
    servicePermissionsManagement: string[];
  };
  skipResourceConstraints: string[];
  excludeActions: string[];
  sts: {
    assumeRole: string[];
    assumeRoleWithSaml: string[];
    assumeRoleWithWebIdentity: string[];
  };
}

export type Template = ActionsTemplate | CrudTemplate;

export interface PolicyStatement {
  Sid: string;
  Effect: Effect;
  Action: string[];
  Resource: string[];
  /** Present only when the template asked for conditions. */
  Condition?: ConditionBlock;
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export interface WriteOptions {
  /**
   * Shorten actions to the shortest prefix wildcards that match no other action in the database, each
   * at least this many characters long before the `*`. Default: undefined (no minimizing).
   */
  minimize?: number;
  /**
   * The partition of the ARNs iamwright writes itself (the database's `arn:${Partition}:...` formats of
   * actions mode); the template's ARNs must then be in it too. Overrides the template's `partition:` key.
   * Default: the template's key, else none (formats keep `${Partition}`, template ARNs may be in any
   * partition).
   */
  partition?: Partition;
  /**
   * Overrides the template's `unsupported-condition-keys`: `error` or `split`. Default: the template's
   * key, else `error`.
   */
  unsupportedConditionKeys?: UnsupportedKeys;
}
