/**
 * writePolicy: a template in, a least-privilege policy out, derived as policy_sentry 0.16.1 derives it
 * (its output is the reference, byte for byte). Every name in the template is checked against the
 * database first; a bad one throws UserError and no policy is produced.
 */
import type { IamDatabase } from '../../database/database.js';
import { UserError } from '../../util/errors.js';
import type { PolicyDocument, Template, WriteOptions } from '../types.js';
import { assemble } from './assemble.js';
import { deriveCrud } from './crud.js';
import { addByActions } from './derive.js';
import { excludedActions } from './exclude.js';
import { StatementDrafts } from './group.js';
import { requireAction } from './names.js';
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
  const { effect } = template;
  if (effect !== 'Allow' && effect !== 'Deny') {
    throw new UserError(`effect must be 'Allow' or 'Deny', not '${String(effect)}'`);
  }
  const minimize = options.minimize;
  if (minimize !== undefined && !(Number.isInteger(minimize) && minimize >= 0)) {
    throw new UserError(`minimize must be a whole number >= 0, not '${String(minimize)}'`);
  }
  const partition = choosePartition(template, options);
  const drafts = new StatementDrafts();
  let excluded: Set<string> = new Set();
  if (template.mode === 'actions') {
    const actions = template.actions.map((a) => requireAction(db, a, 'actions'));
    if (actions.length > 0) addByActions(db, drafts, actions, []);
  } else if (template.mode === 'crud') {
    excluded = excludedActions(db, template.excludeActions);
    deriveCrud(db, template, drafts, options.onWarning ?? (() => {}));
  } else {
    throw new UserError(
      `mode must be 'crud' or 'actions', not '${String((template as { mode: unknown }).mode)}'`,
    );
  }
  if (partition) requireSamePartition(template, partition);
  const granted = drafts.drafts.size > 0;
  const assembled = assemble(db, drafts, { effect, excluded, minimize });
  const policy = partition ? placePartition(assembled, partition) : assembled;
  if (granted && excluded.size > 0 && policy.Statement.length === 0) {
    // As policy_sentry answers, but an empty policy is rarely what was meant: say so.
    options.onWarning?.('exclude-actions removed every action; the policy grants nothing');
  }
  return policy;
}
