/** Lint checks of the resources family. */
import type { Check } from '../check.js';

export const resourcesChecks: readonly Check[] = [];
