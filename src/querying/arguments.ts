/**
 * Argument checks for the public library functions. TypeScript callers are held to the types already; a
 * JavaScript caller passing `null` or a number gets a UserError naming the function and the argument
 * (`actionData: service must be a string, not null`) instead of a TypeError from deep inside.
 */
import type { IamDatabase } from '../database/database.js';
import { UserError } from '../util/errors.js';
import { shown } from './printable.js';

/** What a wrong argument is, for "must be X, not Y". */
export function describeArgument(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `a string (${shown(JSON.stringify(value))})`;
  if (typeof value === 'number' || typeof value === 'boolean') return `a ${typeof value} (${String(value)})`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** `fn: name must be what, not ...` */
export function argumentError(fn: string, name: string, what: string, value: unknown): UserError {
  return new UserError(`${fn}: ${name} must be ${what}, not ${describeArgument(value)}`);
}

export function checkString(fn: string, name: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') throw argumentError(fn, name, 'a string', value);
}

/** A string or undefined (an optional argument or option). */
export function checkOptionalString(
  fn: string,
  name: string,
  value: unknown,
): asserts value is string | undefined {
  if (value !== undefined && typeof value !== 'string') {
    throw argumentError(fn, name, 'a string (or left out)', value);
  }
}

/** A list of strings (or, with `single`, one string): every entry is checked, naming the first bad one. */
export function checkStringList(
  fn: string,
  name: string,
  value: unknown,
  single = false,
): asserts value is string | readonly string[] {
  if (single && typeof value === 'string') return;
  if (!Array.isArray(value)) {
    throw argumentError(fn, name, single ? 'a string or a list of strings' : 'a list of strings', value);
  }
  const bad = value.findIndex((x) => typeof x !== 'string');
  if (bad >= 0) throw argumentError(fn, `${name}[${bad}]`, 'a string', value[bad]);
}

/** An options object, or undefined for the defaults. */
export function checkOptions(fn: string, name: string, value: unknown): asserts value is object | undefined {
  if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    throw argumentError(fn, name, 'an options object (or left out)', value);
  }
}

/** An IamDatabase, e.g. from openDatabase() or selectDatabase(). */
export function checkDatabase(fn: string, value: unknown): asserts value is IamDatabase {
  const db = value as Partial<IamDatabase> | null | undefined;
  if (
    db === null ||
    typeof db !== 'object' ||
    typeof db.service !== 'function' ||
    typeof db.listServices !== 'function' ||
    typeof db.hasService !== 'function'
  ) {
    throw argumentError(fn, 'db', 'a database (from openDatabase or selectDatabase)', value);
  }
}
