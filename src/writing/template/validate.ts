/**
 * Checks template data (parsed YAML, or what the builder assembled) and explains the first problem in one
 * line: where it is, which key, and what is allowed there.
 */
import type { ErrorObject } from 'ajv';
import { PARTITIONS } from '../../querying/partitions.js';
import { UserError, didYouMean } from '../../util/errors.js';
import { ACTIONS_MODE_KEYS, CRUD_MODE_KEYS, EFFECTS, MODES, STS_KEYS, WILDCARD_ONLY_KEYS } from './keys.js';
import type { TemplateData } from './normalize.js';
import { firstSchemaError } from './schema.js';
import { shown } from '../../querying/printable.js';
import { readTemplateConditions } from './conditions.js';

/** A path into the template data: keys and list indexes. */
export type DataPath = (string | number)[];

/**
 * Names the place of a problem, e.g. `crud.yml:7` for a YAML file. `key` asks for the place of the
 * mapping key at the end of the path rather than of its value.
 */
export type Locator = (path: DataPath, key?: boolean) => string;

/** What each kind of list entry must look like, by schema definition. */
const ENTRY_FORMS: Record<string, string> = {
  arn: 'an ARN, arn:partition:service:region:account:resource (e.g. arn:aws:s3:::my-bucket)',
  action: 'an action, service:ActionName (e.g. s3:GetObject)',
  actionPattern: 'an action or wildcard pattern, service:Pattern (e.g. kms:Delete*), or *',
  service: 'a service prefix (e.g. s3)',
};

/** `read[0]`, `wildcard-only.single-actions[2]`. */
export function keyPath(path: DataPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** A number as YAML writes it: `.inf` and `.nan` have no JSON form. */
function yamlNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  return String(n);
}

