/**
 * The iamwright on-disk format: a folder with `index.json` (meta and the service list) and
 * `services/<prefix>.json`, one compact file per service, so that a command reads only what it touches.
 * Records are stored as positional arrays, one action per line: small, fast to parse, readable in a diff.
 */
import {
  ACCESS_LEVELS,
  type AccessLevel,
  type DatabaseMeta,
  type ServiceRecord,
  type ServiceSummary,
} from './types.js';

export const FORMAT_NAME = 'iamwright-db';
export const SCHEMA_VERSION = '1';

export interface IndexFile {
  format: typeof FORMAT_NAME;
  schemaVersion: string;
  meta: DatabaseMeta;
  /** [prefix, name, authorizationUrl] */
  services: [string, string, string][];
}

type ActionRow = [string, string, number, string, [string, 0 | 1, string[], string[]][]];
type ResourceRow = [string, string, string[]];
type ConditionRow = [string, string, string];
type OperationRow = [string, string[]];

const j = (x: unknown) => JSON.stringify(x);

function lines(rows: unknown[]): string {
  return rows.length === 0 ? '[]' : '[\n' + rows.map(j).join(',\n') + '\n]';
}

export function encodeService(r: ServiceRecord): string {
  const actions: ActionRow[] = r.actions.map((a) => [
    a.name,
    a.description,
    ACCESS_LEVELS.indexOf(a.accessLevel),
    a.apiDocumentationLink,
    a.resourceTypes.map((t) => [t.resourceType, t.required ? 1 : 0, t.conditionKeys, t.dependentActions]),
  ]);
  const resources: ResourceRow[] = r.resourceTypes.map((t) => [t.name, t.arn, t.conditionKeys]);
  const conditions: ConditionRow[] = r.conditionKeys.map((c) => [c.name, c.description, c.type]);
  let out = `{"prefix":${j(r.prefix)},"name":${j(r.name)},"url":${j(r.authorizationUrl)},\n`;
  out += `"actions":${lines(actions)},\n"resources":${lines(resources)},\n"conditions":${lines(conditions)}`;
  if (r.operations) {
    const ops: OperationRow[] = r.operations.map((o) => [o.name, o.actions]);
    out += `,\n"operations":${lines(ops)}`;
  }
  return out + '}\n';
}

export function decodeService(text: string): ServiceRecord {
  const raw = JSON.parse(text) as {
    prefix: string;
    name: string;
    url: string;
    actions: ActionRow[];
    resources: ResourceRow[];
    conditions: ConditionRow[];
    operations?: OperationRow[];
  };
  const rec: ServiceRecord = {
    prefix: raw.prefix,
    name: raw.name,
    authorizationUrl: raw.url,
    actions: raw.actions.map(([name, description, level, link, rts]) => ({
      name,
      description,
      accessLevel: ACCESS_LEVELS[level] as AccessLevel,
      apiDocumentationLink: link,
      resourceTypes: rts.map(([resourceType, req, conditionKeys, dependentActions]) => ({
        resourceType,
        required: req === 1,
        conditionKeys,
        dependentActions,
      })),
    })),
    resourceTypes: raw.resources.map(([name, arn, conditionKeys]) => ({ name, arn, conditionKeys })),
    conditionKeys: raw.conditions.map(([name, description, type]) => ({ name, description, type })),
  };
  if (raw.operations) rec.operations = raw.operations.map(([name, actions]) => ({ name, actions }));
  return rec;
}

export function encodeIndex(meta: DatabaseMeta, services: readonly ServiceSummary[]): string {
  const index: IndexFile = {
    format: FORMAT_NAME,
    schemaVersion: SCHEMA_VERSION,
    meta,
    services: services.map((s) => [s.prefix, s.name, s.authorizationUrl]),
  };
  const { services: rows, ...head } = index;
  const headText = JSON.stringify(head, null, 2);
  return headText.slice(0, -2) + `,\n  "services": ${lines(rows)}\n}\n`;
}
