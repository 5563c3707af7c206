/** The service list (policy_sentry's get_services_data and get_all_service_prefixes). */
import type { IamDatabase } from '../database/database.js';
import { checkDatabase } from './arguments.js';

export interface ServiceListEntry {
  prefix: string;
  service_name: string;
}

/** Every service's prefix and name, sorted by prefix. Reads only the index, no service data. */
export function serviceList(db: IamDatabase): ServiceListEntry[] {
  checkDatabase('serviceList', db);
  return db.listServices().map((s) => ({ prefix: s.prefix, service_name: s.name }));
}

/** Every service prefix, sorted. */
export function servicePrefixes(db: IamDatabase): string[] {
  checkDatabase('servicePrefixes', db);
  return db.listServices().map((s) => s.prefix);
}
