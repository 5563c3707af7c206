/** Linting one policy document: every selected check of the registry, run over a tolerant reading of it. */
import type { IamDatabase } from '../database/database.js';
import { UserError } from '../util/errors.js';
import type { Check } from './check.js';
import { readLintDocument } from './document.js';
import { CHECKS } from './registry.js';
import { POLICY_TYPES, type LintFinding, type LintOptions } from './types.js';

/** Lints `document` (parsed JSON). Findings come in registry order, then in the order each check met them. */
export function lintPolicy(db: IamDatabase, document: unknown, options: LintOptions = {}): LintFinding[] {
  const policyType = options.policyType ?? 'identity';
  if (!POLICY_TYPES.includes(policyType)) {
    throw new UserError(`policyType: '${String(policyType)}' is not one of ${POLICY_TYPES.join(', ')}`);
  }
  const doc = readLintDocument(document);
  const findings: LintFinding[] = [];
  for (const check of selectChecks(options)) {
    check.run({
      db,
      doc,
      policyType,
      sizeQuota: options.sizeQuota,
      report: (path, message) => findings.push({ check: check.id, severity: check.severity, message, path }),
    });
  }
  return findings;
}

/** The checks `checks` / `skipChecks` leave, each naming ids or whole families. Unknown names are errors. */
export function selectChecks(options: Pick<LintOptions, 'checks' | 'skipChecks'> = {}): Check[] {
  const known = (name: string) => CHECKS.some((c) => c.id === name || c.family === name);
  for (const [option, names] of [
    ['checks', options.checks],
    ['skipChecks', options.skipChecks],
  ] as const) {
    for (const n of names ?? []) {
      if (!known(n)) throw new UserError(`${option}: unknown check '${n}'`);
    }
  }
  const matches = (c: Check, names: readonly string[]) => names.some((n) => n === c.id || n === c.family);
  return CHECKS.filter(
    (c) => (!options.checks || matches(c, options.checks)) && !matches(c, options.skipChecks ?? []),
  );
}
