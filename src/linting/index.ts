// Public API of the linting layer.
export { lintPolicy, selectChecks } from './lint.js';
export { CHECKS, checkById } from './registry.js';
export { CHECK_FAMILIES, type Check, type CheckInfo, type CheckContext, type CheckFamily } from './check.js';
export { readLintDocument, type LintDocument, type LintStatement, type ElementValue } from './document.js';
export * from './types.js';
export { lintFiles, formatJsonPath, type LintFilesOptions, type LintFilesResult } from './lint-files.js';
export { lintRules, validateRuleNames } from './selection.js';
export {
  DEFAULT_CONFIG_FILE,
  readLintConfig,
  parseLintConfig,
  applyAccepted,
  type AcceptEntry,
  type LintConfig,
} from './accepted.js';
export {
  readLintInputs,
  readLintFile,
  INPUT_RULES,
  type ReadLintInputsOptions,
  type FileInputs,
  type InputProblem,
  type PolicyInput,
  type InputRuleId,
} from './inputs/index.js';
