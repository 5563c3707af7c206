import { selectDatabase } from '../database/select.js';
import { databaseNotices } from '../database/update/status.js';
import type { IamDatabase } from '../database/database.js';
import { UserError } from '../util/errors.js';
import { OutputError, writeStderr, writeStdout } from '../util/io/output.js';
import type { CommandTable } from './program.js';
import type { CliContext } from './context.js';
import { directCommand, parseDirect, type DirectTable } from './direct.js';
import { checkDbOption } from './root-options.js';

export interface MainOptions {
  /**
   * The commands this CLI has (commands/table.ts; the fast entry has fewer), loaded when commander reads
   * the command line: a command line read directly loads neither them nor commander.
   */
  commands: () => Promise<CommandTable>;
  /** Commands whose plain command lines are read without commander (direct.ts). Default: none. */
  direct?: DirectTable;
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
  let dbOption: () => string | undefined = () => undefined;
  const ctx: CliContext = {
    env,
    workerEntry: options.workerEntry,
    dbPath: () => dbOption(),
    database: () => {
      if (!db) {
        db = selectDatabase({ dbPath: dbOption(), env });
        // Once per run: which database is in use must never be a surprise (stale local copy, failed update).
        for (const notice of databaseNotices(db, env)) ctx.err(`iamwright: warning: ${notice}\n`);
      }
      return db;
    },
    out: writeStdout,
    err: writeStderr,
  };
  // Set once commander is loaded: a command line read directly cannot give one of its errors.
  let isCommanderError = (_e: unknown): _e is { exitCode: number } => false;
  try {
    const command = options.direct && (await directCommand(argv, options.direct));
    const direct = command && parseDirect(argv, command);
    if (direct) {
      dbOption = () => direct.db;
      checkDbOption(direct.db);
      await direct.command.run(ctx, direct.args, direct.opts);
    } else {
      const [{ buildProgram, CommanderError }, { packageVersion }, commands] = await Promise.all([
        import('./program.js'),
        import('../util/package-root.js'),
        options.commands(),
      ]);
      isCommanderError = (e): e is { exitCode: number } => e instanceof CommanderError;
      const program = buildProgram(ctx, packageVersion(), commands, argv);
      dbOption = () => program.opts<{ db?: string }>().db;
      await program.parseAsync(argv, { from: 'user' });
    }
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (isCommanderError(e)) return e.exitCode; // commander has printed its own message
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
