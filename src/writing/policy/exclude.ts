/**
 * `exclude-actions`: names and wildcards (`kms:Delete*`, `*:Get*`, `*`) of actions to leave out of every
 * statement. Wildcards are expanded against the database; a wildcard matching nothing excludes nothing.
 */
import type { IamDatabase } from '../../database/database.js';
import type { Service } from '../../database/service.js';
import { compileWildcard, hasWildcard, isMatchAll } from '../../util/wildcard.js';
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
    const everything = isMatchAll(pattern); // `**` is `*`
    if (everything) services = db.allServices();
    else {
      const [prefix] = splitActionName(pattern, WHERE);
      const prefixMatcher = compileWildcard(prefix);
      services = hasWildcard(prefix)
        ? db.allServices().filter((s) => prefixMatcher.test(s.prefix))
        : [requireService(db, prefix, WHERE)];
    }
    const matcher = compileWildcard(pattern);
    for (const svc of services) {
      for (const a of svc.actions) {
        const full = `${svc.prefix}:${a.name}`;
        if (everything || matcher.test(full)) out.add(full.toLowerCase());
      }
    }
  }
  return out;
}
