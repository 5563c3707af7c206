/**
 * A database ARN format (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`) cut into literals and
 * placeholders, so that generate can fill it from an event (placeholder values in, ARN out) and bind an ARN
 * the event names to it (ARN in, placeholder values out). Both work by scanning strings: no RegExp is built
 * from a format or a value.
 */

export interface ArnFormat {
  /** The format as the database writes it. */
  format: string;
  /** The resource type it belongs to. */
  resourceType: string;
  /** Alternating literal text and placeholder names, starting and ending with a literal (maybe ''). */
  literals: string[];
  placeholders: string[];
}

/** Placeholders whose value may hold a `/` (paths, object keys); every other value is one segment. */
const MAY_HOLD_SLASH =
  /(ObjectName|WithPath|Path|LogGroupName|LogStreamName|ParameterNameWithoutLeadingSlash|RepositoryName|SecretId|Key)$/;

export function parseArnFormat(format: string, resourceType: string): ArnFormat {
  const literals: string[] = [];
  const placeholders: string[] = [];
  let from = 0;
  for (;;) {
    const open = format.indexOf('${', from);
    const close = open < 0 ? -1 : format.indexOf('}', open);
    if (open < 0 || close < 0) {
      literals.push(format.slice(from));
      break;
    }
    literals.push(format.slice(from, open));
    placeholders.push(format.slice(open + 2, close));
    from = close + 1;
  }
  return { format, resourceType, literals, placeholders };
}

/**
 * IAM reads `*`, `?` and `$` in a Resource as wildcards or variables; a value holding one (an S3 key can)
 * is written with IAM's escapes so that the ARN names that one resource, not more.
 */
export function escapeArnValue(value: string): string {
  if (!/[*?$]/.test(value)) return value;
  let out = '';
  for (const ch of value) out += ch === '*' ? '${*}' : ch === '?' ? '${?}' : ch === '$' ? '${$}' : ch;
  return out;
}

/** The ARN with placeholder i filled by `value(i)`; undefined when one has no value or one that does not fit. */
export function fillArnFormat(
  f: ArnFormat,
  value: (index: number) => string | undefined,
): { arn: string; values: string[] } | undefined {
  let arn = f.literals[0];
  const values: string[] = [];
  for (let i = 0; i < f.placeholders.length; i++) {
    const name = f.placeholders[i];
    const v = value(i);
    if (
      v === undefined ||
      v === '' ||
      !valueFits(name, v, i === f.placeholders.length - 1, f.literals[i + 1])
    )
      return undefined;
    // A value may end in a pattern of its own after a NUL (a secret's `-??????`), written as it is.
    const cut = v.indexOf('\u0000');
    const written =
      name === 'Partition' || name === 'Region' || name === 'Account'
        ? v
        : cut < 0
          ? escapeArnValue(v)
          : escapeArnValue(v.slice(0, cut)) + v.slice(cut + 1);
    values.push(written);
    arn += written + f.literals[i + 1];
  }
  return { arn, values };
}

/**
 * A value fits a placeholder when it does not run into the next segment: a `:` only in a last object key,
 * a `/` only in a name that may hold one (paths, keys, log groups) and not before a `/` of the format.
 */
function valueFits(name: string, v: string, last: boolean, next: string): boolean {
  if (v.includes(':') && name !== 'Partition' && !(last && name.endsWith('ObjectName'))) return false;
  if (v.includes('/') && !(MAY_HOLD_SLASH.test(name) && (last || !next.startsWith('/')))) return false;
  return true;
}

/**
 * The placeholder values of `arn` under the format, or undefined when the ARN does not have its shape: each
 * literal must appear where the format has it, each placeholder holds a non-empty value up to the next
 * literal (Region and Account may be empty), and a value runs over a `/` or `:` only where the format
 * allows it. The values come back escaped (escapeArnValue), ready for arnOf.
 */
export function bindArnFormat(f: ArnFormat, arn: string): string[] | undefined {
  const { literals, placeholders } = f;
  if (placeholders.length === 0) return arn === literals[0] ? [] : undefined;
  if (!arn.startsWith(literals[0])) return undefined;
  let at = literals[0].length;
  const values: string[] = [];
  for (let i = 0; i < placeholders.length; i++) {
    const name = placeholders[i];
    const next = literals[i + 1];
    const last = i === placeholders.length - 1;
    let end: number;
    if (last) {
      if (!arn.endsWith(next) || arn.length - next.length < at) return undefined;
      end = arn.length - next.length;
    } else {
      // Two placeholders in a row cannot be told apart.
      end = next === '' ? -1 : arn.indexOf(next, at);
      if (end < 0) return undefined;
    }
    const v = arn.slice(at, end);
    if (v === '' && name !== 'Region' && name !== 'Account') return undefined;
    if (!valueFits(name, v, last, next)) return undefined;
    values.push(name === 'Partition' || name === 'Region' || name === 'Account' ? v : escapeArnValue(v));
    at = end + next.length;
  }
  return values;
}

/** The ARN of the format with these placeholder values (as bound or filled). */
export function arnOf(f: ArnFormat, values: readonly string[]): string {
  let arn = f.literals[0];
  for (let i = 0; i < f.placeholders.length; i++) arn += values[i] + f.literals[i + 1];
  return arn;
}

/** Placeholders that name the resource itself and are kept by --generalize whatever they look like. */
const STABLE = new Set(['Partition', 'Region', 'Account', 'KeyId', 'BucketName', 'TableName']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /\d{4}[-/]?\d{2}[-/]?\d{2}/;
const LONG_NUMBER = /\d{6,}/;
const AWS_ID = /^[a-z]{1,8}-[0-9a-f]{8,17}$/;

/**
 * Does --generalize put `*` in place of this value? Object keys always (the grant becomes `bucket/*`, as
 * written policies usually say); other values when they look generated: UUIDs, dates and times, long runs
 * of digits (epoch times, build numbers), AWS ids like `i-0abc12345678def90`. The value is replaced whole,
 * inside its own segment, so the result is never wider than the resource type's format.
 */
export function isVolatile(placeholder: string, value: string): boolean {
  if (STABLE.has(placeholder)) return false;
  if (placeholder.endsWith('ObjectName')) return true;
  return UUID.test(value) || DATE.test(value) || LONG_NUMBER.test(value) || AWS_ID.test(value);
}

/** The ARN with its volatile values replaced by `*` (see isVolatile). */
export function generalizedArn(f: ArnFormat, values: readonly string[]): string {
  return arnOf(
    f,
    values.map((v, i) => (isVolatile(f.placeholders[i], v) ? '*' : v)),
  );
}
