/**
 * The running count of what the calls needed: per action and resource, how many calls asked for it; the
 * refused calls apart; and what could not be used (unknown services and operations, calls filtered out).
 * Memory grows with the distinct (action, resource) pairs, not with the number of events.
 */
import type { ActionInfo, CallResolver } from './resolve.js';
import { parseTime } from './record.js';
import type { ObservedCall } from './types.js';

export interface CallFilter {
  /** Keep calls of this identity ARN, or of sessions of this role (the session issuer). */
  principal?: string;
  /** Keep calls at or after this time (ms since the epoch). */
  since?: number;
  /** Keep calls at or before this time (ms since the epoch). */
  until?: number;
}

/** Uses of one action: per resource (`*` when none or unknown), how many calls. */
export interface ActionUses {
  action: ActionInfo;
  resources: Map<string, number>;
  /** Calls whose resource was not known, so that the action went to `*`. */
  unknownResource: number;
}

/** One action's uses as plain data: its name, its resources with their counts, its unknown-resource calls. */
export type UsesData = [action: string, resources: [string, number][], unknownResource: number];

/**
 * A tally as plain data, to send from a worker thread: every map as its entries, in the order they were
 * first seen, so that merging parts in input order gives the maps the order one reader would have.
 */
export interface TallyData {
  granted: UsesData[];
  denied: UsesData[];
  unknownServices: [string, number][];
  unknownOperations: [string, number][];
  calls: number;
  filteredOut: number;
  withoutTime: number;
}

export class Tally {
  readonly granted = new Map<string, ActionUses>();
  readonly denied = new Map<string, ActionUses>();
  readonly unknownServices = new Map<string, number>();
  readonly unknownOperations = new Map<string, number>();
  /** Calls read (rows count as their event_count). */
  calls = 0;
  /** Calls left out by --principal, --since, --until. */
  filteredOut = 0;
  /** Calls left out by --since/--until because they carry no time. */
  withoutTime = 0;

  constructor(
    private readonly resolver: CallResolver,
    private readonly filter: CallFilter = {},
  ) {}

  private keep(call: ObservedCall): boolean {
    const { principal, since, until } = this.filter;
    if (principal !== undefined && call.principal !== principal && call.sessionIssuer !== principal)
      return false;
    if (since === undefined && until === undefined) return true;
    const time = call.time ?? parseTime(call.timeText);
    if (time === undefined) {
      this.withoutTime += call.count;
      return false;
    }
    const last = call.lastTime ?? time;
    return (since === undefined || last >= since) && (until === undefined || time <= until);
  }

  add(call: ObservedCall): void {
    this.calls += call.count;
    if (!this.keep(call)) {
      this.filteredOut += call.count;
      return;
    }
    const r = this.resolver.resolve(call);
    if (r.kind === 'unknown-service') {
      this.unknownServices.set(r.name, (this.unknownServices.get(r.name) ?? 0) + call.count);
      return;
    }
    if (r.kind === 'unknown-operation') {
      this.unknownOperations.set(r.name, (this.unknownOperations.get(r.name) ?? 0) + call.count);
      return;
    }
    const into = call.denied ? this.denied : this.granted;
    for (const { action, resources, unknown } of r.actions) {
      let uses = into.get(action.name);
      if (!uses) into.set(action.name, (uses = { action, resources: new Map(), unknownResource: 0 }));
      if (unknown) uses.unknownResource += call.count;
      if (resources.length === 0) {
        uses.resources.set('*', (uses.resources.get('*') ?? 0) + call.count);
        continue;
      }
      for (const arn of resources) uses.resources.set(arn, (uses.resources.get(arn) ?? 0) + call.count);
    }
  }

  /** This tally as plain data (see TallyData). */
  toData(): TallyData {
    const uses = (m: Map<string, ActionUses>): UsesData[] =>
      [...m.values()].map((u) => [u.action.name, [...u.resources], u.unknownResource]);
    return {
      granted: uses(this.granted),
      denied: uses(this.denied),
      unknownServices: [...this.unknownServices],
      unknownOperations: [...this.unknownOperations],
      calls: this.calls,
      filteredOut: this.filteredOut,
      withoutTime: this.withoutTime,
    };
  }

  /**
   * Adds the tally of a later part of the input (made with the same database, filter and resolver options):
   * the result is the tally of reading this part, then that one.
   */
  merge(part: TallyData): void {
    this.calls += part.calls;
    this.filteredOut += part.filteredOut;
    this.withoutTime += part.withoutTime;
    addCounts(this.unknownServices, part.unknownServices);
    addCounts(this.unknownOperations, part.unknownOperations);
    this.mergeUses(this.granted, part.granted);
    this.mergeUses(this.denied, part.denied);
  }

  private mergeUses(into: Map<string, ActionUses>, part: UsesData[]): void {
    for (const [name, resources, unknownResource] of part) {
      let uses = into.get(name);
      if (!uses) {
        const action = this.resolver.action(name);
        // The part was resolved against the same database: an action it found is there.
        if (!action) throw new Error(`generate: ${name} is not in the database the part was read with`);
        into.set(name, (uses = { action, resources: new Map(), unknownResource: 0 }));
      }
      uses.unknownResource += unknownResource;
      addCounts(uses.resources, resources);
    }
  }
}

function addCounts(into: Map<string, number>, counts: Iterable<[string, number]>): void {
  for (const [k, n] of counts) into.set(k, (into.get(k) ?? 0) + n);
}
