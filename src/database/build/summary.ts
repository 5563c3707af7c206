/** The build summary `db build` prints on stderr. */
import type { BuildReport } from './index.js';

const n = (x: number) => x.toLocaleString('en-US');

export function formatBuildSummary(report: BuildReport, options: { verbose?: boolean } = {}): string {
  const c = report.counts;
  const lines = [
    `pages: ${n(report.pagesRead)} read, ${report.pagesSkipped.length} skipped, ${report.pagesSuperseded.length} superseded by a newer page`,
    `prefixes: ${n(c.services)} (${report.splitPrefixes.length} documented on several pages)`,
    `actions: ${n(c.actions)}; resource types: ${n(c.resourceTypes)}; condition keys: ${n(c.conditionKeys)}`,
    `overrides applied: ${report.overridesApplied.length}`,
    `merge conflicts: ${report.mergeConflicts.length}`,
    `scenario rows left out: ${report.scenarioRows}`,
  ];
  for (const s of report.pagesSkipped) lines.push(`warning: ${s.file} skipped: ${s.reason}`);
  if (options.verbose) {
    for (const s of report.pagesSuperseded) lines.push(`note: ${s.file} superseded by ${s.supersededBy}`);
    for (const m of report.mergeConflicts) {
      lines.push(`conflict: ${m.prefix} ${m.item}: ${m.fields.join(', ')} differ (${m.pages.join(' vs ')})`);
    }
    for (const w of report.warnings) if (!w.includes(': skipped: ')) lines.push(`warning: ${w}`);
  } else {
    const other = report.warnings.filter((w) => !w.includes(': skipped: ')).length;
    if (other > 0) lines.push(`${other} other warnings (--verbose lists them)`);
  }
  return lines.join('\n') + '\n';
}
