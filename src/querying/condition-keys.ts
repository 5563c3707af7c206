/** Queries over a service's condition keys table (policy_sentry's querying/conditions.py). */
import type { IamDatabase } from '../database/database.js';
import { checkDatabase, checkString } from './arguments.js';
import { requireConditionKey, requireService } from './names.js';

/** Details of one condition key, as policy_sentry's get_condition_key_details returns them. */
export interface ConditionKeyDetails {
  /** The documented name, e.g. `ec2:ResourceTag/${TagKey}` when asked for `ec2:ResourceTag/owner`. */
  name: string;
  description: string;
  /** The type in lower case: `string`, `arrayofstring`, `bool`, `arn`, `numeric`, `date`, `ipaddress`... */
  condition_value_type: string;
}

/** The condition keys a service documents, in the page's order (get_condition_keys_for_service). */
export function conditionKeysForService(db: IamDatabase, service: string): string[] {
  checkDatabase('conditionKeysForService', db);
  checkString('conditionKeysForService', 'service', service);
  return requireService(db, service).conditionKeys.map((c) => c.name);
}

/**
 * A condition key's description and type (get_condition_key_details). `key` in any case; a key with a
 * concrete tag (`aws:ResourceTag/owner`) gives the documented template key.
 */
export function conditionKeyDetails(db: IamDatabase, service: string, key: string): ConditionKeyDetails {
  checkDatabase('conditionKeyDetails', db);
  checkString('conditionKeyDetails', 'service', service);
  checkString('conditionKeyDetails', 'key', key);
  const c = requireConditionKey(requireService(db, service), key);
  return { name: c.name, description: c.description, condition_value_type: c.type.toLowerCase() };
}
