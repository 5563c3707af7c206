/**
 * `exclude-actions`: names and wildcards (`kms:Delete*`, `*:Get*`, `*`) of actions to leave out of every
 * statement. Wildcards are expanded against the database; a wildcard matching nothing excludes nothing.
 */
import type { IamDatabase } from '../../database/database.js';
import type { Service } from '../../database/service.js';
import { hasWildcard, matchesWildcard } from '../../util/wildcard.js';
import { requireAction, requireService, splitActionName } from './names.js';

const WHERE = 'exclude-actions';

/** The excluded actions, lower case. */
export function excludedActions(db: IamDatabase, patterns: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const pattern of patterns) {
    if (!hasWildcard(pattern)) {
      const named = requireAction(db, pattern, WHERE);
      out.add(`${named.service.prefix}:${named.record.name}`.toLowerCase());
      continue;
    }
    let services: Service[];
    if (pattern === '*') services = db.allServices();
    else {
      const [prefix] = splitActionName(pattern, WHERE);
      services = hasWildcard(prefix)
        ? db.allServices().filter((s) => matchesWildcard(prefix, s.prefix))
        : [requireService(db, prefix, WHERE)];
    }
    for (const svc of services) {
      for (const a of svc.actions) {
        const full = `${svc.prefix}:${a.name}`;
        if (pattern === '*' || matchesWildcard(pattern, full)) out.add(full.toLowerCase());
      }
    }
  }
  return out;
}
