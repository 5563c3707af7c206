/**
 * writePolicy's check of the Template object it is handed. Templates from parseTemplate and the builder
 * always pass; this is for JavaScript callers who assemble one by hand, so that a missing list or a `null`
 * entry is a UserError naming the field rather than a TypeError inside the engine or an entry dropped
 * without a word.
 */
import { argumentError, checkStringList } from '../../querying/arguments.js';
import type { Template } from '../types.js';
import { ACCESS_LEVEL_KEYS, STS_KEYS, WILDCARD_ONLY_KEYS } from './keys.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Throws a UserError (`writePolicy: template.read[2] must be a string, not null`) for the first bad field. */
export function checkTemplateShape(fn: string, template: unknown): asserts template is Template {
  if (!isObject(template)) {
    throw argumentError(
      fn,
      'template',
      'a template (from parseTemplate or PolicyBuilder.toTemplate)',
      template,
    );
  }
  const list = (path: string, value: unknown) => checkStringList(fn, `template.${path}`, value);
  checkConditionShape(fn, template);
  if (template.mode === 'actions') {
    list('actions', template.actions);
    return;
  }
  if (template.mode !== 'crud') return; // writePolicy names a bad mode itself
  for (const field of [...Object.values(ACCESS_LEVEL_KEYS), 'skipResourceConstraints', 'excludeActions']) {
    list(field, template[field]);
  }
  for (const [section, fields] of [
    ['wildcardOnly', Object.values(WILDCARD_ONLY_KEYS)],
    ['sts', Object.values(STS_KEYS)],
  ] as const) {
    const value = template[section];
    if (!isObject(value)) throw argumentError(fn, `template.${section}`, 'an object of lists', value);
    for (const field of fields) list(`${section}.${field}`, value[field]);
  }
}

/**
 * The condition fields of a hand-made template: their shape (the blocks themselves are checked as a
 * template file's are, see conditions/shape.ts, when the policy is written).
 */
function checkConditionShape(fn: string, template: Record<string, unknown>): void {
  const c = template.conditions;
  if (c !== undefined) {
    if (!isObject(c)) throw argumentError(fn, 'template.conditions', 'an object ({ all?, byLevel? })', c);
    if (c.byLevel !== undefined && !isObject(c.byLevel)) {
      throw argumentError(
        fn,
        'template.conditions.byLevel',
        'an object of condition blocks by access level',
        c.byLevel,
      );
    }
  }
  const groups = template.groups;
  if (groups === undefined) return;
  if (!Array.isArray(groups)) throw argumentError(fn, 'template.groups', 'a list of groups', groups);
  groups.forEach((g: unknown, i) => {
    if (!isObject(g))
      throw argumentError(
        fn,
        `template.groups[${i}]`,
        'a group ({ section, entries, conditions, where })',
        g,
      );
    checkStringList(fn, `template.groups[${i}].entries`, g.entries);
    if (typeof g.section !== 'string')
      throw argumentError(fn, `template.groups[${i}].section`, 'a section name', g.section);
    if (typeof g.where !== 'string')
      throw argumentError(fn, `template.groups[${i}].where`, 'a string', g.where);
  });
}
