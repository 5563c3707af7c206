/**
 * Expanding IAM action patterns (`s3:Get*`, `*:Describe*`, `ec2:?escribeInstances`, `*`) into the actions of
 * the database, as IAM itself would match them: `*` and `?` anywhere, in the service part too, ignoring case.
 *
 * Two layers: `ActionIndex` gives every action it has loaded a small integer id, so that analysing many
 * policies with broad wildcards works on integer arrays instead of sets of 20,000 strings; the string
 * functions below it are what library users call.
 */
import type { IamDatabase } from '../database/database.js';
import { ACCESS_LEVELS, type AccessLevel, type ServiceSummary } from '../database/types.js';
import { compileWildcard, hasWildcard, isMatchAll, matchesWildcard } from '../util/wildcard.js';
import { argumentError, checkDatabase, checkOptions, checkString, checkStringList } from './arguments.js';

/** Why a pattern matched nothing. */
export type ExpansionProblem = 'malformed' | 'unknown-service' | 'unknown-action';

/** A pattern and the ids of the actions it matches (sorted ascending, no repeats). */
export interface IdExpansion {
  pattern: string;
  ids: readonly number[];
  problem?: ExpansionProblem;
  /** Human-readable reason when `problem` is set. */
  message?: string;
}

/**
 * Integer ids for the actions of a database. Services are numbered when first touched, so a policy that
 * names two services loads two services; `*` in the service part loads the services it matches.
 */
export class ActionIndex {
  /** `prefix:Action` in the database's spelling, by id. */
  readonly names: string[] = [];
  /** The same in lower case, for wildcard matching without folding each name at each pattern. */
  private readonly lowerNames: string[] = [];
  readonly levels: AccessLevel[] = [];
  /** Position of each action's access level in ACCESS_LEVELS, for counting without string keys. */
  readonly levelIndex: number[] = [];
  private readonly ranges = new Map<string, { start: number; end: number }>();
  private readonly byLowerName = new Map<string, number>();
  private readonly cache = new Map<string, IdExpansion>();
  /** The same results by the pattern as written (each with that spelling in `pattern`). */
  private readonly exactCache = new Map<string, IdExpansion>();
  /** Complements (NotAction) by scope and patterns; the same NotAction recurs across an account's policies. */
  readonly complements = new Map<string, readonly number[]>();
  private allIds?: number[];
  /** Services by lower-case prefix, for patterns naming one service. */
  private servicesByLower?: Map<string, ServiceSummary[]>;

  constructor(readonly db: IamDatabase) {}

  get size(): number {
    return this.names.length;
  }

  /** The id range of a service's actions (numbering them on first use), or undefined if unknown. */
  serviceRange(prefix: string): { start: number; end: number } | undefined {
    const key = prefix.toLowerCase();
    let range = this.ranges.get(key);
    if (range) return range;
    const service = this.db.service(prefix);
    if (!service) return undefined;
    const start = this.names.length;
    for (const a of service.actions) {
      const name = `${service.prefix}:${a.name}`;
      const lower = name.toLowerCase();
      // A page can repeat an action name; the first row wins, as in Service.action().
      if (this.byLowerName.has(lower)) continue;
      this.byLowerName.set(lower, this.names.length);
      this.names.push(name);
      this.lowerNames.push(lower);
      this.levels.push(a.accessLevel);
      this.levelIndex.push(ACCESS_LEVELS.indexOf(a.accessLevel));
    }
    range = { start, end: this.names.length };
    this.ranges.set(key, range);
    return range;
  }

  /** The id of `prefix:Action` (any case), or undefined when the database does not have it. */
  idOf(action: string): number | undefined {
    const colon = action.indexOf(':');
    if (colon <= 0) return undefined;
    if (!this.serviceRange(action.slice(0, colon))) return undefined;
    return this.byLowerName.get(action.toLowerCase());
  }

  /** Every action id of the database (loads every service). */
  all(): readonly number[] {
    if (!this.allIds) {
      const ids: number[] = [];
      for (const s of this.db.listServices()) {
        const r = this.serviceRange(s.prefix);
        if (r) for (let i = r.start; i < r.end; i++) ids.push(i);
      }
      this.allIds = ids.sort((a, b) => a - b);
    }
    return this.allIds;
  }

