/**
 * Checking the names a template gives (services, actions, ARNs) before any statement is written, so that
 * a typo ends in a one-line error rather than a policy missing (or silently widening) a grant.
 */
import type { IamDatabase } from '../../database/database.js';
import type { Service } from '../../database/service.js';
import type { ActionRecord } from '../../database/types.js';
import { parseArn, type ParsedArn } from '../../querying/arn-match.js';
import { isPartitionField, PARTITIONS } from '../../querying/partitions.js';
import { didYouMean, UserError } from '../../util/errors.js';
import { serviceIndex, type ServiceIndex } from './catalog.js';

/** The service a template names (any case). `where` names the template section in messages. */
export function requireService(db: IamDatabase, prefix: string, where: string): Service {
  const svc = db.service(prefix);
  if (!svc) {
    throw new UserError(
      `${where}: unknown service '${prefix}'${didYouMean(
        prefix,
        db.listServices().map((s) => s.prefix),
      )}`,
    );
  }
  return svc;
}

export interface NamedAction {
  /** As the template wrote it, with the service prefix in the database's spelling. */
  given: string;
  service: Service;
  record: ActionRecord;
}

/** Splits `service:Action`; throws when there is not exactly one `:`. */
export function splitActionName(name: string, where: string): [string, string] {
  const parts = name.split(':');
  if (parts.length !== 2 || parts[0] === '' || parts[1] === '') {
    throw new UserError(
      `${where}: '${name}' is not an action name (expected service:Action, e.g. s3:GetObject)`,
    );
  }
  return [parts[0], parts[1]];
}

/** An action of the database named `service:Action` (any case). */
export function requireAction(db: IamDatabase, name: string, where: string): NamedAction {
  const [prefix, actionName] = splitActionName(name, where);
  const service = requireService(db, prefix, where);
  const record = service.action(actionName);
  if (!record) {
    if (/[*?]/.test(actionName)) {
      throw new UserError(
        `${where}: '${name}' is a wildcard; name each action here (wildcards are not allowed)`,
      );
    }
    const full = (n: string) => `${service.prefix}:${n}`;
    const hint = didYouMean(
      full(actionName),
      service.actions.map((a) => full(a.name)),
    );
    throw new UserError(`${where}: unknown action '${name}'${hint}`);
  }
  return { given: `${service.prefix}:${actionName}`, service, record };
}

/** A user's ARN, checked, with the service its prefix names. */
export interface TargetArn {
  parsed: ParsedArn;
  index: ServiceIndex;
}

/**
 * Checks a user's ARN and finds its service (the prefix must be spelled as in the database). Returns
 * undefined for an ARN namespace that is no service prefix but that the database's ARN formats use
 * (`route53-recovery-control`): policy_sentry grants nothing there, and neither do we (the caller warns).
 */
export function requireArn(db: IamDatabase, arn: string, where: string): TargetArn | undefined {
  const parsed = requireArnShape(arn, where);
  const index = serviceIndex(db, parsed.service);
  if (index) return { parsed, index };
  const other = db.service(parsed.service);
  if (other) {
    throw new UserError(
      `${where}: ARN '${arn}' names service '${parsed.service}'; ARNs spell it '${other.prefix}'`,
    );
  }
  if (isArnNamespace(db, parsed.service)) return undefined;
  const known = db.listServices().map((s) => s.prefix);
  throw new UserError(
    `${where}: ARN '${arn}' names unknown service '${parsed.service}'${didYouMean(parsed.service, known)}`,
  );
}

const namespaces = new WeakMap<IamDatabase, Set<string>>();

/** Is `name` the service part of some ARN format in the database? (Read once per database.) */
function isArnNamespace(db: IamDatabase, name: string): boolean {
  let set = namespaces.get(db);
  if (!set) {
    set = new Set();
    for (const svc of db.allServices())
      for (const rt of svc.resourceTypes) set.add(rt.arn.split(':')[2] ?? '');
    namespaces.set(db, set);
  }
  return set.has(name);
}

/**
 * Checks that `arn` is shaped like an ARN (any service) in a partition AWS has (or `${Partition}`, or a
 * wildcard matching one): a misspelt partition would name resources that cannot exist.
 */
export function requireArnShape(arn: string, where: string): ParsedArn {
  let parsed: ParsedArn;
  try {
    parsed = parseArn(arn);
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${where}: ${e.message}`);
    throw e;
  }
  const partition = arnPartition(arn);
  if (!isPartitionField(partition)) {
    throw new UserError(
      `${where}: ARN '${arn}' names unknown partition '${partition}'; allowed: ${PARTITIONS.join(', ')}${didYouMean(partition, PARTITIONS)}`,
    );
  }
  return parsed;
}

/** The partition field of an ARN that parseArn accepted. */
export function arnPartition(arn: string): string {
  return arn.slice(4, arn.indexOf(':', 4));
}
