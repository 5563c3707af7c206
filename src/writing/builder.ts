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

/** One entry or several. */
export type Entries = string | Iterable<string>;

export interface PolicyBuilderOptions {
  /** The template's name, for your own reference. Default: ''. */
  name?: string;
  /** Effect of every statement. Default: 'Allow'. */
  effect?: Effect;
  /** The template's `partition:` (see WriteOptions.partition). Default: none. */
  partition?: Partition;
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
  #actions: string[] = [];
  /** Lists by template key path, e.g. 'read', 'wildcard-only.service-read', 'sts.assume-role'. */
  #lists = new Map<string, string[]>();

  constructor(options: PolicyBuilderOptions = {}) {
    checkOptions('PolicyBuilder', 'options', options);
    checkOptionalString('PolicyBuilder', 'options.name', options.name);
    checkEffect('PolicyBuilder', 'options.effect', options.effect);
    this.#name = options.name ?? '';
    this.#effect = options.effect ?? 'Allow';
    this.#partition = options.partition;
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
    });
    if (template.mode === 'actions') return b.addActions(template.actions);
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
  read(arns: Entries): this {
    return this.#add('read', 'read', arns, 'arns');
  }

  /** Grants Write-level actions on these resource ARNs. */
  write(arns: Entries): this {
    return this.#add('write', 'write', arns, 'arns');
  }

  /** Grants List-level actions on these resource ARNs. */
  list(arns: Entries): this {
    return this.#add('list', 'list', arns, 'arns');
  }

  /** Grants Tagging actions on these resource ARNs. */
  tagging(arns: Entries): this {
    return this.#add('tagging', 'tagging', arns, 'arns');
  }

  /** Grants Permissions management actions on these resource ARNs. */
  permissionsManagement(arns: Entries): this {
    return this.#add('permissionsManagement', 'permissions-management', arns, 'arns');
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
  skipResourceConstraints(actions: Entries): this {
    return this.#add('skipResourceConstraints', 'skip-resource-constraints', actions, 'actions');
  }

  /** Leaves actions out of the policy; wildcards allowed (e.g. 'kms:Delete*'). */
  exclude(patterns: Entries): this {
    return this.#add('exclude', 'exclude-actions', patterns, 'patterns');
  }

  /** Allows assuming these roles. */
  sts(options: StsOptions): this {
    checkOptions('PolicyBuilder.sts', 'options', options);
    options ??= {};
    // In the options' own key order: the policy lists sts statements in the order the keys come.
    const keyOf = new Map(Object.entries(STS_KEYS).map(([key, field]) => [field as string, key]));
    const fields = [...Object.keys(options), ...keyOf.keys()].filter(
      (f, i, all) => keyOf.has(f) && all.indexOf(f) === i,
    );
    for (const field of fields) {
      this.#add('sts', `sts.${keyOf.get(field)}`, options[field as keyof StsOptions], `options.${field}`);
    }
    return this;
  }

  /**
   * Lists actions by name (service:Action): an actions-mode template, where each action is granted on its
   * resource types' ARN formats. Cannot be combined with the resource-based methods.
   */
  addActions(actions: Entries): this {
    const added = entries(actions, 'PolicyBuilder.addActions', 'actions');
    this.#mark('actions', 'addActions');
    this.#actions.push(...added);
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
  #add(method: string, key: string, value: Entries | undefined, argument: string): this {
    const added = entries(value, `PolicyBuilder.${method}`, argument);
    this.#mark('crud', method);
    const list = this.#lists.get(key) ?? [];
    list.push(...added);
    this.#lists.set(key, list);
    return this;
  }

  /** Template data in the file's shape (template keys); from a checked Template when given. */
  #data(t?: Template): Record<string, unknown> {
    if (t?.mode === 'actions' || (!t && this.#mode === 'actions')) {
      return {
        mode: 'actions',
        name: t?.name ?? this.#name,
        effect: t?.effect ?? this.#effect,
        ...partitionData(t ? t.partition : this.#partition),
        actions: t?.mode === 'actions' ? t.actions : this.#actions,
      };
    }
    if (t?.mode === 'crud') return crudData(t);
    const data: Record<string, unknown> = {
      mode: 'crud',
      name: this.#name,
      effect: this.#effect,
      ...partitionData(this.#partition),
    };
    for (const [path, list] of this.#lists) {
      const [section, key] = path.split('.');
      if (key === undefined) data[section] = list;
      else ((data[section] ??= {}) as Record<string, unknown>)[key] = list;
    }
    return data;
  }
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
  };
  for (const [key, field] of Object.entries(ACCESS_LEVEL_KEYS)) if (t[field].length) data[key] = t[field];
  const wildcard: Record<string, string[]> = {};
  for (const [key, field] of Object.entries(WILDCARD_ONLY_KEYS))
    if (t.wildcardOnly[field].length) wildcard[key] = t.wildcardOnly[field];
  if (Object.keys(wildcard).length) data['wildcard-only'] = wildcard;
  if (t.skipResourceConstraints.length) data['skip-resource-constraints'] = t.skipResourceConstraints;
  if (t.excludeActions.length) data['exclude-actions'] = t.excludeActions;
  const sts: Record<string, string[]> = {};
  const keyOf = new Map(Object.entries(STS_KEYS).map(([key, field]) => [field as string, key]));
  // t.sts's own key order, which decides the order of the sts statements
  for (const [field, arns] of Object.entries(t.sts)) if (arns.length) sts[keyOf.get(field) ?? field] = arns;
  if (Object.keys(sts).length) data.sts = sts;
  return data;
}
