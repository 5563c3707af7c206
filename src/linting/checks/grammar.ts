/** Lint checks of the grammar family. */
import type { Check } from '../check.js';

export const grammarChecks: readonly Check[] = [];
