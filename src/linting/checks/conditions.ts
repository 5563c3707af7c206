/** Lint checks of the conditions family. */
import type { Check } from '../check.js';

export const conditionsChecks: readonly Check[] = [];
