/** Lint checks of the security family. */
import type { Check } from '../check.js';

export const securityChecks: readonly Check[] = [];
