/**
 * The condition keys of a template (docs/templates.md, Conditions):
 *
 *   conditions: {Bool: {aws:SecureTransport: true}}              # every statement
 *   access-level-conditions:                                      # every action of an access level
 *     write: {StringEquals: {aws:ResourceTag/team: data}}
 *   read:
 *     - arn:aws:s3:::assets/*
 *     - arns: [arn:aws:s3:::reports/*]                            # a group with its own conditions
 *       conditions: {IpAddress: {aws:SourceIp: 203.0.113.0/24}}
 *   unsupported-condition-keys: split                             # default: error
 *
 * Checked here, before the schema, so that each problem gets its own message and line; the schema says the
 * same for editors.
 */
import { UserError, didYouMean } from '../../util/errors.js';
import { shown } from '../../querying/printable.js';
import { notePlace } from '../conditions/places.js';
import { checkConditionBlock as checkBlock, isMapping } from '../conditions/shape.js';
import {
  UNSUPPORTED_KEYS_CHOICES,
  type AccessLevelKey,
  type ConditionBlock,
  type ConditionGroup,
  type GroupSection,
  type TemplateConditions,
  type UnsupportedKeys,
} from '../conditions/types.js';
import { ACCESS_LEVEL_KEYS } from './keys.js';
import { keyPath, type DataPath, type Locator } from './validate.js';

/** A list that may hold groups: its section name, its place in the data, and the key of a group's entries. */
interface GroupList {
  section: GroupSection;
  path: DataPath;
  entries: 'arns' | 'actions';
}

const CRUD_GROUP_LISTS: readonly GroupList[] = [
  ...(Object.keys(ACCESS_LEVEL_KEYS) as AccessLevelKey[]).map((k): GroupList => ({
    section: k,
    path: [k],
    entries: 'arns',
  })),
  { section: 'single-actions', path: ['wildcard-only', 'single-actions'], entries: 'actions' },
  { section: 'skip-resource-constraints', path: ['skip-resource-constraints'], entries: 'actions' },
  { section: 'sts.assume-role', path: ['sts', 'assume-role'], entries: 'arns' },
  { section: 'sts.assume-role-with-saml', path: ['sts', 'assume-role-with-saml'], entries: 'arns' },
  {
    section: 'sts.assume-role-with-web-identity',
    path: ['sts', 'assume-role-with-web-identity'],
    entries: 'arns',
  },
];

const ACTIONS_GROUP_LISTS: readonly GroupList[] = [
  { section: 'actions', path: ['actions'], entries: 'actions' },
];

function at(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const p of path) v = isMapping(v) || Array.isArray(v) ? (v as Record<string, unknown>)[p] : undefined;
  return v;
}

/** The lists of the mode that may hold groups. */
function groupLists(mode: string): readonly GroupList[] {
  return mode === 'actions' ? ACTIONS_GROUP_LISTS : CRUD_GROUP_LISTS;
}

/** Checks one group entry's keys (its entries are the schema's to check); returns its conditions. */
function checkGroup(
  entry: Record<string, unknown>,
  list: GroupList,
  path: DataPath,
  locate: Locator,
): ConditionBlock {
  const allowed = [list.entries, 'conditions'];
  for (const key of Object.keys(entry)) {
    if (allowed.includes(key)) continue;
    throw new UserError(
      `${locate([...path, key], true)}: unknown key '${shown(key)}' in the group '${keyPath(path)}'${
        didYouMean(key, allowed) || `; a group has '${list.entries}' and 'conditions'`
      }`,
    );
  }
  for (const key of allowed) {
    if (entry[key] === undefined || entry[key] === null) {
      throw new UserError(
        `${locate(path)}: the group '${keyPath(path)}' needs '${key}' (a group is '{${list.entries}: [...], conditions: {...}}')`,
      );
    }
  }
  if (!Array.isArray(entry[list.entries])) {
    throw new UserError(
      `${locate([...path, list.entries])}: '${keyPath([...path, list.entries])}' must be a list of ${list.entries === 'arns' ? 'ARNs' : 'actions'}`,
    );
  }
  return checkConditionBlock(entry.conditions, [...path, 'conditions'], locate);
}

/** A block checked, and noted with where it was written (conditions/places.ts). */
function checkConditionBlock(value: unknown, path: DataPath, locate: Locator): ConditionBlock {
  const block = checkBlock(value, path, locate);
  notePlace(block, (rest) => locate([...path, ...rest], rest.length > 0));
  return block;
}

export interface ReadConditions {
  conditions?: TemplateConditions;
  groups?: ConditionGroup[];
  unsupportedConditionKeys?: UnsupportedKeys;
}

/**
 * Checks the condition keys of template data (a mapping with a valid mode) and reads them. Keys of the other
 * mode, lists that are no lists and the like are left to the schema.
 */
export function readTemplateConditions(data: Record<string, unknown>, locate: Locator): ReadConditions {
  const out: ReadConditions = {};
  const conditions: TemplateConditions = {};
  if (data.conditions !== undefined && data.conditions !== null) {
    conditions.all = checkConditionBlock(data.conditions, ['conditions'], locate);
  }
  const byLevel = data['access-level-conditions'];
  if (byLevel !== undefined && byLevel !== null) {
    const levels = Object.keys(ACCESS_LEVEL_KEYS);
    if (!isMapping(byLevel)) {
      throw new UserError(
        `${locate(['access-level-conditions'])}: 'access-level-conditions' must be a mapping of access levels (${levels.join(', ')}) to conditions`,
      );
    }
    for (const [level, block] of Object.entries(byLevel)) {
      if (!levels.includes(level)) {
        throw new UserError(
          `${locate(['access-level-conditions', level], true)}: unknown access level '${shown(level)}' in 'access-level-conditions'${
            didYouMean(level, levels) || `; allowed: ${levels.join(', ')}`
          }`,
        );
      }
      (conditions.byLevel ??= {})[level as AccessLevelKey] = checkConditionBlock(
        block,
        ['access-level-conditions', level],
        locate,
      );
    }
  }
  if (conditions.all || conditions.byLevel) out.conditions = conditions;
  const choice = data['unsupported-condition-keys'];
  if (choice !== undefined && choice !== null) {
    if (!(UNSUPPORTED_KEYS_CHOICES as readonly unknown[]).includes(choice)) {
      throw new UserError(
        `${locate(['unsupported-condition-keys'])}: invalid value ${typeof choice === 'string' ? `'${shown(choice)}'` : 'that is not text'} for 'unsupported-condition-keys'; allowed: 'error' (the default) or 'split'${
          typeof choice === 'string' ? didYouMean(choice, UNSUPPORTED_KEYS_CHOICES) : ''
        }`,
      );
    }
    out.unsupportedConditionKeys = choice as UnsupportedKeys;
  }
  const groups: ConditionGroup[] = [];
  for (const list of groupLists(String(data.mode))) {
    const value = at(data, list.path);
    if (!Array.isArray(value)) continue;
    value.forEach((entry, i) => {
      if (!isMapping(entry)) return;
      const path = [...list.path, i];
      const block = checkGroup(entry, list, path, locate);
      const entries = (entry[list.entries] as unknown[])
        .filter((x): x is string => typeof x === 'string' && x.trim() !== '')
        .map((x) => x.trim());
      groups.push({
        section: list.section,
        entries,
        conditions: block,
        where: keyPath([...path, 'conditions']),
      });
    });
  }
  if (groups.length > 0) out.groups = groups;
  return out;
}
