// Public API of the analysis layer.
export {
  PolicyAnalyzer,
  analyzePolicy,
  actionsByAccessLevel,
  type AnalyzeOptions,
  type Finding,
  type PolicyAnalysis,
  type AccessLevelCounts,
  type DocumentGrants,
  type StatementGrants,
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
export { buildRiskReport, type RiskReportOptions } from './risks/build.js';
export {
  loadRiskData,
  bundledRiskData,
  RISK_REPORT_CATEGORIES,
  LIST_CATEGORIES,
  type RiskData,
  type RiskActionEntry,
  type RiskMethodData,
  type RiskCategoryData,
  type RiskReportCategory,
  type ListCategory,
} from './risks/data.js';
export { authorizationDetailsPrincipals, trustOf, type DetailsPrincipal } from './risks/principals.js';
export { formatPrincipalsTable, formatRiskReportJson } from './risks/format.js';
export { isBroadResource } from './risks/levels.js';
