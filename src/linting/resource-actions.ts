/**
 * What the actions of a statement accept, for the resources and conditions checks: the ARN formats of
 * their resource types, whether they take resource ARNs at all, and the condition keys they support.
 *
 * Facts are gathered per group of actions of one service and cached per database: a pattern's facts are
 * those of its groups, and a pattern that covers a whole service (`s3:*`, `*`) reuses that service's facts.
 * So a corpus of policies repeating the same wide patterns gathers each service's facts once.
 */
import type { IamDatabase } from '../database/database.js';
import { actionIndex, type ActionIndex, type ExpansionProblem } from '../querying/expand.js';
import type { LintStatement } from './document.js';
import { formatOf, type ArnFormat } from './resource-formats.js';

/** What one action accepts. */
export interface ActionFacts {
  /** Its id in the database's ActionIndex. */
  id: number;
  /** `prefix:Action` as the database spells it. */
  name: string;
  /** It takes no resource type: only `Resource: "*"` grants it. */
  wildcardOnly: boolean;
  /** The ARN formats of its resource types. */
  formats: readonly ArnFormat[];
  /** It cites a resource type whose ARN format the database lacks. */
  unresolved: boolean;
  /** The condition keys it supports (its own and its resource types'), as the database's lists. */
  keyLists: readonly (readonly string[])[];
}

/** What some actions of one service accept, together; each fact gathered on first use. */
class GroupFacts {
  private formatList?: ArnFormat[];
  private unresolvedFlag = false;
  private names?: string[];
  private ids?: number[];
  private keySet?: Set<string>;
  private prefixes?: string[];

  constructor(private readonly actions: readonly ActionFacts[]) {}

  /** Distinct; formats of one service's actions are that service's, so groups never share one. */
  get formats(): ArnFormat[] {
    if (!this.formatList) {
      const set = new Set<ArnFormat>();
      for (const a of this.actions) {
        for (const f of a.formats) set.add(f);
        this.unresolvedFlag ||= a.unresolved;
      }
      this.formatList = [...set];
    }
    return this.formatList;
  }

  get unresolved(): boolean {
    void this.formats;
    return this.unresolvedFlag;
  }

  /** Names of the actions that take resource ARNs. */
  get resourceLevel(): string[] {
    this.names ??= this.actions.filter((a) => !a.wildcardOnly).map((a) => a.name);
    return this.names;
  }

  /** The ids (of the ActionIndex) of the actions that take resource ARNs. */
  get resourceLevelIds(): number[] {
    this.ids ??= this.actions.filter((a) => !a.wildcardOnly).map((a) => a.id);
    return this.ids;
  }

  supportsKey(lowerKey: string): boolean {
    if (!this.keySet) {
      this.keySet = new Set();
      for (const a of this.actions)
        for (const list of a.keyLists) for (const k of list) this.keySet.add(k.toLowerCase());
      const prefixes = [...this.keySet].map(keyTemplatePrefix).filter((p): p is string => p !== undefined);
      this.prefixes = [...new Set(prefixes)];
    }
    return this.keySet.has(lowerKey) || (this.prefixes ?? []).some((p) => lowerKey.startsWith(p));
  }
}

interface Cache {
  index: ActionIndex;
  actions: (ActionFacts | undefined)[];
  /** Facts of every action of a service, by the id its range starts at. */
  services: Map<number, GroupFacts>;
  patterns: Map<string, PatternFacts>;
  /** Scratch marks for resourceLevelUnion, one per action id, and the current generation. */
  marks: Uint32Array;
  generation: number;
}

const caches = new WeakMap<IamDatabase, Cache>();
const PATTERN_LIMIT = 200_000;

function cacheOf(db: IamDatabase): Cache {
  let c = caches.get(db);
  if (!c) {
    c = {
      index: actionIndex(db),
      actions: [],
      services: new Map(),
      patterns: new Map(),
      marks: new Uint32Array(0),
      generation: 0,
    };
    caches.set(db, c);
  }
  return c;
}

