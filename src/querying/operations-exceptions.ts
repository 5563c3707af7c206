/**
 * The reviewed exceptions of the operation map (data/operations/exceptions.yml): operations whose action is
 * not the one their name or their API link suggests, and the CloudTrail event sources and SDK client names
 * that differ from the IAM prefix. Every entry carries the reason it is there.
 */
import { createRequire } from 'node:module';
import { UserError } from '../util/errors.js';
import { readInputText } from '../util/io/read-input.js';
import { packagePath } from '../util/package-root.js';

/** A service name (event source or SDK client name) whose IAM prefix is not its own name. */
export interface ServiceNameException {
  /** The name as written, e.g. 'monitoring.amazonaws.com' or 'CloudWatchLogs'. */
  name: string;
  /** IAM prefix, e.g. 'cloudwatch'. */
  service: string;
  reason: string;
}

/** An operation and the actions it needs, as reviewed by hand. */
export interface OperationException {
  service: string;
  operation: string;
  /** `prefix:Action`, as the file writes them. */
  actions: string[];
  reason: string;
}

/**
 * A service whose operations are authorized by an action named for their leading verb: API Gateway's
 * management APIs by the HTTP method (GetRestApis -> apigateway:GET).
 */
export interface OperationVerbRule {
  service: string;
  /** Lower-case verb ('get', 'create') -> `prefix:Action`. */
  verbs: Map<string, string>;
  reason: string;
}

export interface OperationExceptions {
  /** Lower-case event source (with or without '.amazonaws.com') -> exception. */
  eventSources: Map<string, ServiceNameException>;
  /** SDK client name, lower case without separators -> exception. */
  sdkNames: Map<string, ServiceNameException>;
  /** Lower-case prefix -> lower-case operation -> exception. */
  operations: Map<string, Map<string, OperationException>>;
  /** Lower-case prefix -> verb rule, for operations no other entry maps. */
  verbs: Map<string, OperationVerbRule>;
}

// yaml is loaded when an exceptions file is read, not with the querying layer: every query command imports
// that layer, and yaml is the largest module it would otherwise load (as in util/format).
function parseYaml(text: string): unknown {
  return (createRequire(import.meta.url)('yaml') as typeof import('yaml')).parse(text);
}

/** How the bundled file is named in messages. */
export const BUNDLED_EXCEPTIONS_NAME = 'data/operations/exceptions.yml';

export function bundledExceptionsPath(): string {
  return packagePath('data', 'operations', 'exceptions.yml');
}

/** 'CloudWatch Logs', 'cloudwatch-logs' and 'CloudWatchLogs' are one SDK name. */
export function sdkNameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * 'monitoring.amazonaws.com', 'monitoring' and the API host 'monitoring.us-east-1.amazonaws.com' are one
 * event source. Anything over 128 characters is no event source, and is returned as it is, unscanned.
 */
export function eventSourceKey(eventSource: string): string {
  const s = eventSource.trim().toLowerCase();
  if (s.length > 128) return s;
  return s.replace(/\.amazonaws\.com(\.cn)?$/, '').replace(/\.[a-z]{2}(-[a-z]+)+-\d+$/, '');
}

const ACTION = /^[a-z0-9-]+:[A-Za-z0-9]+$/;

function mapping(v: unknown, where: string, file: string, what: string): Record<string, unknown> {
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new UserError(`${file}: ${where}: expected ${what}`);
  return v as Record<string, unknown>;
}

function text(v: unknown, where: string, file: string): string {
  if (typeof v !== 'string' || v.trim() === '') {
    throw new UserError(`${file}: ${where}: expected a non-empty string`);
  }
  return v.trim();
}

function serviceNames(
  section: unknown,
  sectionName: string,
  file: string,
  key: (s: string) => string,
): Map<string, ServiceNameException> {
  const out = new Map<string, ServiceNameException>();
  const entries = mapping(section, sectionName, file, 'a mapping of name -> {service, reason}');
  for (const [name, value] of Object.entries(entries)) {
    const where = `${sectionName}.${name}`;
    const v = mapping(value, where, file, 'a mapping with service and reason');
    const service = text(v.service, `${where}.service`, file).toLowerCase();
    if (!/^[a-z0-9-]+$/.test(service)) {
      throw new UserError(`${file}: ${where}.service: '${service}' is not a service prefix`);
    }
    const k = key(name);
    if (out.has(k)) throw new UserError(`${file}: ${where}: listed twice`);
    out.set(k, { name, service, reason: text(v.reason, `${where}.reason`, file) });
  }
  return out;
}

const TOP_KEYS = ['event-sources', 'sdk-names', 'operations', 'operation-verbs'];

