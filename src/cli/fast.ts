/**
 * The CLI's second entry, for `query` and `write-policy` only (bin/iamwright.cjs picks it for them): the
 * same commands as the full CLI (src/cli.ts), in a bundle without the code of the others, so that their
 * start reads and compiles a quarter less.
 */
import { runProcess } from './main.js';
import { DIRECT_COMMANDS } from './commands/direct-table.js';

/** The run's exit code, once it is known. */
export const done: Promise<number> = runProcess({
  commands: () => import('./commands/fast-table.js').then((m) => m.FAST_COMMANDS),
  direct: DIRECT_COMMANDS,
});
