/**
 * writePolicy: a template in, a least-privilege policy out, derived as policy_sentry 0.16.1 derives it
 * (its output is the reference, byte for byte). Every name in the template is checked against the
 * database first; a bad one throws UserError and no policy is produced.
 */
import type { IamDatabase } from '../../database/database.js';
import { argumentError, checkDatabase, checkOptions, describeArgument } from '../../querying/arguments.js';
import { UserError } from '../../util/errors.js';
import { printable } from '../../querying/printable.js';
import { checkTemplateShape } from '../template/shape.js';
import type { PolicyDocument, Template, WriteOptions } from '../types.js';
import { ConditionPlacer, type ConditionedDraft } from '../conditions/place.js';
import { templateScopes } from '../conditions/scopes.js';
import { canonicalCondition } from '../conditions/merge.js';
import { checkConditionBlock } from '../conditions/shape.js';
import type { AccessLevelKey, ConditionBlock } from '../conditions/types.js';
import { hasPlace } from '../conditions/places.js';
import { ACCESS_LEVEL_KEYS } from '../template/keys.js';
import { assemble, unconditioned } from './assemble.js';
import { deriveCrud } from './crud.js';
import { addByActions } from './derive.js';
import { excludedActions } from './exclude.js';
import { StatementDrafts } from './group.js';
import { requireAction } from './names.js';
import { WILDCARD_SID } from './sid.js';
import { choosePartition, placePartition, requireSamePartition } from './partition.js';

export interface WritePolicyOptions extends WriteOptions {
  /**
   * Called with a one-line note for each template entry that grants nothing (an ARN no action of its
   * level applies to, a wildcard-only action that takes resources...). Default: notes are dropped.
   */
  onWarning?: (message: string) => void;
}

export function writePolicy(
  db: IamDatabase,
  template: Template,
  options: WritePolicyOptions = {},
): PolicyDocument {
  checkDatabase('writePolicy', db);
  checkTemplateShape('writePolicy', template);
  checkOptions('writePolicy', 'options', options);
  if (options.onWarning !== undefined && typeof options.onWarning !== 'function') {
    throw argumentError('writePolicy', 'options.onWarning', 'a function (or left out)', options.onWarning);
  }
  try {
    return write(db, template, options);
  } catch (e) {
    // Values the template gave, echoed in a message, must not break it over lines or drive the terminal.
    if (e instanceof UserError) throw new UserError(printable(e.message), e.exitCode);
    throw e;
  }
}

/**
 * The template with its condition blocks checked as a template file's are (operators, value forms) and
 * their values as text. Templates from parseTemplate and the builder pass unchanged; this is for templates
 * made by hand in code.
 */
function checkedConditions(template: Template): Template {
  // Blocks from parseTemplate and the builder were checked there (and know their lines): kept as they are.
  const check = (block: unknown, where: string) =>
    hasPlace(block as ConditionBlock)
      ? (block as ConditionBlock)
      : checkConditionBlock(block, [where], () => 'template');
  const out: Template = { ...template };
  const c = template.conditions;
  if (c) {
    out.conditions = {};
    if (c.all) out.conditions.all = check(c.all, 'conditions');
    if (c.byLevel) {
      out.conditions.byLevel = {};
      for (const [level, block] of Object.entries(c.byLevel)) {
        if (!(level in ACCESS_LEVEL_KEYS)) {
          throw new UserError(
            `template: unknown access level '${level}' in conditions.byLevel; allowed: ${Object.keys(ACCESS_LEVEL_KEYS).join(', ')}`,
          );
        }
        if (block)
          out.conditions.byLevel[level as AccessLevelKey] = check(block, `access-level-conditions.${level}`);
      }
    }
  }
  if (template.groups)
    out.groups = template.groups.map((g) => ({ ...g, conditions: check(g.conditions, g.where) }));
  return out;
}

