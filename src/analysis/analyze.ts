/**
 * What a policy document grants, and which of it is risky. IAM's rules as far as one document can tell:
 * only Allow statements grant; an unconditional Deny in the same document that covers the Allow's
 * resources takes the action away; NotAction grants everything it does not name.
 */
import type { IamDatabase } from '../database/database.js';
import { ACCESS_LEVELS, type AccessLevel } from '../database/types.js';
import {
  actionIndex,
  complementIds,
  compareNames,
  type ActionIndex,
  type ComplementScope,
  type IdExpansion,
} from '../querying/expand.js';
import { compileWildcard, type WildcardMatcher } from '../util/wildcard.js';
import { DenyIndex } from './deny.js';
import { addBit, countAnd, forEachBit, fromIds, hasBit, orInto, wordsFor, type Bits } from './bitset.js';
import { readPolicyStatements, type PolicyStatementView, type StatementEffect } from './policy.js';
import {
  bundledRiskyActions,
  FINDING_CATEGORIES,
  RISK_CATEGORIES,
  UNKNOWN_ACTION,
  type FindingCategory,
  type RiskCategory,
  type RiskyActionLists,
} from './risky-actions.js';

export interface AnalyzeOptions {
  /** Risk lists to use per category. Default: the bundled lists (data/risky-actions). */
  riskyActions?: Partial<RiskyActionLists>;
  /** Categories to report. Default: all, including unknown-action. */
  categories?: readonly FindingCategory[];
  /** Action patterns accepted as risks: never reported (neither as risky nor as unknown). Default: none. */
  excludeActions?: readonly string[];
  /**
   * What an Allow with NotAction grants. Default 'all-services': every action of every service it does not
   * name, as IAM evaluates it. 'named-services' limits it to the services the NotAction names.
   */
  notActionScope?: ComplementScope;
}

/** One finding: actions of one category, granted (or named, for unknown-action) by one pattern of one statement. */
export interface Finding {
  category: FindingCategory;
  /** Sid, or `#<index>` when the statement has none. */
  statement: string;
  statementIndex: number;
  effect: StatementEffect;
  /** The pattern as written in the policy; `NotAction <patterns>` for what a NotAction grants. */
  pattern: string;
  /** `prefix:Action` in the database's spelling (for unknown-action: the name as written). Sorted. */
  actions: string[];
  /** The statement has a Condition, so the grant holds only when the condition does. */
  conditional: boolean;
  /**
   * The statement's Resource list as written, or `NotResource <r>` for each NotResource entry (absent when
   * the statement has neither, as in a trust policy).
   */
  resources?: string[];
  /** For unknown-action: why the pattern matches nothing. */
  message?: string;
}

export type AccessLevelCounts = Record<AccessLevel, number>;

export interface PolicyAnalysis {
  findings: Finding[];
  /** Number of distinct actions granted at each access level (after Deny). */
  accessLevels: AccessLevelCounts;
  /** The granted actions by access level, when asked for with `{ listActions: true }`. */
  actions?: Record<AccessLevel, string[]>;
}

/** A category's bit in riskBits is 1 << its position in RISK_CATEGORIES. */
const CATEGORY_BIT = new Map<RiskCategory, number>(RISK_CATEGORIES.map((c, i) => [c, 1 << i]));

/**
 * Analyses many documents against one database with the same options. Building one is the costly part
 * (risk lists resolved to action ids); each `analyze()` is then cheap.
 */
export class PolicyAnalyzer {
  private readonly index: ActionIndex;
  /** Risk category bits by action id; accepted (excluded) actions have none. */
  private readonly riskBits: Uint8Array;
  private readonly wanted: Set<FindingCategory>;
  private readonly excludePatterns: readonly string[];
  private readonly excludeMatchers: readonly WildcardMatcher[];
  private readonly scope: ComplementScope;
  /** Ids with any risk bit, as a bit set, to find the risky part of a large grant a word at a time. */
  private readonly riskyIds: Bits;
  /** One bit set per access level (ACCESS_LEVELS order), grown as the index numbers more actions. */
  private levelMasks: Bits[] = ACCESS_LEVELS.map(() => new Uint32Array(0));
  private levelMaskSize = 0;
  /** Bit sets of grants, by their (cached, shared) id arrays. */
  private readonly grantBits = new WeakMap<readonly number[], Bits>();