  /** Services whose prefix matches the service part of a pattern. */
  servicesMatching(servicePattern: string): ServiceSummary[] {
    if (!hasWildcard(servicePattern)) {
      if (!this.servicesByLower) {
        this.servicesByLower = new Map();
        for (const s of this.db.listServices()) {
          const key = s.prefix.toLowerCase();
          this.servicesByLower.set(key, [...(this.servicesByLower.get(key) ?? []), s]);
        }
      }
      return [...(this.servicesByLower.get(servicePattern.toLowerCase()) ?? [])];
    }
    const matcher = compileWildcard(servicePattern);
    return this.db.listServices().filter((s) => matcher.test(s.prefix));
  }

  /** The actions one pattern matches. Results are cached; callers must not modify `ids`. */
  expand(pattern: string): IdExpansion {
    // Looked up as written first: lint expands the same few thousand patterns many times over.
    const exact = this.exactCache.get(pattern);
    if (exact) return exact;
    const key = pattern.toLowerCase();
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.expandUncached(pattern);
      this.cache.set(key, hit);
    }
    const result = hit.pattern === pattern ? hit : { ...hit, pattern };
    this.exactCache.set(pattern, result);
    return result;
  }

  private expandUncached(pattern: string): IdExpansion {
    const trimmed = pattern.trim();
    // `**` means what `*` means: a run of stars matches any text, as one does.
    if (isMatchAll(trimmed)) return { pattern, ids: this.all() };
    const colon = trimmed.indexOf(':');
    if (colon <= 0 || colon === trimmed.length - 1 || trimmed !== pattern || /\s/.test(trimmed)) {
      return {
        pattern,
        ids: [],
        problem: 'malformed',
        message: `'${pattern}' is not an action: expected service:Action, e.g. s3:GetObject`,
      };
    }
    const servicePart = pattern.slice(0, colon);
    const actionPart = pattern.slice(colon + 1);
    const services = this.servicesMatching(servicePart);
    if (services.length === 0) {
      return {
        pattern,
        ids: [],
        problem: 'unknown-service',
        message: hasWildcard(servicePart)
          ? `no service prefix matches '${servicePart}'`
          : `unknown service '${servicePart}'`,
      };
    }
    const ids: number[] = [];
    if (!hasWildcard(actionPart) && services.length === 1) {
      const id = this.idOf(`${services[0].prefix}:${actionPart}`);
      if (id !== undefined) ids.push(id);
    } else {
      const everything = isMatchAll(actionPart);
      for (const s of services) {
        const range = this.serviceRange(s.prefix);
        if (!range) continue;
        // The service's prefix written before the action part, so that whole lower-case names are tested.
        if (everything) {
          for (let id = range.start; id < range.end; id++) ids.push(id);
          continue;
        }
        const matcher = compileWildcard(`${s.prefix}:${actionPart}`.toLowerCase(), { caseSensitive: true });
        for (let id = range.start; id < range.end; id++) if (matcher.test(this.lowerNames[id])) ids.push(id);
      }
    }
    if (ids.length === 0) {
      return {
        pattern,
        ids,
        problem: 'unknown-action',
        message: hasWildcard(pattern)
          ? `'${pattern}' matches no action in the database`
          : `unknown action '${pattern}'`,
      };
    }
    return { pattern, ids: ids.sort((a, b) => a - b) };
  }
}

const indexes = new WeakMap<IamDatabase, ActionIndex>();

/** The ActionIndex of a database, shared by every caller that works with the same database object. */
export function actionIndex(db: IamDatabase): ActionIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new ActionIndex(db);
    indexes.set(db, index);
  }
  return index;
}

/** One pattern's expansion in names. */
export interface ActionExpansion {
  pattern: string;
  /** `prefix:Action` in the database's spelling, sorted. */
  actions: string[];
  problem?: ExpansionProblem;
  message?: string;
}

/** Several patterns' expansions and their union. */
export interface ActionsExpansion {
  /** Union of every pattern's actions, in the database's spelling, sorted, without repeats. */
  actions: string[];
  /** One entry per pattern, in the order given. */
  patterns: ActionExpansion[];
  /** The patterns that matched nothing, with the reason: report them, they are not errors. */
  unknown: ActionExpansion[];
}

export type ComplementScope = 'named-services' | 'all-services';

export interface ComplementOptions {
  /**
   * Which actions the complement is taken within. 'named-services' (default): the services the patterns
   * name (`s3:Get*` -> the other s3 actions). 'all-services': every action of the database, which is what an
   * Allow statement with NotAction grants in IAM.
   */
  scope?: ComplementScope;
}

