/**
 * IAM's condition operators: the base operators by the type of value they compare, and how a written
 * operator (`ForAllValues:StringNotLikeIfExists`) is cut into set qualifier, base operator and IfExists.
 * Names are compared without regard to case.
 *
 * Shared by lint (its conditions checks) and write-policy (conditions in templates).
 */
import type { KeyDataType } from './condition-global-keys.js';

/** The kind of value a base operator compares. */
export type OperatorType = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';

/** The key types each operator type compares. */
export const OPERATOR_KEY_TYPES: Readonly<Record<Exclude<OperatorType, 'Null'>, readonly KeyDataType[]>> = {
  String: ['String', 'ARN'],
  // AWS recommends ARN operators for ARN keys; pages type some keys that hold ARNs as String.
  Arn: ['ARN', 'String'],
  Numeric: ['Numeric'],
  Date: ['Date'],
  Bool: ['Bool'],
  IpAddress: ['IPAddress'],
  // No key of the database is typed Binary; BinaryEquals compares the base64 text of a String key.
  Binary: ['String'],
};

/** The operators that compare a key type, for messages. */
export const OPERATORS_FOR_KEY_TYPE: Readonly<Record<KeyDataType, string>> = {
  String: 'String operators (StringEquals, StringLike...)',
  ARN: 'ARN operators (ArnEquals, ArnLike...) or String operators',
  Numeric: 'Numeric operators (NumericEquals, NumericLessThan...)',
  Date: 'Date operators (DateGreaterThan, DateLessThan...)',
  Bool: 'Bool',
  IPAddress: 'IpAddress or NotIpAddress',
};

/** Every base operator of the IAM policy language, with its type. */
export const BASE_OPERATORS: Readonly<Record<string, OperatorType>> = {
  StringEquals: 'String',
  StringNotEquals: 'String',
  StringEqualsIgnoreCase: 'String',
  StringNotEqualsIgnoreCase: 'String',
  StringLike: 'String',
  StringNotLike: 'String',
  NumericEquals: 'Numeric',
  NumericNotEquals: 'Numeric',
  NumericLessThan: 'Numeric',
  NumericLessThanEquals: 'Numeric',
  NumericGreaterThan: 'Numeric',
  NumericGreaterThanEquals: 'Numeric',
  DateEquals: 'Date',
  DateNotEquals: 'Date',
  DateLessThan: 'Date',
  DateLessThanEquals: 'Date',
  DateGreaterThan: 'Date',
  DateGreaterThanEquals: 'Date',
  Bool: 'Bool',
  BinaryEquals: 'Binary',
  IpAddress: 'IpAddress',
  NotIpAddress: 'IpAddress',
  ArnEquals: 'Arn',
  ArnLike: 'Arn',
  ArnNotEquals: 'Arn',
  ArnNotLike: 'Arn',
  Null: 'Null',
};

const byLower = new Map(Object.keys(BASE_OPERATORS).map((name) => [name.toLowerCase(), name]));

export type SetQualifier = 'ForAllValues' | 'ForAnyValue';

/** A written operator, cut into its parts. */
export interface ParsedOperator {
  qualifier?: SetQualifier;
  /** The base operator in its documented spelling, e.g. `StringLike`. */
  base: string;
  type: OperatorType;
  ifExists: boolean;
}

/** Cuts `written` into its parts, or undefined when its base is no IAM operator. */
export function parseOperator(written: string): ParsedOperator | undefined {
  let rest = written;
  let qualifier: SetQualifier | undefined;
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const q = rest.slice(0, colon).toLowerCase();
    if (q === 'forallvalues') qualifier = 'ForAllValues';
    else if (q === 'foranyvalue') qualifier = 'ForAnyValue';
    else return undefined;
    rest = rest.slice(colon + 1);
  }
  let base = byLower.get(rest.toLowerCase());
  let ifExists = false;
  if (!base && rest.toLowerCase().endsWith('ifexists')) {
    base = byLower.get(rest.slice(0, -'ifexists'.length).toLowerCase());
    ifExists = true;
  }
  if (!base) return undefined;
  return { qualifier, base, type: BASE_OPERATORS[base], ifExists };
}

/** Every spelling IAM accepts, for did-you-mean suggestions. */
export function operatorSpellings(): string[] {
  const out: string[] = [];
  for (const base of Object.keys(BASE_OPERATORS)) {
    if (base === 'Null') {
      out.push(base);
      continue;
    }
    for (const f of [base, `${base}IfExists`]) out.push(f, `ForAllValues:${f}`, `ForAnyValue:${f}`);
  }
  return out;
}
