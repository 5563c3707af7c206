/**
 * An action's details, one row per resource type it takes, in the shape policy_sentry's get_action_data
 * returns (snake_case keys), so that `query action-table --name` prints the same data.
 */
import type { IamDatabase } from '../database/database.js';
import type { Service } from '../database/service.js';
import type { AccessLevel, ActionRecord } from '../database/types.js';
import { compileWildcard, hasWildcard } from '../util/wildcard.js';
import { shown } from './printable.js';
import { UserError } from '../util/errors.js';
import { checkDatabase, checkString, checkStringList } from './arguments.js';
import { requireAction, requireService } from './names.js';

export interface ActionDataRow {
  /** `prefix:Action`, the action's own spelling. */
  action: string;
  description: string;
  access_level: AccessLevel;
  api_documentation_link: string;
  /** The resource type's ARN format, or `*` for the row without a resource type. */
  resource_arn_format: string;
  /** The resource type's condition keys, then the action's own (those of the row without a resource type). */
  condition_keys: string[];
  /** The action's dependent actions, gathered over all its rows (every row carries the whole list). */
  dependent_actions: string[];
}

/** `{ prefix: rows }`, keyed by the service's prefix. */
export type ActionData = Record<string, ActionDataRow[]>;

function unique(items: Iterable<string>): string[] {
  return [...new Set(items)];
}

/** The rows of one action: one per resource type row of the page, in the page's order (at least one). */
export function actionDataRows(svc: Service, action: ActionRecord): ActionDataRow[] {
  const actionKeys = action.resourceTypes.find((row) => row.resourceType === '')?.conditionKeys ?? [];
  const dependents = unique(action.resourceTypes.flatMap((row) => row.dependentActions));
  // An action without rows takes no resource type: describe it as the row without one would.
  const rows = action.resourceTypes.length > 0 ? action.resourceTypes : [{ resourceType: '' }];
  return rows.map((row) => {
    const resource = row.resourceType ? svc.resourceType(row.resourceType) : undefined;
    return {
      action: `${svc.prefix}:${action.name}`,
      description: action.description,
      access_level: action.accessLevel,
      api_documentation_link: action.apiDocumentationLink,
      resource_arn_format: resource?.arn ?? '*',
      condition_keys: unique([...(resource?.conditionKeys ?? []), ...actionKeys]),
      dependent_actions: dependents,
    };
  });
}

/**
 * Details of action `actionName` of `service` (names in any case). A name with wildcards (`Get*`, `*`)
 * gives the rows of every matching action, possibly none; an exact name that does not exist is a UserError.
 */
export function actionData(db: IamDatabase, service: string, actionName: string): ActionData {
  checkDatabase('actionData', db);
  checkString('actionData', 'service', service);
  checkString('actionData', 'actionName', actionName);
  const svc = requireService(db, service);
  const matcher = compileWildcard(actionName);
  const actions = hasWildcard(actionName)
    ? svc.actions.filter((a) => matcher.test(a.name))
    : [requireAction(svc, actionName)];
  return { [svc.prefix]: actions.flatMap((a) => actionDataRows(svc, a)) };
}

/**
 * The dependent actions of `actions` (`prefix:Action`, any case): what the page says must also be allowed
 * for them to work, e.g. `kms:CreateCustomKeyStore` -> `cloudhsm:DescribeClusters`. Without repeats, in
 * first-seen order; the given actions themselves are not included unless another one depends on them.
 */
export function dependentActions(db: IamDatabase, actions: readonly string[]): string[] {
  checkDatabase('dependentActions', db);
  checkStringList('dependentActions', 'actions', actions);
  const found = new Set<string>();
  for (const full of actions) {
    const [prefix, name] = splitAction(full);
    const action = requireAction(requireService(db, prefix), name);
    for (const row of action.resourceTypes) for (const d of row.dependentActions) found.add(d);
  }
  return [...found];
}

/** `prefix:Action` -> [prefix, Action], or a UserError for anything else. */
export function splitAction(full: string): [string, string] {
  const i = full.indexOf(':');
  if (i <= 0 || i === full.length - 1 || full.indexOf(':', i + 1) !== -1) {
    throw new UserError(`'${shown(full)}' is not an action name of the form service:Action`);
  }
  return [full.slice(0, i), full.slice(i + 1)];
}
