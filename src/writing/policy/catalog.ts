/**
 * The per-service facts policy writing asks for again and again (which ARN formats an access level
 * reaches, which actions a resource type has, dependent actions), computed once per service and kept
 * per database object in a WeakMap, so that a long-lived process writing many policies pays once.
 * The loops over every action are indexed: a command runs them once, in V8's interpreter, where `for...of`
 * allocates a result object per step.
 */
import type { IamDatabase } from '../../database/database.js';
import type { Service } from '../../database/service.js';
import type { AccessLevel, ActionRecord } from '../../database/types.js';
import {
  compileArnFormat,
  isArn,
  parseArn,
  splitArn,
  type CompiledArnFormat,
  type ParsedArn,
} from '../../querying/arn-match.js';
import { statementId } from './sid.js';

/** One row of an action: the ARN format of one of its resource types (`*` for none). */
export interface ActionRow {
  /** `prefix:Action` as the database spells it. */
  action: string;
  accessLevel: AccessLevel;
  format: string;
}

/** A distinct ARN format reached at an access level, in the order the service's rows first show it. */
export interface FormatEntry {
  compiled: CompiledArnFormat;
  /** The resource type this format belongs to (the first one with that ARN, ignoring case), if any. */
  resourceType: string | undefined;
}

/** What one resource type gives at one access level. */
export interface TypeAtLevel {
  /** The statement id: `{Service}{AccessLevel}{ResourceType}` with the prefix asked for. */
  sid: string;
  /** Actions at the level that have the resource type, database spelling. */
  actions: string[];
  /** Dependent actions of those actions that the resource type also covers: they join the statement. */
  joining: string[];
  /** Dependent actions the resource type does not cover: they go to the `*` statement. */
  elsewhere: string[];
}

/**
 * A service as seen under the prefix it was asked for. That prefix is normally the service's own, but
 * `catalog` (used in Service Catalog's ARNs) reaches `servicecatalog`, and some answers carry the prefix
 * asked for, as policy_sentry's do.
 */
export class ServiceIndex {
  private readonly arnByType = new Map<string, string>();
  private readonly typeByLowerArn = new Map<string, string>();
  private readonly formats = new Map<AccessLevel, FormatEntry[]>();
  /** By access level, then resource type as given. */
  private readonly typeLevel = new Map<AccessLevel, Map<string, TypeAtLevel>>();
  private readonly coveredByType = new Map<string, Set<string>>();
  private readonly rowsByAction = new Map<ActionRecord, ActionRow[]>();
  private readonly dependents = new Map<ActionRecord, string[]>();
  private byType?: Map<string, ActionRecord[]>;

  constructor(
    /** The prefix asked for. */
    readonly key: string,
    readonly service: Service,
  ) {
    for (const rt of service.resourceTypes) {
      if (!this.arnByType.has(rt.name)) this.arnByType.set(rt.name, rt.arn);
      const lower = rt.arn.toLowerCase();
      if (!this.typeByLowerArn.has(lower)) this.typeByLowerArn.set(lower, rt.name);
    }
  }

  get prefix(): string {
    return this.service.prefix;
  }

  /** The rows of an action, one per resource type, in page order. */
  rows(action: ActionRecord): ActionRow[] {
    let rows = this.rowsByAction.get(action);
    if (!rows) {
      const name = `${this.prefix}:${action.name}`;
      rows = action.resourceTypes.map((rt) => ({
        action: name,
        accessLevel: action.accessLevel,
        format: this.formatOf(rt),
      }));
      this.rowsByAction.set(action, rows);
    }
    return rows;
  }

  /** The ARN format of one of an action's resource types; `*` when it names none (or one the service lacks). */
  private formatOf(rt: ActionRecord['resourceTypes'][number]): string {
    return (rt.resourceType && this.arnByType.get(rt.resourceType)) || '*';
  }

  /** Every dependent action named on any row of the action, without repeats. */
  dependentActions(action: ActionRecord): string[] {
    let deps = this.dependents.get(action);
    if (!deps) {
      const set = new Set<string>();
      const rts = action.resourceTypes;
      for (let i = 0; i < rts.length; i++) {
        const d = rts[i].dependentActions;
        for (let j = 0; j < d.length; j++) set.add(d[j]);
      }
      deps = Array.from(set);
      this.dependents.set(action, deps);
    }
    return deps;
  }

  /** The distinct ARN formats the service's actions at `level` have, in first-seen order. */
  formatsAt(level: AccessLevel): FormatEntry[] {
    let list = this.formats.get(level);
    if (!list) {
      const seen = new Set<string>();
      list = [];
      const actions = this.service.actions;
      for (let i = 0; i < actions.length; i++) {
        if (actions[i].accessLevel !== level) continue;
        // The formats of the action's rows (rows() without building them: only the formats are wanted).
        const rts = actions[i].resourceTypes;
        for (let j = 0; j < rts.length; j++) {
          const format = this.formatOf(rts[j]);
          if (format === '*' || seen.has(format)) continue;
          seen.add(format);
          list.push({ compiled: compileArnFormat(format), resourceType: this.resourceTypeOf(format) });
        }
      }
      this.formats.set(level, list);
    }
    return list;
  }

  /** The resource type whose ARN format is `format`, ignoring case; the first one when several share it. */
  resourceTypeOf(format: string): string | undefined {
    return this.typeByLowerArn.get(format.toLowerCase());
  }

