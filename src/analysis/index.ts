// Public API of the analysis layer.
export {
  PolicyAnalyzer,
  analyzePolicy,
  actionsByAccessLevel,
  type AnalyzeOptions,
  type Finding,
  type PolicyAnalysis,
  type AccessLevelCounts,
} from './analyze.js';
export { denyCovers, isCertainDeny, resourceCovers } from './deny.js';
export {
  auditPolicy,
  riskyActionsByCategory,
  formatAuditFindings,
  summarizeAuditFindings,
  type AuditOptions,
} from './audit.js';
export { expandPolicy, type ExpandedPolicy, type ExpandPolicyOptions } from './expand-policy.js';
export {
  readPolicyStatements,
  statementProblems,
  appliesToEveryRequest,
  STATEMENT_ELEMENTS,
  PRINCIPAL_TYPES,
  PolicyFormatError,
  type PolicyStatementView,
  type StatementProblem,
  type StatementEffect,
} from './policy.js';
export {
  RISK_CATEGORIES,
  FINDING_CATEGORIES,
  UNKNOWN_ACTION,
  bundledRiskyActions,
  parseActionList,
  isFindingCategory,
  type RiskCategory,
  type FindingCategory,
  type RiskyActionLists,
} from './risky-actions.js';
export {
  isAuthorizationDetails,
  authorizationDetailsPolicies,
  decodePolicyDocument,
  type PolicySource,
  type Attachments,
} from './auth-details.js';
export { readPolicyInputs, jsonFilesUnder, DEFAULT_MAX_BYTES, type ReadInputsOptions } from './inputs.js';
export { parseExclusions, readExclusionsFile, type Exclusions } from './exclusions.js';
export {
  analyzeSources,
  policyExcluded,
  hasFindingsIn,
  formatReportJson,
  formatReportTable,
  formatErrors,
  type ReportOptions,
  type AnalysisReport,
  type PolicyReport,
  type ReportFinding,
  type AnalysisError,
} from './report.js';
export { parseJsonText, JsonTextError, type JsonLimits } from './json-text.js';
