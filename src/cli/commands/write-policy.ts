import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import type { PolicyDocument } from '../../writing/types.js';
import type { PolicyFormat } from '../../writing/render.js';
import { isPartition, PARTITIONS, type Partition } from '../../querying/partitions.js';
import { UserError } from '../../util/errors.js';
import { FIT_QUOTA_NAMES, parseFitQuota, type FitQuota } from '../../writing/fit/quota.js';

export interface WritePolicyCliOptions {
  /** Template file; stdin when absent. */
  inputFile?: string;
  /** `true` for a bare --minimize (= 0). */
  minimize?: number | true;
  fmt: PolicyFormat;
  /** Report the written policy's risky actions on stderr (stdout stays the policy). Default false. */
  audit?: boolean;
  /**
   * policy_sentry's `--minimize_length N`: the length used by --minimize. Alone it minimizes nothing, as
   * there. Hidden; default 0.
   */
  minimize_length?: number;
  /**
   * Set while parsing: the length given last, by `--minimize N` or `--minimize_length N` (policy_sentry
   * rewrites `--minimize N` into `--minimize --minimize_length N`, so the last one wins).
   */
  lastLength?: number;
  /** policy_sentry's log level; validated and ignored (our warnings always go to stderr). Hidden. */
  verbose?: string;
  /** The partition of the ARNs written (overrides the template's `partition:`). Default: the template's. */
  partition?: Partition;
  /** Fit the policy into this quota (write-policy-fit.ts). Default: written as derived, whatever its size. */
  fit?: FitQuota;
  /** With --fit: one file per policy in this folder instead of stdout. */
  outDir?: string;
  /** Validate the templates given (or -i / stdin) and write nothing (write-policy-check.ts). */
  check?: boolean;
  /**
   * Actions that do not support a condition key asked for them: 'error' refuses the template, 'split' gives
   * them their own statement without that key and warns. Default: the template's
   * `unsupported-condition-keys:`, else 'error'.
   */
  unsupportedConditionKeys?: 'error' | 'split';
}

const LOG_LEVELS = ['critical', 'error', 'warning', 'info', 'debug'];

/** `-v LEVEL`: one of policy_sentry's log levels, any case, so that its command lines still run. */
function logLevel(value: string): string {
  if (!LOG_LEVELS.includes(value.toLowerCase())) {
    throw new InvalidArgumentError(`expected one of ${LOG_LEVELS.join(', ')}, got '${value}'`);
  }
  return value.toLowerCase();
}

/** `--minimize N`: a whole number >= 0. (A bare --minimize never reaches this parser.) */
function minimizeLength(value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new InvalidArgumentError(
      `expected a whole number >= 0 (characters kept before a '*'), got '${value}'`,
    );
  }
  return Number(value);
}

/** `--partition NAME`: one of AWS's partitions (checked here, so that the error names the option). */
function partitionOption(value: string): Partition {
  if (isPartition(value)) return value;
  throw new InvalidArgumentError(`expected one of ${PARTITIONS.join(', ')}, got '${value}'`);
}

/** `--fit QUOTA`: a quota name or a number of characters. */
function fitOption(value: string): FitQuota {
  try {
    return parseFitQuota(value);
  } catch (e) {
    if (e instanceof UserError) throw new InvalidArgumentError(e.message);
    throw e;
  }
}

