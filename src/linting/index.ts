// Public API of the linting layer.
export { lintPolicy, selectChecks } from './lint.js';
export { CHECKS, checkById } from './registry.js';
export { CHECK_FAMILIES, type Check, type CheckInfo, type CheckContext, type CheckFamily } from './check.js';
export { readLintDocument, type LintDocument, type LintStatement, type ElementValue } from './document.js';
export * from './types.js';