/** Cuts a templated key before its placeholder (as querying/names.ts conditionKeyMatches reads them). */
export function keyTemplatePrefix(lowerKey: string): string | undefined {
  const at = ['$', '<', 'tag-key'].map((p) => lowerKey.indexOf(p)).find((i) => i > 0);
  return at === undefined ? undefined : lowerKey.slice(0, at);
}

function actionFacts(db: IamDatabase, c: Cache, id: number): ActionFacts {
  let facts = c.actions[id];
  if (facts) return facts;
  const name = c.index.names[id];
  const colon = name.indexOf(':');
  const svc = db.service(name.slice(0, colon));
  const record = svc?.action(name.slice(colon + 1));
  const formats: ArnFormat[] = [];
  const keyLists: (readonly string[])[] = [];
  let unresolved = false;
  let wildcardOnly = true;
  for (const row of record?.resourceTypes ?? []) {
    keyLists.push(row.conditionKeys);
    if (row.resourceType === '' || !svc) continue;
    wildcardOnly = false;
    const f = formatOf(db, svc, row.resourceType);
    if (f) {
      formats.push(f);
      const typeKeys = svc.resourceType(row.resourceType)?.conditionKeys;
      if (typeKeys) keyLists.push(typeKeys);
    } else unresolved = true;
  }
  facts = { id, name, wildcardOnly, formats, unresolved, keyLists };
  c.actions[id] = facts;
  return facts;
}

function groupFacts(db: IamDatabase, c: Cache, ids: readonly number[], from: number, to: number): GroupFacts {
  const actions: ActionFacts[] = [];
  for (let i = from; i < to; i++) actions.push(actionFacts(db, c, ids[i]));
  return new GroupFacts(actions);
}

/** The facts of one action id of the database's ActionIndex. */
export function factsOfAction(db: IamDatabase, id: number): ActionFacts {
  return actionFacts(db, cacheOf(db), id);
}

/** What the actions one pattern matches accept, together. Gathered on first use. */
export class PatternFacts {
  private groupList?: GroupFacts[];
  private formatList?: ArnFormat[];
  private resourceLevelNames?: string[];
  private resourceLevelIdList?: number[];

  constructor(
    private readonly db: IamDatabase,
    /** The pattern matched at least one action of the database. */
    readonly known: boolean,
    /** Sorted ascending, as ActionIndex gives them. */
    readonly ids: readonly number[],
    /** Why the pattern matches nothing, as ActionIndex.expand says (the same in any spelling). */
    readonly problem?: ExpansionProblem,
  ) {}

  /** The pattern's actions cut by service; a whole service's share is that service's cached facts. */
  private groups(): GroupFacts[] {
    if (this.groupList) return this.groupList;
    const c = cacheOf(this.db);
    const ids = this.ids;
    const out: GroupFacts[] = [];
    let i = 0;
    while (i < ids.length) {
      const name = c.index.names[ids[i]];
      const range = c.index.serviceRange(name.slice(0, name.indexOf(':')));
      let j = i + 1;
      while (j < ids.length && range && ids[j] < range.end) j++;
      if (range && ids[i] === range.start && j - i === range.end - range.start) {
        let whole = c.services.get(range.start);
        if (!whole) {
          whole = groupFacts(this.db, c, ids, i, j);
          c.services.set(range.start, whole);
        }
        out.push(whole);
      } else out.push(groupFacts(this.db, c, ids, i, j));
      i = j;
    }
    this.groupList = out;
    return out;
  }

  /** The ARN formats of the actions' resource types, each once. */
  get formats(): readonly ArnFormat[] {
    this.formatList ??= this.groups().flatMap((g) => g.formats);
    return this.formatList;
  }

  /** Some action cites a resource type whose ARN format the database lacks. */
  get unresolved(): boolean {
    return this.groups().some((g) => g.unresolved);
  }

