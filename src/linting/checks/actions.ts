/** Lint checks of the actions family. */
import type { Check } from '../check.js';

export const actionsChecks: readonly Check[] = [];
