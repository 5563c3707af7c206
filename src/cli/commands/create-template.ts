import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

interface CreateTemplateOptions {
  outputFile: string;
  templateType: string;
  force?: boolean;
}

/** Registers `create-template`: writes a commented starter template for write-policy. */
export function registerCreateTemplate(program: Command, ctx: CliContext): void {
  program
    .command('create-template')
    .description(
      'Write a commented write-policy template to fill in (crud: ARNs by access level; actions: action names)',
    )
    .requiredOption('-o, --output-file <file>', "file to write ('-' for stdout)")
    .requiredOption('-t, --template-type <type>', 'crud or actions (any case)')
    .option('--force', 'overwrite the output file if it exists')
    .action(async (opts: CreateTemplateOptions) => {
      const { parseTemplateType, templateText } = await import('../../writing/template/create.js');
      const { writeOutput } = await import('../../util/io/output.js');
      const type = parseTemplateType(opts.templateType);
      const written = writeOutput(opts.outputFile, templateText(type), {
        option: '-o',
        exclusive: !opts.force,
        existsHint: 'use --force to overwrite it',
      });
      if (written.kind !== 'stdout') {
        ctx.out(`write-policy template (${type}) written to: ${resolve(opts.outputFile)}\n`);
      }
    });
}
