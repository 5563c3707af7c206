/**
 * What a condition key written in a policy is: a global key (from condition-global-keys.ts), a service key
 * the database documents (with its data type, and whether it is multivalued), or unknown. Keys compare
 * without regard to case; a documented template (`ec2:ResourceTag/${TagKey}`, `s3:ExistingObjectTag/<key>`)
 * covers every key written with a name in place of its placeholder.
 */
import type { IamDatabase } from '../database/database.js';
import type { Service } from '../database/service.js';
import { editDistance } from '../util/errors.js';
import {
  globalKeyNames,
  lookupGlobalKey,
  readDatabaseType,
  type KeyDataType,
} from '../querying/condition-global-keys.js';
import { keyTemplatePrefix } from './resource-actions.js';

export type KeyInfo =
  | {
      kind: 'global';
      name: string;
      types: readonly KeyDataType[];
      multivalued: boolean;
      /** A service-prefixed key AWS documents as usable with every service (`ec2:SourceInstanceArn`). */
      crossService: boolean;
    }
  | {
      kind: 'service';
      /** The documented name (the template, for a templated key). */
      name: string;
      /** The data types the database gives it (a key some pages type differently has several). */
      types: readonly KeyDataType[];
      /** Some page types it ArrayOf...: it may carry several values. */
      anyMultivalued: boolean;
      /** Every page that types it says ArrayOf... */
      allMultivalued: boolean;
      /** Some page gives its type (pages also cite keys they never type). */
      typed: boolean;
    }
  /** A templated key written without the name its placeholder asks for (`aws:ResourceTag`). */
  | { kind: 'missing-tag-key'; template: string }
  | { kind: 'unknown-global'; hint: string }
  | { kind: 'unknown-service'; prefix: string; hint: string }
  /** A prefix the database does not know (an OIDC provider's `host:claim`, a new service): not judged. */
  | { kind: 'unjudged' }
  /** Not `prefix:name`. */
  | { kind: 'malformed' };

interface Documented {
  name: string;
  types: Set<KeyDataType>;
  multi: Set<boolean>;
}

interface KeyIndex {
  exact: Map<string, Documented>;
  /** Templated keys by the lower-case text before their placeholder. */
  templates: Map<string, Documented>;
  /** Documented names by lower-case prefix, for suggestions. */
  byPrefix: Map<string, string[]>;
}

interface Cache {
  resolved: Map<string, KeyInfo>;
  /** Every service's keys, built when a key is not found in its own service. */
  index?: KeyIndex;
  /** One service's keys, by prefix. */
  services: Map<string, KeyIndex>;
}

const caches = new WeakMap<IamDatabase, Cache>();

function addKey(index: KeyIndex, name: string, type: string | undefined): void {
  const lower = name.toLowerCase();
  const prefix = keyTemplatePrefix(lower);
  const table = prefix === undefined ? index.exact : index.templates;
  const at = prefix ?? lower;
  let doc = table.get(at);
  if (!doc) {
    doc = { name, types: new Set(), multi: new Set() };
    table.set(at, doc);
    const ns = lower.slice(0, lower.indexOf(':'));
    const names = index.byPrefix.get(ns);
    if (names) names.push(name);
    else index.byPrefix.set(ns, [name]);
  }
  if (type !== undefined) {
    const t = readDatabaseType(type);
    if (t.type) doc.types.add(t.type);
    doc.multi.add(t.multi);
  }
}

function buildIndex(services: readonly Service[]): KeyIndex {
  const index: KeyIndex = { exact: new Map(), templates: new Map(), byPrefix: new Map() };
  const seen = new Set<string>();
  for (const svc of services) {
    for (const c of svc.conditionKeys) {
      seen.add(c.name);
      addKey(index, c.name, c.type);
    }
  }
  // Pages also cite keys in their actions and resource types that their key table lacks. The same few
  // keys are cited by thousands of actions: skip the ones seen before reading them.
  const cite = (k: string) => {
    if (!seen.has(k)) {
      seen.add(k);
      addKey(index, k, undefined);
    }
  };
  for (const svc of services) {
    for (const a of svc.actions)
      for (const row of a.resourceTypes) for (const k of row.conditionKeys) cite(k);
    for (const r of svc.resourceTypes) for (const k of r.conditionKeys) cite(k);
  }
  return index;
}

function lookup(index: KeyIndex, lower: string): Documented | undefined {
  const hit = index.exact.get(lower);
  if (hit) return hit;
  let best: Documented | undefined;
  let bestLength = -1;
  for (const [prefix, doc] of index.templates) {
    if (lower.startsWith(prefix) && lower.length > prefix.length && prefix.length > bestLength) {
      best = doc;
      bestLength = prefix.length;
    }
  }
  return best;
}

