/**
 * CloudTrail records, as CloudTrail writes them (camelCase), as Athena and CloudTrail Lake export them
 * (lower case, requestParameters as a JSON string), and the rows of docs/generate.md's SQL (distinct
 * principal, source, event and resources with a count), read into ObservedCall.
 */
import { DENIED_CODES, type ObservedCall } from './types.js';

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The partition of a region (`cn-north-1` -> `aws-cn`); `aws` for the commercial regions. */
export function partitionOfRegion(region: string | undefined): string {
  if (!region) return 'aws';
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-isof-')) return 'aws-iso-f';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  if (region.startsWith('eusc-')) return 'aws-eusc';
  return 'aws';
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** ms since the epoch of an ISO time, Athena's `2026-03-01 10:00:00.000` (UTC) or a number. */
export function parseTime(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v !== 'string' || v === '') return undefined;
  const t = Date.parse(
    /^\d{4}-\d{2}-\d{2} \d/.test(v) ? v.replace(' ', 'T') + (/[zZ]|[+-]\d{2}:?\d{2}$/.test(v) ? '' : 'Z') : v,
  );
  return Number.isNaN(t) ? undefined : t;
}

/** A JSON string (Athena's requestparameters) or an object; anything else is no parameters. */
function objectOf(v: unknown): Obj | undefined {
  if (isObject(v)) return v;
  if (typeof v === 'string' && v.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(v);
      return isObject(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * The ARNs of a record's `resources`: CloudTrail's `[{ARN, accountId, type}]`, Athena's `[{arn, ...}]`, a
 * plain list of ARNs, that list as a JSON string, or ARNs separated by commas or spaces (a CSV cell).
 */
function resourceArns(v: unknown): string[] | undefined {
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '' || t === '[]') return undefined;
    if (t.startsWith('[')) {
      try {
        return resourceArns(JSON.parse(t));
      } catch {
        return undefined;
      }
    }
    return t.split(/[\s,]+/).filter((s) => s.startsWith('arn:'));
  }
  if (!Array.isArray(v)) return undefined;
  const arns: string[] = [];
  for (const r of v) {
    const arn = typeof r === 'string' ? r : isObject(r) ? (r.ARN ?? r.arn) : undefined;
    if (typeof arn === 'string' && arn.startsWith('arn:')) arns.push(arn);
  }
  return arns.length > 0 ? arns : undefined;
}

function partitionOfArn(arn: string | undefined): string | undefined {
  if (!arn?.startsWith('arn:')) return undefined;
  const end = arn.indexOf(':', 4);
  return end > 4 ? arn.slice(4, end) : undefined;
}

/** Why a JSON value is not a call record, or undefined when it is one. */
export type RecordVerdict = ObservedCall | 'not-a-record' | 'not-an-api-call';

/**
 * A CloudTrail record in CloudTrail's own spelling: the common case, read without renaming keys. Events
 * that are not API calls (AwsServiceEvent, Insights, console sign-ins) have no caller to grant anything to.
 */
export function callOfRecord(r: unknown): RecordVerdict {
  if (!isObject(r)) return 'not-a-record';
  if (typeof r.eventSource !== 'string' || typeof r.eventName !== 'string') return callOfRow(r);
  const type = r.eventType;
  if (type !== undefined && type !== 'AwsApiCall') return 'not-an-api-call';
  const identity = isObject(r.userIdentity) ? r.userIdentity : undefined;
  const session = identity && isObject(identity.sessionContext) ? identity.sessionContext : undefined;
  const issuer = session && isObject(session.sessionIssuer) ? session.sessionIssuer : undefined;
  const region = str(r.awsRegion);
  const principal = str(identity?.arn);
  const code = str(r.errorCode);
  return {
    eventSource: r.eventSource,
    operation: r.eventName,
    principal,
    sessionIssuer: str(issuer?.arn),
    timeText: str(r.eventTime),
    account: str(r.recipientAccountId) ?? str(identity?.accountId),
    region,
    partition: partitionOfArn(principal) ?? partitionOfRegion(region),
    parameters: objectOf(r.requestParameters),
    resourceArns: resourceArns(r.resources),
    denied: code !== undefined && DENIED_CODES.has(code),
    count: 1,
  };
}

/** Keys compared without case and underscores: `event_source`, `eventsource` and `eventSource` are one. */
function normalized(r: Obj): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const [k, v] of Object.entries(r)) m.set(k.toLowerCase().replace(/_/g, ''), v);
  return m;
}

function first(m: Map<string, unknown>, ...keys: string[]): unknown {
  for (const k of keys) {
    const v = m.get(k);
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

function nested(v: unknown, ...path: string[]): unknown {
  let at = v;
  for (const p of path) {
    if (!isObject(at)) return undefined;
    at = normalized(at).get(p);
  }
  return at;
}

/**
 * A record in other spellings: Athena's and CloudTrail Lake's lower-case columns, and the rows of the SQL in
 * docs/generate.md (principal, event_source, event_name, aws_region, account_id, error_code, resources,
 * request_parameters, event_count, first_seen, last_seen).
 */
export function callOfRow(r: Obj): RecordVerdict {
  const m = normalized(r);
  const source = str(first(m, 'eventsource'));
  const name = str(first(m, 'eventname'));
  if (!source || !name) return 'not-a-record';
  const type = str(first(m, 'eventtype'));
  if (type !== undefined && type !== 'AwsApiCall') return 'not-an-api-call';
  const identity = objectOf(first(m, 'useridentity'));
  const principal =
    str(first(m, 'principal', 'principalarn', 'useridentityarn')) ?? str(nested(identity, 'arn'));
  const issuer =
    str(first(m, 'sessionissuer', 'sessionissuerarn')) ??
    str(nested(identity, 'sessioncontext', 'sessionissuer', 'arn'));
  const region = str(first(m, 'awsregion', 'region'));
  const code = str(first(m, 'errorcode'));
  const countValue = first(m, 'eventcount', 'count', 'calls');
  const count = typeof countValue === 'number' ? countValue : Number(countValue ?? 1);
  return {
    eventSource: source,
    operation: name,
    principal,
    sessionIssuer: issuer,
    time: parseTime(first(m, 'eventtime', 'firstseen')),
    lastTime: parseTime(first(m, 'lastseen')),
    account:
      str(first(m, 'recipientaccountid', 'accountid', 'account')) ?? str(nested(identity, 'accountid')),
    region,
    partition: str(first(m, 'partition')) ?? partitionOfArn(principal) ?? partitionOfRegion(region),
    parameters: objectOf(first(m, 'requestparameters')),
    resourceArns: resourceArns(first(m, 'resources', 'resourcearns')),
    denied: code !== undefined && DENIED_CODES.has(code),
    count: Number.isInteger(count) && count >= 1 ? count : 1,
  };
}
