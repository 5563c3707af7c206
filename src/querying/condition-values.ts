/**
 * Does a condition value fit its operator's type? Each test returns undefined when the value fits, or the
 * text "what is allowed" for the message. Values holding a `${...}` (a policy variable, or a placeholder of
 * infrastructure code) are left alone: what they stand for is not known here.
 *
 * Shared by lint (its conditions checks) and write-policy (conditions in templates).
 */
import { isIP } from 'node:net';
import type { OperatorType } from './condition-operators.js';

/** W3C profile of ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, with time and zone), zone optional. */
const ISO_DATE =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

function isDate(text: string): boolean {
  if (/^\d+$/.test(text)) return true; // epoch seconds
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [, , month, day, hour, minute, second] = m.map((x) => (x === undefined ? undefined : Number(x)));
  if (month !== undefined && (month < 1 || month > 12)) return false;
  if (day !== undefined && (day < 1 || day > 31)) return false;
  if (hour !== undefined && hour > 23) return false;
  if (minute !== undefined && minute > 59) return false;
  return second === undefined || second <= 60;
}

function isCidr(text: string): boolean {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const version = isIP(address);
  if (version === 0) return false;
  if (slash < 0) return true;
  const bits = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (version === 4 ? 32 : 128);
}

function isArnPattern(text: string): boolean {
  if (/^[*?]+$/.test(text)) return true;
  if (!/^arn:/.test(text) && !/^[*?]/.test(text)) return false;
  return text.split(':').length >= 6 || /\*$/.test(text);
}

/** Undefined when `value` fits an operator of type `type`, else what is allowed. */
export function valueProblem(type: OperatorType, value: string | number | boolean): string | undefined {
  if (typeof value === 'string' && value.includes('${')) return undefined;
  const text = String(value);
  switch (type) {
    case 'Numeric':
      return /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text) ? undefined : 'a number';
    case 'Date':
      return isDate(text)
        ? undefined
        : 'an ISO 8601 date (2026-01-31, 2026-01-31T12:00:00Z) or epoch seconds';
    case 'Bool':
    case 'Null':
      return /^(true|false)$/i.test(text) ? undefined : 'true or false';
    case 'IpAddress':
      return isCidr(text)
        ? undefined
        : 'an IPv4 or IPv6 address or CIDR range (203.0.113.0/24, 2001:db8::/32)';
    case 'Arn':
      return isArnPattern(text)
        ? undefined
        : 'an ARN (arn:partition:service:region:account:resource, wildcards allowed)';
    case 'Binary':
      return /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0
        ? undefined
        : 'base64-encoded bytes';
    case 'String':
      return undefined;
  }
}
