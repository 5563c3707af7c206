// Public API of the reporting layer: the finding model and the output formats every command shares.
export * from './finding.js';
export { countBySeverity, atLeast, type FindingReport } from './report.js';
export { formatFindingsTable, useColor, type TableFormatOptions } from './table.js';
export { formatFindingsJson } from './json.js';
export { toSarif, formatSarif, SECURITY_SEVERITY, type SarifTool, type SarifOptions } from './sarif.js';
export * from './risk-report.js';
export { summarizeRisk, type RiskSummary } from './risk-summary.js';
export { renderRiskHtml, CONTENT_SECURITY_POLICY, type RiskHtmlOptions } from './html/index.js';
export { renderRiskMarkdown, GITHUB_COMMENT_LIMIT, type RiskMarkdownOptions } from './markdown.js';
export {
  riskReportToSarif,
  formatRiskSarif,
  RISK_SECURITY_SEVERITY,
  type RiskSarifOptions,
} from './risk-sarif.js';
export { renderFindingsMarkdown, type FindingsMarkdownOptions } from './findings-markdown.js';
