/**
 * What `write-policy` does once its command line is read, by commander (write-policy.ts) or directly
 * (direct.ts): no commander here, so that the usual run never loads it.
 */
import type { CliContext } from '../context.js';
import type { PolicyDocument } from '../../writing/types.js';
import type { PolicyFormat } from '../../writing/render.js';
import type { Partition } from '../../querying/partitions.js';
import { UserError } from '../../util/errors.js';
import type { FitQuota } from '../../writing/fit/quota.js';

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

/** Runs write-policy on its arguments (templates, with --check) and options. */
export async function runWritePolicy(
  ctx: CliContext,
  templates: string[],
  opts: WritePolicyCliOptions,
): Promise<void> {
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