  constructor(
    readonly db: IamDatabase,
    options: AnalyzeOptions = {},
  ) {
    this.index = actionIndex(db);
    this.wanted = new Set(options.categories ?? FINDING_CATEGORIES);
    this.excludePatterns = options.excludeActions ?? [];
    this.excludeMatchers = this.excludePatterns.map((p) => compileWildcard(p));
    this.scope = options.notActionScope ?? 'all-services';
    const lists = { ...bundledRiskyActions(), ...options.riskyActions };
    const risky: [number, number][] = [];
    for (const category of RISK_CATEGORIES) {
      if (!this.wanted.has(category)) continue;
      for (const name of lists[category] ?? []) {
        const id = this.index.idOf(name);
        if (id !== undefined) risky.push([id, CATEGORY_BIT.get(category) as number]);
      }
    }
    const excluded = new Set(this.excludePatterns.flatMap((p) => this.index.expand(p).ids));
    this.riskBits = new Uint8Array(risky.reduce((m, [id]) => Math.max(m, id + 1), 0));
    for (const [id, bit] of risky) if (!excluded.has(id)) this.riskBits[id] |= bit;
    this.riskyIds = new Uint32Array(wordsFor(this.riskBits.length));
    this.riskBits.forEach((bits, id) => bits && addBit(this.riskyIds, id));
  }

  /** Analyses one policy document (parsed JSON). Throws PolicyFormatError if it is not a policy. */
  analyze(doc: unknown, options: { listActions?: boolean } = {}): PolicyAnalysis {
    const statements = readPolicyStatements(doc).map((s) => this.expandStatement(s));
    const findings: Finding[] = [];
    // Every id this document touches exists now: expanding it numbered them.
    const words = wordsFor(this.index.size);
    const granted = new Uint32Array(words);
    const denials = this.denials(statements, words);
    // One scratch set for every statement: what the statement granted so far.
    const seen = new Uint32Array(words);

    for (const st of statements) {
      if (this.wanted.has(UNKNOWN_ACTION)) for (const f of this.unknownFindings(st)) findings.push(f);
      if (st.view.effect !== 'Allow') continue;
      const denied = denials(st);
      seen.fill(0);
      // Group by category and pattern; an action goes to the first pattern of the statement that grants it.
      const groups = new Map<string, (Finding | undefined)[]>();
      const report = (id: number, label: string) => {
        const bits = id < this.riskBits.length ? this.riskBits[id] : 0;
        if (bits !== 0) this.addToGroups(groups, st.view, label, id, bits);
      };
      for (const { label, ids } of st.grants) {
        // A grant of a few actions is walked id by id; a large one word by word (32 actions a step).
        if (ids.length * 2 < words) {
          for (const id of ids) {
            if ((denied && hasBit(denied, id)) || hasBit(seen, id)) continue;
            addBit(seen, id);
            report(id, label);
          }
          continue;
        }
        const bits = this.bitsOf(ids);
        const { riskyIds } = this;
        for (let w = 0; w < bits.length; w++) {
          let fresh = bits[w] & ~seen[w];
          if (denied) fresh &= ~denied[w];
          if (fresh === 0) continue;
          seen[w] |= fresh;
          const risky = w < riskyIds.length ? fresh & riskyIds[w] : 0;
          if (risky !== 0) forEachBit(risky, w, (id) => report(id, label));
        }
      }
      orInto(granted, seen);
      // Categories in RISK_CATEGORIES order, then patterns in the order written.
      const ordered: Finding[] = [];
      for (let c = 0; c < RISK_CATEGORIES.length; c++) {
        for (const slots of groups.values()) if (slots[c]) ordered.push(slots[c] as Finding);
      }
      for (const f of ordered) {
        f.actions.sort(compareNames);
        findings.push(f);
      }
    }

    const masks = this.levelMasksFor(this.index.size);
    const counts = Object.fromEntries(
      ACCESS_LEVELS.map((l, i) => [l, countAnd(granted, masks[i])]),
    ) as AccessLevelCounts;
    const result: PolicyAnalysis = { findings, accessLevels: counts };
    if (options.listActions) {
      const byLevel = Object.fromEntries(ACCESS_LEVELS.map((l) => [l, [] as string[]])) as Record<
        AccessLevel,
        string[]
      >;
      for (let w = 0; w < granted.length; w++) {
        forEachBit(granted[w], w, (id) => byLevel[this.index.levels[id]].push(this.index.names[id]));
      }
      for (const l of ACCESS_LEVELS) byLevel[l].sort(compareNames);
      result.actions = byLevel;
    }
    return result;
  }

