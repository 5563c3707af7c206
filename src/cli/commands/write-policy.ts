import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { addOptions } from '../program.js';
import { minimizeLength, WRITE_POLICY_OPTIONS } from './write-policy-options.js';
import { runWritePolicy, type WritePolicyCliOptions } from './write-policy-run.js';

/** Registers `write-policy`. Returns the command so that other options (e.g. --audit) can be added. */
export function registerWritePolicy(program: Command, ctx: CliContext): Command {
  const command = program
    .command('write-policy')
    .description('Write a least-privilege IAM policy from a YAML template (crud or actions mode)')
    .argument('[templates...]', 'with --check: the templates to validate')
    .action((templates: string[], opts: WritePolicyCliOptions) => runWritePolicy(ctx, templates, opts));
  addOptions(command, WRITE_POLICY_OPTIONS);
  // Heard after commander has checked the value, in command-line order.
  const noteLength = (value: string | null | undefined) => {
    if (typeof value === 'string') command.setOptionValue('lastLength', minimizeLength(value));
  };
  command.on('option:minimize', noteLength);
  command.on('option:minimize_length', noteLength);
  return command;
}