function verbRules(section: unknown, file: string): Map<string, OperationVerbRule> {
  const out = new Map<string, OperationVerbRule>();
  const services = mapping(
    section,
    'operation-verbs',
    file,
    'a mapping of service prefix -> {verbs, reason}',
  );
  for (const [prefix, value] of Object.entries(services)) {
    const where = `operation-verbs.${prefix}`;
    const v = mapping(value, where, file, 'a mapping with verbs and reason');
    const verbs = new Map<string, string>();
    for (const [verb, action] of Object.entries(
      mapping(v.verbs, `${where}.verbs`, file, 'a mapping of verb -> prefix:Action'),
    )) {
      if (!/^[A-Z][a-z]+$/.test(verb)) {
        throw new UserError(`${file}: ${where}.verbs.${verb}: a verb is one capitalised word (Get, Create)`);
      }
      if (typeof action !== 'string' || !ACTION.test(action)) {
        throw new UserError(`${file}: ${where}.verbs.${verb}: '${String(action)}' is not prefix:Action`);
      }
      verbs.set(verb.toLowerCase(), action);
    }
    out.set(prefix.toLowerCase(), {
      service: prefix.toLowerCase(),
      verbs,
      reason: text(v.reason, `${where}.reason`, file),
    });
  }
  return out;
}

/**
 * Parses an exceptions document:
 * `event-sources: {name: {service, reason}}`, `sdk-names: {name: {service, reason}}`,
 * `operations: {prefix: {Operation: {actions: [prefix:Action...], reason}}}`,
 * `operation-verbs: {prefix: {verbs: {Get: prefix:Action...}, reason}}`.
 * `file` names it in error messages (UserError, one line).
 */
export function parseOperationExceptions(source: string, file: string): OperationExceptions {
  let doc: unknown;
  try {
    doc = parseYaml(source);
  } catch (e) {
    throw new UserError(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const top = mapping(
    doc,
    '(top level)',
    file,
    'a mapping with event-sources, sdk-names, operations and operation-verbs',
  );
  for (const k of Object.keys(top)) {
    if (!TOP_KEYS.includes(k)) {
      throw new UserError(`${file}: unknown key '${k}' (allowed: ${TOP_KEYS.join(', ')})`);
    }
  }
  const operations = new Map<string, Map<string, OperationException>>();
  const services = mapping(top.operations, 'operations', file, 'a mapping of service prefix -> operations');
  for (const [prefix, ops] of Object.entries(services)) {
    const service = prefix.toLowerCase();
    const byOp = operations.get(service) ?? new Map<string, OperationException>();
    for (const [operation, value] of Object.entries(
      mapping(ops, `operations.${prefix}`, file, 'a mapping of operation -> {actions, reason}'),
    )) {
      const where = `operations.${prefix}.${operation}`;
      if (!/^[A-Za-z0-9]+$/.test(operation)) {
        throw new UserError(`${file}: ${where}: an operation name is letters and digits`);
      }
      const v = mapping(value, where, file, 'a mapping with actions and reason');
      const actions = v.actions;
      if (!Array.isArray(actions) || actions.length === 0) {
        throw new UserError(`${file}: ${where}.actions: expected a non-empty list of prefix:Action`);
      }
      for (const a of actions) {
        if (typeof a !== 'string' || !ACTION.test(a)) {
          throw new UserError(`${file}: ${where}.actions: '${String(a)}' is not prefix:Action`);
        }
      }
      if (byOp.has(operation.toLowerCase())) throw new UserError(`${file}: ${where}: listed twice`);
      byOp.set(operation.toLowerCase(), {
        service,
        operation,
        actions: [...(actions as string[])],
        reason: text(v.reason, `${where}.reason`, file),
      });
    }
    operations.set(service, byOp);
  }
  return {
    verbs: verbRules(top['operation-verbs'], file),
    eventSources: serviceNames(top['event-sources'], 'event-sources', file, eventSourceKey),
    sdkNames: serviceNames(top['sdk-names'], 'sdk-names', file, sdkNameKey),
    operations,
  };
}

/** Reads and parses an exceptions file; `shownAs` names it in messages. */
export function loadOperationExceptions(path: string, shownAs = path): OperationExceptions {
  // readInputText throws InputError, a one-line UserError naming the path.
  return parseOperationExceptions(readInputText(path), shownAs);
}

let bundled: OperationExceptions | undefined;

/** The bundled exceptions, read once. */
export function bundledOperationExceptions(): OperationExceptions {
  bundled ??= loadOperationExceptions(bundledExceptionsPath(), BUNDLED_EXCEPTIONS_NAME);
  return bundled;
}
