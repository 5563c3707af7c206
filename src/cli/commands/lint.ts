/**
 * `iamwright lint PATH...`: validate IAM policies offline, as Access Analyzer's validate-policy does, in
 * policy files, folders, authorization details, CloudFormation/CDK templates and Terraform plans; output
 * for people (table), scripts (json), code scanning (sarif) and pull-request comments (markdown). The implementation loads only when it runs.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { jobsOption } from './jobs-option.js';

/** Exit code when a finding at or above the --fail-on severity exists. */
export const EXIT_FINDINGS = 2;
/** Exit code when some input could not be read (the others are still linted), as for a bad option. */
export const EXIT_INPUT_ERROR = 1;

/** Where SARIF's tool.driver.informationUri points. */
export const INFORMATION_URI = 'https://www.npmjs.com/package/iamwright';

interface LintFlags {
  policyType: string;
  fmt: 'table' | 'json' | 'sarif' | 'markdown';
  out?: string;
  failOn: string;
  checks?: string;
  skipChecks?: string;
  config?: string;
  jobs?: number;
}

export function registerLint(program: Command, ctx: CliContext): void {
  program
    .command('lint')
    .description(
      'Validate IAM policies offline (grammar, actions, resources, conditions, security, size) in policy ' +
        'files, folders, authorization details, CloudFormation/CDK templates and Terraform plans.',
    )
    .argument(
      '<paths...>',
      'policy JSON files, folders (recursively), get-account-authorization-details output, CloudFormation ' +
        'templates (JSON/YAML, cdk.out), Terraform plans (terraform show -json), or - for stdin',
    )
    .addOption(
      new Option('--policy-type <type>', 'type of plain policy documents; templates and plans say their own')
        .choices([
          'identity',
          'resource',
          'trust',
          'service-control',
          'resource-control',
          'permissions-boundary',
        ])
        .default('identity'),
    )
    .addOption(
      new Option('--fmt <format>', 'output format (markdown: for a pull-request comment)')
        .choices(['table', 'json', 'sarif', 'markdown'])
        .default('table'),
    )
    .option('--out <file>', 'write the report to FILE instead of stdout')
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit with 2 when a finding of this severity or a more severe one exists',
      )
        .choices(['error', 'security-warning', 'warning', 'suggestion', 'none'])
        .default('error'),
    )
    .option('--checks <ids>', 'only these comma-separated check ids or families (e.g. actions,security)')
    .option('--skip-checks <ids>', 'never these comma-separated check ids or families')
    .option(
      '--config <file>',
      'accepted findings (YAML); default: .iamwright-lint.yml in the working directory if present',
    )
    .option(
      '--jobs <n>',
      'threads to lint on; the report is the same whatever the number (default: automatic, one thread ' +
        'per 500 files from 1,000 files on, at most one fewer than the cores; 1: no worker threads)',
      jobsOption(999),
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 no finding at or above --fail-on; 1 some input could not be read or is malformed ' +
        '(the rest is linted) or a bad option; 2 a finding at or above --fail-on.\n' +
        'Example: iamwright lint cdk.out/ policies/ --fmt sarif --out lint.sarif --fail-on security-warning\n',
    )
    .action(async (paths: string[], flags: LintFlags) => {
      process.exitCode = await runLint(ctx, paths, flags);
    });
}

async function runLint(ctx: CliContext, paths: string[], flags: LintFlags): Promise<number> {
  const { lintInputs, mergeLintParts } = await import('../../linting/lint-files.js');
  const { listLintInputs } = await import('../../linting/inputs/index.js');
  const { lintOnThreads, planLintThreads } = await import('./lint-worker.js');
  const { lintRules, selects, validateRuleNames } = await import('../../linting/selection.js');
  const { DEFAULT_CONFIG_FILE, readLintConfig } = await import('../../linting/accepted.js');
  const { atLeast } = await import('../../reporting/report.js');
  const { UserError } = await import('../../util/errors.js');
  type PolicyType = import('../../linting/types.js').PolicyType;
  type Severity = import('../../reporting/finding.js').Severity;

  const checks = flags.checks === undefined ? undefined : splitList(flags.checks);
  // An empty list (an unset variable in CI) would run nothing and pass: refused, not taken as "none".
  if (checks?.length === 0)
    throw new UserError("--checks: empty list; name check ids or families (e.g. 'actions,security')");
  const skipChecks = splitList(flags.skipChecks);
  validateRuleNames(checks, '--checks');
  validateRuleNames(skipChecks, '--skip-checks');
  const configFile = flags.config ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  const config = configFile === undefined ? undefined : readLintConfig(configFile);

  const options = { policyType: flags.policyType as PolicyType, checks, skipChecks };
  // Opened here even when workers lint everything else: its notices are printed once, by this thread.
  const db = ctx.database();
  const inputs = listLintInputs(paths);
  const threads =
    ctx.workerEntry === undefined ? 1 : planLintThreads(inputs, flags.jobs, availableParallelism());
  const parts =
    threads === 1
      ? [lintInputs(db, inputs, options)]
      : await lintOnThreads(db, inputs, options, threads, {
          entry: ctx.workerEntry as string,
          dbPath: ctx.dbPath(),
          env: ctx.env,
        });
  const result = mergeLintParts(parts, config);
  const report = {
    findings: result.findings,
    accepted: result.accepted,
    files: result.files,
    policies: result.policies,
  };
  let text: string;
  if (flags.fmt === 'json') text = (await import('../../reporting/json.js')).formatFindingsJson(report);
  else if (flags.fmt === 'markdown') {
    text = (await import('../../reporting/findings-markdown.js')).renderFindingsMarkdown(report);
  } else if (flags.fmt === 'sarif') {
    const { formatSarif } = await import('../../reporting/sarif.js');
    const { packageVersion } = await import('../../util/package-root.js');
    // Only the rules that ran: a rule declared with no result tells code scanning its alerts are fixed.
    const rules = lintRules().filter((r) => selects({ checks, skipChecks }, r.id));
    text = formatSarif(report, rules, {
      name: 'iamwright',
      version: packageVersion(),
      informationUri: INFORMATION_URI,
    });
  } else {
    const { formatFindingsTable, useColor } = await import('../../reporting/table.js');
    text = formatFindingsTable(report, {
      color: flags.out === undefined && useColor(process.stdout, ctx.env),
    });
  }
  if (flags.out !== undefined) {
    try {
      writeFileSync(flags.out, text);
    } catch (e) {
      throw new UserError(`cannot write ${flags.out}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  } else ctx.out(text);
  const { printable } = await import('../../reporting/table.js');
  for (const e of result.errors) {
    const at = e.line === undefined ? '' : `:${e.line}:${e.column ?? 1}`;
    ctx.err(`iamwright: ${printable(`${e.file}${at}: ${e.message}`)}\n`);
  }
  if (result.errors.length) return EXIT_INPUT_ERROR;
  const failOn = flags.failOn as Severity | 'none';
  if (failOn !== 'none' && result.findings.some((f) => atLeast(f.severity, failOn))) return EXIT_FINDINGS;
  return 0;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
