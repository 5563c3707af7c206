/**
 * A typed way to write a template in code, for CDK apps and scripts:
 *
 *   const policy = new PolicyBuilder({ name: 'reader' })
 *     .read(['arn:aws:s3:::my-bucket'])
 *     .wildcardOnly({ singleActions: ['s3:ListAllMyBuckets'] })
 *     .render(db);
 *
 * Every method adds to what is there and returns the builder. Entries are checked by the same schema as
 * YAML templates, so the builder accepts exactly what a template file would.
 */
import { stringify } from 'yaml';
import type { IamDatabase } from '../database/database.js';
import {
  argumentError,
  checkDatabase,
  checkOptionalString,
  checkOptions,
  checkString,
} from '../querying/arguments.js';
import type { Partition } from '../querying/partitions.js';
import { UserError } from '../util/errors.js';
import { writePolicy } from './policy/write.js';
import { ACCESS_LEVEL_KEYS, STS_KEYS, WILDCARD_ONLY_KEYS } from './template/keys.js';
import { normalizeTemplate } from './template/normalize.js';
import { keyPath, validateTemplateData } from './template/validate.js';
import type { CrudTemplate, Effect, PolicyDocument, Template } from './types.js';
import type {
  AccessLevelKey,
  ConditionBlock,
  ConditionGroup,
  GroupSection,
  UnsupportedKeys,
} from './conditions/types.js';

/** One entry or several. */
export type Entries = string | Iterable<string>;

export interface PolicyBuilderOptions {
  /** The template's name, for your own reference. Default: ''. */
  name?: string;
  /** Effect of every statement. Default: 'Allow'. */
  effect?: Effect;
  /** The template's `partition:` (see WriteOptions.partition). Default: none. */
  partition?: Partition;
  /**
   * The template's `unsupported-condition-keys`: what to do with an action that does not support a
   * condition key asked for it, `'error'` or `'split'`. Default: `'error'`.
   */
  unsupportedConditionKeys?: UnsupportedKeys;
}

/** Conditions for the entries of one call (`.read(arns, { conditions })`): a group of its own. */
export interface GroupOptions {
  /** The group's conditions, as in an IAM Condition element. Default: none (plain entries). */
  conditions?: ConditionBlock;
}

/** Where `.conditions(block, scope)` puts its block. */
export interface ConditionScope {
  /** Only on the actions of this access level. Default: every statement of the policy. */
  level?: AccessLevelKey;
}

/** Actions granted on Resource '*' because they take no resource ARN. Every list defaults to empty. */
export interface WildcardOnlyOptions {
  /** Single actions (service:Action); those that do take a resource ARN are left out by the engine. */
  singleActions?: Entries;
  /** Service prefixes whose Read-level wildcard-only actions to add. */
  serviceRead?: Entries;
  /** Service prefixes whose Write-level wildcard-only actions to add. */
  serviceWrite?: Entries;
  /** Service prefixes whose List-level wildcard-only actions to add. */
  serviceList?: Entries;
  /** Service prefixes whose Tagging wildcard-only actions to add. */
  serviceTagging?: Entries;
  /** Service prefixes whose Permissions management wildcard-only actions to add. */
  servicePermissionsManagement?: Entries;
}

/** Role ARNs to allow assuming, by STS call. Every list defaults to empty. */
export interface StsOptions {
  /** Roles for sts:AssumeRole. */
  assumeRole?: Entries;
  /** Roles for sts:AssumeRoleWithSAML. */
  assumeRoleWithSaml?: Entries;
  /** Roles for sts:AssumeRoleWithWebIdentity. */
  assumeRoleWithWebIdentity?: Entries;
}

