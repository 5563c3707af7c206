/** Lint checks of the size family. */
import type { Check } from '../check.js';

export const sizeChecks: readonly Check[] = [];
