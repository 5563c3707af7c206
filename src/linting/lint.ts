/** Linting one policy document: every selected check of the registry, run over a tolerant reading of it. */
import type { IamDatabase } from '../database/database.js';
import { UserError } from '../util/errors.js';
import type { Check, CheckContext } from './check.js';
import { readLintDocument } from './document.js';
import { CHECKS } from './registry.js';
import { POLICY_TYPES, type LintFinding, type LintOptions } from './types.js';

/** Lints `document` (parsed JSON). Findings come in registry order, then in the order each check met them. */
export function lintPolicy(db: IamDatabase, document: unknown, options: LintOptions = {}): LintFinding[] {
  const policyType = options.policyType ?? 'identity';
  if (!POLICY_TYPES.includes(policyType)) {
    throw new UserError(`policyType: '${String(policyType)}' is not one of ${POLICY_TYPES.join(', ')}`);
  }
  const findings: LintFinding[] = [];
  // One context for the document, told which check is running: a linted corpus runs some 100,000 checks.
  let current: Check;
  const ctx: CheckContext = {
    db,
    doc: readLintDocument(document),
    policyType,
    sizeQuota: options.sizeQuota,
    report: (path, message) =>
      findings.push({ check: current.id, severity: current.severity, message, path }),
  };
  for (const check of selectedChecks(options)) {
    current = check;
    check.run(ctx);
  }
  return findings;
}

/** The last selection asked for and its checks: lintFiles asks with the same lists for every document. */
let lastSelection: { key: string; result: Check[] } | undefined;

function selectedChecks(options: Pick<LintOptions, 'checks' | 'skipChecks'>): Check[] {
  const list = (names: readonly string[] | undefined) => (names ? `[${names.join('\0')}]` : '-');
  const key = `${list(options.checks)}\u0001${list(options.skipChecks)}`;
  if (lastSelection?.key === key) return lastSelection.result;
  const result = selectChecks(options);
  lastSelection = { key, result };
  return result;
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
