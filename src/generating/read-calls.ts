/**
 * `generate --from-calls FILE`: one call a line, in any of three spellings (mixed freely):
 *   s3:GetObject arn:aws:s3:::bucket/key     an action, then the ARNs it acted on (none: not known)
 *   S3.GetObject                             an SDK client and operation (iamlive's and the SDKs' names)
 *   {"Type":"ApiCall","Service":"S3","Api":"GetObject","Region":"us-east-1","FinalHttpStatusCode":200,...}
 *                                            iamlive's client-side-monitoring (CSM) JSON lines
 * Empty lines and lines starting with `#` are skipped. CSM's ApiCallAttempt lines repeat their ApiCall and
 * are skipped too; a final HTTP status of 401 or 403 is a refused call.
 */
import { isArn } from '../querying/arn-match.js';
import { describeIoError } from '../util/io/errors.js';
import { forEachLine, LineTally, openStream, type EventSink } from './read-events.js';
import { partitionOfRegion } from './record.js';
import type { ObservedCall } from './types.js';

const ACTION = /^([A-Za-z0-9-]+):([A-Za-z0-9]+)$/;
const SDK_CALL = /^([A-Za-z0-9-]+)\.([A-Za-z0-9]+)$/;

/** A line as a call, or why it is not one. */
export function callOfLine(line: string): ObservedCall | { skip: true } | { error: string } {
  const text = line.trim();
  if (text === '' || text.startsWith('#')) return { skip: true };
  if (text.startsWith('{')) return callOfCsm(text);
  const [head, ...arns] = text.split(/\s+/);
  const bad = arns.find((a) => !isArn(a));
  if (bad !== undefined) {
    return { error: `'${bad}' is not an ARN (expected arn:partition:service:region:account:resource)` };
  }
  const a = ACTION.exec(head);
  const fromArn = arns.length > 0 ? arnContext(arns[0]) : {};
  if (a) {
    return {
      action: head,
      service: a[1],
      operation: a[2],
      resourceArns: arns,
      denied: false,
      count: 1,
      ...fromArn,
    };
  }
  const s = SDK_CALL.exec(head);
  if (s) return { sdkName: s[1], operation: s[2], resourceArns: arns, denied: false, count: 1, ...fromArn };
  return { error: `'${head}' is neither service:Action, Client.Operation nor a CSM JSON line` };
}

function arnContext(arn: string): Pick<ObservedCall, 'partition' | 'region' | 'account'> {
  const [, partition, , region, account] = arn.split(':');
  return { partition, region: region || undefined, account: account || undefined };
}

function callOfCsm(text: string): ObservedCall | { skip: true } | { error: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { error: 'not JSON' };
  }
  const e = v as Record<string, unknown>;
  if (typeof v !== 'object' || v === null || typeof e.Service !== 'string' || typeof e.Api !== 'string') {
    return { error: 'not a client-side-monitoring entry (no Service and Api)' };
  }
  if (e.Type !== undefined && e.Type !== 'ApiCall') return { skip: true };
  const region = typeof e.Region === 'string' && e.Region !== '' ? e.Region : undefined;
  const status = e.FinalHttpStatusCode;
  return {
    sdkName: e.Service,
    operation: e.Api,
    region,
    partition: partitionOfRegion(region),
    time: typeof e.Timestamp === 'number' ? e.Timestamp : undefined,
    denied: status === 401 || status === 403,
    count: 1,
  };
}

/** Reads a calls file (or stdin for `-`) line by line into the sink. */
export async function readCallsFile(file: string, sink: EventSink): Promise<void> {
  sink.counts.files++;
  const stream = await openStream(file, sink);
  if (!stream) return;
  const tally = new LineTally(file, sink);
  try {
    await forEachLine(stream, (raw) => {
      tally.n++;
      const r = callOfLine(raw);
      if ('error' in r) tally.fail(r.error);
      else if (!('skip' in r)) sink.call(r);
    });
  } catch (e) {
    const err = e as { code?: string };
    const why = err.code?.startsWith('Z_')
      ? 'truncated or bad gzip'
      : `cannot read it: ${describeIoError(e, 'read')}`;
    sink.problem({ file, message: `${why}; the ${tally.n} lines before it were read` });
  }
  tally.end();
}
