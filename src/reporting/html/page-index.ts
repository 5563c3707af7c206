/**
 * Anchors and links between the page's tables. Report ids (ARNs, file names) come from users, so anchors
 * are made from positions (`p3`, `pol7`, `f12`) and never from the ids themselves.
 */
import type { RiskFinding, RiskReport } from '../risk-report.js';
import { text } from './escape.js';

export interface PageIndex {
  principalAnchor(id: string): string | undefined;
  policyAnchor(id: string): string | undefined;
  findingAnchor(id: string): string | undefined;
  /** The principal's name linking to its row, or the id as text when the report does not list it. */
  principalLink(id: string): string;
  policyLink(id: string): string;
  findingLink(id: string, label: string): string;
  /** The findings these ids name, in their order; ids the report does not hold are left out. */
  findingsOf(ids: readonly string[]): RiskFinding[];
}

export function pageIndex(report: RiskReport): PageIndex {
  const principals = new Map(report.principals.map((p, i) => [p.id, { anchor: `p${i}`, name: p.name }]));
  const policies = new Map(report.policies.map((p, i) => [p.id, { anchor: `pol${i}`, name: p.name }]));
  const findings = new Map(report.findings.map((f, i) => [f.id, `f${i}`]));
  const byId = new Map(report.findings.map((f) => [f.id, f]));
  const link = (entry: { anchor: string; name: string } | undefined, id: string) =>
    entry ? `<a href="#${entry.anchor}">${text(entry.name)}</a>` : text(id);
  return {
    principalAnchor: (id) => principals.get(id)?.anchor,
    policyAnchor: (id) => policies.get(id)?.anchor,
    findingAnchor: (id) => findings.get(id),
    principalLink: (id) => link(principals.get(id), id),
    policyLink: (id) => link(policies.get(id), id),
    findingLink: (id, label) => {
      const anchor = findings.get(id);
      return anchor ? `<a href="#${anchor}">${text(label)}</a>` : text(label);
    },
    findingsOf: (ids) => ids.map((id) => byId.get(id)).filter((f): f is RiskFinding => f !== undefined),
  };
}
