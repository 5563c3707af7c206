/** Queries over a service's resource types table (policy_sentry's querying/arns.py, minus ARN matching). */
import type { IamDatabase } from '../database/database.js';
import { shown } from './printable.js';
import { UserError, didYouMean } from '../util/errors.js';
import { checkDatabase, checkString } from './arguments.js';
import { requireService } from './names.js';

function checkQuery(fn: string, db: unknown, service: unknown): void {
  checkDatabase(fn, db);
  checkString(fn, 'service', service);
}

/** Details of one resource type, as policy_sentry's get_arn_type_details returns them. */
export interface ResourceTypeDetails {
  resource_type_name: string;
  /** ARN format with `${Placeholder}`s, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`. */
  raw_arn: string;
  condition_keys: string[];
}

/** The ARN formats of a service's resource types, in the page's order (get_raw_arns_for_service). */
export function arnFormatsForService(db: IamDatabase, service: string): string[] {
  checkQuery('arnFormatsForService', db, service);
  return requireService(db, service).resourceTypes.map((r) => r.arn);
}

/** Resource type name -> ARN format, in the page's order (get_arn_types_for_service). */
export function resourceTypesForService(db: IamDatabase, service: string): Record<string, string> {
  checkQuery('resourceTypesForService', db, service);
  const out: Record<string, string> = {};
  for (const r of requireService(db, service).resourceTypes) if (!(r.name in out)) out[r.name] = r.arn;
  return out;
}

/** One resource type's ARN format and condition keys (get_arn_type_details); the name in any case. */
export function resourceTypeDetails(
  db: IamDatabase,
  service: string,
  resourceType: string,
): ResourceTypeDetails {
  checkQuery('resourceTypeDetails', db, service);
  checkString('resourceTypeDetails', 'resourceType', resourceType);
  const svc = requireService(db, service);
  const r = svc.resourceType(resourceType);
  if (!r) {
    const names = svc.resourceTypes.map((t) => t.name);
    const hint =
      didYouMean(resourceType, names) || (names.length === 0 ? `; ${svc.prefix} has no resource types` : '');
    throw new UserError(`unknown resource type '${shown(resourceType)}' for service ${svc.prefix}${hint}`);
  }
  return { resource_type_name: r.name, raw_arn: r.arn, condition_keys: [...r.conditionKeys] };
}
