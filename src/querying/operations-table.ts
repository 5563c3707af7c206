/**
 * `query operation-table`: the operation map of one service as rows, with where each entry came from.
 */
import type { IamDatabase } from '../database/database.js';
import { UserError, didYouMean } from '../util/errors.js';
import { compileWildcard, hasWildcard } from '../util/wildcard.js';
import { checkDatabase, checkString } from './arguments.js';
import { requireService } from './names.js';
import { OperationMap, type OperationSource } from './operations.js';
import { shown } from './printable.js';

export interface OperationTableRow {
  operation: string;
  actions: string[];
  source: OperationSource;
  /** Why a reviewed exception maps it so; '' for the other sources. */
  reason: string;
}

/**
 * The operations of `service` (any case), sorted by name; with `name`, the one operation (any case, or
 * every match of a wildcard such as `List*`). An unknown service, or an exact name the map does not know,
 * is a UserError with close matches. `map` defaults to a map over `db` with the bundled exceptions.
 */
export function operationTable(
  db: IamDatabase,
  service: string,
  name?: string,
  map: OperationMap = new OperationMap(db),
): OperationTableRow[] {
  checkDatabase('operationTable', db);
  checkString('operationTable', 'service', service);
  if (name !== undefined) checkString('operationTable', 'name', name);
  const svc = requireService(db, service);
  let entries = map.entries(svc.prefix);
  if (name !== undefined) {
    if (hasWildcard(name)) {
      const matcher = compileWildcard(name);
      entries = entries.filter((e) => matcher.test(e.operation));
    } else {
      const found = map.lookup(svc.prefix, name);
      if (!found) {
        const hint = didYouMean(
          name,
          entries.map((e) => e.operation),
        );
        throw new UserError(`unknown operation '${shown(name)}' of service '${svc.prefix}'${hint}`);
      }
      entries = [found];
    }
  }
  return entries.map((e) => ({
    operation: e.operation,
    actions: e.actions,
    source: e.source,
    reason: e.reason ?? '',
  }));
}
