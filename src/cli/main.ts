import { CommanderError } from 'commander';
import { selectDatabase } from '../database/select.js';
import { databaseNotices } from '../database/update/status.js';
import type { IamDatabase } from '../database/database.js';
import { UserError } from '../util/errors.js';
import { OutputError, writeStderr, writeStdout } from '../util/io/output.js';
import { packageVersion } from '../util/package-root.js';
import { buildProgram, type CommandTable } from './program.js';
import type { CliContext } from './context.js';

export interface MainOptions {
  /** The commands this CLI has (commands/table.ts; the fast entry has fewer). */
  commands: CommandTable;
  /**
   * The file this process was started from, from which commands may start worker threads (see
   * workers.ts). Default: none, and every command runs on the calling thread.
   */
  workerEntry?: string;
}

/** Runs the CLI on `argv` (without node and script). Resolves to the exit code; never throws. */
export async function main(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  options: MainOptions,
): Promise<number> {
  let db: IamDatabase | undefined;
  const ctx: CliContext = {
    env,
    workerEntry: options.workerEntry,
    dbPath: () => program.opts<{ db?: string }>().db,
    database: () => {
      if (!db) {
        db = selectDatabase({ dbPath: program.opts<{ db?: string }>().db, env });
        // Once per run: which database is in use must never be a surprise (stale local copy, failed update).
        for (const notice of databaseNotices(db, env)) ctx.err(`iamwright: warning: ${notice}\n`);
      }
      return db;
    },
    out: writeStdout,
    err: writeStderr,
  };
  const program = buildProgram(ctx, packageVersion(), options.commands, argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode; // commander has printed its own message
    if (e instanceof OutputError && e.quiet) return e.exitCode; // `| head` stopped reading: nothing to say
    if (e instanceof UserError) {
      ctx.err(`iamwright: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return e.exitCode;
    }
    const err = e as Error;
    if (env.IAMWRIGHT_DEBUG) ctx.err(`${err.stack ?? String(err)}\n`);
    ctx.err(`iamwright: internal error: ${err.message ?? String(err)} (set IAMWRIGHT_DEBUG=1 for details)\n`);
    return 70;
  }
}

/**
 * Runs the CLI on this process's arguments and sets its exit code: what an entry (src/cli.ts, cli/fast.ts)
 * exports as `done`, which bin/iamwright.cjs waits for when recording its code cache.
 */
export function runProcess(options: MainOptions): Promise<number> {
  return main(process.argv.slice(2), process.env, options).then((code) => {
    process.exitCode = code;
    return code;
  });
}
