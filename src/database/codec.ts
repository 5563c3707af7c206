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
import {
  at,
  checkMeta,
  COUNT_KEYS,
  isObject,
  PREFIX,
  describeValue,
  list,
  obj,
  prefix,
  ShapeError,
  str,
  strings,
  uniquePrefixes,
  type Where,
} from './shape.js';

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

/**
 * A service file's record. Throws ShapeError (where = a path into the file) when a row has the wrong shape,
 * and SyntaxError when it is not JSON.
 */
export function decodeService(text: string): ServiceRecord {
  const parsed: unknown = JSON.parse(text);
  // Start-up reads a service on most commands: the usual, well-formed file takes the quick way, and only
  // a file with a fault in it is walked again with the paths that name the fault.
  return quickService(parsed) ?? checkedService(parsed);
}

/**
 * The action names of a service file as encodeService lays it out (one action per line, a name without
 * escapes first in its row), without decoding the rest: listing a service's actions reads a few hundred
 * names instead of building every action's record (ec2's file is 400 KB). Only the names and the layout
 * are checked. Undefined when the text is laid out otherwise (a file written by hand): decode it then.
 */
export function scanActionNames(text: string, prefix: string): string[] | undefined {
  const head = `{"prefix":${JSON.stringify(prefix)},`;
  if (!text.startsWith(head)) return undefined;
  const open = text.indexOf('\n"actions":[', head.length);
  if (open < 0) return undefined;
  let at = open + '\n"actions":['.length;
  if (text.startsWith('],\n', at)) return [];
  if (text[at] !== '\n') return undefined;
  const names: string[] = [];
  for (;;) {
    // A row: `["Name",...]` then `,\n` and the next row, or `\n]` at the end of the list.
    const end = text.indexOf('\n', at + 1);
    if (end < 0 || !text.startsWith('["', at + 1)) return undefined;
    const close = text.indexOf('",', at + 3);
    if (close < 0 || close > end) return undefined;
    const name = text.slice(at + 3, close);
    if (!ACTION_NAME.test(name)) return undefined;
    names.push(name);
    if (text[end - 1] === ',') at = end;
    else if (text[end - 1] === ']' && text.startsWith(']', end + 1)) return names;
    else return undefined;
  }
}