/** Registers `write-policy`. Returns the command so that other options (e.g. --audit) can be added. */
export function registerWritePolicy(program: Command, ctx: CliContext): Command {
  const command = program
    .command('write-policy')
    .description('Write a least-privilege IAM policy from a YAML template (crud or actions mode)')
    .option('-i, --input-file <file>', 'the YAML template (default: read from stdin)')
    .option(
      '-m, --minimize [chars]',
      'shorten actions to prefix wildcards that match nothing else, keeping at least this many characters before the * (default 0)',
      minimizeLength,
    )
    .addOption(
      new Option('--fmt <format>', 'output format').choices(['json', 'yaml', 'terraform']).default('json'),
    )
    .option(
      '--partition <name>',
      `write the ARNs iamwright writes itself in this partition (${PARTITIONS.join(', ')}); template ARNs must be in it`,
      partitionOption,
    )
    .option(
      '--fit <quota>',
      `when the policy is over this size quota (${FIT_QUOTA_NAMES.join(', ')}, or a number of characters), make it fit: merge statements, then use wildcards, then split it into several policies`,
      fitOption,
    )
    .option(
      '--out-dir <dir>',
      'with --fit: write each policy to DIR/NAME-N.json (made if missing) instead of stdout',
    )
    .addOption(
      new Option(
        '--unsupported-condition-keys <choice>',
        "actions that do not support a condition key asked for them: 'error' refuses the template (the template's unsupported-condition-keys:, else error), 'split' writes them apart without that key and warns",
      ).choices(['error', 'split']),
    )
    .option('--audit', 'also report risky actions of the policy (privilege escalation, ...) on stderr')
    .option(
      '--check',
      'validate the templates given as arguments (or -i, or stdin) and write nothing; exit 1 if one does not validate',
    )
    .argument('[templates...]', 'with --check: the templates to validate')
    .addOption(new Option('--minimize_length <chars>').argParser(minimizeLength).hideHelp())
    .addOption(new Option('-v, --verbose <level>').argParser(logLevel).hideHelp())
    .action(async (templates: string[], opts: WritePolicyCliOptions) => {
      if (templates.length && !opts.check) {
        throw new UserError(
          `template files as arguments go with --check; to write a policy give one with -i ${templates[0]}`,
        );
      }
      if (opts.check) {
        if (opts.fit !== undefined || opts.audit) {
          throw new UserError('--check writes nothing: it does not go with --fit or --audit');
        }
        const { checkTemplates } = await import('./write-policy-check.js');
        const files = opts.inputFile !== undefined ? [opts.inputFile, ...templates] : templates;
        return checkTemplates(ctx, files, opts);
      }
      if (opts.outDir !== undefined && opts.fit === undefined) {
        throw new UserError('--out-dir goes with --fit (the files are the fitted policies); add --fit QUOTA');
      }
      const [policy, { renderPolicy }] = await Promise.all([
        derivePolicy(ctx, opts),
        import('../../writing/render.js'),
      ]);
      const text = opts.fit ? '' : await renderPolicy(policy, opts.fmt);
      if (opts.audit) {
        const { auditPolicy, summarizeAuditFindings } = await import('../../analysis/audit.js');
        const findings = auditPolicy(ctx.database(), policy);
        ctx.err(
          findings.length ? summarizeAuditFindings(findings) : 'iamwright: audit: no risky actions found\n',
        );
      }
      if (!opts.fit) return ctx.out(text);
      const { writeFitted } = await import('./write-policy-fit.js');
      await writeFitted(ctx, ctx.database(), policy, {
        quota: opts.fit,
        format: opts.fmt,
        minimize: opts.minimize === undefined ? 0 : (opts.lastLength ?? 0),
        outDir: opts.outDir,
        inputFile: opts.inputFile,
      });
    });
  // Heard after commander has checked the value, in command-line order.
  const noteLength = (value: string | null | undefined) => {
    if (typeof value === 'string') command.setOptionValue('lastLength', minimizeLength(value));
  };
  command.on('option:minimize', noteLength);
  command.on('option:minimize_length', noteLength);
  return command;
}

/** Reads and parses the template and derives the policy, without printing anything. */
export async function derivePolicy(ctx: CliContext, opts: WritePolicyCliOptions): Promise<PolicyDocument> {
  // Loaded together: the module graphs are read in parallel.
  const [{ readTemplateInput }, { parseTemplateDetailed }, { writePolicy }] = await Promise.all([
    import('../../writing/policy/input.js'),
    import('../../writing/template/parse.js'),
    import('../../writing/policy/write.js'),
  ]);
  const { text, name } = readTemplateInput(opts.inputFile);
  const { template, warnings } = parseTemplateDetailed(text, name);
  // e.g. a list ignored because it begins with an empty entry, as policy_sentry ignores it: never silently.
  for (const w of warnings) ctx.err(`iamwright: warning: ${w}\n`);
  const minimize = opts.minimize === undefined ? undefined : (opts.lastLength ?? 0);
  const onWarning = (message: string) => ctx.err(`iamwright: warning: ${name}: ${message}\n`);
  try {
    return writePolicy(ctx.database(), template, {
      minimize,
      onWarning,
      partition: opts.partition,
      unsupportedConditionKeys: opts.unsupportedConditionKeys,
    });
  } catch (e) {
    // The engine names the section and value; say which template too.
    if (e instanceof UserError) throw new UserError(`${name}: ${e.message}`, e.exitCode);
    throw e;
  }
}
