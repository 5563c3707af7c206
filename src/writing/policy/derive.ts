/**
 * The two ways statements are derived: from an ARN and an access level (crud mode), and from a list of
 * actions (actions mode, and the wildcard-only section of crud mode). Both follow policy_sentry's steps,
 * because the order in which statements come to exist is the order they are written in.
 */
import type { IamDatabase } from '../../database/database.js';
import type { AccessLevel } from '../../database/types.js';
import { matchesFormat, type ParsedArn } from '../../querying/arn-match.js';
import { formatTarget, serviceIndex, type ServiceIndex } from './catalog.js';
import type { StatementDrafts } from './group.js';
import type { NamedAction } from './names.js';
import { WILDCARD_SID } from './sid.js';

/**
 * Grants `level` on the resource `target` names: one statement per resource type whose ARN format the
 * resource falls under, holding every action of that level on that type. Dependent actions the type also
 * covers join the statement; the others go to the `*` statement (created first when it is new, which
 * places it before this one). Returns how many resource types the resource fell under.
 */
export function addByArn(
  drafts: StatementDrafts,
  target: { parsed: ParsedArn; index: ServiceIndex },
  level: AccessLevel,
): number {
  const { parsed, index } = target;
  let reached = 0;
  const formats = index.formatsAt(level);
  for (let i = 0; i < formats.length; i++) {
    const entry = formats[i];
    if (entry.resourceType === undefined || !matchesFormat(parsed, entry.compiled)) continue;
    reached++;
    const given = index.typeAtLevel(entry.resourceType, level);
    const elsewhere = given.elsewhere;
    for (let j = 0; j < elsewhere.length; j++) drafts.addUnconstrained(elsewhere[j], WILDCARD_SID, true);
    drafts.addResource(given.sid, parsed.arn, entry.compiled.format, () => [
      ...given.actions,
      ...given.joining,
    ]);
  }
  return reached;
}

/**
 * Grants exactly `actions` (and their dependent actions): each action's resource types become statements
 * on their ARN formats, reached the way a user's ARN would be; everything else those statements picked up
 * is then dropped. Actions without resource types, and dependent actions, are granted on `*`, except
 * where a statement already grants them on a resource.
 */
export function addByActions(
  db: IamDatabase,
  drafts: StatementDrafts,
  actions: readonly NamedAction[],
  skipped: readonly string[],
): void {
  const given = actions.map((a) => a.given);
  const givenSet = new Set(given);
  const dependents = new Set<string>();
  const unconstrained: string[] = [];
  const reached = new Set<string>();
  for (const a of actions) {
    const index = indexOf(db, a);
    for (const dep of index.dependentActions(a.record)) if (!givenSet.has(dep)) dependents.add(dep);
    for (const row of index.rows(a.record)) {
      if (row.format === '*') {
        unconstrained.push(row.action);
        continue;
      }
      const key = `${row.accessLevel}\u0000${row.format}`;
      if (reached.has(key)) continue; // the same format and level again adds nothing
      reached.add(key);
      const target = formatTarget(db, row.format);
      if (target) addByArn(drafts, target, row.accessLevel);
    }
  }
  for (const dep of dependents) drafts.addUnconstrained(dep, WILDCARD_SID, true);
  drafts.keepOnly([...given, ...dependents]);
  for (const action of unconstrained) drafts.addUnconstrained(action);
  drafts.dropWildcardDuplicates(skipped);
}

/** The index of an action's own service (it was found through the database, so there is one). */
function indexOf(db: IamDatabase, a: NamedAction): ServiceIndex {
  const index = serviceIndex(db, a.service.prefix);
  if (!index) throw new Error(`no index for service ${a.service.prefix}`);
  return index;
}
