import type { Command } from 'commander';
import { didYouMean } from '../util/errors.js';

/**
 * Makes `cmd`, a command with subcommands, show its help when run bare, and reject an unknown subcommand
 * with a suggestion, or the list of its subcommands when none is close. Call after its subcommands are
 * registered: they copy settings when created, and must keep rejecting stray arguments.
 */
export function helpOrUnknownCommand(cmd: Command): void {
  cmd.allowExcessArguments();
  cmd.action(() => {
    const [word] = cmd.args;
    if (word === undefined) return cmd.help();
    const names = cmd.commands.map((c) => c.name());
    const hint = didYouMean(word, names) || ` (commands: ${names.join(', ')})`;
    cmd.error(`error: unknown command '${word}'${hint}`, { code: 'commander.unknownCommand' });
  });
}
