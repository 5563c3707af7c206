/**
 * Risk categories and their action lists. The bundled lists live in data/risky-actions/<category>.txt; a
 * library user may pass lists of their own instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../util/package-root.js';

export const RISK_CATEGORIES = [
  'privilege-escalation',
  'resource-exposure',
  'credentials-exposure',
  'resource-policies',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/** Actions a policy names that the database does not know (typos, retired actions, unknown services). */
export const UNKNOWN_ACTION = 'unknown-action';

/** Every category a finding can have, in the order reports list them. */
export const FINDING_CATEGORIES = [...RISK_CATEGORIES, UNKNOWN_ACTION] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

/** Action names per risk category, in any case (matched to the database's spelling when used). */
export type RiskyActionLists = Record<RiskCategory, readonly string[]>;

/** Parses a list file: one action a line, `#` starts a comment, blank lines ignored. */
export function parseActionList(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const name = line.replace(/#.*/, '').trim();
    if (name) out.push(name);
  }
  return out;
}

let bundled: RiskyActionLists | undefined;

/** The lists shipped in data/risky-actions/, read once. */
export function bundledRiskyActions(): RiskyActionLists {
  if (!bundled) {
    const dir = packagePath('data', 'risky-actions');
    const lists = {} as Record<RiskCategory, string[]>;
    for (const c of RISK_CATEGORIES) lists[c] = parseActionList(readFileSync(join(dir, `${c}.txt`), 'utf8'));
    bundled = lists;
  }
  return bundled;
}

export function isFindingCategory(name: string): name is FindingCategory {
  return (FINDING_CATEGORIES as readonly string[]).includes(name);
}
