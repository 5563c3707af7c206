import { isatty } from 'node:tty';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Registers `db export`: the chosen database as one SQLite or JSON file for other tools. */
export function registerDbExport(db: Command, ctx: CliContext): void {
  db.command('export')
    .description(
      'Export the IAM database as one SQLite file (schema: docs/database-schema.md) or one JSON document.',
    )
    .requiredOption('--format <format>', 'sqlite or json')
    .requiredOption('--out <file>', "file to write ('-' for stdout)")
    .action(async (opts: { format: string; out: string }) => {
      const { exportDatabase } = await import('../../database/export/index.js');
      const { UserError } = await import('../../util/errors.js');
      // As gzip does: binary data on a terminal is noise and can upset it.
      if (opts.out === '-' && opts.format === 'sqlite' && isatty(1)) {
        throw new UserError(
          '--out -: not writing a SQLite file to a terminal; redirect stdout or give a file',
        );
      }
      const database = ctx.database();
      const written = await exportDatabase(database, opts.format, opts.out);
      const c = database.meta.counts;
      const where = written.kind === 'stdout' ? 'stdout' : opts.out;
      ctx.err(`wrote ${where} (${opts.format}: ${c.services} services, ${c.actions} actions)\n`);
    });
}