  /** Does some action support condition key `lowerKey` (given in lower case)? */
  supportsKey(lowerKey: string): boolean {
    return this.groups().some((g) => g.supportsKey(lowerKey));
  }

  /** The names of the actions that take resource ARNs, sorted. */
  get resourceLevel(): readonly string[] {
    this.resourceLevelNames ??= this.groups()
      .flatMap((g) => g.resourceLevel)
      .sort();
    return this.resourceLevelNames;
  }

  /** The ids of the actions that take resource ARNs. */
  get resourceLevelIds(): readonly number[] {
    this.resourceLevelIdList ??= this.groups().flatMap((g) => g.resourceLevelIds);
    return this.resourceLevelIdList;
  }
}

/**
 * How many distinct actions that take resource ARNs the patterns reach together, and the first few of
 * their names in sorted order. Counts by marking ids in a reusable array rather than building sets
 * (statements with dozens of wide patterns are common); the first names are the smallest of each
 * pattern's own first names (each pattern keeps its names sorted), so no name is compared per id.
 */
export function resourceLevelUnion(
  db: IamDatabase,
  patterns: readonly PatternFacts[],
  show: number,
): { count: number; first: string[] } {
  if (patterns.length === 1) {
    const names = patterns[0].resourceLevel;
    return { count: names.length, first: names.slice(0, show) };
  }
  const c = cacheOf(db);
  if (c.marks.length < c.index.size) c.marks = new Uint32Array(Math.max(c.index.size, 2 * c.marks.length));
  const marks = c.marks;
  const gen = ++c.generation;
  let count = 0;
  for (const p of patterns) {
    const ids = p.resourceLevelIds;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (marks[id] === gen) continue;
      marks[id] = gen;
      count++;
    }
  }
  const first: string[] = [];
  for (const p of patterns) {
    const names = p.resourceLevel;
    for (let k = 0; k < names.length && k < show; k++) {
      const name = names[k];
      if (first.length === show && name >= first[show - 1]) break;
      if (first.includes(name)) continue;
      first.push(name);
      first.sort();
      if (first.length > show) first.pop();
    }
  }
  return { count, first };
}

/**
 * What the actions `pattern` matches accept, and which they are. The one lookup per value of a document:
 * the actions, resources, conditions and security checks all read these.
 */
export function patternFacts(db: IamDatabase, pattern: string): PatternFacts {
  const c = cacheOf(db);
  // Policies repeat their patterns in one spelling: look that up before the lower-case form.
  let facts = c.patterns.get(pattern);
  if (facts) return facts;
  const key = pattern.toLowerCase();
  facts = c.patterns.get(key);
  if (!facts) {
    const e = c.index.expand(pattern);
    facts = new PatternFacts(db, !e.problem && e.ids.length > 0, e.ids, e.problem);
    if (c.patterns.size >= PATTERN_LIMIT) c.patterns.clear();
    c.patterns.set(key, facts);
  }
  c.patterns.set(pattern, facts);
  return facts;
}

const byStatement = new WeakMap<LintStatement, PatternFacts[]>();

/**
 * The Action element's patterns as facts, in the element's order, or undefined when the statement has no
 * Action (or it is empty). Kept with the statement: several checks ask.
 */
export function statementPatterns(db: IamDatabase, stmt: LintStatement): PatternFacts[] | undefined {
  if (!stmt.action || stmt.action.length === 0) return undefined;
  let hit = byStatement.get(stmt);
  if (!hit) {
    hit = stmt.action.map((a) => patternFacts(db, a.value));
    byStatement.set(stmt, hit);
  }
  return hit;
}

/** Does any action behind these patterns support condition key `key` (any case)? */
export function patternsSupportKey(patterns: readonly PatternFacts[], key: string): boolean {
  const lower = key.toLowerCase();
  return patterns.some((p) => p.supportsKey(lower));
}
