/**
 * A policy with its action wildcards written out, for reading and review. Every statement is kept with its
 * Effect, Resource, Condition and Sid; only Action and NotAction change. NotAction is expanded in place (the
 * names it matches), so the expanded policy means exactly what the original did.
 */
import type { IamDatabase } from '../database/database.js';
import { expandActions, type ActionExpansion } from '../querying/expand.js';
import { readPolicyStatements } from './policy.js';

export interface ExpandedPolicy {
  /** The document with Action/NotAction expanded; other keys untouched, in their order. */
  policy: Record<string, unknown>;
  /** Patterns that matched nothing (kept in the policy as written), with the statement they are in. */
  unknown: (ActionExpansion & { statement: string })[];
}

/** Expands a policy document (parsed JSON). Throws PolicyFormatError when it is not a policy. */
export function expandPolicy(db: IamDatabase, doc: unknown): ExpandedPolicy {
  const views = readPolicyStatements(doc);
  const source = doc as Record<string, unknown>;
  const unknown: ExpandedPolicy['unknown'] = [];
  const statements = views.map((v) => {
    const key = v.actions ? 'Action' : 'NotAction';
    const patterns = (v.actions ?? v.notActions) as string[];
    const expansion = expandActions(db, patterns);
    for (const u of expansion.unknown) unknown.push({ ...u, statement: v.label });
    // Unknown names stay as written: dropping them would hide a typo, and they grant nothing either way.
    const names = [...expansion.actions, ...expansion.unknown.map((u) => u.pattern)];
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
