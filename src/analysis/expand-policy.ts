/**
 * A policy with its action wildcards written out, for reading and review. Every statement is kept with its
 * Effect, Resource, Condition and Sid; only Action and NotAction change. NotAction is expanded in place (the
 * names it matches), so the expanded policy means exactly what the original did.
 */
import type { IamDatabase } from '../database/database.js';
import { expandActions, type ActionExpansion } from '../querying/expand.js';
import { UserError } from '../util/errors.js';
import { describeSize, INPUT_LIMITS } from '../util/limits.js';
import { readPolicyStatements } from './policy.js';

export interface ExpandPolicyOptions {
  /**
   * Most characters the expanded action names may take once printed as JSON (4-space indent), counted as
   * the expansion goes. Default INPUT_LIMITS.maxBytes: the largest document iamwright reads back, and
   * well below the longest string JavaScript can build. Beyond it expandPolicy throws a UserError.
   */
  maxOutputChars?: number;
  /** How messages name the document, e.g. its file. Default: none. */
  document?: string;
}

/** Characters a name takes on its own line of the printed policy: indent, quotes, comma, newline. */
const PER_NAME = 20;

export interface ExpandedPolicy {
  /** The document with Action/NotAction expanded; other keys untouched, in their order. */
  policy: Record<string, unknown>;
  /** Patterns that matched nothing (kept in the policy as written), with the statement they are in. */
  unknown: (ActionExpansion & { statement: string })[];
}

/**
 * Expands a policy document (parsed JSON). Throws PolicyFormatError when it is not a policy, and UserError
 * when the expansion would be too large to print (see ExpandPolicyOptions.maxOutputChars).
 */
export function expandPolicy(
  db: IamDatabase,
  doc: unknown,
  options: ExpandPolicyOptions = {},
): ExpandedPolicy {
  const limit = options.maxOutputChars ?? INPUT_LIMITS.maxBytes;
  const views = readPolicyStatements(doc);
  const source = doc as Record<string, unknown>;
  const unknown: ExpandedPolicy['unknown'] = [];
  let size = 0;
  const statements = views.map((v) => {
    const key = v.actions ? 'Action' : 'NotAction';
    const patterns = (v.actions ?? v.notActions) as string[];
    const expansion = expandActions(db, patterns);
    for (const u of expansion.unknown) unknown.push({ ...u, statement: v.label });
    // Unknown names stay as written: dropping them would hide a typo, and they grant nothing either way.
    const names = [...expansion.actions, ...expansion.unknown.map((u) => u.pattern)];
    for (const n of names) size += n.length + PER_NAME;
    if (size > limit) throw tooLarge(views.length, limit, options.document);
    const value = typeof v.raw[key] === 'string' && names.length === 1 ? names[0] : names;
    return Object.fromEntries(Object.entries(v.raw).map(([k, x]) => [k, k === key ? value : x]));
  });
  const policy = Object.fromEntries(
    Object.entries(source).map(([k, x]) => [
      k,
      k === 'Statement' ? (Array.isArray(x) ? statements : statements[0]) : x,
    ]),
  );
  return { policy, unknown };
}

function tooLarge(statements: number, limit: number, document: string | undefined): UserError {
  return new UserError(
    `${document ? `${document}: ` : ''}the expansion is too large: the action names of its ${statements} ` +
      `statement${statements === 1 ? '' : 's'} take more than ${describeSize(limit)} of JSON; ` +
      'expand fewer statements at a time',
  );
}
