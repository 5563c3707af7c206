/**
 * Queries over the actions table: which actions of a service (or of every service, with `all`) have an
 * access level, a resource type, a condition key, or no resource constraint at all.
 * Action lists are `prefix:Action` strings in the page's order, services in prefix order.
 */
import type { IamDatabase } from '../database/database.js';
import type { Service } from '../database/service.js';
import type { AccessLevel, ActionRecord } from '../database/types.js';
import { UserError } from '../util/errors.js';
import { checkDatabase, checkOptionalString, checkOptions, checkString } from './arguments.js';
import { parseAccessLevel, requireConditionKey, requireResourceTypeName, requireService } from './names.js';
import { isAllServices, servicesInScope } from './scope.js';

/** Every filter is optional; the actions returned pass all the given ones. */
export interface ActionFilter {
  /** `Read`, `Permissions management`, or the CLI spelling `permissions-management` (any case). */
  accessLevel?: AccessLevel | string;
  /**
   * Only actions that can be scoped to this resource type (any case). `*` means the opposite: only actions
   * that take no resource type at all, so a policy must grant them on `"Resource": "*"`.
   */
  resourceType?: string;
  /**
   * Only actions that list this condition key (any case; `ec2:ResourceTag/owner` names the documented
   * `ec2:ResourceTag/${TagKey}`) in their own condition keys column.
   */
  conditionKey?: string;
}

/** The wildcard `resourceType` filter: actions that cannot be limited to resource ARNs. */
export const NO_RESOURCE_TYPE = '*';

/** An action takes no resource type when its only row is the one without a resource type (or it has none). */
export function isWildcardOnly(action: ActionRecord): boolean {
  return action.resourceTypes.every((row) => row.resourceType === '');
}

type ActionTest = (action: ActionRecord) => boolean;

/**
 * The per-service test for `filter`, or undefined when the service cannot match (with `all`, a resource type
 * or condition key the service lacks). For a single service an unknown name is a UserError instead.
 */
function actionTest(svc: Service, filter: ActionFilter, lenient: boolean): ActionTest | undefined {
  const tests: ActionTest[] = [];
  if (filter.accessLevel !== undefined) {
    const level = parseAccessLevel(filter.accessLevel);
    tests.push((a) => a.accessLevel === level);
  }
  if (filter.resourceType !== undefined) {
    if (filter.resourceType === NO_RESOURCE_TYPE) {
      tests.push(isWildcardOnly);
    } else {
      const name = resolveOrSkip(lenient, () => requireResourceTypeName(svc, filter.resourceType as string));
      if (name === undefined) return undefined;
      const lower = name.toLowerCase();
      tests.push((a) => a.resourceTypes.some((row) => row.resourceType.toLowerCase() === lower));
    }
  }
  if (filter.conditionKey !== undefined) {
    const key = resolveOrSkip(lenient, () => requireConditionKey(svc, filter.conditionKey as string).name);
    if (key === undefined) return undefined;
    const lower = key.toLowerCase();
    tests.push((a) =>
      a.resourceTypes.some((row) => row.conditionKeys.some((k) => k.toLowerCase() === lower)),
    );
  }
  return (a) => tests.every((t) => t(a));
}

function resolveOrSkip<T>(lenient: boolean, resolve: () => T): T | undefined {
  if (!lenient) return resolve();
  try {
    return resolve();
  } catch (e) {
    if (e instanceof UserError) return undefined;
    throw e;
  }
}

/**
 * The actions of `service` (a prefix, or `all`) passing `filter`. With `all`, a resource type or condition key
 * applies to the services that define it; naming one that no service defines is a UserError.
 */
