/**
 * What changed between two databases: services, actions, resource types and condition keys added or removed,
 * and actions whose access level, resource types or required flags changed. Names compare without regard to
 * case (as IAM does); the newer database's spelling is reported.
 */
import type { IamDatabase } from './database.js';
import type { Service } from './service.js';
import type { ActionRecord } from './types.js';

/** A name within a service: an action, resource type or condition key. */
export interface ServiceItem {
  service: string;
  name: string;
}

export interface AddedRemoved<T> {
  added: T[];
  removed: T[];
}

export type ActionChange =
  | { field: 'accessLevel'; before: string; after: string }
  | { field: 'resourceTypes'; added: string[]; removed: string[] }
  | { field: 'required'; resourceType: string; before: boolean; after: boolean };

export interface ChangedAction {
  service: string;
  action: string;
  changes: ActionChange[];
}

export interface DatabaseDiff {
  services: AddedRemoved<string>;
  actions: AddedRemoved<ServiceItem>;
  resourceTypes: AddedRemoved<ServiceItem>;
  conditionKeys: AddedRemoved<ServiceItem>;
  changedActions: ChangedAction[];
}

const lower = (s: string) => s.toLowerCase();

function addedRemoved<T>(
  before: readonly T[],
  after: readonly T[],
  key: (t: T) => string,
): { added: T[]; removed: T[]; common: [T, T][] } {
  const b = new Map(before.map((x) => [lower(key(x)), x]));
  const a = new Map(after.map((x) => [lower(key(x)), x]));
  const added = after.filter((x) => !b.has(lower(key(x))));
  const removed = before.filter((x) => !a.has(lower(key(x))));
  const common = after
    .filter((x) => b.has(lower(key(x))))
    .map((x) => [b.get(lower(key(x))) as T, x] as [T, T]);
  return { added, removed, common };
}

function actionChanges(before: ActionRecord, after: ActionRecord): ActionChange[] {
  const changes: ActionChange[] = [];
  if (before.accessLevel !== after.accessLevel) {
    changes.push({ field: 'accessLevel', before: before.accessLevel, after: after.accessLevel });
  }
  // The '' row carries action-level condition keys, not a resource type.
  const rows = (a: ActionRecord) => a.resourceTypes.filter((r) => r.resourceType !== '');
  const rt = addedRemoved(rows(before), rows(after), (r) => r.resourceType);
  if (rt.added.length || rt.removed.length) {
    changes.push({
      field: 'resourceTypes',
      added: rt.added.map((r) => r.resourceType),
      removed: rt.removed.map((r) => r.resourceType),
    });
  }
  for (const [b, a] of rt.common) {
    if (b.required !== a.required) {
      changes.push({
        field: 'required',
        resourceType: a.resourceType,
        before: b.required,
        after: a.required,
      });
    }
  }
  return changes;
}

function diffService(before: Service, after: Service, out: DatabaseDiff): void {
  const service = after.record.prefix;
  const item = (name: string): ServiceItem => ({ service, name });
  const itemBefore = (name: string): ServiceItem => ({ service: before.record.prefix, name });
  const acts = addedRemoved(before.record.actions, after.record.actions, (a) => a.name);
  out.actions.added.push(...acts.added.map((a) => item(a.name)));
  out.actions.removed.push(...acts.removed.map((a) => itemBefore(a.name)));
  for (const [b, a] of acts.common) {
    const changes = actionChanges(b, a);
    if (changes.length) out.changedActions.push({ service, action: a.name, changes });
  }
  const rts = addedRemoved(before.record.resourceTypes, after.record.resourceTypes, (r) => r.name);
  out.resourceTypes.added.push(...rts.added.map((r) => item(r.name)));
  out.resourceTypes.removed.push(...rts.removed.map((r) => itemBefore(r.name)));
  const cks = addedRemoved(before.record.conditionKeys, after.record.conditionKeys, (c) => c.name);
  out.conditionKeys.added.push(...cks.added.map((c) => item(c.name)));
  out.conditionKeys.removed.push(...cks.removed.map((c) => itemBefore(c.name)));
}

