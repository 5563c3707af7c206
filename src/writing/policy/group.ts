/**
 * The statements being assembled, keyed by statement id in creation order (the order they are written
 * in). A statement keeps the ARN format it was made for: `*` marks the statements without resource
 * constraints.
 */
import { SKIP_SID, WILDCARD_SID } from './sid.js';

export interface Draft {
  resources: string[];
  /** The database ARN format the statement was made for; `*` for the unconstrained statements. */
  arnFormat: string;
  actions: string[];
}

export class StatementDrafts {
  readonly drafts = new Map<string, Draft>();
  /** Lower-case names of the actions put on `*` as another action's dependent action... */
  readonly #dependents = new Set<string>();
  /** ...and of those put there because the template asked for them. */
  readonly #asked = new Set<string>();
  /** Each draft's resources as a set, beside its list: templates can name many thousands of ARNs. */
  private readonly resourceSets = new Map<Draft, Set<string>>();

  /**
   * Adds an action granted on `*`, to MultMultNone or SkipResourceConstraints; `dependent` when it is there
   * only because another action of the policy depends on it (see dependentsOnWildcard).
   */
  addUnconstrained(
    action: string,
    sid: typeof WILDCARD_SID | typeof SKIP_SID = WILDCARD_SID,
    dependent = false,
  ): void {
    (dependent ? this.#dependents : this.#asked).add(action.toLowerCase());
    const draft = this.drafts.get(sid);
    if (!draft) this.drafts.set(sid, { resources: ['*'], arnFormat: '*', actions: [action] });
    else if (!draft.actions.includes(action)) draft.actions.push(action);
  }

  /**
   * Adds `resource` to statement `sid`, creating it with `actions` when it is new. An existing statement
   * keeps its actions: the first resource type to claim an id decides them.
   */
  addResource(sid: string, resource: string, arnFormat: string, actions: () => string[]): void {
    const draft = this.drafts.get(sid);
    if (!draft) {
      const created = { resources: [resource], arnFormat, actions: actions() };
      this.drafts.set(sid, created);
      this.resourceSets.set(created, new Set(created.resources));
      return;
    }
    let known = this.resourceSets.get(draft);
    if (!known) this.resourceSets.set(draft, (known = new Set(draft.resources)));
    if (!known.has(resource)) {
      known.add(resource);
      draft.resources.push(resource);
    }
  }

  /**
   * The actions MultMultNone grants on `*` only because other actions of the policy depend on them (e.g.
   * `iam:PassRole` for a bucket write): the template did not ask for them there. In statement order.
   */
  dependentsOnWildcard(): string[] {
    const draft = this.drafts.get(WILDCARD_SID);
    if (!draft) return [];
    return draft.actions.filter(
      (a) => this.#dependents.has(a.toLowerCase()) && !this.#asked.has(a.toLowerCase()),
    );
  }

  /** Keeps only the actions named in `keep` (compared ignoring case); drops statements left empty. */
  keepOnly(keep: readonly string[]): void {
    const lower = new Set(keep.map((a) => a.toLowerCase()));
    for (const [sid, draft] of this.drafts) {
      draft.actions = draft.actions.filter((a) => lower.has(a.toLowerCase()));
      if (draft.actions.length === 0) this.drafts.delete(sid);
    }
  }

  /**
   * An action granted both on a specific resource and on `*` keeps only the specific grant (least
   * privilege), unless the template asked to skip its resource constraints.
   */
  dropWildcardDuplicates(skipped: readonly string[]): void {
    const onWildcard = new Set<string>();
    for (const d of this.drafts.values())
      if (d.arnFormat === '*') for (const a of d.actions) onWildcard.add(a);
    if (onWildcard.size === 0) return;
    const constrained = new Set<string>();
    for (const d of this.drafts.values()) {
      if (d.arnFormat.includes('*')) continue;
      for (const a of d.actions) if (onWildcard.has(a) && !skipped.includes(a)) constrained.add(a);
    }
    if (constrained.size === 0) return;
    // Formats holding a `*` somewhere count as unconstrained here too, as in policy_sentry.
    for (const d of this.drafts.values()) {
      if (d.arnFormat.includes('*')) d.actions = d.actions.filter((a) => !constrained.has(a));
    }
  }
}
