/** Findings as JSON for scripts: a summary, then every finding and every accepted one, as the model has them. */
import { countBySeverity, type FindingReport } from './report.js';

export function formatFindingsJson(report: FindingReport): string {
  const accepted = report.accepted ?? [];
  const out = {
    summary: {
      ...(report.files !== undefined && { files: report.files }),
      ...(report.policies !== undefined && { policies: report.policies }),
      findings: report.findings.length,
      bySeverity: countBySeverity(report.findings),
      accepted: accepted.length,
    },
    findings: report.findings,
    accepted,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
