/** What an output format renders: findings, those accepted, and what was looked at. */
import { SEVERITIES, type ReportedFinding, type Severity } from './finding.js';

export interface FindingReport {
  findings: readonly ReportedFinding[];
  /** Findings a config accepts: counted, not listed by the text formats. */
  accepted?: readonly ReportedFinding[];
  /** How many files and policies were looked at, for the summary. */
  files?: number;
  policies?: number;
}

/** Findings per severity, every severity present (zero when none). */
export function countBySeverity(findings: readonly ReportedFinding[]): Record<Severity, number> {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Is `severity` at least as severe as `threshold`? (For --fail-on.) */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}