  /** Actions naming each resource type (lower case), in page order; built in one pass over the service. */
  private actionsOfType(lowerType: string): readonly ActionRecord[] {
    if (!this.byType) {
      this.byType = new Map();
      // A service names a few dozen types on hundreds of rows: each is lowered once.
      const lowered = new Map<string, string>();
      const actions = this.service.actions;
      for (let i = 0; i < actions.length; i++) {
        const action = actions[i];
        for (let j = 0; j < action.resourceTypes.length; j++) {
          const type = action.resourceTypes[j].resourceType;
          let key = lowered.get(type);
          if (key === undefined) lowered.set(type, (key = type.toLowerCase()));
          const list = this.byType.get(key);
          if (!list) this.byType.set(key, [action]);
          else if (list[list.length - 1] !== action) list.push(action);
        }
      }
    }
    return this.byType.get(lowerType) ?? [];
  }

  /** Actions (any access level) naming the resource type, spelled with the prefix asked for. */
  private coveredBy(resourceType: string): Set<string> {
    const lower = resourceType.toLowerCase();
    let set = this.coveredByType.get(lower);
    if (!set) {
      set = new Set(this.actionsOfType(lower).map((a) => `${this.key}:${a.name}`));
      this.coveredByType.set(lower, set);
    }
    return set;
  }

  /** The actions a resource type gives at an access level, and where their dependent actions go. */
  typeAtLevel(resourceType: string, level: AccessLevel): TypeAtLevel {
    let atLevel = this.typeLevel.get(level);
    if (!atLevel) this.typeLevel.set(level, (atLevel = new Map()));
    let entry = atLevel.get(resourceType);
    if (!entry) {
      const ofType = this.actionsOfType(resourceType.toLowerCase());
      const records: ActionRecord[] = [];
      const actions: string[] = [];
      for (let i = 0; i < ofType.length; i++) {
        if (ofType[i].accessLevel !== level) continue;
        records.push(ofType[i]);
        actions.push(`${this.prefix}:${ofType[i].name}`);
      }
      // Dependent actions, each once, in order of first mention (the order they are written in).
      const own = new Set(actions);
      const deps: string[] = [];
      const seen = new Set<string>();
      for (let i = 0; i < records.length; i++) {
        const named = this.dependentActions(records[i]);
        for (let j = 0; j < named.length; j++) {
          const d = named[j];
          if (own.has(d) || seen.has(d)) continue;
          seen.add(d);
          deps.push(d);
        }
      }
      const covered = this.coveredBy(resourceType);
      const joining: string[] = [];
      const elsewhere: string[] = [];
      for (let i = 0; i < deps.length; i++) (covered.has(deps[i]) ? joining : elsewhere).push(deps[i]);
      entry = { sid: statementId(this.key, level, resourceType), actions, joining, elsewhere };
      atLevel.set(resourceType, entry);
    }
    return entry;
  }
}

/** An action that names no resource type: it can only be granted on `*`. */
export function isWildcardOnly(action: ActionRecord): boolean {
  return action.resourceTypes.length === 1 && action.resourceTypes[0].resourceType === '';
}

const wildcardOnlyByService = new WeakMap<Service, Map<AccessLevel, ActionRecord[]>>();

/**
 * A service's wildcard-only actions at `level`, in the page's order: what a `service-read` (and the like)
 * section grants. Sorted out once per loaded service, not at each template that names it.
 */
export function wildcardOnlyRecords(service: Service, level: AccessLevel): readonly ActionRecord[] {
  let byLevel = wildcardOnlyByService.get(service);
  if (!byLevel) {
    byLevel = new Map();
    for (const record of service.actions) {
      if (!isWildcardOnly(record)) continue;
      const list = byLevel.get(record.accessLevel);
      if (list) list.push(record);
      else byLevel.set(record.accessLevel, [record]);
    }
    wildcardOnlyByService.set(service, byLevel);
  }
  return byLevel.get(level) ?? [];
}

const indexes = new WeakMap<IamDatabase, Map<string, ServiceIndex | null>>();

/**
 * The service under exactly this prefix (as policy_sentry looks them up: case matters), with `catalog`
 * reaching Service Catalog; undefined when there is none.
 */
export function serviceIndex(db: IamDatabase, prefix: string): ServiceIndex | undefined {
  let byKey = indexes.get(db);
  if (!byKey) indexes.set(db, (byKey = new Map()));
  let index = byKey.get(prefix);
  if (index === undefined) {
    let svc = db.service(prefix);
    if (svc && svc.prefix !== prefix) svc = undefined;
    if (!svc && prefix === 'catalog') svc = db.service('servicecatalog');
    index = svc ? new ServiceIndex(prefix, svc) : null;
    byKey.set(prefix, index);
  }
  return index ?? undefined;
}

const formatTargets = new WeakMap<IamDatabase, Map<string, FormatTarget | null>>();

/** An ARN format used in place of a user's ARN (actions mode), with the service its prefix names. */
export interface FormatTarget {
  parsed: ParsedArn;
  index: ServiceIndex;
}

/**
 * Prepares a database ARN format to stand for the resources of an action (actions mode). Undefined when
 * the format names a service the database lacks or a placeholder service, or is not ARN-shaped: such
 * formats reach no statement.
 */
export function formatTarget(db: IamDatabase, format: string): FormatTarget | undefined {
  let byFormat = formatTargets.get(db);
  if (!byFormat) formatTargets.set(db, (byFormat = new Map()));
  let target = byFormat.get(format);
  if (target === undefined) {
    target = null;
    const parts = splitArn(format);
    if (parts && !parts.service.includes('$') && isArn(format)) {
      const index = serviceIndex(db, parts.service);
      if (index) target = { parsed: parseArn(format), index };
    }
    byFormat.set(format, target);
  }
  return target ?? undefined;
}
