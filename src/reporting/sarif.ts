/**
 * Findings as SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
 *
 * Levels: error -> `error`, warning -> `warning`, suggestion -> `note`. A security warning is `warning`
 * too (the policy is valid and deploys; the level says how broken it is) but its rule carries the
 * `security` tag and a `security-severity` of 7.5, which GitHub ranks as High, so it shows among security
 * alerts and fails a pull request's code scanning check under GitHub's default settings.
 *
 * Locations are relative to the working directory under `%SRCROOT%` (GitHub resolves them against the
 * repository's root); a file outside it gets an absolute file:// URI. Each result has a partial fingerprint
 * built from its rule, file, policy, JSON path and message, not its line, so that an alert keeps its
 * identity when lines above it move. Accepted findings are left out: GitHub does not honour SARIF
 * suppressions and would open alerts for them.
 */
import { createHash } from 'node:crypto';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { ReportedFinding, RuleDescriptor, Severity } from './finding.js';
import type { FindingReport } from './report.js';

export interface SarifTool {
  name: string;
  version: string;
  informationUri: string;
}

export interface SarifOptions {
  /** The folder locations are relative to. Default: the working directory. */
  cwd?: string;
}

/** GitHub's scale runs 0.0-10.0; 7.0-8.9 is High. */
export const SECURITY_SEVERITY = '7.5';

/** SARIF's level for each severity. */
export const LEVEL: Readonly<Record<Severity, Sarif.Result.level>> = {
  error: 'error',
  'security-warning': 'warning',
  warning: 'warning',
  suggestion: 'note',
};

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

function ruleDescriptor(rule: RuleDescriptor): Sarif.ReportingDescriptor {
  const family = rule.id.includes('/') ? rule.id.slice(0, rule.id.indexOf('/')) : rule.id;
  const tags = new Set(['iam', family]);
  const properties: Sarif.PropertyBag = {};
  if (rule.severity === 'security-warning') {
    tags.add('security');
    properties['security-severity'] = SECURITY_SEVERITY;
  }
  properties.tags = [...tags]; // the schema wants them unique: the security family is also the tag
  const d: Sarif.ReportingDescriptor = {
    id: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.help },
    help: { text: rule.help },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties,
  };
  if (rule.helpUri) d.helpUri = rule.helpUri;
  return d;
}

/** Where a file is, as SARIF says it: relative to %SRCROOT% inside `cwd`, else a file:// URI; none for stdin. */
export function artifactLocation(file: string, cwd: string): Sarif.ArtifactLocation | undefined {
  if (file === '-') return undefined; // stdin has no place in the repository
  const absolute = resolve(cwd, file);
  const rel = relative(cwd, absolute);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { uri: pathToFileURL(absolute).href };
  return { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function fingerprint(f: ReportedFinding, uri: string): string {
  const at = f.jsonPath ?? `${f.location.line ?? ''}:${f.location.column ?? ''}`;
  return createHash('sha256')
    .update([f.ruleId, uri, f.policy ?? '', at, f.message].join('\0'))
    .digest('hex')
    .slice(0, 32);
}

/** The report as a SARIF log: one run, every rule of `rules` (and any other a finding names), the findings. */
export function toSarif(
  report: FindingReport,
  rules: readonly RuleDescriptor[],
  tool: SarifTool,
  options: SarifOptions = {},
): Sarif.Log {
  const cwd = options.cwd ?? process.cwd();
  const all = [...rules];
  const index = new Map(all.map((r, i) => [r.id, i]));
  for (const f of report.findings) {
    if (index.has(f.ruleId)) continue;
    index.set(f.ruleId, all.length);
    all.push({ id: f.ruleId, severity: f.severity, title: f.ruleId, help: f.ruleId });
  }
  const results: Sarif.Result[] = report.findings.map((f) => {
    const artifact = artifactLocation(f.location.file, cwd);
    const result: Sarif.Result = {
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId) as number,
      level: LEVEL[f.severity],
      message: { text: f.policy !== undefined ? `${f.message} (policy ${f.policy})` : f.message },
    };
    if (artifact) {
      const physical: Sarif.PhysicalLocation = { artifactLocation: artifact };
      if (f.location.line !== undefined) {
        physical.region = { startLine: f.location.line, startColumn: f.location.column ?? 1 };
      }
      result.locations = [{ physicalLocation: physical }];
    }
    result.partialFingerprints = { 'iamwrightFinding/v1': fingerprint(f, artifact?.uri ?? f.location.file) };
    const props: Sarif.PropertyBag = {};
    if (f.policy !== undefined) props.policy = f.policy;
    if (f.jsonPath !== undefined) props.jsonPath = f.jsonPath;
    if (f.sid !== undefined) props.sid = f.sid;
    if (Object.keys(props).length) result.properties = props;
    return result;
  });
  const run: Sarif.Run = {
    tool: {
      driver: {
        name: tool.name,
        version: tool.version,
        semanticVersion: tool.version,
        informationUri: tool.informationUri,
        rules: all.map(ruleDescriptor),
      },
    },
    columnKind: 'utf16CodeUnits',
    results,
  };
  if (report.accepted?.length) run.properties = { acceptedFindings: report.accepted.length };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export function formatSarif(
  report: FindingReport,
  rules: readonly RuleDescriptor[],
  tool: SarifTool,
  options: SarifOptions = {},
): string {
  return `${JSON.stringify(toSarif(report, rules, tool, options), null, 2)}\n`;
}
