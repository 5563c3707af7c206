/** Building the example documents of the checks (docs/lint.md and the examples test read them). */
import type { CheckExample } from '../check.js';
import type { PolicyType } from '../types.js';

/** A policy of Version 2012-10-17 with these statements, read as `policyType` (default identity). */
export function sample(statements: Record<string, unknown>[], policyType?: PolicyType): CheckExample {
  const document = { Version: '2012-10-17', Statement: statements };
  return policyType ? { policyType, document } : { document };
}

/** An example document given whole (for faults in the document's own elements). */
export function sampleDocument(document: unknown, policyType?: PolicyType): CheckExample {
  return policyType ? { policyType, document } : { document };
}
