/**
 * A statement's Condition element as a flat list of (operator, key, values) entries, with the JSON path of
 * each part. Tolerant like document.ts: parts of the wrong JSON type are skipped here and left to the
 * grammar checks.
 */
import type { LintStatement } from './document.js';
import { parseOperator, type ParsedOperator } from '../querying/condition-operators.js';
import type { JsonPath } from './types.js';

/** One value of a condition key: JSON allows strings, numbers and booleans, and IAM reads them as text. */
export interface ConditionValue {
  value: string | number | boolean;
  path: JsonPath;
}

/** One key under one operator. */
export interface ConditionEntry {
  /** The operator as written, e.g. `ForAllValues:StringLike`. */
  operator: string;
  operatorPath: JsonPath;
  /** Undefined when the operator is not an IAM operator. */
  parsed?: ParsedOperator;
  key: string;
  keyPath: JsonPath;
  values: ConditionValue[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

const memo = new WeakMap<LintStatement, ConditionEntry[]>();

/** The statement's condition entries, in the order written. */
export function conditionEntries(stmt: LintStatement): ConditionEntry[] {
  let entries = memo.get(stmt);
  if (entries) return entries;
  entries = [];
  const cond = stmt.raw.Condition;
  if (isObject(cond)) {
    const condPath = [...stmt.path, 'Condition'];
    for (const [operator, block] of Object.entries(cond)) {
      if (!isObject(block)) continue;
      const operatorPath = [...condPath, operator];
      const parsed = parseOperator(operator);
      for (const [key, raw] of Object.entries(block)) {
        const keyPath = [...operatorPath, key];
        const values: ConditionValue[] = [];
        if (isScalar(raw)) values.push({ value: raw, path: keyPath });
        else if (Array.isArray(raw)) {
          raw.forEach((v, i) => {
            if (isScalar(v)) values.push({ value: v, path: [...keyPath, i] });
          });
        }
        entries.push({ operator, operatorPath, parsed, key, keyPath, values });
      }
    }
  }
  memo.set(stmt, entries);
  return entries;
}

/** A value as IAM reads it: text. */
export function valueText(v: ConditionValue): string {
  return String(v.value);
}

/** The operators of the statement's Condition element (each once, even when its block is empty). */
export function conditionOperators(
  stmt: LintStatement,
): { operator: string; operatorPath: JsonPath; parsed?: ParsedOperator }[] {
  const cond = stmt.raw.Condition;
  if (!isObject(cond)) return [];
  return Object.keys(cond).map((operator) => ({
    operator,
    operatorPath: [...stmt.path, 'Condition', operator],
    parsed: parseOperator(operator),
  }));
}
