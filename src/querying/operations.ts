/**
 * Operations to actions: which IAM actions an API operation (a CloudTrail event name, an SDK call) needs.
 *
 * Per service the map is built once, on first use, from four sources, the first that knows an operation
 * winning:
 *  1. the AWS Service Reference's operations, when the database was updated from it (exact, AWS's own);
 *  2. the reviewed exceptions file (data/operations/exceptions.yml), for what 3 and 4 get wrong or miss;
 *  3. each action's API documentation link (`.../API_<Operation>.html`): the action is for that operation;
 *  4. the action's own name, taken as an operation name of the same spelling.
 */
import type { IamDatabase } from '../database/database.js';
import type { Service } from '../database/service.js';
import { argumentError, checkDatabase, checkOptions } from './arguments.js';
import {
  bundledOperationExceptions,
  eventSourceKey,
  sdkNameKey,
  type OperationExceptions,
} from './operations-exceptions.js';

export type OperationSource = 'service-reference' | 'api-link' | 'action-name' | 'exception';

/** The sources in the order they are consulted; the first that maps an operation wins. */
export const OPERATION_SOURCES: readonly OperationSource[] = [
  'service-reference',
  'exception',
  'api-link',
  'action-name',
];

export interface OperationEntry {
  /** IAM prefix, e.g. 's3'. */
  service: string;
  /** API operation, e.g. 'ListObjectsV2'. */
  operation: string;
  /** `prefix:Action` in the database's spelling; several when the operation needs several. */
  actions: string[];
  source: OperationSource;
  /** For 'exception' entries: why the entry is in the exceptions file. */
  reason?: string;
}

export interface OperationMapOptions {
  /** The reviewed exceptions. Default: the bundled data/operations/exceptions.yml. */
  exceptions?: OperationExceptions;
}