export interface RenderOptions {
  /**
   * Shorten actions to prefix wildcards that match nothing else in the database, each at least this many
   * characters before the `*`. Default: undefined (full action names).
   */
  minimize?: number;
  /** Overrides the builder's effect for this rendering. Default: the builder's effect ('Allow' unless set). */
  effect?: Effect;
  /**
   * Called with a one-line note for each thing worth knowing that is not an error (see writePolicy's
   * onWarning: an entry that grants nothing, dependent actions granted on '*', actions minimizing drops).
   * Default: notes are dropped.
   */
  onWarning?: (message: string) => void;
  /** Overrides the builder's partition for this rendering. Default: the builder's (none unless set). */
  partition?: Partition;
  /** Overrides the builder's unsupportedConditionKeys for this rendering. Default: the builder's. */
  unsupportedConditionKeys?: UnsupportedKeys;
}

/**
 * The entries given, without empty strings: in code an empty string is nothing to add, never the
 * placeholder that makes a template file ignore a list (see template/normalize.ts). Anything but strings
 * is a UserError naming the method and argument (`fn`, `name`): a `null` entry must not vanish quietly.
 */
function entries(value: Entries | undefined, fn: string, name: string): string[] {
  if (value === undefined) return [];
  if (typeof value === 'string') return value.trim() === '' ? [] : [value];
  const iterable = value as unknown;
  if (
    iterable === null ||
    typeof iterable !== 'object' ||
    typeof (iterable as Iterable<unknown>)[Symbol.iterator] !== 'function'
  ) {
    throw argumentError(fn, name, 'a string or a list of strings', value);
  }
  const all = [...(iterable as Iterable<unknown>)];
  const bad = all.findIndex((x) => typeof x !== 'string');
  if (bad >= 0) throw argumentError(fn, `${name}[${bad}]`, 'a string', all[bad]);
  return (all as string[]).filter((x) => x.trim() !== '');
}

const EFFECTS: readonly unknown[] = ['Allow', 'Deny'];

function checkEffect(fn: string, name: string, value: unknown): asserts value is Effect | undefined {
  if (value !== undefined && !EFFECTS.includes(value))
    throw argumentError(fn, name, "'Allow' or 'Deny'", value);
}

type Mode = 'crud' | 'actions';

export class PolicyBuilder {
  #name: string;
  #effect: Effect;
  #partition: Partition | undefined;
  /** Set by the first method that only one mode has; undefined until then (renders as crud). */
  #mode: Mode | undefined;
  #actions: (string | Group)[] = [];
  /** Lists by template key path, e.g. 'read', 'wildcard-only.service-read', 'sts.assume-role'. */
  #lists = new Map<string, (string | Group)[]>();
  /** The template's `conditions` and `access-level-conditions`, as given. */
  #conditions: ConditionBlock | undefined;
  #levelConditions = new Map<AccessLevelKey, ConditionBlock>();
  #unsupported: UnsupportedKeys | undefined;

