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
}
