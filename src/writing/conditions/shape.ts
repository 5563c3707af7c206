/**
 * The checks of a condition block that need no database, made where the template is read so that the
 * error names the line: operators spelt as IAM spells them, `Null` without `IfExists` or a set qualifier,
 * keys of the form `prefix:name`, values that are text, numbers or booleans and fit the operator's type
 * (a number for Numeric..., an address or CIDR range for IpAddress), one value for Bool and Null.
 *
 * What depends on the key (its type, whether it is multivalued, which actions support it) is checked when
 * the policy is written (check.ts), against the database.
 */
import { operatorSpellings, parseOperator, type ParsedOperator } from '../../querying/condition-operators.js';
import { valueProblem } from '../../querying/condition-values.js';
import { shown } from '../../querying/printable.js';
import { UserError, didYouMean } from '../../util/errors.js';
import type { DataPath, Locator } from '../template/validate.js';
import { keyPath } from '../template/validate.js';
import type { ConditionBlock } from './types.js';

/** A plain mapping (not a list, a YAML set, a date...). */
export function isMapping(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** The operator as IAM spells it: `ForAnyValue:StringLikeIfExists`. */
export function spelling(p: ParsedOperator): string {
  return `${p.qualifier ? `${p.qualifier}:` : ''}${p.base}${p.ifExists ? 'IfExists' : ''}`;
}

function what(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} '${shown(String(value))}'`;
}

/** A condition key as written: `prefix:name`, no white space. */
const KEY_FORM = /^[^\s:]+:\S+$/;

const EXAMPLE = `e.g. 'Bool: {aws:SecureTransport: true}'`;

/**
 * Checks a condition block at `path` of the template data and returns it with every value as text (a list
 * stays a list). Throws a one-line UserError naming the place (`at`), the key path and what is allowed.
 */
export function checkConditionBlock(value: unknown, path: DataPath, at: Locator): ConditionBlock {
  const where = keyPath(path);
  const fail = (p: DataPath, message: string, onKey = false): never => {
    throw new UserError(`${at(p, onKey)}: ${message}`);
  };
  if (!isMapping(value) || Object.keys(value).length === 0) {
    fail(
      path,
      `'${where}' must be a mapping of condition operators to keys and values (${EXAMPLE}), not ${
        isMapping(value) ? 'an empty mapping' : what(value)
      }`,
    );
  }
  const out: Record<string, Record<string, string | string[]>> = {};
  for (const [operator, keys] of Object.entries(value as Record<string, unknown>)) {
    const opPath = [...path, operator];
    const parsed = parseOperator(operator);
    if (!parsed || spelling(parsed) !== operator) {
      const hint = parsed
        ? `; did you mean '${spelling(parsed)}'? (operators are written as IAM spells them)`
        : didYouMean(operator, operatorSpellings()) ||
          '; allowed: String..., Numeric..., Date..., Bool, BinaryEquals, IpAddress, NotIpAddress, Arn..., Null, each (but Null) with IfExists and ForAllValues: or ForAnyValue:';
      fail(opPath, `unknown condition operator '${shown(operator)}' in '${where}'${hint}`, true);
    }
    const op = parsed as ParsedOperator;
    if (op.base === 'Null' && (op.qualifier || op.ifExists)) {
      fail(
        opPath,
        `'${operator}' in '${where}': Null takes neither IfExists nor ForAllValues:/ForAnyValue:; write 'Null'`,
        true,
      );
    }
    if (!isMapping(keys) || Object.keys(keys).length === 0) {
      fail(
        opPath,
        `'${where}.${operator}' must be a mapping of condition keys to values (e.g. 'aws:SourceIp: 203.0.113.0/24'), not ${
          isMapping(keys) ? 'an empty mapping' : what(keys)
        }`,
      );
    }
    const block: Record<string, string | string[]> = {};
    for (const [key, raw] of Object.entries(keys as Record<string, unknown>)) {
      const keyAt = [...opPath, key];
      const named = `'${shown(key)}' under ${operator} in '${where}'`;
      if (!KEY_FORM.test(key)) {
        fail(
          keyAt,
          `condition key '${shown(key)}' in '${where}' must be prefix:name (e.g. aws:SourceIp, s3:prefix)`,
          true,
        );
      }
      const list = Array.isArray(raw) ? raw : [raw];
      if (list.length === 0)
        fail(keyAt, `condition key ${named} has no value; give one value or a list of them`);
      const texts = list.map((v, i) => {
        const place = Array.isArray(raw) ? [...keyAt, i] : keyAt;
        if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
          return fail(
            place,
            `condition key ${named}: a value must be text, a number or true/false, not ${what(v)}`,
          );
        }
        if (typeof v === 'number' && !Number.isFinite(v)) {
          return fail(place, `condition key ${named}: the value must be a finite number, not ${String(v)}`);
        }
        const allowed = valueProblem(op.type, v);
        if (allowed) {
          fail(place, `condition value '${shown(String(v))}' of ${named}: expected ${allowed}`);
        }
        return String(v);
      });
      if ((op.type === 'Bool' || op.type === 'Null') && new Set(texts.map((t) => t.toLowerCase())).size > 1) {
        fail(
          keyAt,
          `condition key ${named} has both true and false, so it holds whenever the key is present; give one value`,
        );
      }
      block[key] = Array.isArray(raw) ? texts : texts[0];
    }
    out[operator] = block;
  }
  return out as ConditionBlock;
}
