import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

interface DbBuildOptions {
  docs: string;
  out: string;
  accessLevelOverridesFile?: string;
  /** commander's negated flag: false when --no-overrides is given. */
  overrides: boolean;
  buildDate?: string;
  builtFrom?: string;
  verbose?: boolean;
  pageMerge: string;
}

/**
 * The output folder is replaced as a whole, so it must be absent, empty, or an iamwright database: a
 * mistyped --out must never delete someone's folder.
 */
function refuseToReplace(out: string, UserError: new (m: string) => Error): void {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory())
    throw new UserError(`--out ${out} is a file; give a folder for the database`);
  if (readdirSync(out).length > 0 && !existsSync(join(out, 'index.json'))) {
    throw new UserError(`--out ${out} is a folder that is not an iamwright database; refusing to replace it`);
  }
}

/** Registers `db build`: AWS Service Authorization Reference pages -> an iamwright database folder. */
export function registerDbBuild(db: Command, ctx: CliContext): void {
  db.command('build')
    .description(
      'Build an IAM database from downloaded AWS Service Authorization Reference pages (list_*.html).',
    )
    .requiredOption('--docs <dir>', 'folder holding the list_*.html pages')
    .requiredOption('--out <dir>', 'database folder to write (replaced atomically)')
    .option(
      '--access-level-overrides-file <file>',
      'access-level overrides to apply instead of the bundled ones (also IAMWRIGHT_ACCESS_LEVEL_OVERRIDES)',
    )
    .option('--no-overrides', 'apply no access-level overrides')
    .option(
      '--build-date <iso>',
      'date-time to record as the build date (default: now; fix it for reproducible builds)',
    )
    .option('--built-from <text>', 'what to record as the source (default: the --docs folder as given)')
    .option(
      '--page-merge <rule>',
      "pages sharing a prefix: 'newest' drops stale copies (see docs/database.md); 'policy_sentry' lets the last file win",
      'newest',
    )
    .option('--verbose', 'list superseded pages, merge conflicts and every warning')
    .action(async (opts: DbBuildOptions) => {
      const { buildDatabaseFromDocs, resolveOverridesFile, formatBuildSummary } =
        await import('../../database/build/index.js');
      const { writeDatabaseDir } = await import('../../database/store.js');
      const { UserError } = await import('../../util/errors.js');
      if (opts.buildDate !== undefined && Number.isNaN(Date.parse(opts.buildDate))) {
        throw new UserError(
          `--build-date: '${opts.buildDate}' is not an ISO date-time (e.g. 2026-06-14T00:00:00Z)`,
        );
      }
      if (opts.pageMerge !== 'newest' && opts.pageMerge !== 'policy_sentry') {
        throw new UserError(
          `--page-merge: unknown rule '${opts.pageMerge}' (allowed: newest, policy_sentry)`,
        );
      }
      refuseToReplace(opts.out, UserError);
      const overridesFile = resolveOverridesFile(
        { file: opts.accessLevelOverridesFile, noOverrides: opts.overrides === false },
        ctx.env,
      );
      const result = buildDatabaseFromDocs(opts.docs, {
        overridesFile,
        pageMerge: opts.pageMerge,
        ...(opts.buildDate !== undefined ? { buildDate: opts.buildDate } : {}),
        ...(opts.builtFrom !== undefined ? { builtFrom: opts.builtFrom } : {}),
      });
      if (result.records.length === 0)
        throw new UserError(`${opts.docs}: no service could be read; nothing written`);
      writeDatabaseDir(opts.out, result.records, result.meta);
      ctx.err(formatBuildSummary(result.report, { verbose: opts.verbose }));
      ctx.err(`wrote ${opts.out}\n`);
    });
}
