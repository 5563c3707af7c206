/**
 * Conditions put on statements. Each action of a statement gets every block that applies to it (the
 * template's, its access level's, its group's), less, with `split`, the keys it does not support; a
 * statement whose actions end up with different conditions becomes one statement per condition, on the
 * same resources, in the order of their first actions. Statements of different conditions are never
 * merged afterwards (assemble.ts, fit/compact.ts compare conditions).
 *
 * An action that does not support a service key asked for it is an error by default: a statement without
 * the condition would grant it more broadly than asked, and one with it would never match its requests.
 */
import type { IamDatabase } from '../../database/database.js';
import type { Service } from '../../database/service.js';
import type { AccessLevel, ActionRecord } from '../../database/types.js';
import { shown } from '../../querying/printable.js';
import { UserError } from '../../util/errors.js';
import type { StatementDrafts } from '../policy/group.js';
import { checkConditionTypes } from './check.js';
import { actionSupportsKey, type KeyFacts } from './keys.js';
import { blockKeys, canonicalCondition, mergeBlocks, withoutKeys, type PlacedBlock } from './merge.js';
import type { AccessLevelKey, ConditionBlock, UnsupportedKeys } from './types.js';

/** A statement before assembly: a draft, or part of one, with its condition. */
export interface ConditionedDraft {
  sid: string;
  resources: string[];
  actions: string[];
  condition?: ConditionBlock;
}

/** The blocks that apply in one scope (a group, or the entries outside groups). */
export interface ScopeConditions {
  all?: PlacedBlock;
  byLevel?: Partial<Record<AccessLevelKey, PlacedBlock>>;
  group?: PlacedBlock;
}

const LEVEL_KEYS: Record<AccessLevel, AccessLevelKey> = {
  Read: 'read',
  Write: 'write',
  List: 'list',
  Tagging: 'tagging',
  'Permissions management': 'permissions-management',
};

/** The actions found without a requested key's support, by place and key (first found first). */
interface Unsupported {
  key: string;
  where: string;
  actions: string[];
}

const LISTED = 12;

function listed(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).join(', ');
  return names.length > LISTED ? `${shown} and ${names.length - LISTED} more` : shown;
}

export class ConditionPlacer {
  readonly #facts = new Map<ConditionBlock, Map<string, KeyFacts>>();
  readonly #unsupported = new Map<string, Unsupported>();
  readonly #types = new Map<string, string[]>();

  constructor(
    private readonly db: IamDatabase,
    private readonly onUnsupported: UnsupportedKeys,
    /** `granted` or `denied`, for messages. */
    private readonly verb: string = 'granted',
  ) {}

