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
      'Report risky actions (privilege escalation, resource exposure, credentials exposure, resource policies) ' +
        'and unknown actions in policy files, folders of them, or get-account-authorization-details output.',
    )
    .argument(
      '<paths...>',
      'policy JSON files, folders (*.json, recursively), authorization details, or - for stdin',
    )
    .option('--fmt <format>', 'output format: table or json', 'table')
    .option(
      '--fail-on <categories>',
      'exit with 2 when a finding of these comma-separated categories exists (privilege-escalation, ' +
        'resource-exposure, credentials-exposure, resource-policies, unknown-action, or all)',
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
        'Example: iamwright analyze policies/ --fail-on privilege-escalation,credentials-exposure\n',
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

/** `analyze PATH...`: report, then the exit code for CI (see EXIT_FINDINGS, EXIT_INPUT_ERROR). */
async function runAnalyze(ctx: CliContext, paths: string[], flags: AnalyzeFlags): Promise<number> {
  // Modules one by one rather than the layer's index, so that yaml loads only for an exclusions file.
  const a = {
    ...(await import('../../analysis/risky-actions.js')),
    ...(await import('../../analysis/inputs.js')),
    ...(await import('../../analysis/report.js')),
  };
  const { UserError, didYouMean } = await import('../../util/errors.js');
  if (flags.fmt !== 'table' && flags.fmt !== 'json') {
    throw new UserError(`--fmt must be table or json, not '${flags.fmt}'`);
  }
  const failOn: FindingCategory[] = [];
  const failOnNames = splitList(flags.failOn);
  // An empty list would turn the CI gate off without a word (`--fail-on "$UNSET"`).
  if (flags.failOn !== undefined && failOnNames.length === 0) {
    throw new UserError(
      `--fail-on: no category given (${JSON.stringify(flags.failOn)}); ` +
        `categories: ${a.FINDING_CATEGORIES.join(', ')}, all`,
    );
  }
  for (const name of failOnNames) {
    if (name === 'all') failOn.push(...a.FINDING_CATEGORIES);
    else if (a.isFindingCategory(name)) failOn.push(name);
    else {
      throw new UserError(
        `--fail-on: unknown category '${name}'${didYouMean(name, a.FINDING_CATEGORIES)}; ` +
          `categories: ${a.FINDING_CATEGORIES.join(', ')}, all`,
      );
    }
  }
  const excluded = flags.exclusionsFile
    ? (await import('../../analysis/exclusions.js')).readExclusionsFile(flags.exclusionsFile)
    : { actions: [] as string[], policies: [] as string[] };
  excluded.actions.push(...splitList(flags.excludeActions));

  const db = ctx.database();
  const sources = a.readPolicyInputs(paths);
  const report = a.analyzeSources(db, sources, {
    excludeActions: excluded.actions,
    excludePolicies: excluded.policies,
  });
  ctx.out(flags.fmt === 'json' ? a.formatReportJson(report) : a.formatReportTable(report));
  ctx.err(a.formatErrors(report.errors));
  if (report.errors.length) return EXIT_INPUT_ERROR;
  return a.hasFindingsIn(report, failOn) ? EXIT_FINDINGS : 0;
}

function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
