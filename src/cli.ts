#!/usr/bin/env node
import { main } from './cli/main.js';

// A closed pipe (`iamwright ... | head`) is not an error worth a trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