  /** Checks a block's keys, operators and types against the database (once per block). */
  #check(placed: PlacedBlock): Map<string, KeyFacts> {
    let facts = this.#facts.get(placed.block);
    if (!facts) {
      facts = checkConditionTypes(this.db, placed.block, placed.where);
      this.#facts.set(placed.block, facts);
    }
    return facts;
  }

  /** Checks every block of the scope, so that a bad one is reported even when no action reaches it. */
  checkScope(scope: ScopeConditions): void {
    for (const p of [scope.all, ...Object.values(scope.byLevel ?? {}), scope.group]) if (p) this.#check(p);
  }

  /** The resource types of `svc` whose ARN format is `format` (none for `*`). */
  #typesOf(svc: Service, format: string): string[] {
    if (format === '*') return [];
    const id = `${svc.prefix}\u0000${format}`;
    let types = this.#types.get(id);
    if (!types) {
      const lower = format.toLowerCase();
      types = svc.resourceTypes.filter((rt) => rt.arn.toLowerCase() === lower).map((rt) => rt.name);
      this.#types.set(id, types);
    }
    return types;
  }

  /**
   * The scope's drafts as statements with conditions; `excluded` (lower case) actions are left out first,
   * so that a condition is never checked against an action the policy does not grant.
   */
  place(drafts: StatementDrafts, scope: ScopeConditions, excluded: ReadonlySet<string>): ConditionedDraft[] {
    this.checkScope(scope);
    const merged = new Map<string, ReturnType<typeof mergeBlocks>>();
    const conditionFor = (level: AccessLevelKey | undefined) => {
      const id = level ?? '';
      if (!merged.has(id)) {
        const parts = [scope.all, level ? scope.byLevel?.[level] : undefined, scope.group].filter(
          (p): p is PlacedBlock => p !== undefined,
        );
        merged.set(id, mergeBlocks(parts));
      }
      return merged.get(id);
    };
    const out: ConditionedDraft[] = [];
    for (const [sid, draft] of drafts.drafts) {
      const actions =
        excluded.size > 0
          ? [...new Set(draft.actions.filter((a) => !excluded.has(a.toLowerCase())))]
          : [...draft.actions];
      const parts = new Map<string, ConditionedDraft>();
      for (const action of actions) {
        const condition = this.#conditionOf(action, draft.arnFormat, conditionFor);
        const id = canonicalCondition(condition);
        const part = parts.get(id);
        if (part) part.actions.push(action);
        else
          parts.set(id, {
            sid,
            resources: [...draft.resources],
            actions: [action],
            ...(condition ? { condition } : {}),
          });
      }
      out.push(...parts.values());
    }
    return out;
  }

  #conditionOf(
    action: string,
    format: string,
    conditionFor: (level: AccessLevelKey | undefined) => ReturnType<typeof mergeBlocks>,
  ): ConditionBlock | undefined {
    const colon = action.indexOf(':');
    const svc = this.db.service(action.slice(0, colon));
    const record: ActionRecord | undefined = svc?.action(action.slice(colon + 1));
    const merged = conditionFor(record ? LEVEL_KEYS[record.accessLevel] : undefined);
    if (!merged) return undefined;
    const drop = new Set<string>();
    for (const [lower, key] of blockKeys(merged.block)) {
      const facts = this.#factsOf(lower);
      if (facts?.global) continue;
      if (svc && record && actionSupportsKey(svc, record, this.#typesOf(svc, format), key)) continue;
      drop.add(lower);
      const where = [...merged.origin].find(([id]) => id.endsWith(`\u0000${lower}`))?.[1] ?? 'conditions';
      // By place and key: the same key asked for in two places is two findings.
      const id = `${where}\u0000${lower}`;
      let u = this.#unsupported.get(id);
      if (!u) this.#unsupported.set(id, (u = { key, where, actions: [] }));
      if (!u.actions.includes(action)) u.actions.push(action);
    }
    return drop.size === 0 ? merged.block : withoutKeys(merged.block, drop);
  }

  #factsOf(lowerKey: string): KeyFacts | undefined {
    for (const facts of this.#facts.values()) {
      const f = facts.get(lowerKey);
      if (f) return f;
    }
    return undefined;
  }

  /**
   * After every scope is placed: with `error`, throws for the first key some action does not support; with
   * `split`, returns one warning per such key.
   */
  finish(): string[] {
    const found = [...this.#unsupported.values()];
    if (found.length === 0) return [];
    if (this.onUnsupported === 'error') {
      const u = found[0];
      const [they, them] = u.actions.length === 1 ? ['it', 'it'] : ['they', 'them'];
      throw new UserError(
        `${u.where}: condition key '${shown(u.key)}' is not supported by ${listed(u.actions)}: the condition ` +
          `would never match ${them}, and without it ${they} would be ${this.verb} more broadly than asked; ` +
          `ask for ${them} outside this condition, or set 'unsupported-condition-keys: split' to ` +
          `write ${them} in a statement without the key`,
      );
    }
    return found.map(
      (u) =>
        `${u.where}: condition key '${u.key}' is not supported by ${listed(u.actions)}; ` +
        `${u.actions.length === 1 ? 'it is' : 'they are'} ${this.verb} in a statement without it ` +
        '(unsupported-condition-keys: split): review them',
    );
  }
}