/** Everything that differs from `before` to `after`. Reads both databases in full. */
export function diffDatabases(before: IamDatabase, after: IamDatabase): DatabaseDiff {
  const out: DatabaseDiff = {
    services: { added: [], removed: [] },
    actions: { added: [], removed: [] },
    resourceTypes: { added: [], removed: [] },
    conditionKeys: { added: [], removed: [] },
    changedActions: [],
  };
  const svc = addedRemoved(before.listServices(), after.listServices(), (s) => s.prefix);
  out.services.added = svc.added.map((s) => s.prefix);
  out.services.removed = svc.removed.map((s) => s.prefix);
  // A whole service added or removed also counts its actions, resource types and keys.
  const empty = { actions: [], resourceTypes: [], conditionKeys: [] };
  for (const s of svc.added) {
    const r = after.service(s.prefix)?.record ?? { ...empty, prefix: s.prefix };
    out.actions.added.push(...r.actions.map((a) => ({ service: s.prefix, name: a.name })));
    out.resourceTypes.added.push(...r.resourceTypes.map((t) => ({ service: s.prefix, name: t.name })));
    out.conditionKeys.added.push(...r.conditionKeys.map((c) => ({ service: s.prefix, name: c.name })));
  }
  for (const s of svc.removed) {
    const r = before.service(s.prefix)?.record ?? { ...empty, prefix: s.prefix };
    out.actions.removed.push(...r.actions.map((a) => ({ service: s.prefix, name: a.name })));
    out.resourceTypes.removed.push(...r.resourceTypes.map((t) => ({ service: s.prefix, name: t.name })));
    out.conditionKeys.removed.push(...r.conditionKeys.map((c) => ({ service: s.prefix, name: c.name })));
  }
  for (const [b, a] of svc.common) {
    diffService(before.service(b.prefix) as Service, after.service(a.prefix) as Service, out);
  }
  return out;
}

export function isEmptyDiff(d: DatabaseDiff): boolean {
  return (
    [d.services, d.actions, d.resourceTypes, d.conditionKeys].every(
      (x) => !x.added.length && !x.removed.length,
    ) && d.changedActions.length === 0
  );
}

/** The diff as readable text, one change per line, grouped by kind. */
export function formatDiff(d: DatabaseDiff): string {
  if (isEmptyDiff(d)) return 'no differences\n';
  const lines: string[] = [];
  const section = <T>(title: string, x: AddedRemoved<T>, show: (t: T) => string) => {
    if (!x.added.length && !x.removed.length) return;
    lines.push(`${title}: ${x.added.length} added, ${x.removed.length} removed`);
    for (const t of x.added) lines.push(`  + ${show(t)}`);
    for (const t of x.removed) lines.push(`  - ${show(t)}`);
  };
  const qualified = (i: ServiceItem) => `${i.service}:${i.name}`;
  section('services', d.services, (s) => s);
  section('actions', d.actions, qualified);
  section('resource types', d.resourceTypes, qualified);
  // Condition keys already carry a prefix of their own (often aws:), so the service is shown apart.
  section('condition keys', d.conditionKeys, (i) => `${i.name} (${i.service})`);
  if (d.changedActions.length) {
    lines.push(`changed actions: ${d.changedActions.length}`);
    for (const c of d.changedActions) {
      const parts = c.changes.map((ch) => {
        if (ch.field === 'accessLevel') return `access level ${ch.before} -> ${ch.after}`;
        if (ch.field === 'resourceTypes') {
          return `resource types ${[...ch.added.map((r) => `+${r}`), ...ch.removed.map((r) => `-${r}`)].join(' ')}`;
        }
        return `${ch.resourceType} ${ch.after ? 'now required' : 'no longer required'}`;
      });
      lines.push(`  ~ ${c.service}:${c.action}: ${parts.join('; ')}`);
    }
  }
  return lines.join('\n') + '\n';
}
