/**
 * Every lint check, by family, in the order they run and are documented. Adding a check means adding it to
 * its family's module; docs/lint.md is kept in step with this list by a test.
 */
import type { Check } from './check.js';
import { grammarChecks } from './checks/grammar.js';
import { actionsChecks } from './checks/actions.js';
import { resourcesChecks } from './checks/resources.js';
import { conditionsChecks } from './checks/conditions.js';
import { securityChecks } from './checks/security.js';
import { sizeChecks } from './checks/size.js';

export const CHECKS: readonly Check[] = [
  ...grammarChecks,
  ...actionsChecks,
  ...resourcesChecks,
  ...conditionsChecks,
  ...securityChecks,
  ...sizeChecks,
];

const byId = new Map(CHECKS.map((c) => [c.id, c]));

/** The check with this id, or undefined. */
export function checkById(id: string): Check | undefined {
  return byId.get(id);
}
