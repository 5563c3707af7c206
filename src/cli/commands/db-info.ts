import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { UserError } from '../../util/errors.js';

/** Registers `db info`: which database is in use, and what it holds. */
export function registerDbInfo(db: Command, ctx: CliContext): void {
  db.command('info')
    .description(
      'Show the database in use: where it is and why it was chosen, schema version, build date, counts, ' +
        'and the access-level overrides applied.',
    )
    .option('--fmt <format>', 'text or json', 'text')
    .option('--verbose', 'list every access-level override applied (json always does)')
    .action(async (opts: { fmt: string; verbose?: boolean }) => {
      if (opts.fmt !== 'text' && opts.fmt !== 'json')
        throw new UserError(`--fmt must be text or json, got '${opts.fmt}'`);
      const { databaseInfo, formatInfo } = await import('../../database/update/status.js');
      // ctx.database() has already printed the notices on stderr; JSON carries them for programs.
      const info = databaseInfo(ctx.database(), ctx.env);
      ctx.out(
        opts.fmt === 'json'
          ? JSON.stringify(info, null, 2) + '\n'
          : formatInfo(info, { listOverrides: Boolean(opts.verbose) }),
      );
    });
}
