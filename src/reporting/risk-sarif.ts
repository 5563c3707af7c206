/**
 * The risk report as SARIF 2.1.0, on the conventions of sarif.ts (levels, %SRCROOT% locations, partial
 * fingerprints without line numbers, the `security` tag and `security-severity`).
 *
 * One rule per category, `risk/<category>`. A result's level comes from its risk level through
 * RISK_LEVEL_SEVERITY; GitHub reads `security-severity` from the rule only, so a rule carries the score of
 * the highest level among its results, and each result carries its own score and a SARIF `rank` too.
 * A result points at the policy that granted it (its file and the line where the document starts); the
 * other policies of the finding are related locations, and its principal a logical location. Inputs that
 * could not be analysed are tool execution notifications.
 */
import { createHash } from 'node:crypto';
import type * as Sarif from 'sarif';
import { LEVEL, SARIF_SCHEMA_URI, artifactLocation, type SarifOptions, type SarifTool } from './sarif.js';
import {
  RISK_LEVELS,
  RISK_LEVEL_SEVERITY,
  type RiskFinding,
  type RiskLevel,
  type RiskPolicy,
  type RiskReport,
} from './risk-report.js';
import { categoryIndex } from './risk-summary.js';

export interface RiskSarifOptions extends SarifOptions {
  tool: SarifTool;
}

/** GitHub's bands: 9.0+ critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low. */
export const RISK_SECURITY_SEVERITY: Readonly<Record<RiskLevel, string>> = {
  critical: '9.5',
  high: '7.5',
  medium: '5.5',
  low: '2.5',
};

/** SARIF's rank (0-100, higher is more important) for each level. */
const RANK: Readonly<Record<RiskLevel, number>> = { critical: 95, high: 75, medium: 50, low: 20 };

export const riskRuleId = (category: string) => `risk/${category}`;

function physical(policy: RiskPolicy | undefined, cwd: string): Sarif.PhysicalLocation | undefined {
  if (!policy) return undefined;
  const artifact = artifactLocation(policy.file, cwd);
  if (!artifact) return undefined;
  const loc: Sarif.PhysicalLocation = { artifactLocation: artifact };
  if (policy.line !== undefined && policy.line >= 1) loc.region = { startLine: policy.line };
  return loc;
}

function fingerprint(f: RiskFinding, uri: string): string {
  return createHash('sha256')
    .update(
      [
        riskRuleId(f.category),
        uri,
        f.principal ?? '',
        [...f.policies].sort().join('\u0001'),
        f.method?.id ?? '',
        f.message,
      ].join('\0'),
    )
    .digest('hex')
    .slice(0, 32);
}

export function riskReportToSarif(report: RiskReport, options: RiskSarifOptions): Sarif.Log {
  const cwd = options.cwd ?? process.cwd();
  const categories = [...categoryIndex(report).values()];
  const highest = new Map<string, RiskLevel>();
  for (const f of report.findings) {
    const seen = highest.get(f.category);
    if (!seen || RISK_LEVELS.indexOf(f.level) < RISK_LEVELS.indexOf(seen)) highest.set(f.category, f.level);
  }
  const rules: Sarif.ReportingDescriptor[] = categories.map((c) => {
    const level = highest.get(c.id) ?? 'high';
    const help = c.description || c.title;
    return {
      id: riskRuleId(c.id),
      name: c.title.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) =>
        ch ? ch.toUpperCase() : '',
      ),
      shortDescription: { text: c.title },
      fullDescription: { text: help },
      help: { text: help },
      defaultConfiguration: { level: LEVEL[RISK_LEVEL_SEVERITY[level]] },
      properties: {
        tags: ['iam', 'security', c.id],
        'security-severity': RISK_SECURITY_SEVERITY[level],
      },
    };
  });
  const ruleIndex = new Map(categories.map((c, i) => [c.id, i]));
  const policies = new Map(report.policies.map((p) => [p.id, p]));
  const principals = new Map(report.principals.map((p) => [p.id, p]));

  const results: Sarif.Result[] = report.findings.map((f) => {
    const principal = f.principal !== undefined ? principals.get(f.principal) : undefined;
    const named = f.policies.map((id) => policies.get(id)?.name ?? id);
    const who = principal ? `${principal.type} ${principal.name}` : f.principal;
    const context = [who, named.length ? `policy ${named.join(', ')}` : undefined].filter(Boolean).join('; ');
    const result: Sarif.Result = {
      ruleId: riskRuleId(f.category),
      ruleIndex: ruleIndex.get(f.category) as number,
      level: LEVEL[RISK_LEVEL_SEVERITY[f.level]],
      rank: RANK[f.level],
      message: { text: context ? `${f.message} (${context})` : f.message },
    };
    const located = f.policies.map((id) => ({ id, at: physical(policies.get(id), cwd) }));
    const primary = located.find((l) => l.at);
    if (primary?.at) {
      const location: Sarif.Location = { physicalLocation: primary.at };
      if (f.principal !== undefined) {
        location.logicalLocations = [
          {
            name: principal?.name ?? f.principal,
            fullyQualifiedName: f.principal,
            kind: principal?.type ?? 'principal',
          },
        ];
      }
      result.locations = [location];
      const related = located.filter((l) => l !== primary && l.at);
      if (related.length) {
        result.relatedLocations = related.map((l, i) => ({
          id: i + 1,
          physicalLocation: l.at,
          message: { text: `policy ${policies.get(l.id)?.name ?? l.id}` },
        }));
      }
    }
    const uri = primary?.at?.artifactLocation?.uri ?? f.policies[0] ?? '';
    result.partialFingerprints = { 'iamwrightRisk/v1': fingerprint(f, uri) };
    const props: Sarif.PropertyBag = {
      riskLevel: f.level,
      'security-severity': RISK_SECURITY_SEVERITY[f.level],
      category: f.category,
      actions: f.actions,
      resources: f.resources,
      conditional: f.conditional,
      policies: f.policies,
      statements: f.evidence.map((e) => `${policies.get(e.policy)?.name ?? e.policy}: ${e.statement}`),
    };
    if (f.principal !== undefined) props.principal = f.principal;
    if (f.method) {
      props.method = {
        id: f.method.id,
        title: f.method.title,
        complete: f.method.complete,
        missing: f.method.missing,
      };
    }
    result.properties = props;
    return result;
  });

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: options.tool.name,
        version: options.tool.version,
        semanticVersion: options.tool.version,
        informationUri: options.tool.informationUri,
        rules,
      },
    },
    columnKind: 'utf16CodeUnits',
    results,
    properties: {
      database: report.database,
      principals: report.principals.length,
      policies: report.policies.length,
    },
  };
  if (report.errors.length) {
    run.invocations = [
      {
        executionSuccessful: true,
        toolExecutionNotifications: report.errors.map((e) => {
          const artifact = artifactLocation(e.file, cwd);
          const n: Sarif.Notification = {
            level: 'error',
            message: { text: e.policy !== undefined ? `${e.message} (policy ${e.policy})` : e.message },
          };
          if (artifact) n.locations = [{ physicalLocation: { artifactLocation: artifact } }];
          return n;
        }),
      },
    ];
  }
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export function formatRiskSarif(report: RiskReport, options: RiskSarifOptions): string {
  return `${JSON.stringify(riskReportToSarif(report, options), null, 2)}\n`;
}