/** `https://.../API_ListObjectsV2.html` -> 'ListObjectsV2'; `API_control_GetAccessPoint.html` -> 'GetAccessPoint'. */
export function operationOfApiLink(link: string): string | undefined {
  const m = /\/API_([A-Za-z0-9_]+)\.html(?:[#?].*)?$/.exec(link);
  // API_Operations.html and API_Operations_<Service>.html are an API reference's index of operations.
  if (!m || /^Operations(_|$)/.test(m[1])) return undefined;
  // Several API references put a namespace before the operation (control_, wafRegional_, dax_...);
  // operation names themselves never hold an underscore.
  const parts = m[1].split('_');
  const op = parts[parts.length - 1];
  return /^[A-Z][A-Za-z0-9]*$/.test(op) ? op : undefined;
}

/**
 * CloudTrail writes some event names with the API version they were called with: Lambda's
 * `GetFunction20150331v2`, `ListFunctions20150331`, CloudFront's `CreateDistribution2020_05_31`.
 * The operation is the name without it.
 */
export function withoutApiVersion(eventName: string): string {
  // Event names are short; a longer string is not one, and is not worth a scan.
  if (eventName.length > 128) return eventName;
  const m = /^([A-Za-z][A-Za-z0-9]*?[A-Za-z])(?:\d{8}|\d{4}_\d{2}_\d{2})(?:v\d+)?$/.exec(eventName);
  return m ? m[1] : eventName;
}

/** An operation whose API link several actions share, none named like it: the link cannot choose. */
export interface AmbiguousOperation {
  service: string;
  operation: string;
  /** `prefix:Action` of every action linking it. */
  candidates: string[];
}

/** One service's map: lower-case operation -> entry, and what the links left undecided. */
interface ServiceOperations {
  prefix: string;
  byName: Map<string, OperationEntry>;
  ambiguous: AmbiguousOperation[];
}

function byOperation(a: { operation: string }, b: { operation: string }): number {
  const x = a.operation.toLowerCase();
  const y = b.operation.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0;
}

/**
 * The operation map over one database. Services are read when first asked about; nothing is global, so a
 * library user can hold maps over several databases. The lookups answer undefined for anything they do not
 * know, a value that is not a string included (an event without an eventName is an unknown operation), so
 * that a reader of millions of events needs no guard of its own.
 */
export class OperationMap {
  /** The exceptions in use: another map (in a worker thread) given these maps operations the same way. */
  readonly exceptions: OperationExceptions;
  private readonly services = new Map<string, ServiceOperations>();
  private sdkPrefixes?: Map<string, string>;

  constructor(
    private readonly db: IamDatabase,
    options: OperationMapOptions = {},
  ) {
    checkDatabase('OperationMap', db);
    checkOptions('OperationMap', 'options', options);
    const given = options.exceptions as Partial<OperationExceptions> | undefined;
    if (
      given !== undefined &&
      !(
        given?.operations instanceof Map &&
        given.eventSources instanceof Map &&
        given.sdkNames instanceof Map
      )
    ) {
      throw argumentError(
        'OperationMap',
        'options.exceptions',
        'exceptions from loadOperationExceptions or parseOperationExceptions',
        given,
      );
    }
    this.exceptions = options.exceptions ?? bundledOperationExceptions();
  }

  /** IAM prefix for a CloudTrail eventSource such as 's3.amazonaws.com' or 'monitoring.amazonaws.com'; undefined when unknown. */
  serviceForEventSource(eventSource: string): string | undefined {
    if (typeof eventSource !== 'string') return undefined;
    const key = eventSourceKey(eventSource);
    const exception = this.exceptions.eventSources.get(key);
    if (exception) return this.db.service(exception.service)?.prefix;
    if (!/^[a-z0-9-]+$/.test(key)) return undefined;
    return this.db.hasService(key) ? this.db.service(key)?.prefix : undefined;
  }

  /** IAM prefix for an SDK client name as iamlive and the SDKs write it ('S3', 'DynamoDB', 'CloudWatch', 'ElasticLoadBalancingV2'...); undefined when unknown. */
  serviceForSdkName(name: string): string | undefined {
    if (typeof name !== 'string') return undefined;
    const key = sdkNameKey(name);
    if (key === '') return undefined;
    const exception = this.exceptions.sdkNames.get(key);
    if (exception) return this.db.service(exception.service)?.prefix;
    if (!this.sdkPrefixes) {
      // Most clients are named for their prefix without its hyphens: ACMPCA acm-pca, CognitoIdp...
      this.sdkPrefixes = new Map();
      for (const s of this.db.listServices()) {
        const k = sdkNameKey(s.prefix);
        if (!this.sdkPrefixes.has(k)) this.sdkPrefixes.set(k, s.prefix);
      }
    }
    return this.sdkPrefixes.get(key);
  }

  /** The entry for an operation of a service (case-insensitive operation name); undefined when unknown. */
  lookup(service: string, operation: string): OperationEntry | undefined {
    if (typeof service !== 'string' || typeof operation !== 'string') return undefined;
    const ops = this.operationsOf(service);
    if (!ops) return undefined;
    const found = ops.byName.get(operation.toLowerCase());
    if (found) return copy(found);
    const bare = withoutApiVersion(operation);
    const versioned = bare === operation ? undefined : ops.byName.get(bare.toLowerCase());
    if (versioned) return copy(versioned);
    return this.byVerb(ops.prefix, bare);
  }

  /**
   * An operation of a service the exceptions map by its leading verb, when no entry has it. The rule knows
   * verbs, not operations: the entry keeps the name as asked.
   */
  private byVerb(prefix: string, operation: string): OperationEntry | undefined {
    const rule = this.exceptions.verbs.get(prefix.toLowerCase());
    if (!rule || !/^[A-Za-z][A-Za-z0-9]*$/.test(operation)) return undefined;
    const lower = operation.toLowerCase();
    // The longest verb the name starts with, followed by more of the name ('Get' in 'GetRestApis').
    let action: string | undefined;
    let length = 0;
    for (const [verb, a] of rule.verbs) {
      if (verb.length > length && lower.length > verb.length && lower.startsWith(verb)) {
        action = a;
        length = verb.length;
      }
    }
    const spelled = action === undefined ? undefined : this.spelled(action);
    if (spelled === undefined) return undefined;
    return { service: prefix, operation, actions: [spelled], source: 'exception', reason: rule.reason };
  }

  /** `prefix:Action` as the database spells it; undefined when it lacks the service or the action. */
  private spelled(action: string): string | undefined {
    const colon = action.indexOf(':');
    if (colon < 1) return undefined;
    const s = this.db.service(action.slice(0, colon));
    const a = s?.action(action.slice(colon + 1));
    return s && a ? `${s.prefix}:${a.name}` : undefined;
  }

  /**
   * The entry for a CloudTrail event, from its `eventSource` and `eventName` (`'monitoring.amazonaws.com'`,
   * `'PutMetricData'`); undefined when the source or the name is unknown.
   */
  forEvent(eventSource: string, eventName: string): OperationEntry | undefined {
    const service = this.serviceForEventSource(eventSource);
    return service === undefined ? undefined : this.lookup(service, eventName);
  }

  /** The entry for an SDK call (`'S3'`, `'ListObjectsV2'`); undefined when the client or operation is unknown. */
  forSdkCall(client: string, operation: string): OperationEntry | undefined {
    const service = this.serviceForSdkName(client);
    return service === undefined ? undefined : this.lookup(service, operation);
  }

  /** Every entry of a service, sorted by operation. */
  entries(service: string): OperationEntry[] {
    const ops = this.operationsOf(service);
    return ops ? [...ops.byName.values()].map(copy).sort(byOperation) : [];
  }

  /**
   * Operations of a service that several actions link and no other source maps, sorted by operation:
   * what a reviewer could add to the exceptions file (DynamoDB's ExecuteStatement needs one of four
   * PartiQL actions, depending on the statement).
   */
  ambiguous(service: string): AmbiguousOperation[] {
    const ops = this.operationsOf(service);
    return ops ? ops.ambiguous.map((a) => ({ ...a, candidates: [...a.candidates] })) : [];
  }

  private operationsOf(service: string): ServiceOperations | undefined {
    const svc = this.db.service(service);
    if (!svc) return undefined;
    let ops = this.services.get(svc.prefix);
    if (!ops) {
      ops = this.build(svc);
      this.services.set(svc.prefix, ops);
    }
    return ops;
  }

  private build(svc: Service): ServiceOperations {
    const prefix = svc.prefix;
    const ops = new Map<string, OperationEntry>();
    const ambiguous: AmbiguousOperation[] = [];
    const add = (operation: string, actions: string[], source: OperationSource, reason?: string) => {
      const key = operation.toLowerCase();
      if (ops.has(key) || actions.length === 0) return;
      const entry: OperationEntry = { service: prefix, operation, actions, source };
      if (reason !== undefined) entry.reason = reason;
      ops.set(key, entry);
    };
    const spelled = (action: string) => this.spelled(action);

    // 1. The Service Reference names each operation's actions exactly.
    for (const o of svc.record.operations ?? []) {
      add(
        o.name,
        o.actions.map((a) => spelled(a) ?? a),
        'service-reference',
      );
    }

    // 2. Reviewed exceptions; an action the database lacks drops the entry rather than invent a name.
    for (const e of this.exceptions.operations.get(prefix.toLowerCase())?.values() ?? []) {
      const actions = e.actions.map(spelled);
      if (actions.every((a): a is string => a !== undefined))
        add(e.operation, actions, 'exception', e.reason);
    }

    // 3. API links. Several actions linking one operation: the one named like it wins; when none is, the
    // link cannot say which the operation needs (DynamoDB's ExecuteStatement links four PartiQL actions)
    // and the operation is left to the exceptions.
    const linked = new Map<string, { operation: string; actions: string[] }>();
    for (const a of svc.actions) {
      const op = operationOfApiLink(a.apiDocumentationLink);
      if (!op) continue;
      const k = op.toLowerCase();
      const group = linked.get(k) ?? { operation: op, actions: [] };
      group.actions.push(a.name);
      linked.set(k, group);
    }
    for (const [k, { operation, actions }] of linked) {
      const same = actions.find((a) => a.toLowerCase() === k);
      if (same) add(operation, [`${prefix}:${same}`], 'api-link');
      else if (actions.length === 1) add(operation, [`${prefix}:${actions[0]}`], 'api-link');
      else if (!ops.has(k)) {
        ambiguous.push({ service: prefix, operation, candidates: actions.map((a) => `${prefix}:${a}`) });
      }
    }

    // 4. An action's name as the operation's.
    for (const a of svc.actions) add(a.name, [`${prefix}:${a.name}`], 'action-name');
    // An action may be named like an operation the links left undecided; then that entry stands.
    return {
      prefix,
      byName: ops,
      ambiguous: ambiguous.filter((a) => !ops.has(a.operation.toLowerCase())).sort(byOperation),
    };
  }
}

function copy(e: OperationEntry): OperationEntry {
  return { ...e, actions: [...e.actions] };
}
