/**
 * Resolving the names users type (service prefixes, actions, resource types, condition keys, access levels)
 * to the database's records. Lookups ignore case; an unknown name is a UserError suggesting close matches.
 */
import type { IamDatabase } from '../database/database.js';
import type { Service } from '../database/service.js';
import {
  ACCESS_LEVELS,
  type AccessLevel,
  type ActionRecord,
  type ConditionKeyRecord,
} from '../database/types.js';
import { shown } from './printable.js';
import { UserError, didYouMean } from '../util/errors.js';
import { argumentError, checkDatabase, checkString } from './arguments.js';

/** The service with this prefix (any case), or a UserError naming close prefixes. */
export function requireService(db: IamDatabase, prefix: string): Service {
  checkDatabase('requireService', db);
  checkString('requireService', 'prefix', prefix);
  const svc = db.service(prefix);
  if (svc) return svc;
  const prefixes = db.listServices().map((s) => s.prefix);
  const hint = didYouMean(prefix, prefixes) || arnNamespaceHint(db, prefix);
  throw new UserError(`unknown service prefix '${shown(prefix)}'${hint}`);
}

/**
 * Service prefixes as the query tables take them: as AWS writes them, lower case (policy_sentry finds nothing
 * for `S3`, so neither do we, but we say why). A prefix in another case is a UserError that suggests the
 * lower-case form when that is a service (or one of `alsoAccepted`, e.g. `all`), and otherwise the close
 * matches any unknown prefix gets: 'FOOBAR' is not told to try 'foobar'.
 */
export function requireLowerCasePrefix(
  db: IamDatabase,
  prefix: string,
  alsoAccepted: readonly string[] = [],
): void {
  checkDatabase('requireLowerCasePrefix', db);
  checkString('requireLowerCasePrefix', 'prefix', prefix);
  const lower = prefix.toLowerCase();
  if (prefix === lower) return;
  if (db.hasService(lower) || alsoAccepted.includes(lower)) {
    throw new UserError(
      `unknown service prefix '${shown(prefix)}'; service prefixes are lower case: did you mean '${shown(lower)}'?`,
    );
  }
  const prefixes = db.listServices().map((s) => s.prefix);
  const hint = didYouMean(prefix, prefixes) || arnNamespaceHint(db, prefix);
  throw new UserError(`unknown service prefix '${shown(prefix)}'${hint}`);
}

/**
 * A few services write another name in their ARNs than their action prefix (Service Catalog's portfolios
 * are `arn:aws:catalog:...`), so a user copying it from an ARN asks for a prefix that does not exist.
 * Name the services whose ARN formats use it. Reads every service, but only on this error path.
 */
function arnNamespaceHint(db: IamDatabase, namespace: string): string {
  const wanted = namespace.toLowerCase();
  if (!/^[a-z0-9-]+$/.test(wanted)) return '';
  const owners = db
    .allServices()
    .filter((s) => s.resourceTypes.some((r) => r.arn.split(':')[2]?.toLowerCase() === wanted))
    .map((s) => `'${s.prefix}'`);
  if (owners.length === 0) return '';
  const list = owners.length > 1 ? `${owners.slice(0, -1).join(', ')} or ${owners.at(-1)}` : owners[0];
  return `; '${namespace}' appears in the ARNs of ${list}: give that service prefix`;
}

/** The action `name` (without prefix, any case) of `svc`, or a UserError naming close actions. */
export function requireAction(svc: Service, name: string): ActionRecord {
  if (typeof (svc as Partial<Service> | null)?.action !== 'function') {
    throw argumentError('requireAction', 'svc', 'a service (from requireService)', svc);
  }
  checkString('requireAction', 'name', name);
  const action = svc.action(name);
  if (action) return action;
  const names = svc.actions.map((a) => a.name);
  throw new UserError(`unknown action '${svc.prefix}:${shown(name)}'${didYouMean(name, names)}`);
}

/**
 * Every resource type name `svc` knows: its resource table plus names its actions cite. (A few pages cite
 * a resource type in the actions table that their resource table lacks, e.g. config's `Connector`.)
 */
export function resourceTypeNames(svc: Service): string[] {
  const seen = new Map<string, string>();
  for (const r of svc.resourceTypes) seen.set(r.name.toLowerCase(), r.name);
  for (const a of svc.actions) {
    for (const row of a.resourceTypes) {
      if (row.resourceType && !seen.has(row.resourceType.toLowerCase())) {
        seen.set(row.resourceType.toLowerCase(), row.resourceType);
      }
    }
  }
  return [...seen.values()];
}

/** The canonical spelling of resource type `name` (any case) in `svc`, or a UserError naming close ones. */
export function requireResourceTypeName(svc: Service, name: string): string {
  const names = resourceTypeNames(svc);
  const found = names.find((n) => n.toLowerCase() === name.toLowerCase());
  if (found !== undefined) return found;
  const hint = didYouMean(name, names) || (names.length === 0 ? `; ${svc.prefix} has no resource types` : '');
  throw new UserError(`unknown resource type '${shown(name)}' for service ${svc.prefix}${hint}`);
}

/**
 * Does the user's condition key `key` fall under the documented key `documented`? Equal without regard to
 * case, or, for a documented key with a placeholder (`aws:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/<key>`,
 * `secretsmanager:ResourceTag/tag-key`), starting with the part before the placeholder.
 */
export function conditionKeyMatches(documented: string, key: string): boolean {
  checkString('conditionKeyMatches', 'documented', documented);
  checkString('conditionKeyMatches', 'key', key);
  const doc = documented.toLowerCase();
  const given = key.toLowerCase();
  if (doc === given) return true;
  const placeholder = ['$', '<', 'tag-key'].map((p) => doc.indexOf(p)).find((i) => i > 0);
  return placeholder !== undefined && given.startsWith(doc.slice(0, placeholder));
}

/**
 * The documented condition key of `svc` that `key` names: an exact match (any case) first, else the first
 * templated key it falls under (`ec2:ResourceTag/owner` -> `ec2:ResourceTag/${TagKey}`); or a UserError.
 */
export function requireConditionKey(svc: Service, key: string): ConditionKeyRecord {
  const exact = svc.conditionKey(key);
  if (exact) return exact;
  const templated = svc.conditionKeys.find((c) => conditionKeyMatches(c.name, key));
  if (templated) return templated;
  const names = svc.conditionKeys.map((c) => c.name);
  const hint = didYouMean(key, names) || (names.length === 0 ? `; ${svc.prefix} has no condition keys` : '');
  throw new UserError(`unknown condition key '${shown(key)}' for service ${svc.prefix}${hint}`);
}

/** The CLI's spellings of the access levels, in ACCESS_LEVELS order. */
export const ACCESS_LEVEL_OPTIONS = ['read', 'write', 'list', 'tagging', 'permissions-management'] as const;

/**
 * An access level from either spelling (`Permissions management`, `permissions-management`, any case),
 * or a UserError listing the allowed values.
 */
export function parseAccessLevel(text: string): AccessLevel {
  checkString('parseAccessLevel', 'text', text);
  const norm = text
    .trim()
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ');
  const level = ACCESS_LEVELS.find((l) => l.toLowerCase() === norm);
  if (level) return level;
  throw new UserError(`unknown access level '${shown(text)}' (allowed: ${ACCESS_LEVEL_OPTIONS.join(', ')})`);
}
