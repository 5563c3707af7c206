/**
 * Turns validated template data into a `Template`: defaults filled in, lists trimmed, and the empty entries
 * (`''`, a bare `-`) that created templates are full of dropped wherever they stand.
 */
import type { ActionsTemplate, CrudTemplate, Effect, Template } from '../types.js';
import { ACCESS_LEVEL_KEYS, STS_KEYS, WILDCARD_ONLY_KEYS } from './keys.js';

/** Data that has passed the schema (see validate.ts): a mapping with a valid `mode`. */
export type TemplateData = Record<string, unknown> & { mode: 'crud' | 'actions' };

/**
 * Non-empty entries of a list, trimmed, in order. Null or absent is an empty list. Repeats are kept: what
 * they mean for the policy is the engine's business, and the parser stays faithful to the file.
 */
export function cleanList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string') continue;
    const s = item.trim();
    if (s !== '') out.push(s);
  }
  return out;
}

function section(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

export function normalizeTemplate(data: TemplateData): Template {
  const name = data.name === null || data.name === undefined ? '' : String(data.name).trim();
  const effect: Effect = (data.effect as Effect | null | undefined) ?? 'Allow';
  if (data.mode === 'actions') {
    const t: ActionsTemplate = { mode: 'actions', name, effect, actions: cleanList(data.actions) };
    return t;
  }
  const wildcard = section(data['wildcard-only']);
  const sts = section(data.sts);
  const t: CrudTemplate = {
    mode: 'crud',
    name,
    effect,
    read: [],
    write: [],
    list: [],
    tagging: [],
    permissionsManagement: [],
    wildcardOnly: {
      singleActions: [],
      serviceRead: [],
      serviceWrite: [],
      serviceList: [],
      serviceTagging: [],
      servicePermissionsManagement: [],
    },
    skipResourceConstraints: cleanList(data['skip-resource-constraints']),
    excludeActions: cleanList(data['exclude-actions']),
    sts: { assumeRole: [], assumeRoleWithSaml: [], assumeRoleWithWebIdentity: [] },
  };
  for (const [key, field] of Object.entries(ACCESS_LEVEL_KEYS)) t[field] = cleanList(data[key]);
  for (const [key, field] of Object.entries(WILDCARD_ONLY_KEYS))
    t.wildcardOnly[field] = cleanList(wildcard[key]);
  for (const [key, field] of Object.entries(STS_KEYS)) t.sts[field] = cleanList(sts[key]);
  return t;
}