/** An action name as the reference spells them: what scanActionNames takes without decoding. */
const ACTION_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Whether `v` is an array of strings (the action rows' lists are checked by loops written out instead). */
const isStrings = (v: unknown): v is string[] => {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
};

/**
 * A service file's record when every field has the right type, else undefined: the same record as
 * checkedService gives, without building a path for each field checked. Start-up runs this in V8's
 * interpreter, cold, over a few thousand rows: rows are read by index, not destructured (destructuring an
 * array allocates an iterator and a result object per field), and the string lists of the action rows are
 * checked in loops written out here rather than by a call per list (a third less time for the four
 * services of a typical write-policy).
 */
function quickService(raw: unknown): ServiceRecord | undefined {
  if (!isObject(raw)) return undefined;
  const { prefix: p, name, url, actions, resources, conditions, operations } = raw;
  if (typeof p !== 'string' || !PREFIX.test(p) || typeof name !== 'string' || typeof url !== 'string') {
    return undefined;
  }
  if (!Array.isArray(actions) || !Array.isArray(resources) || !Array.isArray(conditions)) return undefined;
  const rec: ServiceRecord = {
    prefix: p,
    name,
    authorizationUrl: url,
    actions: new Array(actions.length),
    resourceTypes: new Array(resources.length),
    conditionKeys: new Array(conditions.length),
  };
  for (let i = 0; i < actions.length; i++) {
    const a: unknown = actions[i];
    if (!Array.isArray(a) || a.length < 5) return undefined;
    const n: unknown = a[0],
      description: unknown = a[1],
      lvl: unknown = a[2];
    const link: unknown = a[3],
      rts: unknown = a[4];
    const accessLevel = typeof lvl === 'number' ? ACCESS_LEVELS[lvl] : undefined;
    if (typeof n !== 'string' || typeof description !== 'string' || accessLevel === undefined)
      return undefined;
    if (typeof link !== 'string' || !Array.isArray(rts)) return undefined;
    const resourceTypes = new Array(rts.length);
    for (let j = 0; j < rts.length; j++) {
      const t: unknown = rts[j];
      if (!Array.isArray(t) || t.length < 4) return undefined;
      const resourceType: unknown = t[0],
        req: unknown = t[1];
      const conditionKeys: unknown = t[2],
        dependentActions: unknown = t[3];
      if (typeof resourceType !== 'string' || (req !== 0 && req !== 1)) return undefined;
      if (!Array.isArray(conditionKeys) || !Array.isArray(dependentActions)) return undefined;
      for (let k = 0; k < conditionKeys.length; k++)
        if (typeof conditionKeys[k] !== 'string') return undefined;
      for (let k = 0; k < dependentActions.length; k++)
        if (typeof dependentActions[k] !== 'string') return undefined;
      resourceTypes[j] = {
        resourceType,
        required: req === 1,
        conditionKeys: conditionKeys as string[],
        dependentActions: dependentActions as string[],
      };
    }
    rec.actions[i] = { name: n, description, accessLevel, apiDocumentationLink: link, resourceTypes };
  }
  for (let i = 0; i < resources.length; i++) {
    const t: unknown = resources[i];
    if (!Array.isArray(t) || t.length < 3) return undefined;
    const n: unknown = t[0],
      arn: unknown = t[1],
      conditionKeys: unknown = t[2];
    if (typeof n !== 'string' || typeof arn !== 'string' || !isStrings(conditionKeys)) return undefined;
    rec.resourceTypes[i] = { name: n, arn, conditionKeys };
  }
  for (let i = 0; i < conditions.length; i++) {
    const c: unknown = conditions[i];
    if (!Array.isArray(c) || c.length < 3) return undefined;
    const n: unknown = c[0],
      description: unknown = c[1],
      type: unknown = c[2];
    if (typeof n !== 'string' || typeof description !== 'string' || typeof type !== 'string')
      return undefined;
    rec.conditionKeys[i] = { name: n, description, type };
  }
  if (operations !== undefined) {
    if (!Array.isArray(operations)) return undefined;
    rec.operations = new Array(operations.length);
    for (let i = 0; i < operations.length; i++) {
      const o: unknown = operations[i];
      if (!Array.isArray(o) || o.length < 2) return undefined;
      const n: unknown = o[0],
        acts: unknown = o[1];
      if (typeof n !== 'string' || !isStrings(acts)) return undefined;
      rec.operations[i] = { name: n, actions: acts };
    }
  }
  return rec;
}

/** A service file's record, each field checked with its path, for a message naming the faulty one. */
export function checkedService(parsed: unknown): ServiceRecord {
  const raw = obj(parsed, '');
  const row = (v: unknown, where: Where, length: number) => {
    const r = list(v, where);
    if (r.length < length) throw new ShapeError(where, `expected ${length} fields, found ${r.length}`);
    return r;
  };
  const level = (v: unknown, where: Where): AccessLevel => {
    const l = typeof v === 'number' ? ACCESS_LEVELS[v] : undefined;
    if (l === undefined) {
      throw new ShapeError(
        where,
        `expected an access level 0-${ACCESS_LEVELS.length - 1}, found ${describeValue(v)}`,
      );
    }
    return l;
  };
  const rec: ServiceRecord = {
    prefix: prefix(raw.prefix, 'prefix'),
    name: str(raw.name, 'name'),
    authorizationUrl: str(raw.url, 'url'),
    actions: list(raw.actions, 'actions').map((a, i) => {
      const w = at('actions', i);
      const [name, description, lvl, link, rts] = row(a, w, 5);
      return {
        name: str(name, at(w, 0)),
        description: str(description, at(w, 1)),
        accessLevel: level(lvl, at(w, 2)),
        apiDocumentationLink: str(link, at(w, 3)),
        resourceTypes: list(rts, at(w, 4)).map((t, j) => {
          const wt = at(at(w, 4), j);
          const [resourceType, req, conditionKeys, dependentActions] = row(t, wt, 4);
          return {
            resourceType: str(resourceType, at(wt, 0)),
            required: req === 1 ? true : req === 0 ? false : expected01(req, at(wt, 1)),
            conditionKeys: strings(conditionKeys, at(wt, 2)),
            dependentActions: strings(dependentActions, at(wt, 3)),
          };
        }),
      };
    }),
    resourceTypes: list(raw.resources, 'resources').map((t, i) => {
      const w = at('resources', i);
      const [name, arn, conditionKeys] = row(t, w, 3);
      return {
        name: str(name, at(w, 0)),
        arn: str(arn, at(w, 1)),
        conditionKeys: strings(conditionKeys, at(w, 2)),
      };
    }),
    conditionKeys: list(raw.conditions, 'conditions').map((c, i) => {
      const w = at('conditions', i);
      const [name, description, type] = row(c, w, 3);
      return {
        name: str(name, at(w, 0)),
        description: str(description, at(w, 1)),
        type: str(type, at(w, 2)),
      };
    }),
  };
  if (raw.operations !== undefined) {
    rec.operations = list(raw.operations, 'operations').map((o, i) => {
      const w = at('operations', i);
      const [name, actions] = row(o, w, 2);
      return { name: str(name, at(w, 0)), actions: strings(actions, at(w, 1)) };
    });
  }
  return rec;
}

function expected01(v: unknown, where: Where): never {
  throw new ShapeError(where, `expected 0 or 1, found ${describeValue(v)}`);
}

/**
 * An index.json, checked: format and schema version first (a newer iamwright's database is refused by
 * version, not by whatever field changed), then meta and the service list.
 */
export function decodeIndex(doc: unknown): IndexFile {
  // Every command reads the index: the usual, well-formed one takes the quick way (about a tenth of the
  // cost), and only an index with a fault in it is walked again with the paths that name the fault.
  return quickIndex(doc) ?? checkedIndex(doc);
}

/** The index when every field has the right type, else undefined: what checkedIndex gives, more cheaply. */
function quickIndex(doc: unknown): IndexFile | undefined {
  if (!isObject(doc) || doc.format !== FORMAT_NAME || doc.schemaVersion !== SCHEMA_VERSION) return undefined;
  const { meta: m, services: rows } = doc;
  if (!isObject(m) || !Array.isArray(rows)) return undefined;
  for (const key of ['schemaVersion', 'buildDate', 'builtFrom'] as const) {
    if (m[key] !== undefined && typeof m[key] !== 'string') return undefined;
  }
  if (m.overridesFile !== undefined && m.overridesFile !== null && typeof m.overridesFile !== 'string') {
    return undefined;
  }
  const applied = m.overridesApplied === undefined ? [] : m.overridesApplied;
  if (!Array.isArray(applied)) return undefined;
  for (const o of applied as unknown[]) {
    if (!isObject(o) || typeof o.prefix !== 'string' || typeof o.action !== 'string') return undefined;
    if (!ACCESS_LEVELS.includes(o.from as AccessLevel) || !ACCESS_LEVELS.includes(o.to as AccessLevel)) {
      return undefined;
    }
  }
  const c = m.counts;
  if (!isObject(c)) return undefined;
  for (const key of COUNT_KEYS) {
    const n = c[key];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return undefined;
  }
  const services = new Array<[string, string, string]>(rows.length);
  const seen = new Set<string>();
  for (let i = 0; i < rows.length; i++) {
    const r: unknown = rows[i];
    if (!Array.isArray(r) || r.length < 3) return undefined;
    const p: unknown = r[0],
      name: unknown = r[1],
      url: unknown = r[2];
    if (typeof p !== 'string' || !PREFIX.test(p) || typeof name !== 'string' || typeof url !== 'string') {
      return undefined;
    }
    const key = p.toLowerCase();
    if (seen.has(key)) return undefined;
    seen.add(key);
    // The row itself when it is exactly the three fields (as encodeIndex writes it): no copy per service.
    services[i] = r.length === 3 ? (r as [string, string, string]) : [p, name, url];
  }
  const meta = {
    ...(m as unknown as DatabaseMeta),
    schemaVersion: (m.schemaVersion as string | undefined) ?? '1',
    overridesApplied: applied as DatabaseMeta['overridesApplied'],
  };
  return { format: FORMAT_NAME, schemaVersion: SCHEMA_VERSION, meta, services };
}

/** The index, each field checked with its path, for a message naming the faulty one. */
export function checkedIndex(doc: unknown): IndexFile {
  const index = obj(doc, '');
  if (index.format !== FORMAT_NAME) {
    throw new ShapeError('format', `expected '${FORMAT_NAME}', found ${describeValue(index.format)}`);
  }
  checkSchemaVersion(index.schemaVersion);
  const meta = checkMeta(index.meta, 'meta');
  const services = list(index.services, 'services').map((row, i): [string, string, string] => {
    const w = at('services', i);
    const r = list(row, w);
    return [prefix(r[0], at(w, 0)), str(r[1], at(w, 1)), str(r[2], at(w, 2))];
  });
  uniquePrefixes(
    services.map((s) => s[0]),
    (i) => at('services', i),
  );
  return { format: FORMAT_NAME, schemaVersion: SCHEMA_VERSION, meta, services };
}

/** Refuses a schema version this iamwright does not read (a database written by a newer one). */
export function checkSchemaVersion(v: unknown): void {
  if (v === SCHEMA_VERSION) return;
  throw new ShapeError(
    '',
    `schema version ${typeof v === 'string' ? `'${v.slice(0, 40)}'` : describeValue(v)} is not supported (this iamwright reads version ${SCHEMA_VERSION}; ` +
      `a newer iamwright wrote it, or it is not an iamwright database)`,
  );
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