export function findActions(db: IamDatabase, service: string, filter: ActionFilter = {}): string[] {
  checkQuery('findActions', db, service);
  checkOptions('findActions', 'filter', filter);
  for (const key of ['accessLevel', 'resourceType', 'conditionKey'] as const) {
    checkOptionalString('findActions', `filter.${key}`, filter[key]);
  }
  const all = isAllServices(db, service);
  const results: string[] = [];
  if (
    filter.accessLevel === undefined &&
    filter.resourceType === undefined &&
    filter.conditionKey === undefined
  ) {
    // Every action: the names alone, which the database can read without the rest of each service.
    const lower = service.toLowerCase();
    const prefixes = all
      ? db.listServices().map((s) => s.prefix)
      : [
          db.listServices().find((s) => s.prefix.toLowerCase() === lower)?.prefix ??
            requireService(db, service).prefix, // unknown: its message, with suggestions
        ];
    for (const p of prefixes) {
      const names = db.actionNames?.(p) ?? (db.service(p)?.actions ?? []).map((a) => a.name);
      for (const name of names) results.push(`${p}:${name}`);
    }
    return results;
  }
  let applicable = 0;
  for (const svc of servicesInScope(db, service)) {
    const test = actionTest(svc, filter, all);
    if (!test) continue;
    applicable++;
    for (const action of svc.actions) if (test(action)) results.push(`${svc.prefix}:${action.name}`);
  }
  if (all && applicable === 0) {
    const what =
      filter.conditionKey !== undefined
        ? `condition key '${filter.conditionKey}'`
        : `resource type '${filter.resourceType}'`;
    throw new UserError(`no service has the ${what}`);
  }
  return results;
}

function checkQuery(fn: string, db: unknown, service: unknown): void {
  checkDatabase(fn, db);
  checkString(fn, 'service', service);
}

/** Every action of a service (policy_sentry's get_actions_for_service). */
export function actionsForService(db: IamDatabase, service: string): string[] {
  checkQuery('actionsForService', db, service);
  return findActions(db, service);
}

/** Actions at an access level (get_actions_with_access_level). */
export function actionsWithAccessLevel(
  db: IamDatabase,
  service: string,
  accessLevel: AccessLevel | string,
): string[] {
  checkQuery('actionsWithAccessLevel', db, service);
  checkString('actionsWithAccessLevel', 'accessLevel', accessLevel);
  return findActions(db, service, { accessLevel });
}

/** Actions that can be scoped to a resource type; `*` = actions with none (get_actions_matching_arn_type). */
export function actionsWithResourceType(db: IamDatabase, service: string, resourceType: string): string[] {
  checkQuery('actionsWithResourceType', db, service);
  checkString('actionsWithResourceType', 'resourceType', resourceType);
  return findActions(db, service, { resourceType });
}

/** Actions at an access level that take a resource type (get_actions_with_arn_type_and_access_level). */
export function actionsWithResourceTypeAndAccessLevel(
  db: IamDatabase,
  service: string,
  resourceType: string,
  accessLevel: AccessLevel | string,
): string[] {
  const fn = 'actionsWithResourceTypeAndAccessLevel';
  checkQuery(fn, db, service);
  checkString(fn, 'resourceType', resourceType);
  checkString(fn, 'accessLevel', accessLevel);
  return findActions(db, service, { resourceType, accessLevel });
}

/** Actions supporting a condition key (get_actions_matching_condition_key). */
export function actionsMatchingConditionKey(
  db: IamDatabase,
  service: string,
  conditionKey: string,
): string[] {
  checkQuery('actionsMatchingConditionKey', db, service);
  checkString('actionsMatchingConditionKey', 'conditionKey', conditionKey);
  return findActions(db, service, { conditionKey });
}

/**
 * Actions that cannot be limited to resource ARNs, optionally at one access level
 * (get_actions_that_support_wildcard_arns_only, get_actions_at_access_level_that_support_wildcard_arns_only).
 */
export function wildcardOnlyActions(
  db: IamDatabase,
  service: string,
  accessLevel?: AccessLevel | string,
): string[] {
  checkQuery('wildcardOnlyActions', db, service);
  checkOptionalString('wildcardOnlyActions', 'accessLevel', accessLevel);
  return findActions(db, service, { resourceType: NO_RESOURCE_TYPE, accessLevel });
}
