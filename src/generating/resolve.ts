/**
 * From an observed call to what it needed: its actions (the operation map), and for each action the
 * resources, as ARNs in the database's formats for the action's resource types. Where the call does not say
 * which resource an action acted on, the action gets `*` and the caller counts it; an ARN is never made
 * broader than what the call shows.
 */
import type { IamDatabase } from '../database/database.js';
import type { AccessLevel } from '../database/types.js';
import type { OperationMap } from '../querying/operations.js';
import {
  arnOf,
  bindArnFormat,
  fillArnFormat,
  generalizedArn,
  parseArnFormat,
  type ArnFormat,
} from './arn-format.js';
import { arnParameters, placeholderLookup, type Lookup } from './parameters.js';
import type { ObservedCall } from './types.js';

/** An action and what generate needs of it, computed once per action. */
export interface ActionInfo {
  /** `prefix:Action`, database spelling. */
  name: string;
  service: string;
  accessLevel: AccessLevel;
  /** The ARN formats of its resource types (cross-service ones included, e.g. ssm's ec2 instance). */
  formats: ArnFormat[];
  /**
   * Which formats are of required resource types (marked `*` in the reference): a request needs all of
   * them at once (ec2:RunInstances: image, instance, subnet...), so a call that shows only some of them
   * does not say enough to grant the action narrowly.
   */
  required: boolean[];
}

/** One action of a call and the resources it acted on. */
export interface ResolvedAction {
  action: ActionInfo;
  /** ARNs; empty when the action takes no resource or the call does not say which (see `unknown`). */
  resources: string[];
  /** The action takes resources but the call did not name one it could be tied to: granted on `*`. */
  unknown: boolean;
}

export type Resolution =
  | { kind: 'actions'; actions: ResolvedAction[] }
  | { kind: 'unknown-service'; name: string }
  | { kind: 'unknown-operation'; name: string };

export interface ResolverOptions {
  /** Put `*` in place of object keys, ids and timestamps (arn-format.ts isVolatile). Default false. */
  generalize?: boolean;
}

/** Most ARNs one action of one call gets from list parameters (BatchGetItem's tables, GetParameters' names). */
const MAX_ARNS_PER_ACTION = 100;
/** Most resolutions kept for reuse (see CallResolver.recent). */
const RECENT_CALLS = 2_000;

export class CallResolver {
  private readonly actionInfo = new Map<string, ActionInfo | null>();
  private readonly operations = new Map<string, ActionInfo[] | null>();
  private readonly sources = new Map<string, string | null>();
  private readonly sdkNames = new Map<string, string | null>();

  constructor(
    private readonly db: IamDatabase,
    private readonly map: OperationMap,
    private readonly options: ResolverOptions = {},
  ) {}

  /** The database's record of `prefix:Action` (any case), or undefined. */
  action(name: string): ActionInfo | undefined {
    const key = name.toLowerCase();
    let info = this.actionInfo.get(key);
    if (info === undefined) {
      info = this.loadAction(name) ?? null;
      this.actionInfo.set(key, info);
    }
    return info ?? undefined;
  }

  private loadAction(name: string): ActionInfo | undefined {
    const colon = name.indexOf(':');
    if (colon <= 0) return undefined;
    const svc = this.db.service(name.slice(0, colon));
    const rec = svc?.action(name.slice(colon + 1));
    if (!svc || !rec) return undefined;
    const formats: ArnFormat[] = [];
    const required: boolean[] = [];
    const seen = new Map<string, number>();
    for (const rt of rec.resourceTypes) {
      if (!rt.resourceType) continue;
      const type = svc.resourceType(rt.resourceType);
      if (!type) continue;
      const at = seen.get(type.arn);
      if (at !== undefined) {
        required[at] ||= rt.required;
        continue;
      }
      seen.set(type.arn, formats.length);
      formats.push(parseArnFormat(type.arn, type.name));
      required.push(rt.required);
    }
    return {
      name: `${svc.prefix}:${rec.name}`,
      service: svc.prefix,
      accessLevel: rec.accessLevel,
      formats,
      required,
    };
  }

  private serviceOf(call: ObservedCall): string | undefined {
    if (call.service !== undefined) return this.db.service(call.service)?.prefix;
    if (call.eventSource !== undefined) {
      return remembered(this.sources, call.eventSource, (k) => this.map.serviceForEventSource(k));
    }
    if (call.sdkName !== undefined) {
      return remembered(this.sdkNames, call.sdkName, (k) => this.map.serviceForSdkName(k));
    }
    return undefined;
  }

