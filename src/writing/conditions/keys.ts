/**
 * What a condition key asked for in a template is: a global key (AWS's table, querying/condition-global-keys.ts),
 * which every action supports, or a key a service documents in the database, with its type; anything else
 * is an error, since a condition on a key no request carries never holds as written.
 *
 * And which actions support a service key: those that list it (templated keys such as
 * `s3:ExistingObjectTag/<key>` cover every tag key) on their own row or on the row of the resource type the
 * statement acts on, or whose resource type lists it.
 */
import type { IamDatabase } from '../../database/database.js';
import type { Service } from '../../database/service.js';
import type { ActionRecord } from '../../database/types.js';
import {
  globalKeyNames,
  lookupGlobalKey,
  readDatabaseType,
  type KeyDataType,
} from '../../querying/condition-global-keys.js';
import { conditionKeyMatches } from '../../querying/names.js';
import { shown } from '../../querying/printable.js';
import { UserError, didYouMean } from '../../util/errors.js';

export interface KeyFacts {
  /** As the template wrote it. */
  key: string;
  /** A global key: supported by every action. */
  global: boolean;
  /** The documented types (several when pages disagree); empty when the database gives none. */
  types: readonly KeyDataType[];
  /** Some page types it ArrayOf...; undefined when no page types it. */
  anyMultivalued?: boolean;
  /** Every page typing it says ArrayOf... */
  allMultivalued?: boolean;
}

/** A key the template names matches a documented one, and names the part a placeholder asks for. */
function covers(documented: string, key: string): boolean {
  if (!conditionKeyMatches(documented, key)) return false;
  const lower = documented.toLowerCase();
  if (lower === key.toLowerCase()) return true;
  const placeholder = ['$', '<', 'tag-key'].map((p) => lower.indexOf(p)).find((i) => i > 0) ?? lower.length;
  return key.length > placeholder;
}

/** Every key a service cites (its table, its actions, its resource types). */
function citedKeys(svc: Service): string[] {
  const out = new Set<string>(svc.conditionKeys.map((c) => c.name));
  for (const a of svc.actions)
    for (const row of a.resourceTypes) for (const k of row.conditionKeys) out.add(k);
  for (const r of svc.resourceTypes) for (const k of r.conditionKeys) out.add(k);
  return [...out];
}

/** What `key` is, or a UserError (`where` names the place in the template). */
export function keyFacts(db: IamDatabase, key: string, where: string): KeyFacts {
  const global = lookupGlobalKey(key);
  if (global.kind === 'key') {
    const multi = global.key.multivalued;
    return { key, global: true, types: global.key.types, anyMultivalued: multi, allMultivalued: multi };
  }
  if (global.kind === 'missing-tag-key') {
    throw new UserError(
      `${where}: condition key '${shown(key)}' needs the tag key it is about: write ${global.key.name}<tag-key>`,
    );
  }
  const colon = key.indexOf(':');
  const prefix = key.slice(0, colon);
  if (prefix.toLowerCase() === 'aws') {
    throw new UserError(
      `${where}: condition key '${shown(key)}' is not an AWS global condition key${didYouMean(key, globalKeyNames())}`,
    );
  }
  const svc = db.service(prefix);
  if (!svc) {
    throw new UserError(
      `${where}: condition key '${shown(key)}' names no service of the database ('${shown(prefix)}'); ` +
        'a condition key is aws:... (global) or a key of the service of the actions it limits',
    );
  }
  const typed = svc.conditionKeys.filter((c) => covers(c.name, key));
  if (typed.length > 0) {
    const read = typed.map((c) => readDatabaseType(c.type));
    const types = [...new Set(read.map((r) => r.type).filter((t): t is KeyDataType => t !== undefined))];
    return {
      key,
      global: false,
      types,
      anyMultivalued: read.some((r) => r.multi),
      allMultivalued: read.every((r) => r.multi),
    };
  }
  const cited = citedKeys(svc);
  if (cited.some((c) => covers(c, key))) return { key, global: false, types: [] };
  const template = cited.find(
    (c) => conditionKeyMatches(c, key) || c.toLowerCase().startsWith(`${key.toLowerCase()}/`),
  );
  if (template) {
    throw new UserError(
      `${where}: condition key '${shown(key)}' needs the name it stands for: write it as ${template}`,
    );
  }
  const hint = didYouMean(key, cited) || (cited.length === 0 ? `; ${svc.prefix} has no condition keys` : '');
  throw new UserError(
    `${where}: '${shown(key)}' is not a condition key of ${svc.prefix} in the database${hint}`,
  );
}

/**
 * Does the action support the service key? `resourceTypes` are the resource types the statement acts on
 * (empty for a statement on `*`: then any of the action's resource types counts).
 */
export function actionSupportsKey(
  svc: Service,
  action: ActionRecord,
  resourceTypes: readonly string[],
  key: string,
): boolean {
  const wanted = new Set(resourceTypes.map((t) => t.toLowerCase()));
  const own = action.resourceTypes.filter((r) => wanted.has(r.resourceType.toLowerCase()));
  // On `*`, or on a type the action has no row for, every row counts.
  const rows =
    own.length > 0
      ? [...own, ...action.resourceTypes.filter((r) => r.resourceType === '')]
      : action.resourceTypes;
  for (const row of rows) {
    if (row.conditionKeys.some((k) => covers(k, key))) return true;
    if (row.resourceType === '') continue;
    const type = svc.resourceType(row.resourceType);
    if (type?.conditionKeys.some((k) => covers(k, key))) return true;
  }
  return false;
}
