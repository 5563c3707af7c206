/**
 * Template parsing. MINIMAL PLACEHOLDER: reads the YAML and normalises it into a Template without the full
 * validation; to be replaced by the schema-validated parser.
 */
import { parse } from 'yaml';
import { UserError } from '../../util/errors.js';
import type { CrudTemplate, Effect, Template } from '../types.js';

function list(v: unknown): string[] {
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
}

/** Parses YAML template text; `file` names it in messages. */
export function parseTemplate(text: string, file: string): Template {
  const doc = parse(text) as Record<string, unknown> | null;
  if (!doc || typeof doc !== 'object') throw new UserError(`${file}: empty template`);
  const effect = (doc.effect ?? 'Allow') as Effect;
  if (effect !== 'Allow' && effect !== 'Deny') {
    throw new UserError(`${file}: effect must be 'Allow' or 'Deny', not '${String(effect)}'`);
  }
  const name = typeof doc.name === 'string' ? doc.name : '';
  if (doc.mode === 'actions') return { mode: 'actions', name, effect, actions: list(doc.actions) };
  if (doc.mode !== 'crud') throw new UserError(`${file}: mode must be 'actions' or 'crud'`);
  const w = (doc['wildcard-only'] ?? {}) as Record<string, unknown>;
  const s = (doc.sts ?? {}) as Record<string, unknown>;
  const t: CrudTemplate = {
    mode: 'crud',
    name,
    effect,
    read: list(doc.read),
    write: list(doc.write),
    list: list(doc.list),
    tagging: list(doc.tagging),
    permissionsManagement: list(doc['permissions-management']),
    wildcardOnly: {
      singleActions: list(w['single-actions']),
      serviceRead: list(w['service-read']),
      serviceWrite: list(w['service-write']),
      serviceList: list(w['service-list']),
      serviceTagging: list(w['service-tagging']),
      servicePermissionsManagement: list(w['service-permissions-management']),
    },
    skipResourceConstraints: list(doc['skip-resource-constraints']),
    excludeActions: list(doc['exclude-actions']),
    sts: {
      assumeRole: list(s['assume-role']),
      assumeRoleWithSaml: list(s['assume-role-with-saml']),
      assumeRoleWithWebIdentity: list(s['assume-role-with-web-identity']),
    },
  };
  return t;
}
