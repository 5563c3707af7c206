/**
 * A tolerant reading of a policy document for lint. Unlike analysis/policy.ts, which refuses a document at
 * its first fault, this keeps whatever can be read (so one bad element does not hide the findings of the
 * rest) and leaves each fault for a grammar check to report.
 */
import type { JsonPath } from './types.js';

/** One string of a string-or-list element, with where it stands. */
export interface ElementValue {
  value: string;
  path: JsonPath;
}

/** A statement that is a JSON object; statements of other types are left to the grammar checks. */
export interface LintStatement {
  /** Position in the Statement list (0 when Statement is a single object). */
  index: number;
  /** `['Statement', index]`, or `['Statement']` when Statement is a single object. */
  path: JsonPath;
  raw: Record<string, unknown>;
  /** The Sid when it is a string. */
  sid?: string;
  /** The Effect when it is exactly `Allow` or `Deny`. */
  effect?: 'Allow' | 'Deny';
  /**
   * The string values of Action / NotAction / Resource / NotResource when the element is present (an
   * empty list when it has none); entries that are not strings are skipped here.
   */
  action?: ElementValue[];
  notAction?: ElementValue[];
  resource?: ElementValue[];
  notResource?: ElementValue[];
  /** The statement has a Condition element (whatever its shape). */
  conditional: boolean;
}

export interface LintDocument {
  /** The parsed JSON as given. */
  raw: unknown;
  /** The Version element when it is a string. */
  version?: string;
  /** The statements that are objects, in order. */
  statements: LintStatement[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function elementValues(value: unknown, path: JsonPath): ElementValue[] {
  if (typeof value === 'string') return [{ value, path }];
  if (!Array.isArray(value)) return [];
  const out: ElementValue[] = [];
  for (let i = 0; i < value.length; i++) {
    const v: unknown = value[i];
    if (typeof v === 'string') out.push({ value: v, path: [...path, i] });
  }
  return out;
}

export function readLintDocument(raw: unknown): LintDocument {
  const doc: LintDocument = { raw, version: undefined, statements: [] };
  if (!isObject(raw)) return doc;
  if (typeof raw.Version === 'string') doc.version = raw.Version;
  const st = raw.Statement;
  const list: [unknown, JsonPath][] = Array.isArray(st)
    ? st.map((s, i) => [s, ['Statement', i]])
    : st === undefined
      ? []
      : [[st, ['Statement']]];
  list.forEach(([s, path], index) => {
    if (!isObject(s)) return;
    // Every field present (undefined when absent), so that all statements share one object shape: every
    // check reads these fields, and property reads over many shapes are slow.
    doc.statements.push({
      index,
      path,
      raw: s,
      sid: typeof s.Sid === 'string' ? s.Sid : undefined,
      effect: s.Effect === 'Allow' || s.Effect === 'Deny' ? s.Effect : undefined,
      action: 'Action' in s ? elementValues(s.Action, [...path, 'Action']) : undefined,
      notAction: 'NotAction' in s ? elementValues(s.NotAction, [...path, 'NotAction']) : undefined,
      resource: 'Resource' in s ? elementValues(s.Resource, [...path, 'Resource']) : undefined,
      notResource: 'NotResource' in s ? elementValues(s.NotResource, [...path, 'NotResource']) : undefined,
      conditional: 'Condition' in s,
    });
  });
  return doc;
}
