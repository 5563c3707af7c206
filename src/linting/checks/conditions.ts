/**
 * Lint checks of the conditions family: operators (conditions-operators.ts), keys (conditions-keys.ts),
 * single- and multivalued keys (conditions-sets.ts) and values (conditions-values.ts).
 */
import type { Check } from '../check.js';
import { conditionKeyChecks } from './conditions-keys.js';
import { conditionOperatorChecks } from './conditions-operators.js';
import { conditionSetChecks } from './conditions-sets.js';
import { conditionValueChecks } from './conditions-values.js';

export const conditionsChecks: readonly Check[] = [
  ...conditionOperatorChecks,
  ...conditionKeyChecks,
  ...conditionSetChecks,
  ...conditionValueChecks,
];
