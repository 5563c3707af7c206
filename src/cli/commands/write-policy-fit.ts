/**
 * `write-policy --fit QUOTA [--out-dir DIR]`: the derived policy fitted into a size quota (see
 * src/writing/fit/fit.ts), written to stdout (one policy, or a list of them) or as files DIR/NAME-1.json,
 * DIR/NAME-2.json... through the one output writer. What fitting did is one note on stderr.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { UserError } from '../../util/errors.js';
import { describeIoError } from '../../util/io/errors.js';
import { writeOutput } from '../../util/io/output.js';
import { groupDigits as n } from '../../util/policy-size.js';
import type { IamDatabase } from '../../database/database.js';
import { describeQuota, fitPolicy, type FitReport } from '../../writing/fit/fit.js';
import type { FitQuota } from '../../writing/fit/quota.js';
import { renderFittedPolicies, renderFittedPolicy } from '../../writing/fit/render.js';
import type { PolicyFormat } from '../../writing/render.js';
import type { PolicyDocument } from '../../writing/types.js';
import type { CliContext } from '../context.js';

/** Managed policies an IAM user, group or role can have attached by default (IAM quotas page). */
const ATTACHED_MANAGED_POLICIES = 10;

export interface FitCliOptions {
  quota: FitQuota;
  format: PolicyFormat;
  /** Shortest action part of a wildcard (--minimize N). */
  minimize: number;
  /** Folder for one file per policy; stdout when absent. */
  outDir?: string;
  /** The template file given (names the files and errors); stdin when absent or `-`. */
  inputFile?: string;
}

const EXTENSIONS: Record<PolicyFormat, string> = { json: 'json', yaml: 'yaml', terraform: 'tf.json' };

/** `crud` for `templates/crud.yml`; `policy` for stdin. Only characters safe in any file name. */
function baseName(inputFile: string | undefined): string {
  if (inputFile === undefined || inputFile === '-') return 'policy';
  const name = basename(inputFile, extname(inputFile)).replace(/[^A-Za-z0-9._-]+/g, '-');
  return name.replace(/^[.-]+/, '') || 'policy';
}

/** `2,019 and 1,364`; for many, the range: `4,477 to 6,138`. */
function joinSizes(sizes: readonly number[]): string {
  if (sizes.length > 4) return `${n(Math.min(...sizes))} to ${n(Math.max(...sizes))}`;
  const shown = sizes.map(n);
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] ?? '');
}

/** One line saying what fitting did; undefined when the policy was within the quota as written. */
function describeFit(report: FitReport, parts: number): string | undefined {
  if (report.compacted === undefined) return undefined;
  const unit = report.quota.unit === 'iam' ? 'characters' : 'bytes';
  const steps = [`${n(report.written)} ${unit} as written`, `${n(report.compacted)} with statements merged`];
  if (report.widened !== undefined) {
    const lists = report.wildcardLists === 1 ? 'list' : 'lists';
    steps.push(`${n(report.widened)} with wildcards in ${report.wildcardLists} action ${lists}`);
  }
  const outcome =
    parts === 1
      ? `within ${describeQuota(report.quota)}`
      : `split into ${parts} policies of ${joinSizes(report.sizes)} ${unit}, each within ${describeQuota(report.quota)}`;
  return `fit: ${steps.join(', ')}: ${outcome}`;
}

/** Makes the --out-dir folder (and its parents) unless it exists; a UserError when it cannot be. */
function makeFolder(dir: string): void {
  if (dir === '') throw new UserError('--out-dir is empty; give a folder name');
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const reason =
      (e as NodeJS.ErrnoException).code === 'EEXIST'
        ? 'it is a file, not a folder'
        : describeIoError(e, 'write');
    throw new UserError(`cannot write to --out-dir '${dir}': ${reason}`);
  }
}

/** Fits `policy` and writes the result; throws UserError when it does not fit or cannot be written. */
export async function writeFitted(
  ctx: CliContext,
  db: IamDatabase,
  policy: PolicyDocument,
  options: FitCliOptions,
): Promise<void> {
  if (options.outDir !== undefined) makeFolder(options.outDir);
  let fitted: ReturnType<typeof fitPolicy>;
  try {
    fitted = fitPolicy(db, policy, options.quota, { minimize: options.minimize });
  } catch (e) {
    const source =
      options.inputFile === undefined || options.inputFile === '-' ? '<stdin>' : options.inputFile;
    if (e instanceof UserError) throw new UserError(`${source}: ${e.message}`, e.exitCode);
    throw e;
  }
  const { policies, report } = fitted;
  const compact = options.quota.unit === 'organizations';
  const note = describeFit(report, policies.length);
  if (note) ctx.err(`iamwright: ${note}\n`);
  if (policies.length > ATTACHED_MANAGED_POLICIES && !options.quota.shared) {
    ctx.err(
      `iamwright: warning: fit: ${policies.length} policies; a user, group or role has at most ${ATTACHED_MANAGED_POLICIES} managed policies attached by default\n`,
    );
  }
  if (options.outDir === undefined) {
    ctx.out(await renderFittedPolicies(policies, options.format, { compact }));
    return;
  }
  const dir = options.outDir;
  const base = baseName(options.inputFile);
  const ext = EXTENSIONS[options.format];
  const file = (i: number) => join(dir, `${base}-${i + 1}.${ext}`);
  for (const [i, p] of policies.entries()) {
    writeOutput(file(i), await renderFittedPolicy(p, options.format, { compact }), { option: '--out-dir' });
  }
  const written = policies.map((_, i) => file(i));
  ctx.err(
    `iamwright: wrote ${written.length === 1 ? written[0] : `${written.length} policies: ${written.join(', ')}`}\n`,
  );
  // A file numbered past the last written is left from an earlier run: never used silently.
  if (existsSync(file(policies.length))) {
    ctx.err(
      `iamwright: warning: ${file(policies.length)} is not from this run (it made ${policies.length}); remove it before attaching the folder's policies\n`,
    );
  }
}
