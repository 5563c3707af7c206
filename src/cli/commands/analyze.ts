import { statSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { FindingCategory } from '../../analysis/risky-actions.js';

/** Exit code of `analyze` when a finding of a `--fail-on` category exists. */
export const EXIT_FINDINGS = 2;
/** Exit code when some input could not be analysed (the others still are). */
export const EXIT_INPUT_ERROR = 1;

interface AnalyzeFlags {
  fmt: string;
  by: string;
  out?: string;
  failOn?: string;
  excludeActions?: string;
  exclusionsFile?: string;
}

/** Registers `expand` and `analyze`. */
export function registerAnalyze(program: Command, ctx: CliContext): void {
  program
    .command('expand')
    .description('Print a policy with its action wildcards expanded (JSON). POLICY is a file or - for stdin.')
    .argument('<policy>', 'policy JSON file, or - for stdin')
    .action(async (policy: string) => {
      process.exitCode = await runExpand(ctx, policy);
    });

  program
    .command('analyze')
    .description(
      'Report risky access in policy files, folders of them, or get-account-authorization-details output: ' +
        'privilege escalation (methods, complete or partial), credentials and resource exposure, data ' +
        'exfiltration, infrastructure modification, service wildcards, role trust and unknown actions; per ' +
        'policy, or per principal with --by principal.',
    )
    .argument(
      '<paths...>',
      'policy JSON files, folders (*.json, recursively), authorization details, or - for stdin',
    )
    .option('--fmt <format>', 'output format: table, json, html, markdown or sarif', 'table')
    .option(
      '--by <view>',
      'policy: findings per policy statement (table and json); principal: the risk report, principals ' +
        'by risk, with escalation methods across their policies and role trust (html, markdown and sarif ' +
        'always use it)',
      'policy',
    )
    .option('--out <file>', 'write the output to FILE instead of stdout (- for stdout)')
    .option(
      '--fail-on <categories>',
      'exit with 2 when a finding of these comma-separated categories exists (privilege-escalation, ' +
        'resource-exposure, credentials-exposure, resource-policies, unknown-action, data-exfiltration, ' +
        'infrastructure-modification, service-wildcard, role-trust, or all)',
    )
    .option(
      '--exclude-actions <patterns>',
      'comma-separated action patterns accepted as risks (never reported)',
    )
    .option(
      '--exclusions-file <file>',
      "accepted risks: YAML with 'actions' and 'policies' lists, or one action a line",
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 analysed, no --fail-on finding; 1 some input could not be analysed (the rest is ' +
        'reported) or a bad option; 2 a finding of a --fail-on category.\n' +
        'Example: iamwright analyze policies/ --fail-on privilege-escalation,credentials-exposure\n' +
        '         iamwright analyze account.json --by principal\n' +
        '         iamwright analyze account.json --fmt html --out report.html\n',
    )
    .action(async (paths: string[], flags: AnalyzeFlags) => {
      process.exitCode = await runAnalyze(ctx, paths, flags);
    });
}

/** `expand POLICY`: the expanded policy on stdout; names that match nothing as warnings on stderr. */
async function runExpand(ctx: CliContext, policy: string): Promise<number> {
  const { readPolicyInputs } = await import('../../analysis/inputs.js');
  const { expandPolicy } = await import('../../analysis/expand-policy.js');
  const { UserError } = await import('../../util/errors.js');
  const { escapeJsonText, escapeUnsafe, printableName } = await import('../../util/printable.js');
  // A folder would give many documents; expanding one of them in silence hides the others.
  if (policy !== '-' && statSync(policy, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`${printableName(policy)}: expand takes one policy file; use analyze for folders`);
  }
  const [source] = readPolicyInputs([policy]);
  if (source.error !== undefined) {
    throw new UserError(`${printableName(source.file)}: ${escapeUnsafe(source.error)}`);
  }
  if (source.kind !== 'file') {
    throw new UserError(
      `${printableName(source.file)}: expand takes one policy document; use analyze for authorization details`,
    );
  }
  const { policy: expanded, unknown } = expandPolicy(ctx.database(), source.document, {
    document: source.file,
  });
  // Sids and names from the file reach the terminal escaped (control characters could forge lines).
  for (const u of unknown) {
    ctx.err(
      `iamwright: warning: statement ${printableName(u.statement)}: ${escapeUnsafe(u.message ?? u.pattern)} (kept as written)\n`,
    );
  }
  ctx.out(`${escapeJsonText(JSON.stringify(expanded, null, 4))}\n`);
  return 0;
}

/** The formats of each view; html, markdown and sarif are renderings of the risk report. */
const POLICY_FORMATS = ['table', 'json'];
const REPORT_FORMATS = ['table', 'json', 'html', 'markdown', 'sarif'];

/** `analyze PATH...`: report, then the exit code for CI (see EXIT_FINDINGS, EXIT_INPUT_ERROR). */
async function runAnalyze(ctx: CliContext, paths: string[], flags: AnalyzeFlags): Promise<number> {
  // Modules one by one rather than the layer's index, so that yaml loads only when it is needed.
  const a = {
    ...(await import('../../analysis/risky-actions.js')),
    ...(await import('../../analysis/inputs.js')),
    ...(await import('../../analysis/report.js')),
  };
  const { UserError, didYouMean } = await import('../../util/errors.js');
  if (!REPORT_FORMATS.includes(flags.fmt)) {
    throw new UserError(`--fmt must be one of ${REPORT_FORMATS.join(', ')}, not '${flags.fmt}'`);
  }
  if (flags.by !== 'policy' && flags.by !== 'principal') {
    throw new UserError(`--by must be policy or principal, not '${flags.by}'`);
  }
  // The risk report (analyze v2) for --by principal and for the formats made from it.
  const v2 = flags.by === 'principal' || !POLICY_FORMATS.includes(flags.fmt);
  const { RISK_REPORT_CATEGORIES } = await import('../../analysis/risks/data.js');
  const known = [...new Set<string>([...a.FINDING_CATEGORIES, ...RISK_REPORT_CATEGORIES])];
  const failOn = new Set<string>();
  const failOnNames = splitList(flags.failOn);
  // An empty list would turn the CI gate off without a word (`--fail-on "$UNSET"`).
  if (flags.failOn !== undefined && failOnNames.length === 0) {
    throw new UserError(
      `--fail-on: no category given (${JSON.stringify(flags.failOn)}); categories: ${known.join(', ')}, all`,
    );
  }
  for (const name of failOnNames) {
    // `all` keeps its meaning in each view: every category that view reports.
    if (name === 'all') for (const c of v2 ? RISK_REPORT_CATEGORIES : a.FINDING_CATEGORIES) failOn.add(c);
    else if (known.includes(name)) failOn.add(name);
    else {
      throw new UserError(
        `--fail-on: unknown category '${name}'${didYouMean(name, known)}; categories: ${known.join(', ')}, all`,
      );
    }
  }
  const excluded = flags.exclusionsFile
    ? (await import('../../analysis/exclusions.js')).readExclusionsFile(flags.exclusionsFile)
    : { actions: [] as string[], policies: [] as string[] };
  excluded.actions.push(...splitList(flags.excludeActions));

  const db = ctx.database();
  const details: [Record<string, unknown>, string][] = [];
  const sources = a.readPolicyInputs(paths, { onAuthorizationDetails: (d, f) => details.push([d, f]) });
  const options = { excludeActions: excluded.actions, excludePolicies: excluded.policies };
  const v1Names = a.FINDING_CATEGORIES as readonly string[];
  const needsV1 = !v2 || [...failOn].some((c) => !(RISK_REPORT_CATEGORIES as readonly string[]).includes(c));
  const needsV2 = v2 || [...failOn].some((c) => !v1Names.includes(c));
  const v1 = needsV1 ? a.analyzeSources(db, sources, options) : undefined;
  let text: string;
  let errors: { file: string; policy?: string; message: string }[];
  let failed = false;
  if (v1) failed = a.hasFindingsIn(v1, [...failOn].filter((c) => v1Names.includes(c)) as FindingCategory[]);
  if (needsV2) {
    const { buildRiskReport } = await import('../../analysis/risks/build.js');
    const { authorizationDetailsPrincipals } = await import('../../analysis/risks/principals.js');
    const { packageVersion } = await import('../../util/package-root.js');
    const report = buildRiskReport(db, sources, {
      ...options,
      principals: details.flatMap(([d, f]) => authorizationDetailsPrincipals(d, f)),
      inputs: paths,
      toolVersion: packageVersion(),
    });
    // Categories both views have are judged by the view shown.
    const judged = [...failOn].filter((c) => (v2 ? true : !v1Names.includes(c)));
    if (report.findings.some((f) => judged.includes(f.category))) failed = true;
    text = v2 ? await renderRiskReport(report, flags.fmt) : '';
    errors = report.errors;
  } else {
    errors = (v1 as NonNullable<typeof v1>).errors;
    text = '';
  }
  if (!v2 && v1) text = flags.fmt === 'json' ? a.formatReportJson(v1) : a.formatReportTable(v1);
  if (flags.out !== undefined) {
    const { writeOutput } = await import('../../util/io/output.js');
    writeOutput(flags.out, text, { option: '--out' });
  } else ctx.out(text);
  ctx.err(a.formatErrors(errors));
  if (errors.length) return EXIT_INPUT_ERROR;
  return failed ? EXIT_FINDINGS : 0;
}

/** The risk report in one of the formats made from it. */
async function renderRiskReport(
  report: import('../../reporting/risk-report.js').RiskReport,
  fmt: string,
): Promise<string> {
  const f = await import('../../analysis/risks/format.js');
  if (fmt === 'json') return f.formatRiskReportJson(report);
  if (fmt === 'table') return f.formatPrincipalsTable(report);
  return renderWithReporting(report, fmt);
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * html, markdown and sarif: the renderers of src/reporting (they read the report and never the analysis).
 * Each is loaded only for its format.
 */
async function renderWithReporting(
  report: import('../../reporting/risk-report.js').RiskReport,
  fmt: string,
): Promise<string> {
  if (fmt === 'html') return (await import('../../reporting/html/page.js')).renderRiskHtml(report);
  if (fmt === 'markdown') return (await import('../../reporting/markdown.js')).renderRiskMarkdown(report);
  const { formatRiskSarif } = await import('../../reporting/risk-sarif.js');
  const { INFORMATION_URI } = await import('./lint.js');
  return formatRiskSarif(report, {
    tool: { name: 'iamwright', version: report.toolVersion, informationUri: INFORMATION_URI },
  });
}
