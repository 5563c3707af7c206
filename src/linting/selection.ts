/**
 * Which checks and input rules run, from `--checks` / `--skip-checks` (ids or families): the registry's
 * checks and the input layer's rules (grammar/json-syntax, input/unreadable...) are chosen alike.
 */
import type { RuleDescriptor } from '../reporting/finding.js';
import { didYouMean, UserError } from '../util/errors.js';
import { CHECK_FAMILIES } from './check.js';
import { INPUT_RULES, ruleFamily } from './inputs/rules.js';
import { CHECKS } from './registry.js';

/** Every rule lint can report: the registry's checks, then the input layer's rules. */
export function lintRules(): RuleDescriptor[] {
  return [
    ...CHECKS.map(({ id, severity, title, help }) => ({ id, severity, title, help })),
    ...INPUT_RULES.map(({ id, severity, title, help }) => ({ id, severity, title, help })),
  ];
}

/** Names a selection may use: every rule id and every family. */
export function selectableNames(): string[] {
  const families = new Set<string>([...CHECK_FAMILIES, ...INPUT_RULES.map((r) => ruleFamily(r.id))]);
  return [...families, ...lintRules().map((r) => r.id)];
}

/** Throws UserError naming `label` when a name is neither a rule id nor a family. */
export function validateRuleNames(names: readonly string[] | undefined, label: string): void {
  const known = selectableNames();
  for (const n of names ?? []) {
    if (!known.includes(n))
      throw new UserError(`${label}: unknown check or family '${n}'${didYouMean(n, known)}`);
  }
}

export interface Selection {
  checks?: readonly string[];
  skipChecks?: readonly string[];
}

/** Does the selection keep the rule `id`? */
export function selects(selection: Selection, id: string): boolean {
  const named = (names: readonly string[]) => names.includes(id) || names.includes(ruleFamily(id));
  return (!selection.checks || named(selection.checks)) && !named(selection.skipChecks ?? []);
}

/**
 * The selection as lintPolicy takes it: only names the registry knows (the input layer's are handled
 * before lintPolicy runs, and a family with no check yet is simply empty).
 */
export function registrySelection(selection: Selection): Selection {
  const inRegistry = (n: string) => CHECKS.some((c) => c.id === n || c.family === n);
  const out: Selection = {};
  if (selection.checks) out.checks = selection.checks.filter(inRegistry);
  if (selection.skipChecks?.some(inRegistry)) out.skipChecks = selection.skipChecks.filter(inRegistry);
  return out;
}