/** A templated key named without its placeholder's part: `ec2:ResourceTag`, `ec2:ResourceTag/`. */
function bareTemplate(index: KeyIndex, lower: string): Documented | undefined {
  for (const [prefix, doc] of index.templates) {
    if (lower === prefix || lower === prefix.replace(/[/:]$/, '')) return doc;
  }
  return undefined;
}

function serviceInfo(doc: Documented): KeyInfo {
  return {
    kind: 'service',
    name: doc.name,
    types: [...doc.types],
    anyMultivalued: doc.multi.has(true),
    allMultivalued: doc.multi.size > 0 && !doc.multi.has(false),
    typed: doc.multi.size > 0,
  };
}

function resolveUncached(db: IamDatabase, c: Cache, key: string): KeyInfo {
  const colon = key.indexOf(':');
  if (colon <= 0 || colon === key.length - 1 || /\s/.test(key)) return { kind: 'malformed' };
  const global = lookupGlobalKey(key);
  if (global.kind === 'key') {
    return {
      kind: 'global',
      name: global.key.name,
      types: global.key.types,
      multivalued: global.key.multivalued,
      crossService: !global.key.name.startsWith('aws:'),
    };
  }
  if (global.kind === 'missing-tag-key')
    return { kind: 'missing-tag-key', template: `${global.key.name}<tag-key>` };
  const lower = key.toLowerCase();
  const prefix = lower.slice(0, colon);
  if (prefix === 'aws') return { kind: 'unknown-global', hint: suggestKey(key, globalKeyNames()) };
  // The key's own service usually documents it: look there before reading the whole database.
  const own = db.service(prefix);
  if (own) {
    let small = c.services.get(own.prefix);
    if (!small) {
      small = buildIndex([own]);
      c.services.set(own.prefix, small);
    }
    const doc = lookup(small, lower);
    if (doc && doc.types.size > 0) return serviceInfo(doc);
  }
  c.index ??= buildIndex(db.allServices());
  const doc = lookup(c.index, lower);
  if (doc) return serviceInfo(doc);
  const bare = bareTemplate(c.index, lower);
  if (bare) return { kind: 'missing-tag-key', template: bare.name };
  const names = c.index.byPrefix.get(prefix);
  if (own || names) return { kind: 'unknown-service', prefix, hint: suggestKey(key, names ?? []) };
  return { kind: 'unjudged' };
}

/**
 * "; did you mean ...?" for a key: names within a few edits of it, else those sharing the longest start
 * with it (at least six characters after the prefix). Generic edit-distance suggestions are noise for the
 * long names of condition keys.
 */
export function suggestKey(key: string, names: readonly string[]): string {
  const lower = key.toLowerCase();
  const limit = Math.max(2, Math.floor(lower.length / 6));
  let picks = names
    .map((n) => ({ n, d: editDistance(lower, n.toLowerCase()) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || (a.n < b.n ? -1 : 1))
    .map((x) => x.n);
  if (picks.length === 0) {
    const common = (n: string) => {
      const m = n.toLowerCase();
      let i = 0;
      while (i < m.length && i < lower.length && m[i] === lower[i]) i++;
      return i;
    };
    const start = lower.indexOf(':') + 1;
    const best = Math.max(0, ...names.map(common));
    if (best >= start + 6) picks = names.filter((n) => common(n) === best).sort();
  }
  picks = picks.slice(0, 3).map((n) => `'${n}'`);
  if (picks.length === 0) return '';
  return `; did you mean ${picks.length > 1 ? `${picks.slice(0, -1).join(', ')} or ${picks.at(-1)}` : picks[0]}?`;
}

/** What `key` (as written in a policy) is. Cached per database. */
export function resolveConditionKey(db: IamDatabase, key: string): KeyInfo {
  let c = caches.get(db);
  if (!c) {
    c = { resolved: new Map(), services: new Map() };
    caches.set(db, c);
  }
  let info = c.resolved.get(key);
  if (!info) {
    info = resolveUncached(db, c, key);
    if (c.resolved.size >= 20_000) c.resolved.clear();
    c.resolved.set(key, info);
  }
  return info;
}

/** May the key carry several values in one request? undefined when unknown. */
export function isMultivalued(info: KeyInfo, strict: boolean): boolean | undefined {
  if (info.kind === 'global') return info.multivalued;
  if (info.kind === 'service' && info.typed) return strict ? info.allMultivalued : info.anyMultivalued;
  return undefined;
}