  /**
   * What each Allow statement of a document grants, for analyses that need more than findings (the risk
   * report): per statement and pattern, the ids of `wanted` it grants (after the certain Denies of the
   * document, each id under the first pattern of the statement that grants it), and every id the
   * document grants. Same reading rules as analyze(); throws PolicyFormatError likewise.
   */
  grants(doc: unknown, wanted: Bits): DocumentGrants {
    const statements = readPolicyStatements(doc).map((s) => this.expandStatement(s));
    const words = wordsFor(this.index.size);
    const granted = new Uint32Array(words);
    const denials = this.denials(statements, words);
    const seen = new Uint32Array(words);
    const out: StatementGrants[] = [];
    for (const st of statements) {
      if (st.view.effect !== 'Allow') continue;
      const denied = denials(st);
      seen.fill(0);
      const grants: StatementGrants['grants'] = [];
      for (const { label, ids } of st.grants) {
        const picked: number[] = [];
        // As in analyze(): a few actions id by id, a large grant a word (32 actions) at a time.
        if (ids.length * 2 < words) {
          for (const id of ids) {
            if ((denied && hasBit(denied, id)) || hasBit(seen, id)) continue;
            addBit(seen, id);
            if (hasBit(wanted, id)) picked.push(id);
          }
          grants.push({ label, ids: picked, all: ids, notAction: st.view.actions === undefined });
          continue;
        }
        const bits = this.bitsOf(ids);
        for (let w = 0; w < bits.length; w++) {
          let fresh = bits[w] & ~seen[w];
          if (denied && w < denied.length) fresh &= ~denied[w];
          if (fresh === 0) continue;
          seen[w] |= fresh;
          const hit = w < wanted.length ? fresh & wanted[w] : 0;
          if (hit !== 0) forEachBit(hit, w, (id) => picked.push(id));
        }
        grants.push({ label, ids: picked, all: ids, notAction: st.view.actions === undefined });
      }
      orInto(granted, seen);
      out.push({ view: st.view, grants });
    }
    return { statements: out, granted };
  }

  /** Number of ids of `bits` at each access level. */
  countLevels(bits: Bits): AccessLevelCounts {
    const masks = this.levelMasksFor(this.index.size);
    return Object.fromEntries(
      ACCESS_LEVELS.map((l, i) => [l, countAnd(bits, masks[i])]),
    ) as AccessLevelCounts;
  }

  /** Adds an action to the findings of its categories under `label` (one slot per category). */
  private addToGroups(
    groups: Map<string, (Finding | undefined)[]>,
    view: PolicyStatementView,
    label: string,
    id: number,
    bits: number,
  ): void {
    let slots = groups.get(label);
    if (!slots) groups.set(label, (slots = []));
    for (let c = 0; c < RISK_CATEGORIES.length; c++) {
      if (!(bits & (1 << c))) continue;
      slots[c] ??= this.finding(view, RISK_CATEGORIES[c], label, []);
      (slots[c] as Finding).actions.push(this.index.names[id]);
    }
  }

  /**
   * Can a grant of `ids` (an expansion's ids) bring a finding of a wanted risk category? False when none
   * of them is on a risk list (or all are excluded): callers analysing many documents skip those.
   */
  mayReport(ids: readonly number[]): boolean {
    const bits = this.riskBits;
    for (const id of ids) if (id < bits.length && bits[id] !== 0) return true;
    return false;
  }

  private bitsOf(ids: readonly number[]): Bits {
    let bits = this.grantBits.get(ids);
    if (!bits) {
      bits = fromIds(ids);
      this.grantBits.set(ids, bits);
    }
    return bits;
  }

  /** Access-level masks covering ids below `size`, extended when the index has numbered more actions. */
  private levelMasksFor(size: number): Bits[] {
    if (size > this.levelMaskSize) {
      const words = wordsFor(size);
      this.levelMasks = this.levelMasks.map((old) => {
        const grown = new Uint32Array(words);
        grown.set(old);
        return grown;
      });
      for (let id = this.levelMaskSize; id < size; id++)
        addBit(this.levelMasks[this.index.levelIndex[id]], id);
      this.levelMaskSize = size;
    }
    return this.levelMasks;
  }

  private expandStatement(view: PolicyStatementView): ExpandedStatement {
    if (view.actions) {
      const expansions = view.actions.map((p) => this.index.expand(p));
      return { view, expansions, grants: expansions.map((e) => ({ label: e.pattern, ids: e.ids })) };
    }
    const patterns = view.notActions as string[];
    const { ids, expansions } = complementIds(this.index, patterns, this.scope);
    return { view, expansions, grants: [{ label: `NotAction ${patterns.join(', ')}`, ids }] };
  }