function write(db: IamDatabase, template: Template, options: WritePolicyOptions): PolicyDocument {
  const { effect } = template;
  const onWarning = options.onWarning;
  // Warnings echo template values too: one line each, whatever the values hold.
  const warn = onWarning ? (message: string) => onWarning(printable(message)) : undefined;
  if (effect !== 'Allow' && effect !== 'Deny') {
    throw new UserError(`effect must be 'Allow' or 'Deny', not ${quoted(effect)}`);
  }
  const minimize = options.minimize;
  if (minimize !== undefined && !(Number.isInteger(minimize) && minimize >= 0)) {
    throw new UserError(`minimize must be a whole number >= 0, not ${quoted(minimize)}`);
  }
  const partition = choosePartition(template, options);
  const onUnsupported = options.unsupportedConditionKeys ?? template.unsupportedConditionKeys ?? 'error';
  if (onUnsupported !== 'error' && onUnsupported !== 'split') {
    throw new UserError(`unsupportedConditionKeys must be 'error' or 'split', not ${quoted(onUnsupported)}`);
  }
  if (template.mode !== 'actions' && template.mode !== 'crud') {
    throw new UserError(
      `mode must be 'crud' or 'actions', not ${quoted((template as { mode: unknown }).mode)}`,
    );
  }
  const excluded: Set<string> =
    template.mode === 'crud' ? excludedActions(db, template.excludeActions) : new Set();
  const conditioned = template.conditions !== undefined || (template.groups?.length ?? 0) > 0;
  if (conditioned) template = checkedConditions(template);
  const placer = conditioned
    ? new ConditionPlacer(db, onUnsupported, effect === 'Deny' ? 'denied' : 'granted')
    : undefined;
  const statements: ConditionedDraft[] = [];
  let granted = false;
  const dependents: string[] = [];
  for (const scope of conditioned ? templateScopes(template) : [{ template, conditions: {} }]) {
    const drafts = new StatementDrafts();
    const t = scope.template;
    if (t.mode === 'actions') {
      const actions = t.actions.map((a) => requireAction(db, a, 'actions'));
      if (actions.length > 0) addByActions(db, drafts, actions, []);
    } else {
      deriveCrud(db, t, drafts, warn ?? (() => {}));
    }
    if (partition) requireSamePartition(t, partition);
    granted ||= drafts.drafts.size > 0;
    for (const a of drafts.dependentsOnWildcard())
      if (!excluded.has(a.toLowerCase()) && !dependents.includes(a)) dependents.push(a);
    statements.push(...(placer ? placer.place(drafts, scope.conditions, excluded) : unconditioned(drafts)));
  }
  const splitWarnings = placer?.finish() ?? [];
  const { policy: assembled, dropped } = assemble(db, placer ? joinEqual(statements) : statements, {
    effect,
    excluded,
    minimize,
    conditioned,
  });
  const policy = partition ? placePartition(assembled, partition) : assembled;
  if (!warn) return policy;
  if (granted && excluded.size > 0 && policy.Statement.length === 0) {
    // As policy_sentry answers, but an empty policy is rarely what was meant: say so.
    warn('exclude-actions removed every action; the policy grants nothing');
  }
  if (dependents.length > 0) warn(dependentsMessage(template, dependents));
  if (dropped.length > 0) warn(droppedMessage(dropped));
  for (const w of splitWarnings) warn(w);
  return policy;
}

/**
 * Drafts of several scopes that came out the same (id, resources and condition: an action asked for both
 * outside a group and in one whose key it does not support, with `split`) as one, at the first's place.
 */
function joinEqual(drafts: ConditionedDraft[]): ConditionedDraft[] {
  const byKey = new Map<string, ConditionedDraft>();
  const out: ConditionedDraft[] = [];
  for (const d of drafts) {
    const key = `${d.sid}\u0000${canonicalCondition(d.condition)}\u0000${JSON.stringify(d.resources)}`;
    const same = byKey.get(key);
    if (!same) {
      const copy = { ...d, actions: [...d.actions] };
      byKey.set(key, copy);
      out.push(copy);
    } else for (const a of d.actions) if (!same.actions.includes(a)) same.actions.push(a);
  }
  return out;
}

/** A bad value in a message: `'Allw'` for a string or number, else what it is (`an object`). */
function quoted(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number'
    ? `'${String(value)}'`
    : describeArgument(value);
}

/** Most action names a warning lists before `and N more`: keeps it one readable line. */
const LISTED = 12;

function listed(names: readonly string[]): string {
  const shown = names.slice(0, LISTED).join(', ');
  return names.length > LISTED ? `${shown} and ${names.length - LISTED} more` : shown;
}

/**
 * Dependent actions go to Resource '*' (policy_sentry does the same, and its answer is kept), so asking for
 * one bucket can grant iam:PassRole on every role. Said every time: it is easy to miss in the policy.
 */
function dependentsMessage(template: Template, dependents: string[]): string {
  const verb = template.effect === 'Deny' ? 'denied' : 'granted';
  const sorted = [...dependents].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  const [them, s] = sorted.length === 1 ? ['it', ''] : ['them', 's'];
  const hint =
    template.mode === 'crud'
      ? `; review ${them} (exclude-actions leaves out what you do not want)`
      : `; review ${them} (remove from the policy what you do not want)`;
  return (
    `dependent action${s} ${verb} on Resource '*' in ${WILDCARD_SID} (other actions of the policy need ` +
    `${them}; as policy_sentry does): ${listed(sorted)}${hint}`
  );
}

/** What policy_sentry's minimize rule dropped from an Allow: it grants less than the full policy. */
function droppedMessage(dropped: { sid: string; actions: string[] }[]): string {
  const names = dropped.flatMap((d) => d.actions.map((a) => `${a} (${d.sid})`));
  return (
    `minimize: the minimized policy no longer grants ${listed(names)} (narrower than the full policy, ` +
    `not broader): as policy_sentry does, a prefix that is itself another wanted action is written ` +
    `without '*'; write the policy without minimizing to grant ${names.length === 1 ? 'it' : 'them'}`
  );
}
