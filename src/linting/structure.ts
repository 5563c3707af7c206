/**
 * One walk over a document's JSON shape, shared by three grammar checks (unknown elements, wrong types,
 * empty elements). It runs once per document: the checks read its result from a cache keyed by the
 * LintDocument.
 */
import { PRINCIPAL_TYPES as PRINCIPAL_KEYS, STATEMENT_ELEMENTS } from '../analysis/index.js';
import { didYouMean } from '../util/errors.js';
import type { LintDocument } from './document.js';
import { describeJson, formatPath, isObject } from './shape.js';
import type { JsonPath } from './types.js';

export const TOP_LEVEL_ELEMENTS = ['Version', 'Id', 'Statement'] as const;

export type ShapeProblemKind = 'wrong-type' | 'unknown-element' | 'empty';

export interface ShapeProblem {
  kind: ShapeProblemKind;
  path: JsonPath;
  message: string;
}

const cache = new WeakMap<LintDocument, ShapeProblem[]>();

/** The shape problems of a document, computed on first asking. */
export function shapeProblems(doc: LintDocument): ShapeProblem[] {
  let problems = cache.get(doc);
  if (!problems) {
    problems = walk(doc);
    cache.set(doc, problems);
  }
  return problems;
}

function walk(doc: LintDocument): ShapeProblem[] {
  const out: ShapeProblem[] = [];
  const wrong = (path: JsonPath, expected: string, found: unknown) =>
    out.push({
      kind: 'wrong-type',
      path,
      message: `${formatPath(path)} must be ${expected}, found ${describeJson(found)}`,
    });
  const unknown = (path: JsonPath, key: string, where: string, allowed: readonly string[]) =>
    out.push({
      kind: 'unknown-element',
      path: [...path, key],
      message:
        `${where} has an unknown element '${key}' (allowed: ${allowed.join(', ')})` +
        didYouMean(key, allowed),
    });
  const empty = (path: JsonPath, what: string) =>
    out.push({ kind: 'empty', path, message: `${formatPath(path)} is empty: ${what}` });

  const raw = doc.raw;
  if (!isObject(raw)) {
    wrong([], 'a JSON object with a Statement element', raw);
    return out;
  }
  for (const key of Object.keys(raw)) {
    if (!(TOP_LEVEL_ELEMENTS as readonly string[]).includes(key))
      unknown([], key, 'the policy', TOP_LEVEL_ELEMENTS);
  }
  if ('Version' in raw && typeof raw.Version !== 'string')
    wrong(['Version'], 'a string ("2012-10-17")', raw.Version);
  if ('Id' in raw && typeof raw.Id !== 'string') wrong(['Id'], 'a string', raw.Id);
  const st = raw.Statement;
  if (Array.isArray(st)) {
    st.forEach((s, i) => {
      if (!isObject(s)) wrong(['Statement', i], 'an object', s);
    });
  } else if (st !== undefined && !isObject(st)) {
    wrong(['Statement'], 'a list of statements or one statement object', st);
  }

  for (const stmt of doc.statements) {
    const s = stmt.raw;
    const at = stmt.path;
    for (const key of Object.keys(s)) {
      if (!(STATEMENT_ELEMENTS as readonly string[]).includes(key)) {
        unknown(at, key, formatPath(at), STATEMENT_ELEMENTS);
      }
    }
    if ('Sid' in s && typeof s.Sid !== 'string') wrong([...at, 'Sid'], 'a string', s.Sid);
    if ('Effect' in s && typeof s.Effect !== 'string')
      wrong([...at, 'Effect'], '"Allow" or "Deny"', s.Effect);
    for (const key of ['Action', 'NotAction', 'Resource', 'NotResource'] as const) {
      const v = s[key];
      // Paths are built only for problems: this loop sees every value of every policy.
      if (v === undefined || typeof v === 'string') continue;
      if (!Array.isArray(v)) {
        wrong([...at, key], 'a string or a list of strings', v);
      } else if (v.length === 0) {
        const what = key.endsWith('Action') ? 'action' : 'resource';
        empty([...at, key], `the statement names no ${what} and has no effect`);
      } else {
        for (let i = 0; i < v.length; i++) {
          if (typeof v[i] !== 'string') wrong([...at, key, i], 'a string', v[i]);
        }
      }
    }
    for (const key of ['Principal', 'NotPrincipal'] as const) {
      if (key in s) principalShape(s[key], [...at, key], wrong, unknown, empty);
    }
    if ('Condition' in s) conditionShape(s.Condition, [...at, 'Condition'], wrong, empty);
  }
  return out;
}

type Wrong = (path: JsonPath, expected: string, found: unknown) => void;
type Unknown = (path: JsonPath, key: string, where: string, allowed: readonly string[]) => void;
type Empty = (path: JsonPath, what: string) => void;

function principalShape(v: unknown, path: JsonPath, wrong: Wrong, unknown: Unknown, empty: Empty): void {
  const expected = '"*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"}';
  if (v === '*') return;
  if (!isObject(v)) {
    wrong(path, expected, v);
    return;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) empty(path, 'the statement names no principal and has no effect');
  for (const key of keys) {
    if (!(PRINCIPAL_KEYS as readonly string[]).includes(key)) {
      unknown(path, key, formatPath(path), PRINCIPAL_KEYS);
      continue;
    }
    const x = v[key];
    const at = [...path, key];
    if (typeof x === 'string') continue;
    if (!Array.isArray(x)) wrong(at, 'a string or a list of strings', x);
    else if (x.length === 0) empty(at, `no ${key} principal is named`);
    else
      x.forEach((p, i) => {
        if (typeof p !== 'string') wrong([...at, i], 'a string', p);
      });
  }
}

function isScalar(x: unknown): boolean {
  return typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean';
}

function conditionShape(v: unknown, path: JsonPath, wrong: Wrong, empty: Empty): void {
  const expected = 'an object of operators, e.g. {"StringEquals": {"aws:PrincipalOrgID": "o-123"}}';
  if (!isObject(v)) {
    wrong(path, expected, v);
    return;
  }
  if (Object.keys(v).length === 0)
    empty(path, 'the Condition has no operator and tests nothing; remove it or add a test');
  for (const [op, block] of Object.entries(v)) {
    if (!isObject(block)) {
      wrong([...path, op], 'an object of condition keys and values', block);
      continue;
    }
    for (const [key, values] of Object.entries(block)) {
      if (isScalar(values)) continue;
      if (!Array.isArray(values)) {
        wrong([...path, op, key], 'a string, number, boolean or a list of them', values);
        continue;
      }
      for (let i = 0; i < values.length; i++) {
        if (!isScalar(values[i])) wrong([...path, op, key, i], 'a string, number or boolean', values[i]);
      }
    }
  }
}
