import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { UserError } from '../../util/errors.js';
import type { UpdateOptions } from '../../database/update/update.js';

export interface UpdateCliOptions {
  baseUrl?: string;
  source: string;
  serviceReferenceUrl?: string;
  force?: boolean;
  accessLevelOverridesFile?: string;
  overrides: boolean;
  concurrency: string;
  timeout: string;
  retries: string;
  verbose?: boolean;
}

/** A numeric option within its range (CLI_RANGES), or a UserError naming the flag and the range. */
function wholeNumber(value: string, flag: string, range: { min: number; max: number }): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < range.min || n > range.max) {
    throw new UserError(`${flag} must be a whole number from ${range.min} to ${range.max}, got '${value}'`);
  }
  return n;
}

/** Options shared by `db update` and `initialize`. */
export function addUpdateOptions(cmd: Command): Command {
  return cmd
    .option('--base-url <url>', 'Service Authorization Reference location (a mirror, or a test server)')
    .option(
      '--source <source>',
      "html (the reference pages), service-reference (AWS's JSON), or both",
      'html',
    )
    .option('--service-reference-url <url>', 'index of the Service Reference JSON documents')
    .option(
      '--access-level-overrides-file <file>',
      'access-level overrides to apply (default: your copy, else the bundled one)',
    )
    .option('--no-overrides', 'apply no access-level overrides')
    .option('--concurrency <n>', 'downloads at once (1-64)', '8')
    .option('--timeout <seconds>', 'seconds before a download attempt is abandoned (1-600)', '30')
    .option('--retries <n>', 'retries of a failed download (0-10)', '3')
    .option('--verbose', 'list every page or service behind a refusal, not only the first few');
}

/**
 * Checks the options shared by `db update` and `initialize` before anything is downloaded or written, and
 * turns them into updateDatabase options.
 */
export async function checkUpdateOptions(opts: UpdateCliOptions): Promise<UpdateOptions> {
  const { CLI_RANGES } = await import('../../database/update/option-ranges.js');
  const { parseSourceUrl } = await import('../../database/update/url.js');
  if (!['html', 'service-reference', 'both'].includes(opts.source)) {
    throw new UserError(`--source must be html, service-reference or both, got '${opts.source}'`);
  }
  if (opts.baseUrl !== undefined) parseSourceUrl(opts.baseUrl, '--base-url');
  if (opts.serviceReferenceUrl !== undefined)
    parseSourceUrl(opts.serviceReferenceUrl, '--service-reference-url');
  return {
    ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl } : {}),
    source: opts.source as 'html' | 'service-reference' | 'both',
    ...(opts.serviceReferenceUrl !== undefined ? { serviceReferenceUrl: opts.serviceReferenceUrl } : {}),
    force: Boolean(opts.force),
    ...(opts.overrides === false
      ? { overridesFile: null }
      : opts.accessLevelOverridesFile
        ? { overridesFile: opts.accessLevelOverridesFile }
        : {}),
    concurrency: wholeNumber(opts.concurrency, '--concurrency', CLI_RANGES.concurrency),
    timeoutMs: wholeNumber(opts.timeout, '--timeout', CLI_RANGES.timeoutSeconds) * 1000,
    retries: wholeNumber(opts.retries, '--retries', CLI_RANGES.retries),
    verbose: Boolean(opts.verbose),
  };
}

