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

/** Options of formatDiffMarkdown. */
export interface MarkdownDiffOptions {
  /** Heading of the document. Default 'IAM database changes'. */
  title?: string;
  /**
   * Longest output in characters (GitHub refuses a pull-request body over 65,536). Lists of names are cut
   * short, each ending with how many were left out, until the text fits. Default 60,000.
   */
  maxChars?: number;
}

/** A name as inline code; a backquote or a pipe in it cannot break the Markdown (names never hold them). */
const code = (s: string) => `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;

/** Items grouped by service, in order of first appearance: one line per service. */
function byService(items: readonly ServiceItem[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const i of items) {
    const g = groups.get(i.service);
    if (g) g.push(i.name);
    else groups.set(i.service, [i.name]);
  }
  return groups;
}

/** Up to `limit` names, then how many more. */
function names(list: readonly string[], limit: number): string {
  const shown = list.slice(0, limit).map(code).join(', ');
  return list.length > limit ? `${shown} and ${list.length - limit} more` : shown;
}

function renderMarkdown(d: DatabaseDiff, title: string, limit: number): string {
  const out: string[] = [`## ${title}`, ''];
  if (isEmptyDiff(d)) return `${out.join('\n')}\nNo differences.\n`;
  const count = (x: AddedRemoved<unknown>) => [x.added.length, x.removed.length];
  const accessLevel = d.changedActions.filter((c) => c.changes.some((ch) => ch.field === 'accessLevel'));
  const resources = d.changedActions.filter((c) => c.changes.some((ch) => ch.field !== 'accessLevel'));
  out.push(
    '| | Added | Removed |',
    '| --- | ---: | ---: |',
    `| Services | ${count(d.services).join(' | ')} |`,
    `| Actions | ${count(d.actions).join(' | ')} |`,
    `| Resource types | ${count(d.resourceTypes).join(' | ')} |`,
    `| Condition keys | ${count(d.conditionKeys).join(' | ')} |`,
    '',
    `Actions whose access level changed: ${accessLevel.length}; whose resource types changed: ${resources.length}.`,
    '',
  );
  if (d.services.added.length || d.services.removed.length) {
    out.push('### Services', '');
    if (d.services.added.length) out.push(`- Added: ${names(d.services.added, limit)}`);
    if (d.services.removed.length) out.push(`- Removed: ${names(d.services.removed, limit)}`);
    out.push('');
  }
  const perService = (heading: string, x: AddedRemoved<ServiceItem>) => {
    if (!x.added.length && !x.removed.length) return;
    out.push(`### ${heading}`, '');
    for (const [verb, items] of [
      ['Added', x.added],
      ['Removed', x.removed],
    ] as const) {
      if (!items.length) continue;
      out.push(`${verb} (${items.length}):`, '');
      const groups = byService(items);
      const services = [...groups.keys()];
      for (const s of services.slice(0, limit))
        out.push(`- ${code(s)}: ${names(groups.get(s) ?? [], limit)}`);
      if (services.length > limit) out.push(`- … and ${services.length - limit} more services`);
      out.push('');
    }
  };
  perService('Actions', d.actions);
  if (accessLevel.length) {
    out.push('### Access levels', '', '| Action | Before | After |', '| --- | --- | --- |');
    for (const c of accessLevel.slice(0, limit)) {
      const ch = c.changes.find((x) => x.field === 'accessLevel');
      if (ch?.field === 'accessLevel')
        out.push(`| ${code(`${c.service}:${c.action}`)} | ${ch.before} | ${ch.after} |`);
    }
    if (accessLevel.length > limit) out.push(`| … and ${accessLevel.length - limit} more | | |`);
    out.push('');
  }
  if (resources.length) {
    out.push('### Resource types of actions', '', '| Action | Change |', '| --- | --- |');
    for (const c of resources.slice(0, limit)) {
      const parts = c.changes.flatMap((ch) => {
        if (ch.field === 'resourceTypes') {
          return [
            ...(ch.added.length ? [`added ${names(ch.added, limit)}`] : []),
            ...(ch.removed.length ? [`removed ${names(ch.removed, limit)}`] : []),
          ];
        }
        if (ch.field === 'required') {
          return [`${code(ch.resourceType)} ${ch.after ? 'now required' : 'no longer required'}`];
        }
        return [];
      });
      out.push(`| ${code(`${c.service}:${c.action}`)} | ${parts.join('; ')} |`);
    }
    if (resources.length > limit) out.push(`| … and ${resources.length - limit} more | |`);
    out.push('');
  }
  perService('Resource types', d.resourceTypes);
  perService('Condition keys', d.conditionKeys);
  return out.join('\n');
}

/**
 * The diff as GitHub-flavoured Markdown (a pull request's description): a table of counts, then the names,
 * grouped by service, of what was added and removed, and the actions whose access level or resource types
 * changed.
 */
export function formatDiffMarkdown(d: DatabaseDiff, options: MarkdownDiffOptions = {}): string {
  const title = options.title ?? 'IAM database changes';
  const max = options.maxChars ?? 60_000;
  let text = renderMarkdown(d, title, Infinity);
  // Halve the names shown per list until it fits; at 1 name per list the size is bounded by the services.
  for (let limit = 256; text.length > max && limit >= 1; limit >>= 1) {
    text = renderMarkdown(d, title, limit);
  }
  return text;
}
