import type { ActionRecord, ConditionKeyRecord, ResourceTypeRecord, ServiceRecord } from './types.js';

/** Case-insensitive lookup over a list, built on first use. */
function lookup<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) {
    const k = key(item).toLowerCase();
    if (!map.has(k)) map.set(k, item);
  }
  return map;
}

/** A loaded service: its record plus case-insensitive lookups of actions, resource types and condition keys. */
export class Service {
  private actionMap?: Map<string, ActionRecord>;
  private resourceMap?: Map<string, ResourceTypeRecord>;
  private conditionMap?: Map<string, ConditionKeyRecord>;

  constructor(readonly record: ServiceRecord) {}

  get prefix(): string {
    return this.record.prefix;
  }
  get name(): string {
    return this.record.name;
  }
  get authorizationUrl(): string {
    return this.record.authorizationUrl;
  }
  get actions(): readonly ActionRecord[] {
    return this.record.actions;
  }
  get resourceTypes(): readonly ResourceTypeRecord[] {
    return this.record.resourceTypes;
  }
  get conditionKeys(): readonly ConditionKeyRecord[] {
    return this.record.conditionKeys;
  }

  /** The action named `name`, compared without regard to case. */
  action(name: string): ActionRecord | undefined {
    this.actionMap ??= lookup(this.record.actions, (a) => a.name);
    return this.actionMap.get(name.toLowerCase());
  }

  resourceType(name: string): ResourceTypeRecord | undefined {
    this.resourceMap ??= lookup(this.record.resourceTypes, (r) => r.name);
    return this.resourceMap.get(name.toLowerCase());
  }

  conditionKey(name: string): ConditionKeyRecord | undefined {
    this.conditionMap ??= lookup(this.record.conditionKeys, (c) => c.name);
    return this.conditionMap.get(name.toLowerCase());
  }
}