/** Turns CLI options into updateDatabase options (loaded lazily with the implementation). */
export async function runUpdate(
  ctx: CliContext,
  opts: UpdateCliOptions,
  extra: { build?: boolean; fetch?: boolean },
) {
  const { updateDatabase } = await import('../../database/update/index.js');
  const { streamProgress } = await import('../../database/update/progress.js');
  const report = await updateDatabase({
    ...(await checkUpdateOptions(opts)),
    env: ctx.env,
    progress: streamProgress(process.stderr),
    log: (line) => ctx.err(`iamwright: ${line}\n`),
    ...extra,
  });
  const c = report.counts;
  const counts = c
    ? `${c.services} services, ${c.actions} actions, ${c.resourceTypes} resource types, ${c.conditionKeys} condition keys`
    : '';
  const pages = `${report.pagesDownloaded} page(s) downloaded, ${report.pagesNotModified} unchanged`;
  if (report.outcome === 'fetched') ctx.out(`fetched into ${report.home}: ${pages}\n`);
  else if (report.outcome === 'unchanged') ctx.out(`local database is up to date (${pages}): ${counts}\n`);
  else {
    const p = report.previousCounts;
    const was = p ? ` (was ${p.services} services, ${p.actions} actions)` : '';
    ctx.out(`installed ${report.installedPath}: ${counts}${was}; ${pages}\n`);
    const ch = report.changes;
    if (ch) {
      const pm = ([a, r]: [number, number], what: string) => `+${a}/-${r} ${what}`;
      ctx.out(
        `changes: ${pm(ch.services, 'services')}, ${pm(ch.actions, 'actions')}, ` +
          `${pm(ch.resourceTypes, 'resource types')}, ${pm(ch.conditionKeys, 'condition keys')}, ` +
          `${ch.changedActions} action(s) changed (details: iamwright db diff ${report.previousPath ?? 'OLD'} local)\n`,
      );
    }
  }
  for (const note of report.notes) ctx.err(`iamwright: note: ${note}\n`);
  if (ctx.env.IAMWRIGHT_DB) {
    ctx.err(
      `iamwright: note: IAMWRIGHT_DB is set: commands use ${ctx.env.IAMWRIGHT_DB}, not this local database\n`,
    );
  }
}

/** Registers `db update`, `db rollback` and `db diff`. */
export function registerDbUpdate(db: Command, ctx: CliContext): void {
  addUpdateOptions(
    db
      .command('update')
      .description(
        'Download the current AWS Service Authorization Reference and rebuild the local database under ' +
          'IAMWRIGHT_HOME (default ~/.iamwright). The new database replaces the old one only if it passes ' +
          'validation; the old one is kept for `db rollback`.',
      )
      .option(
        '--force',
        'install even if validation finds problems (failed pages, counts dropping > 2%, ' +
          'a service losing >= 20% of its actions, resource types or condition keys)',
      ),
  ).action(async (opts: UpdateCliOptions) => runUpdate(ctx, opts, {}));

  db.command('rollback')
    .description('Make the previous local database current again (run twice to undo).')
    .action(async () => {
      const { rollbackDatabase } = await import('../../database/update/install.js');
      const { iamwrightHome } = await import('../../database/select.js');
      const home = iamwrightHome(ctx.env);
      const r = rollbackDatabase(home);
      ctx.out(`local database is now ${r.current}${r.previous ? ` (previous: ${r.previous})` : ''}\n`);
    });

  db.command('diff')
    .description("Show what changed between two databases (paths, or 'bundled' / 'local').")
    .argument('<old>', "older database: a path, 'bundled' or 'local'")
    .argument('<new>', "newer database: a path, 'bundled' or 'local'")
    .option('--fmt <format>', 'text, json, or markdown (a pull-request description)', 'text')
    .action(async (oldArg: string, newArg: string, opts: { fmt: string }) => {
      if (!['text', 'json', 'markdown'].includes(opts.fmt))
        throw new UserError(`--fmt must be text, json or markdown, got '${opts.fmt}'`);
      const { openNamedDatabase } = await import('./db-open.js');
      const { diffDatabases, formatDiff, formatDiffMarkdown } = await import('../../database/diff.js');
      const diff = diffDatabases(openNamedDatabase(oldArg, ctx.env), openNamedDatabase(newArg, ctx.env));
      ctx.out(
        opts.fmt === 'json'
          ? JSON.stringify(diff, null, 2) + '\n'
          : opts.fmt === 'markdown'
            ? formatDiffMarkdown(diff)
            : formatDiff(diff),
      );
    });
}
