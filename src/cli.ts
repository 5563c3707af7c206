#!/usr/bin/env node
import { main } from './cli/main.js';

// Output is written synchronously by src/util/io/output.ts, whose errors main() turns into the exit code;
// process.stdout is not used for output, so it has no errors to handle here.
/** The run's exit code, once it is known (bin/iamwright.cjs waits for it when recording its code cache). */
export const done: Promise<number> = main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  return code;
});
