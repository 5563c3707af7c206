/** Which services a query covers: one prefix, or every service when the prefix is `all` (as policy_sentry). */
import type { IamDatabase } from '../database/database.js';
import type { Service } from '../database/service.js';
import { checkDatabase, checkString } from './arguments.js';
import { requireService } from './names.js';

/** The service prefix that stands for every service in the action queries. */
export const ALL_SERVICES = 'all';

/** True for `all` (any case) unless the database really has a service with that prefix. */
export function isAllServices(db: IamDatabase, service: string): boolean {
  checkDatabase('isAllServices', db);
  checkString('isAllServices', 'service', service);
  return service.toLowerCase() === ALL_SERVICES && !db.hasService(service);
}

/** The services `service` names: all of them for `all` (loading the whole database), else the one service. */
export function servicesInScope(db: IamDatabase, service: string): Service[] {
  return isAllServices(db, service) ? db.allServices() : [requireService(db, service)];
}
