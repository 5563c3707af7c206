import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Registers `db export`: the chosen database as one SQLite or JSON file for other tools. */
export function registerDbExport(db: Command, ctx: CliContext): void {
  db.command('export')
    .description(
      'Export the IAM database as one SQLite file (schema: docs/database-schema.md) or one JSON document.',
    )
    .requiredOption('--format <format>', 'sqlite or json')
    .requiredOption('--out <file>', 'file to write')
    .action(async (opts: { format: string; out: string }) => {
      const { exportDatabase } = await import('../../database/export/index.js');
      const database = ctx.database();
      await exportDatabase(database, opts.format, opts.out);
      const c = database.meta.counts;
      ctx.err(`wrote ${opts.out} (${opts.format}: ${c.services} services, ${c.actions} actions)\n`);
    });
}