/** What a value is, for "must be X, not Y": `a list`, `a number (.inf)`, `binary data`... */
export function kind(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  // YAML's other tags, as the parser gives them: !!binary, !!timestamp, !!set, !!omap.
  if (ArrayBuffer.isView(value)) return 'binary data';
  if (value instanceof Date) {
    return `a date (${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  }
  if (value instanceof Set) return 'a set (!!set)';
  if (value instanceof Map) return 'an ordered map (!!omap)';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return `a number (${yamlNumber(value)})`;
  if (typeof value === 'string') return `a string (${shown(JSON.stringify(value))})`;
  if (typeof value === 'bigint') return `a number (${shown(String(value))})`;
  return `a ${typeof value} (${shown(String(value))})`;
}

function quoteAll(xs: readonly unknown[]): string {
  const q = xs.map((x) => `'${String(x)}'`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} or ${q.at(-1)}` : (q[0] ?? '');
}

/**
 * A mapping as a template uses it: a plain object. (The schema's `object` would also take what YAML's
 * `!!binary`, `!!set`, `!!omap` and `!!timestamp` give, and read nothing from them.)
 */
function isMapping(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The sections that hold a mapping. */
const MAPPING_SECTIONS = ['wildcard-only', 'sts'];

function checkMode(data: Record<string, unknown>, at: Locator): void {
  if (!('mode' in data) || data.mode === null) {
    const looksLike =
      'actions' in data
        ? 'actions'
        : Object.keys(data).some((k) => k !== 'name' && k !== 'effect' && !k.startsWith('x-'))
          ? 'crud'
          : '';
    const hint = looksLike ? `; this looks like a ${looksLike} template: add 'mode: ${looksLike}'` : '';
    throw new UserError(
      `${at([])}: missing 'mode'; allowed: 'crud' (resource ARNs by access level) or 'actions' (a list of actions)${hint}`,
    );
  }
  if (typeof data.mode !== 'string' || !(MODES as readonly string[]).includes(data.mode)) {
    const given = typeof data.mode === 'string' ? `'${shown(data.mode)}'` : kind(data.mode);
    const suggestion = typeof data.mode === 'string' ? didYouMean(data.mode, MODES) : '';
    throw new UserError(`${at(['mode'])}: unknown mode ${given}; allowed: ${quoteAll(MODES)}${suggestion}`);
  }
}

function unknownKeyMessage(section: string, key: string, mode: string): string {
  if (section === '') {
    const allowed: readonly string[] = mode === 'actions' ? ACTIONS_MODE_KEYS : CRUD_MODE_KEYS;
    const other: readonly string[] = mode === 'actions' ? CRUD_MODE_KEYS : ACTIONS_MODE_KEYS;
    if (other.includes(key)) {
      return `'${key}' belongs in a 'mode: ${mode === 'actions' ? 'crud' : 'actions'}' template, but this one has mode: ${mode}`;
    }
    return `unknown section '${shown(key)}'${didYouMean(key, allowed) || `; allowed: ${allowed.join(', ')}`}`;
  }
  const allowed = Object.keys(section === 'sts' ? STS_KEYS : WILDCARD_ONLY_KEYS);
  return `unknown key '${section}.${shown(key)}'${didYouMean(key, allowed) || `; allowed under '${section}': ${allowed.join(', ')}`}`;
}

/** The schema definition an error's keyword comes from, e.g. `arn` for `#/definitions/arn/pattern`. */
function definitionOf(e: ErrorObject): string {
  return /#\/definitions\/([^/]+)\//.exec(e.schemaPath)?.[1] ?? '';
}

function describe(e: ErrorObject, path: DataPath, mode: string): { message: string; onKey: boolean } {
  const where = keyPath(path);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = (e.params as { additionalProperty: string }).additionalProperty;
      return { message: unknownKeyMessage(where, key, mode), onKey: true };
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return { message: `${mode} mode needs '${missing}' (a list of service:Action names)`, onKey: false };
    }
    case 'enum':
    case 'const': {
      if (where === 'effect' && (e.data === null || e.data === '')) {
        // An empty effect is not taken as Allow: a Deny that came out blank must not turn into a grant.
        return {
          message: `effect is empty; write ${quoteAll(EFFECTS)}, or leave the key out for Allow`,
          onKey: false,
        };
      }
      if (where === 'effect') {
        const s = typeof e.data === 'string' ? e.data : kind(e.data);
        return {
          message: `invalid effect ${typeof e.data === 'string' ? `'${shown(s)}'` : s}; allowed: ${quoteAll(EFFECTS)} (case-sensitive)${didYouMean(s, EFFECTS)}`,
          onKey: false,
        };
      }
      if (where === 'partition') {
        const allowed = `${PARTITIONS.join(', ')} (or leave the key out)`;
        if (typeof e.data !== 'string' || e.data === '') {
          return { message: `partition is ${kind(e.data || null)}; allowed: ${allowed}`, onKey: false };
        }
        return {
          message: `unknown partition '${e.data}'; allowed: ${allowed}${didYouMean(e.data, PARTITIONS)}`,
          onKey: false,
        };
      }
      return { message: `invalid value ${kind(e.data)} for '${where}'`, onKey: false };
    }
    case 'type': {
      const types = ([] as string[]).concat((e.params as { type: string | string[] }).type);
      const wanted = types.includes('array') ? 'a list' : types.includes('object') ? 'a mapping' : 'a string';
      const subject = typeof path.at(-1) === 'number' ? `entry '${where}'` : `'${where}'`;
      return { message: `${subject} must be ${wanted}, not ${kind(e.data)}`, onKey: false };
    }
    case 'pattern': {
      const form = ENTRY_FORMS[definitionOf(e)] ?? 'a different value';
      return { message: `entry '${where}' must be ${form}, not '${shown(String(e.data))}'`, onKey: false };
    }
    default:
      return { message: `'${where || 'template'}' ${e.message ?? 'is invalid'}`, onKey: false };
  }
}

/** JSON pointer (`/read/0`) to a path (`['read', 0]`), indexes as numbers. */
function pointerToPath(pointer: string): DataPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Validates template data; throws a one-line UserError naming the first problem. */
export function validateTemplateData(data: unknown, at: Locator): TemplateData {
  if (!isMapping(data)) {
    throw new UserError(
      `${at([])}: a template must be a mapping (mode, name, sections...), not ${kind(data)}`,
    );
  }
  checkMode(data, at);
  for (const key of MAPPING_SECTIONS) {
    const value = data[key];
    if (value !== null && value !== undefined && typeof value === 'object' && !isMapping(value)) {
      throw new UserError(`${at([key])}: '${key}' must be a mapping, not ${kind(value)}`);
    }
  }
  // Before the schema, whose messages for a condition block could only say "does not match".
  readTemplateConditions(data, at);
  const error = firstSchemaError(data);
  if (error) {
    const path = pointerToPath(error.instancePath);
    const { message, onKey } = describe(error, path, data.mode as string);
    const place = onKey
      ? at([...path, (error.params as { additionalProperty: string }).additionalProperty], true)
      : at(path);
    throw new UserError(`${place}: ${message}`);
  }
  return data as TemplateData;
}
