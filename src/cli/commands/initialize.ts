import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { addUpdateOptions, checkUpdateOptions, runUpdate, type UpdateCliOptions } from './db-update.js';

/**
 * Registers `initialize`: creates IAMWRIGHT_HOME with an editable copy of the access-level overrides, and
 * optionally downloads the AWS pages (--fetch) and builds the local database from them (--build).
 */
export function registerInitialize(program: Command, ctx: CliContext): void {
  addUpdateOptions(
    program
      .command('initialize')
      .description(
        'Create the local iamwright folder (IAMWRIGHT_HOME, default ~/.iamwright) with a copy of the ' +
          'access-level overrides; --fetch downloads the AWS Service Authorization Reference, --build builds ' +
          'the local database from it (`db update` does both).',
      )
      .option('--fetch', 'download the current AWS pages')
      .option('--build', 'build the local database from the downloaded pages')
      .option('--force', 'install even if validation finds problems'),
  ).action(async (opts: UpdateCliOptions & { fetch?: boolean; build?: boolean }) => {
    // A bad download option is refused before the folder is created or the overrides copied.
    if (opts.fetch || opts.build) await checkUpdateOptions(opts);
    const { initializeHome } = await import('../../database/update/initialize.js');
    const r = initializeHome({
      env: ctx.env,
      ...(opts.accessLevelOverridesFile ? { overridesSource: opts.accessLevelOverridesFile } : {}),
    });
    ctx.out(`${r.created ? 'created' : 'using'} ${r.home}\n`);
    if (r.overridesCopied) ctx.out(`copied access-level overrides to ${r.overridesCopied}\n`);
    if (opts.fetch || opts.build) {
      // The user's copy just made is what later builds read; point this build at it too.
      const rest: UpdateCliOptions = { ...opts, accessLevelOverridesFile: undefined };
      await runUpdate(ctx, rest, { build: Boolean(opts.build), fetch: Boolean(opts.fetch) });
    }
  });
}