  private unknownFindings(st: ExpandedStatement): Finding[] {
    const out: Finding[] = [];
    for (const e of st.expansions) {
      if (!e.problem || this.isExcluded(e.pattern)) continue;
      const f = this.finding(st.view, UNKNOWN_ACTION, e.pattern, [e.pattern]);
      // A misspelt name in a Deny is worse than one in an Allow: the protection silently does nothing.
      f.message = st.view.effect === 'Deny' ? `${e.message}; a Deny of it denies nothing` : e.message;
      out.push(f);
    }
    return out;
  }

  /**
   * For one document: what its Deny statements take away from an Allow (undefined when nothing). Built so
   * that many statements cost about linear time: the Denies are indexed once (see DenyIndex), what a group
   * of Denies takes away is combined once, and Allows on the same resources share one answer.
   */
  private denials(
    statements: readonly ExpandedStatement[],
    words: number,
  ): (allow: ExpandedStatement) => Bits | undefined {
    const index = new DenyIndex<ExpandedStatement>();
    for (const st of statements) if (st.view.effect === 'Deny') index.add(st.view, st);
    const union = (members: readonly ExpandedStatement[], into = new Uint32Array(words)): Bits => {
      for (const st of members) for (const g of st.grants) orInto(into, this.bitsOf(g.ids));
      return into;
    };
    const everywhere = index.everywhere.length ? union(index.everywhere) : undefined;
    const byGroup = new Map<object, Bits>();
    const byResources = new Map<string, Bits | undefined>();
    return (allow) => {
      const resources = allow.view.resources;
      // Without a Resource list (NotResource, or none) only the Denies that cover everything apply.
      if (!resources) return everywhere;
      const key = JSON.stringify(resources);
      if (byResources.has(key)) return byResources.get(key);
      const groups = index.covering(allow.view);
      let denied = everywhere && groups.length ? everywhere.slice() : everywhere;
      for (const g of groups) {
        let bits = byGroup.get(g);
        if (!bits) byGroup.set(g, (bits = union(g.members)));
        denied ??= new Uint32Array(words);
        orInto(denied, bits);
      }
      byResources.set(key, denied);
      return denied;
    };
  }

  private isExcluded(name: string): boolean {
    return this.excludeMatchers.some((m) => m.test(name));
  }

  private finding(
    view: PolicyStatementView,
    category: FindingCategory,
    pattern: string,
    actions: string[],
  ): Finding {
    const f: Finding = {
      category,
      statement: view.label,
      statementIndex: view.index,
      effect: view.effect,
      pattern,
      actions,
      conditional: view.conditional,
    };
    if (view.resources) f.resources = view.resources;
    else if (view.notResources) f.resources = view.notResources.map((r) => `NotResource ${r}`);
    return f;
  }
}

/** One Allow statement's grants, as PolicyAnalyzer.grants() finds them. */
export interface StatementGrants {
  view: PolicyStatementView;
  /** One per Action pattern (or one for the NotAction), in the order written. */
  grants: {
    /** The pattern, or `NotAction <patterns>`. */
    label: string;
    /** The wanted ids this pattern grants (not denied, not granted by an earlier pattern), ascending. */
    ids: number[];
    /** Every id the pattern matches, before Denies (shared: do not modify). */
    all: readonly number[];
    notAction: boolean;
  }[];
}

export interface DocumentGrants {
  statements: StatementGrants[];
  /** Every id the document grants, after Denies. */
  granted: Bits;
}

interface ExpandedStatement {
  view: PolicyStatementView;
  /** One per Action/NotAction pattern, for unknown-name findings. */
  expansions: IdExpansion[];
  /** What the statement covers, by the pattern (or NotAction) that covers it, in the order written. */
  grants: { label: string; ids: readonly number[] }[];
}

/** Analyses one document: findings and access-level counts. See AnalyzeOptions for defaults. */
export function analyzePolicy(db: IamDatabase, doc: unknown, options: AnalyzeOptions = {}): PolicyAnalysis {
  return new PolicyAnalyzer(db, options).analyze(doc);
}

/** The actions a policy grants, by access level (Allow statements, less what its Denies take away). */
export function actionsByAccessLevel(
  db: IamDatabase,
  doc: unknown,
  options: Pick<AnalyzeOptions, 'notActionScope'> = {},
): Record<AccessLevel, string[]> {
  const analyzer = new PolicyAnalyzer(db, { ...options, categories: [] });
  return analyzer.analyze(doc, { listActions: true }).actions as Record<AccessLevel, string[]>;
}