function sortedNames(index: ActionIndex, ids: Iterable<number>): string[] {
  return [...ids].map((id) => index.names[id]).sort(compareNames);
}

/** Orders `prefix:Action` names by code unit, so the order does not depend on the machine's locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toNames(index: ActionIndex, e: IdExpansion): ActionExpansion {
  const out: ActionExpansion = { pattern: e.pattern, actions: sortedNames(index, e.ids) };
  if (e.problem) {
    out.problem = e.problem;
    out.message = e.message;
  }
  return out;
}

/** Expands one action pattern. Unknown services or actions come back with `problem` set, not thrown. */
export function expandActionPattern(db: IamDatabase, pattern: string): ActionExpansion {
  checkDatabase('expandActionPattern', db);
  checkString('expandActionPattern', 'pattern', pattern);
  const index = actionIndex(db);
  return toNames(index, index.expand(pattern));
}

/** Expands patterns (as an IAM `Action` element: a string or a list). */
export function expandActions(db: IamDatabase, patterns: string | readonly string[]): ActionsExpansion {
  checkDatabase('expandActions', db);
  checkStringList('expandActions', 'patterns', patterns, true);
  const index = actionIndex(db);
  const list = typeof patterns === 'string' ? [patterns] : patterns;
  const expansions = list.map((p) => index.expand(p));
  const union = new Set<number>();
  for (const e of expansions) for (const id of e.ids) union.add(id);
  const named = expansions.map((e) => toNames(index, e));
  return { actions: sortedNames(index, union), patterns: named, unknown: named.filter((e) => e.problem) };
}

/** Ids of the actions a NotAction list leaves out, within the scope asked for. */
export function complementIds(
  index: ActionIndex,
  patterns: readonly string[],
  scope: ComplementScope = 'named-services',
): { ids: readonly number[]; expansions: IdExpansion[] } {
  const expansions = patterns.map((p) => index.expand(p));
  const key = `${scope}\u0000${patterns.map((p) => p.toLowerCase()).join('\u0000')}`;
  const cached = index.complements.get(key);
  if (cached) return { ids: cached, expansions };
  const excluded = new Set<number>();
  for (const e of expansions) for (const id of e.ids) excluded.add(id);
  let universe: readonly number[];
  if (scope === 'all-services') {
    universe = index.all();
  } else {
    const ids: number[] = [];
    const seen = new Set<string>();
    for (const p of patterns) {
      const servicePart = isMatchAll(p.trim()) ? '*' : p.slice(0, Math.max(0, p.indexOf(':')));
      if (!servicePart) continue;
      for (const s of index.servicesMatching(servicePart)) {
        if (seen.has(s.prefix)) continue;
        seen.add(s.prefix);
        const r = index.serviceRange(s.prefix);
        if (r) for (let i = r.start; i < r.end; i++) ids.push(i);
      }
    }
    universe = ids.sort((a, b) => a - b);
  }
  const ids = universe.filter((id) => !excluded.has(id));
  index.complements.set(key, ids);
  return { ids, expansions };
}

/**
 * The actions a `NotAction` list stands for: every action within the scope (see ComplementOptions) that no
 * pattern matches. Patterns that match nothing are reported in `unknown`.
 */
export function complementActions(
  db: IamDatabase,
  patterns: string | readonly string[],
  options: ComplementOptions = {},
): ActionsExpansion {
  checkDatabase('complementActions', db);
  checkStringList('complementActions', 'patterns', patterns, true);
  checkOptions('complementActions', 'options', options);
  const scopes: (ComplementScope | undefined)[] = ['named-services', 'all-services', undefined];
  if (!scopes.includes(options.scope)) {
    throw argumentError(
      'complementActions',
      'options.scope',
      "'named-services' or 'all-services'",
      options.scope,
    );
  }
  const index = actionIndex(db);
  const list = typeof patterns === 'string' ? [patterns] : patterns;
  const { ids, expansions } = complementIds(index, list, options.scope);
  const named = expansions.map((e) => toNames(index, e));
  return { actions: sortedNames(index, ids), patterns: named, unknown: named.filter((e) => e.problem) };
}

/** Does an action pattern (as written in a policy) match `prefix:Action`? IAM's rule: wildcards, any case. */
export function actionMatches(pattern: string, action: string): boolean {
  checkString('actionMatches', 'pattern', pattern);
  checkString('actionMatches', 'action', action);
  return matchesWildcard(pattern, action);
}
