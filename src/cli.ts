#!/usr/bin/env node
import { runProcess } from './cli/main.js';
import { DIRECT_COMMANDS } from './cli/commands/direct-table.js';

// Output is written synchronously by src/util/io/output.ts, whose errors main() turns into the exit code;
// process.stdout is not used for output, so it has no errors to handle here.
/** The run's exit code, once it is known (bin/iamwright.cjs waits for it when recording its code cache). */
export const done: Promise<number> = process.env.IAMWRIGHT_WORKER
  ? import('./cli/workers.js').then(async (w) => {
      const code = await w.runWorker(process.env.IAMWRIGHT_WORKER as string);
      process.exitCode = code;
      return code;
    })
  : // This entry file (bin/iamwright.cjs or dist/cli.js) is what a worker thread starts from.
    runProcess({
      commands: () => import('./cli/commands/table.js').then((m) => m.COMMANDS),
      direct: DIRECT_COMMANDS,
      workerEntry: process.argv[1],
    });