  constructor(options: PolicyBuilderOptions = {}) {
    checkOptions('PolicyBuilder', 'options', options);
    checkOptionalString('PolicyBuilder', 'options.name', options.name);
    checkEffect('PolicyBuilder', 'options.effect', options.effect);
    this.#name = options.name ?? '';
    this.#effect = options.effect ?? 'Allow';
    this.#partition = options.partition;
    this.#unsupported = checkUnsupported(
      'PolicyBuilder',
      'options.unsupportedConditionKeys',
      options.unsupportedConditionKeys,
    );
  }

  /** A builder holding a template (e.g. one from parseTemplate), to add to it in code. */
  static fromTemplate(template: Template): PolicyBuilder {
    const mode = (template as Partial<Template> | null)?.mode;
    if (mode !== 'crud' && mode !== 'actions') {
      throw argumentError(
        'PolicyBuilder.fromTemplate',
        'template',
        'a template (from parseTemplate or toTemplate)',
        template,
      );
    }
    const b = new PolicyBuilder({
      name: template.name,
      effect: template.effect,
      partition: template.partition,
      unsupportedConditionKeys: template.unsupportedConditionKeys,
    });
    if (template.conditions?.all) b.conditions(template.conditions.all);
    for (const [level, block] of Object.entries(template.conditions?.byLevel ?? {}))
      if (block) b.conditions(block, { level: level as AccessLevelKey });
    if (template.mode === 'actions') {
      b.addActions(template.actions);
      for (const g of template.groups ?? []) b.addActions(g.entries, { conditions: g.conditions });
      return b;
    }
    for (const g of template.groups ?? []) b.#addGroup(g);
    b.read(template.read)
      .write(template.write)
      .list(template.list)
      .tagging(template.tagging)
      .permissionsManagement(template.permissionsManagement)
      .wildcardOnly(template.wildcardOnly)
      .skipResourceConstraints(template.skipResourceConstraints)
      .exclude(template.excludeActions);
    return b.sts(template.sts);
  }

  /** Sets the template's name. */
  name(name: string): this {
    checkString('PolicyBuilder.name', 'name', name);
    this.#name = name;
    return this;
  }

  /** Sets the effect of every statement: 'Allow' or 'Deny'. */
  effect(effect: Effect): this {
    if (effect === undefined)
      throw argumentError('PolicyBuilder.effect', 'effect', "'Allow' or 'Deny'", effect);
    checkEffect('PolicyBuilder.effect', 'effect', effect);
    this.#effect = effect;
    return this;
  }

  /** Sets the partition of the ARNs the policy writes itself; the template's ARNs must be in it. */
  partition(partition: Partition): this {
    this.#partition = partition;
    return this;
  }

  /** Grants Read-level actions on these resource ARNs. */
  read(arns: Entries, options?: GroupOptions): this {
    return this.#add('read', 'read', arns, 'arns', options);
  }

  /** Grants Write-level actions on these resource ARNs. */
  write(arns: Entries, options?: GroupOptions): this {
    return this.#add('write', 'write', arns, 'arns', options);
  }

  /** Grants List-level actions on these resource ARNs. */
  list(arns: Entries, options?: GroupOptions): this {
    return this.#add('list', 'list', arns, 'arns', options);
  }

  /** Grants Tagging actions on these resource ARNs. */
  tagging(arns: Entries, options?: GroupOptions): this {
    return this.#add('tagging', 'tagging', arns, 'arns', options);
  }

  /** Grants Permissions management actions on these resource ARNs. */
  permissionsManagement(arns: Entries, options?: GroupOptions): this {
    return this.#add('permissionsManagement', 'permissions-management', arns, 'arns', options);
  }

  /** Adds actions that take no resource ARN, singly or by service and access level. */
  wildcardOnly(options: WildcardOnlyOptions): this {
    checkOptions('PolicyBuilder.wildcardOnly', 'options', options);
    for (const [key, field] of Object.entries(WILDCARD_ONLY_KEYS)) {
      this.#add('wildcardOnly', `wildcard-only.${key}`, options?.[field], `options.${field}`);
    }
    return this;
  }

  /** Grants these actions on Resource '*' even though they could be limited to resources. */
  skipResourceConstraints(actions: Entries, options?: GroupOptions): this {
    return this.#add('skipResourceConstraints', 'skip-resource-constraints', actions, 'actions', options);
  }

  /** Leaves actions out of the policy; wildcards allowed (e.g. 'kms:Delete*'). */
  exclude(patterns: Entries): this {
    return this.#add('exclude', 'exclude-actions', patterns, 'patterns');
  }

  /** Allows assuming these roles. */
  sts(options: StsOptions, group?: GroupOptions): this {
    checkOptions('PolicyBuilder.sts', 'options', options);
    options ??= {};
    // In the options' own key order: the policy lists sts statements in the order the keys come.
    const keyOf = new Map(Object.entries(STS_KEYS).map(([key, field]) => [field as string, key]));
    const fields = [...Object.keys(options), ...keyOf.keys()].filter(
      (f, i, all) => keyOf.has(f) && all.indexOf(f) === i,
    );
    for (const field of fields) {
      this.#add(
        'sts',
        `sts.${keyOf.get(field)}`,
        options[field as keyof StsOptions],
        `options.${field}`,
        group,
      );
    }
    return this;
  }

  /**
   * Lists actions by name (service:Action): an actions-mode template, where each action is granted on its
   * resource types' ARN formats. Cannot be combined with the resource-based methods.
   */
  addActions(actions: Entries, options?: GroupOptions): this {
    const added = entries(actions, 'PolicyBuilder.addActions', 'actions');
    const conditions = groupConditions('PolicyBuilder.addActions', options);
    this.#mark('actions', 'addActions');
    if (conditions) {
      if (added.length > 0) this.#actions.push({ actions: added, conditions });
    } else this.#actions.push(...added);
    return this;
  }

  /**
   * Adds conditions: on every statement, or with `{ level }` on every action of that access level. Calls
   * add up; a key given twice under one operator is an error when the policy is written.
   *
   *   .conditions({ Bool: { 'aws:SecureTransport': 'true' } })
   *   .conditions({ StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }, { level: 'write' })
   */
  conditions(block: ConditionBlock, scope: ConditionScope = {}): this {
    checkOptions('PolicyBuilder.conditions', 'scope', scope);
    if (block === null || typeof block !== 'object' || Array.isArray(block)) {
      throw argumentError(
        'PolicyBuilder.conditions',
        'block',
        'a condition block ({ Operator: { key: value } })',
        block,
      );
    }
    const level = scope?.level;
    if (level !== undefined && !(Object.keys(ACCESS_LEVEL_KEYS) as unknown[]).includes(level)) {
      throw argumentError(
        'PolicyBuilder.conditions',
        'scope.level',
        Object.keys(ACCESS_LEVEL_KEYS).join(', '),
        level,
      );
    }
    const before = level === undefined ? this.#conditions : this.#levelConditions.get(level);
    const merged = mergeInto(before, block, 'PolicyBuilder.conditions');
    if (level === undefined) this.#conditions = merged;
    else this.#levelConditions.set(level, merged);
    return this;
  }

  /** What to do with actions that do not support a condition key asked for them: 'error' or 'split'. */
  unsupportedConditionKeys(choice: UnsupportedKeys): this {
    if (choice === undefined)
      throw argumentError('PolicyBuilder.unsupportedConditionKeys', 'choice', "'error' or 'split'", choice);
    this.#unsupported = checkUnsupported('PolicyBuilder.unsupportedConditionKeys', 'choice', choice);
    return this;
  }

  /** The template built so far, checked; throws a UserError naming the first bad entry. */
  toTemplate(): Template {
    return normalizeTemplate(
      validateTemplateData(this.#data(), (path) => `PolicyBuilder: ${keyPath(path) || 'template'}`),
    );
  }

  /** The template as YAML, for `iamwright write-policy` or for review. */
  toYaml(): string {
    const t = this.toTemplate();
    return stringify(this.#data(t), { lineWidth: 0 });
  }

  /** Writes the policy against `db`. See RenderOptions for the defaults. */
  render(db: IamDatabase, options: RenderOptions = {}): PolicyDocument {
    checkDatabase('PolicyBuilder.render', db);
    checkOptions('PolicyBuilder.render', 'options', options);
    checkEffect('PolicyBuilder.render', 'options.effect', options.effect);
    const template = this.toTemplate();
    if (options.effect) template.effect = options.effect;
    return writePolicy(db, template, {
      minimize: options.minimize,
      onWarning: options.onWarning,
      partition: options.partition,
      ...(options.unsupportedConditionKeys === undefined
        ? {}
        : {
            unsupportedConditionKeys: checkUnsupported(
              'PolicyBuilder.render',
              'options.unsupportedConditionKeys',
              options.unsupportedConditionKeys,
            ),
          }),
    });
  }

  #mark(mode: Mode, method: string): void {
    if (this.#mode && this.#mode !== mode) {
      throw new UserError(
        mode === 'actions'
          ? `PolicyBuilder: ${method}() makes an actions-mode template, but resource sections were added; use a second builder`
          : `PolicyBuilder: ${method}() adds to a crud-mode template, but addActions() was used; use a second builder`,
      );
    }
    this.#mode = mode;
  }

  /**
   * Adds entries to the crud list at a template key path; `method` and `argument` name the caller and its
   * argument in errors.
   */
  #add(
    method: string,
    key: string,
    value: Entries | undefined,
    argument: string,
    options?: GroupOptions,
  ): this {
    const added = entries(value, `PolicyBuilder.${method}`, argument);
    const conditions = groupConditions(`PolicyBuilder.${method}`, options);
    this.#mark('crud', method);
    const list = this.#lists.get(key) ?? [];
    if (!conditions) list.push(...added);
    else if (added.length > 0) {
      list.push(
        key.startsWith('sts.') || ACCESS_LEVEL_PATHS.has(key)
          ? { arns: added, conditions }
          : { actions: added, conditions },
      );
    }
    this.#lists.set(key, list);
    return this;
  }

  /** A group of a checked template, back into the builder's lists. */
  #addGroup(g: ConditionGroup): void {
    if (g.section === 'actions') {
      this.#actions.push({ actions: [...g.entries], conditions: g.conditions });
      return;
    }
    const key = GROUP_PATHS[g.section];
    const list = this.#lists.get(key) ?? [];
    list.push(
      key.startsWith('sts.') || ACCESS_LEVEL_PATHS.has(key)
        ? { arns: [...g.entries], conditions: g.conditions }
        : { actions: [...g.entries], conditions: g.conditions },
    );
    this.#lists.set(key, list);
    this.#mark('crud', 'fromTemplate');
  }

  /** The condition keys of the template data; none when no conditions were given. */
  #conditionData(): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    if (this.#conditions) data.conditions = this.#conditions;
    if (this.#levelConditions.size > 0)
      data['access-level-conditions'] = Object.fromEntries(this.#levelConditions);
    if (this.#unsupported) data['unsupported-condition-keys'] = this.#unsupported;
    return data;
  }

  /** Template data in the file's shape (template keys); from a checked Template when given. */
  #data(t?: Template): Record<string, unknown> {
    if (t?.mode === 'actions' || (!t && this.#mode === 'actions')) {
      return {
        mode: 'actions',
        name: t?.name ?? this.#name,
        effect: t?.effect ?? this.#effect,
        ...partitionData(t ? t.partition : this.#partition),
        actions:
          t?.mode === 'actions'
            ? [
                ...t.actions,
                ...(t.groups ?? []).map((g) => ({ actions: g.entries, conditions: g.conditions })),
              ]
            : this.#actions,
        ...(t ? conditionData(t) : this.#conditionData()),
      };
    }
    if (t?.mode === 'crud') return crudData(t);
    const data: Record<string, unknown> = {
      mode: 'crud',
      name: this.#name,
      effect: this.#effect,
      ...partitionData(this.#partition),
      ...this.#conditionData(),
    };
    for (const [path, list] of this.#lists) {
      const [section, key] = path.split('.');
      if (key === undefined) data[section] = list;
      else ((data[section] ??= {}) as Record<string, unknown>)[key] = list;
    }
    return data;
  }
}

type Group =
  { arns: string[]; conditions: ConditionBlock } | { actions: string[]; conditions: ConditionBlock };

/** Template key paths of the access-level lists (their groups hold `arns`). */
const ACCESS_LEVEL_PATHS: ReadonlySet<string> = new Set(Object.keys(ACCESS_LEVEL_KEYS));

/** A group's section -> the builder's list key path. */
const GROUP_PATHS: Record<Exclude<GroupSection, 'actions'>, string> = {
  read: 'read',
  write: 'write',
  list: 'list',
  tagging: 'tagging',
  'permissions-management': 'permissions-management',
  'single-actions': 'wildcard-only.single-actions',
  'skip-resource-constraints': 'skip-resource-constraints',
  'sts.assume-role': 'sts.assume-role',
  'sts.assume-role-with-saml': 'sts.assume-role-with-saml',
  'sts.assume-role-with-web-identity': 'sts.assume-role-with-web-identity',
};

const UNSUPPORTED: readonly unknown[] = ['error', 'split'];

function checkUnsupported(fn: string, name: string, value: unknown): UnsupportedKeys | undefined {
  if (value !== undefined && !UNSUPPORTED.includes(value))
    throw argumentError(fn, name, "'error' or 'split'", value);
  return value as UnsupportedKeys | undefined;
}

/** The conditions of a call's GroupOptions (checked later, with the template); undefined for none. */
function groupConditions(fn: string, options: GroupOptions | undefined): ConditionBlock | undefined {
  checkOptions(fn, 'options', options);
  const c = options?.conditions;
  if (c === undefined) return undefined;
  if (c === null || typeof c !== 'object' || Array.isArray(c)) {
    throw argumentError(fn, 'options.conditions', 'a condition block ({ Operator: { key: value } })', c);
  }
  return c;
}

/** `block` added to `before`, operator by operator; a key already under the operator is an error. */
function mergeInto(before: ConditionBlock | undefined, block: ConditionBlock, fn: string): ConditionBlock {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [op, keys] of Object.entries(before ?? {})) out[op] = { ...(keys as object) };
  for (const [op, keys] of Object.entries(block)) {
    if (keys === null || typeof keys !== 'object' || Array.isArray(keys)) {
      throw argumentError(fn, `block['${op}']`, 'a mapping of condition keys to values', keys);
    }
    const target = (out[op] ??= {});
    for (const [key, value] of Object.entries(keys as object)) {
      if (key in target)
        throw new UserError(`${fn}: condition key '${key}' under ${op} is given twice; give it once`);
      target[key] = value;
    }
  }
  return out as ConditionBlock;
}

/** The condition keys of a checked template in the file's shape. */
function conditionData(t: Template): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (t.conditions?.all) data.conditions = t.conditions.all;
  if (t.conditions?.byLevel && Object.keys(t.conditions.byLevel).length > 0)
    data['access-level-conditions'] = t.conditions.byLevel;
  if (t.unsupportedConditionKeys) data['unsupported-condition-keys'] = t.unsupportedConditionKeys;
  return data;
}

/** The `partition` key, present only when one is chosen. */
function partitionData(partition: Partition | undefined): { partition?: Partition } {
  return partition === undefined ? {} : { partition };
}

/** A crud Template back in the file's shape, leaving out empty sections. */
function crudData(t: CrudTemplate): Record<string, unknown> {
  const data: Record<string, unknown> = {
    mode: 'crud',
    name: t.name,
    effect: t.effect,
    ...partitionData(t.partition),
    ...conditionData(t),
  };
  /** A list with the groups of its section after its plain entries. */
  const withGroups = (path: string, list: string[]): (string | Group)[] => {
    const groups = (t.groups ?? []).filter((g) => g.section !== 'actions' && GROUP_PATHS[g.section] === path);
    const arns = path.startsWith('sts.') || ACCESS_LEVEL_PATHS.has(path);
    return [
      ...list,
      ...groups.map((g): Group =>
        arns
          ? { arns: g.entries, conditions: g.conditions }
          : { actions: g.entries, conditions: g.conditions },
      ),
    ];
  };
  for (const [key, field] of Object.entries(ACCESS_LEVEL_KEYS)) {
    const list = withGroups(key, t[field]);
    if (list.length) data[key] = list;
  }
  const wildcard: Record<string, (string | Group)[]> = {};
  for (const [key, field] of Object.entries(WILDCARD_ONLY_KEYS)) {
    const list = withGroups(`wildcard-only.${key}`, t.wildcardOnly[field]);
    if (list.length) wildcard[key] = list;
  }
  if (Object.keys(wildcard).length) data['wildcard-only'] = wildcard;
  const skip = withGroups('skip-resource-constraints', t.skipResourceConstraints);
  if (skip.length) data['skip-resource-constraints'] = skip;
  if (t.excludeActions.length) data['exclude-actions'] = t.excludeActions;
  const sts: Record<string, (string | Group)[]> = {};
  const keyOf = new Map(Object.entries(STS_KEYS).map(([key, field]) => [field as string, key]));
  // t.sts's own key order, which decides the order of the sts statements
  for (const [field, arns] of Object.entries(t.sts)) {
    const key = keyOf.get(field) ?? field;
    const list = withGroups(`sts.${key}`, arns);
    if (list.length) sts[key] = list;
  }
  if (Object.keys(sts).length) data.sts = sts;
  return data;
}
