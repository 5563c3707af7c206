/**
 * Turns validated template data into a `Template`: defaults filled in, entries trimmed, and the empty
 * entries (`''`, a bare `-`) that created templates are full of dropped.
 *
 * One rule comes from policy_sentry, whose answers are the reference: it reads a list only if its first
 * entry is non-empty, so a list that still begins with the `- ''` placeholder of a created template is
 * ignored as a whole, even when entries follow it. iamwright does the same, so that the same file gives the
 * same policy, and reports it as a warning (with the line) instead of staying silent. `sts` lists are read
 * entry by entry in policy_sentry too, so there only the empty entries go.
 */
import type { Partition } from '../../querying/partitions.js';
import type { ActionsTemplate, CrudTemplate, Effect, Template } from '../types.js';
import { ACCESS_LEVEL_KEYS, STS_KEYS, WILDCARD_ONLY_KEYS } from './keys.js';
import type { DataPath, Locator } from './validate.js';
import { keyPath } from './validate.js';
import { emptyCrudTemplate } from './empty.js';
import { readTemplateConditions } from './conditions.js';

/** Data that has passed the schema (see validate.ts): a mapping with a valid `mode`. */
export type TemplateData = Record<string, unknown> & { mode: 'crud' | 'actions' };

/** An empty entry: a blank string or null. A mapping is a group with conditions (template/conditions.ts). */
const isEmpty = (item: unknown): boolean =>
  typeof item === 'string' ? item.trim() === '' : item === null || typeof item !== 'object';

/**
 * Non-empty entries of a list, trimmed, in order. Null or absent is an empty list. Repeats are kept: what
 * they mean for the policy is the engine's business, and the parser stays faithful to the file.
 */
export function cleanList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is string => typeof item === 'string' && !isEmpty(item))
    .map((s) => s.trim());
}

function section(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

export interface NormalizeContext {
  /** Places for warnings; without it no warnings are collected. */
  at?: Locator;
  /** Receives one line per warning. */
  warnings?: string[];
}

export function normalizeTemplate(data: TemplateData, context: NormalizeContext = {}): Template {
  /** A list read as policy_sentry reads it: ignored when its first entry is empty. */
  const list = (value: unknown, path: DataPath): string[] => {
    const entries = cleanList(value);
    const n = Array.isArray(value) ? value.filter((item) => !isEmpty(item)).length : 0;
    if (!Array.isArray(value) || value.length === 0 || !isEmpty(value[0]) || n === 0) {
      if (Array.isArray(value)) warnTrimmed(value, path);
      return entries;
    }
    ignored.add(keyPath(path));
    if (context.at && context.warnings) {
      context.warnings.push(
        `${context.at([...path, 0])}: '${keyPath(path)}' begins with an empty entry, so its ${n} other ` +
          `entr${n === 1 ? 'y is' : 'ies are'} ignored (as policy_sentry does); delete the empty line to use ${n === 1 ? 'it' : 'them'}`,
      );
    }
    return [];
  };
  /**
   * A quoted entry with spaces or tabs around it: policy_sentry would put them into the policy (an ARN or
   * action that names nothing); we drop them, and say so, since the policy then differs from its answer.
   */
  const warnTrimmed = (value: unknown[], path: DataPath): void => {
    const { at, warnings } = context;
    if (!at || !warnings) return;
    value.forEach((item, i) => {
      if (typeof item !== 'string' || isEmpty(item) || item.trim() === item) return;
      warnings.push(
        `${at([...path, i])}: '${keyPath([...path, i])}' ${JSON.stringify(item)} has spaces around it; ` +
          `read as '${item.trim()}'`,
      );
    });
  };
  /** Lists ignored by the rule above: their groups are ignored too. */
  const ignored = new Set<string>();
  const name = data.name === null || data.name === undefined ? '' : String(data.name).trim();
  const effect: Effect = (data.effect as Effect | null | undefined) ?? 'Allow';
  // The schema allows only the partitions' names; absent, no partition is chosen.
  const partition = data.partition as Partition | undefined;
  const chosen = partition === undefined ? {} : { partition };
  if (data.mode === 'actions') {
    const t: ActionsTemplate = {
      mode: 'actions',
      name,
      effect,
      ...chosen,
      actions: list(data.actions, ['actions']),
    };
    return withConditions(t, data, ignored, context.at);
  }
  const wildcard = section(data['wildcard-only']);
  const t: CrudTemplate = {
    ...emptyCrudTemplate(name, effect),
    ...chosen,
    skipResourceConstraints: list(data['skip-resource-constraints'], ['skip-resource-constraints']),
    excludeActions: list(data['exclude-actions'], ['exclude-actions']),
    sts: stsSection(section(data.sts)),
  };
  for (const [key, field] of Object.entries(ACCESS_LEVEL_KEYS)) t[field] = list(data[key], [key]);
  for (const [key, field] of Object.entries(WILDCARD_ONLY_KEYS)) {
    t.wildcardOnly[field] = list(wildcard[key], ['wildcard-only', key]);
  }
  return withConditions(t, data, ignored, context.at);
}

/**
 * The template with its condition keys, when it has any (a template without them stays as it was, key for
 * key). Groups in a list ignored as a whole (`ignored`, by key path) are ignored with it.
 */
function withConditions<T extends Template>(
  t: T,
  data: TemplateData,
  ignored: ReadonlySet<string>,
  at: Locator = (path) => keyPath(path) || 'template',
): T {
  const read = readTemplateConditions(data, at);
  if (read.conditions) t.conditions = read.conditions;
  const groups = read.groups?.filter((g) => !ignored.has(g.where.replace(/\[\d+\]\.conditions$/, '')));
  if (groups && groups.length > 0) t.groups = groups;
  if (read.unsupportedConditionKeys) t.unsupportedConditionKeys = read.unsupportedConditionKeys;
  return t;
}

/**
 * The sts lists, keyed in the order the template wrote them: policy_sentry emits one statement per key in
 * that order, and the policy engine follows `Object.keys(template.sts)`. Keys not written come last.
 */
function stsSection(sts: Record<string, unknown>): CrudTemplate['sts'] {
  const keys = Object.keys(STS_KEYS) as (keyof typeof STS_KEYS)[];
  const written = Object.keys(sts).filter((k): k is keyof typeof STS_KEYS => k in STS_KEYS);
  const ordered = [...written, ...keys.filter((k) => !written.includes(k))];
  const out = {} as CrudTemplate['sts'];
  for (const key of ordered) out[STS_KEYS[key]] = cleanList(sts[key]);
  return out;
}
