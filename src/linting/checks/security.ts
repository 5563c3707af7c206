/** Lint checks of the security family: grants broader than they look, and risky actions. */
import type { Check } from '../check.js';
import { riskChecks } from './security-risks.js';
import { statementSecurityChecks } from './security-statements.js';
import { trustSecurityChecks } from './security-trust.js';

export const securityChecks: readonly Check[] = [
  ...statementSecurityChecks,
  ...trustSecurityChecks,
  ...riskChecks,
];
