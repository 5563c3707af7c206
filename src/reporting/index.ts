// Public API of the reporting layer: the finding model and the output formats every command shares.
export * from './finding.js';
export { countBySeverity, atLeast, type FindingReport } from './report.js';
export { formatFindingsTable, useColor, type TableFormatOptions } from './table.js';
export { formatFindingsJson } from './json.js';
export { toSarif, formatSarif, SECURITY_SEVERITY, type SarifTool, type SarifOptions } from './sarif.js';
export * from './risk-report.js';