  /** The actions of a call's operation, or why there are none. */
  private actionsOf(call: ObservedCall): ActionInfo[] | Resolution {
    if (call.action !== undefined) {
      const info = this.action(call.action);
      return info ? [info] : { kind: 'unknown-operation', name: call.action };
    }
    const service = this.serviceOf(call);
    if (service === undefined) {
      return { kind: 'unknown-service', name: call.eventSource ?? call.sdkName ?? call.service ?? '(none)' };
    }
    const key = `${service}:${call.operation}`;
    let infos = this.operations.get(key);
    if (infos === undefined) {
      const entry = this.map.lookup(service, call.operation);
      infos = entry ? entry.actions.flatMap((a) => this.action(a) ?? []) : null;
      if (infos && infos.length === 0) infos = null;
      this.operations.set(key, infos);
    }
    return infos ?? { kind: 'unknown-operation', name: key };
  }

  /**
   * Resolutions of recent calls, by what resolution reads of them: applications repeat the same calls on
   * the same resources, so most events are answered here. Cleared when full, which bounds its memory.
   */
  private readonly recent = new Map<string, Resolution>();

  resolve(call: ObservedCall): Resolution {
    let key: string;
    try {
      key = `${call.action ?? ''}\u0000${call.service ?? ''}\u0000${call.eventSource ?? ''}\u0000${call.sdkName ?? ''}\u0000${call.operation}\u0000${call.partition ?? ''}\u0000${call.region ?? ''}\u0000${call.account ?? ''}\u0000${call.resourceArns?.join(' ') ?? ''}\u0000${JSON.stringify(call.parameters ?? null)}`;
    } catch {
      return this.resolveNow(call); // parameters JSON cannot write (never from a parsed file)
    }
    let r = this.recent.get(key);
    if (r === undefined) {
      r = this.resolveNow(call);
      if (this.recent.size >= RECENT_CALLS) this.recent.clear();
      this.recent.set(key, r);
    }
    return r;
  }

  private resolveNow(call: ObservedCall): Resolution {
    const infos = this.actionsOf(call);
    if (!Array.isArray(infos)) return infos;
    let direct: string[] | undefined;
    let lookup: Lookup | undefined;
    // Placeholders are looked up once per call, whatever the number of its actions.
    const lookupOnce = () => (lookup ??= placeholderLookup(call, infos[0].service));
    const actions: ResolvedAction[] = [];
    for (const action of infos) {
      if (action.formats.length === 0) {
        actions.push({ action, resources: [], unknown: false });
        continue;
      }
      direct ??= arnParameters(call.parameters, call.resourceArns);
      const resources = this.resourcesOf(action, direct, lookupOnce);
      actions.push({ action, resources, unknown: resources.length === 0 });
    }
    return { kind: 'actions', actions };
  }

  /**
   * The ARNs of the action's resource types that the call names or whose placeholders it fills; none when
   * a required resource type is left without one (the grant would not cover the call).
   */
  private resourcesOf(action: ActionInfo, direct: readonly string[], lookup: () => Lookup): string[] {
    const found = new Set<string>();
    const generalize = this.options.generalize === true;
    for (let i = 0; i < action.formats.length; i++) {
      const f = action.formats[i];
      const before = found.size;
      for (const arn of direct) {
        const values = bindArnFormat(f, arn);
        if (values) found.add(generalize ? generalizedArn(f, values) : arnOf(f, values));
      }
      if (found.size === before) {
        for (const r of filled(f, lookup())) found.add(generalize ? generalizedArn(f, r.values) : r.arn);
      }
      if (found.size === before && action.required[i]) return [];
      if (found.size >= MAX_ARNS_PER_ACTION) break;
    }
    return [...found];
  }
}

/** Every way the lookup fills the format (one per value of a list parameter), capped. */
function filled(f: ArnFormat, lookup: Lookup): { arn: string; values: string[] }[] {
  const choices: string[][] = [];
  let several = false;
  for (const p of f.placeholders) {
    const values = lookup(p);
    if (!values) return [];
    if (values.length > 1) several = true;
    choices.push(values);
  }
  if (!several) {
    // The usual case: one value each.
    const r = fillArnFormat(f, (i) => choices[i][0]);
    return r ? [r] : [];
  }
  let combos: string[][] = [[]];
  for (const values of choices) {
    const next: string[][] = [];
    for (const c of combos)
      for (const v of values) if (next.length < MAX_ARNS_PER_ACTION) next.push([...c, v]);
    combos = next;
  }
  const out: { arn: string; values: string[] }[] = [];
  for (const combo of combos) {
    const r = fillArnFormat(f, (i) => combo[i]);
    if (r) out.push(r);
  }
  return out;
}

/** `find(key)`, looked up once per key: a trail repeats a few event sources and SDK names millions of times. */
function remembered(
  cache: Map<string, string | null>,
  key: string,
  find: (key: string) => string | undefined,
): string | undefined {
  let found = cache.get(key);
  if (found === undefined) {
    found = find(key) ?? null;
    cache.set(key, found);
  }
  return found ?? undefined;
}
