/**
 * `write-policy --check FILE...`: validate templates without writing a policy (pre-commit, CI). Each template
 * is parsed and its policy derived exactly as `write-policy -i FILE` would; a bad one is reported on one line
 * naming the file and the rest are still checked.
 */
import type { CliContext } from '../context.js';
import { UserError } from '../../util/errors.js';
import { derivePolicy, type WritePolicyCliOptions } from './write-policy-run.js';

/** Checks every template; resolves once all are read. Sets exit code 1 when any does not validate. */
export async function checkTemplates(
  ctx: CliContext,
  files: string[],
  opts: WritePolicyCliOptions,
): Promise<void> {
  // No file at all: the template on stdin, as write-policy reads it.
  const inputs: (string | undefined)[] = files.length ? files : [undefined];
  let failed = 0;
  for (const inputFile of inputs) {
    try {
      await derivePolicy(ctx, { ...opts, inputFile });
    } catch (e) {
      if (!(e instanceof UserError)) throw e;
      failed++;
      ctx.err(`iamwright: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
    }
  }
  if (failed) {
    ctx.err(`iamwright: ${failed} of ${inputs.length} template(s) do not validate\n`);
    process.exitCode = 1;
  }
}
