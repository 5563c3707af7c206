/**
 * A template with conditions, cut into scopes: the entries outside groups, then one scope per distinct
 * group condition (groups with equal conditions share one, in the order the first of them is written).
 * Each scope is derived as a template of its own, so that statements of different conditions never share
 * a draft; a template without groups is one scope, the template itself.
 */
import { UserError } from '../../util/errors.js';
import { emptyCrudTemplate } from '../template/empty.js';
import type { CrudTemplate, Template } from '../types.js';
import { canonicalCondition, type PlacedBlock } from './merge.js';
import type { ScopeConditions } from './place.js';
import type { AccessLevelKey, ConditionGroup, GroupSection } from './types.js';

export interface Scope {
  template: Template;
  conditions: ScopeConditions;
}

/** Where a crud group's entries go in a template. */
const CRUD_FIELDS: Record<Exclude<GroupSection, 'actions'>, (t: CrudTemplate) => string[]> = {
  read: (t) => t.read,
  write: (t) => t.write,
  list: (t) => t.list,
  tagging: (t) => t.tagging,
  'permissions-management': (t) => t.permissionsManagement,
  'single-actions': (t) => t.wildcardOnly.singleActions,
  'skip-resource-constraints': (t) => t.skipResourceConstraints,
  'sts.assume-role': (t) => t.sts.assumeRole,
  'sts.assume-role-with-saml': (t) => t.sts.assumeRoleWithSaml,
  'sts.assume-role-with-web-identity': (t) => t.sts.assumeRoleWithWebIdentity,
};

/** The template's scopes. */
export function templateScopes(template: Template): Scope[] {
  const all: PlacedBlock | undefined = template.conditions?.all && {
    block: template.conditions.all,
    where: 'conditions',
  };
  const byLevel: Partial<Record<AccessLevelKey, PlacedBlock>> = {};
  for (const [level, block] of Object.entries(template.conditions?.byLevel ?? {})) {
    if (block) byLevel[level as AccessLevelKey] = { block, where: `access-level-conditions.${level}` };
  }
  const base: ScopeConditions = { ...(all ? { all } : {}), byLevel };
  const scopes: Scope[] = [{ template, conditions: base }];
  const byCondition = new Map<string, Scope>();
  for (const group of template.groups ?? []) {
    const id = canonicalCondition(group.conditions);
    let scope = byCondition.get(id);
    if (!scope) {
      scope = {
        template: emptyLike(template),
        conditions: { ...base, group: { block: group.conditions, where: group.where } },
      };
      byCondition.set(id, scope);
      scopes.push(scope);
    }
    addEntries(scope.template, group);
  }
  return scopes;
}

/** A template of the same mode, name, effect and partition with nothing in it. */
function emptyLike(t: Template): Template {
  const partition = t.partition === undefined ? {} : { partition: t.partition };
  if (t.mode === 'actions')
    return { mode: 'actions', name: t.name, effect: t.effect, ...partition, actions: [] };
  return { ...emptyCrudTemplate(t.name, t.effect), ...partition };
}

function addEntries(t: Template, group: ConditionGroup): void {
  if (t.mode === 'actions') {
    if (group.section !== 'actions')
      throw new UserError(`${group.where}: a group of '${group.section}' in an actions-mode template`);
    t.actions.push(...group.entries);
    return;
  }
  const field = Object.hasOwn(CRUD_FIELDS, group.section)
    ? CRUD_FIELDS[group.section as keyof typeof CRUD_FIELDS]
    : undefined;
  if (!field) {
    throw new UserError(
      `${group.where}: a group of '${group.section}' in a crud-mode template; allowed: ${Object.keys(CRUD_FIELDS).join(', ')}`,
    );
  }
  field(t).push(...group.entries);
}
