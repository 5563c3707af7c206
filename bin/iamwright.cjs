#!/usr/bin/env node
// The `iamwright` command. Runs one of two bundles of the CLI (scripts/bundle-cli.mjs): `query` and
// `write-policy`, whose start-up is measured against bare node, run dist/cli-fast.cjs, which holds only
// their code; every other command runs the whole CLI, dist/cli-main.cjs. Each is loaded through a V8 code
// cache written by `npm run build`, so that a run skips most JavaScript compilation: one per fast command
// (dist/cli-fast.<command>.cache) and one for the rest (dist/cli-main.default.cache), since V8
// deserializes a whole cache whatever runs. A cache made by another Node/V8 version is rejected by V8 and
// the file compiles as usual.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

// No V8 flag may be set here: a cache records the flags it was made with, and V8 rejects it under others.
const recording = process.env.IAMWRIGHT_WRITE_CODE_CACHE === '1';

/** The commands of the fast bundle (src/cli/commands/fast-table.ts), each with its own cache. */
const FAST_COMMANDS = ['query', 'write-policy'];
// `<bundle>.<cache>`, e.g. cli-fast.query or cli-main.default.
const [bundleName, cacheName] = (
  recording ? process.env.IAMWRIGHT_CODE_CACHE_NAME : choice(process.argv.slice(2))
).split('.');
const file = path.join(__dirname, '..', 'dist', `${bundleName}.cjs`);
const cacheFile = path.join(__dirname, '..', 'dist', `${bundleName}.${cacheName}.cache`);
if (process.env.IAMWRIGHT_DEBUG && !recording) {
  // The bundle's local names are shortened (scripts/bundle-cli.mjs): for stack traces that name the
  // code, debugging runs the same CLI from tsc's unbundled output instead.
  import(require('node:url').pathToFileURL(path.join(__dirname, '..', 'dist', 'cli.js')).href);
} else {
  const { run, script } = loadBundle();
  if (recording) {
    // The build (scripts/bundle-cli.mjs) runs representative commands here, one after the other in this
    // process, and records every function they compiled.
    recordCodeCache(run, script, JSON.parse(process.env.IAMWRIGHT_CODE_CACHE_RUNS));
  } else {
    run().then((code) => {
      // A run is over when its exit code is known: src/util/io/output.ts has written all its output
      // synchronously, and nothing else is pending. Exiting here skips Node's tear-down of the heap and
      // environment on a natural exit (about 2 ms of write-policy's start-up). Not in a worker thread: there
      // it would end only the thread, and a worker started from this file ends by itself once it has posted
      // its result.
      if (!process.env.IAMWRIGHT_WORKER) process.exit(code);
    });
  }
}

/** Compiles the bundle (through its code cache): the script, and the function that runs the CLI once. */
function loadBundle() {
  let source;
  try {
    // The build stores the bundle wrapped and ASCII-only (scripts/bundle-cli.mjs): read as latin1, it
    // becomes V8's one-byte string without decoding, and goes to V8 without another copy.
    source = fs.readFileSync(file, 'latin1');
  } catch {
    process.stderr.write(`iamwright: ${file} is missing: run \`npm run build\` first\n`);
    process.exit(1);
  }
  let cachedData;
  // A recording compiles afresh: it must not take in the cache it replaces. V8 checks a cache against the
  // source's length only, so an old cache would be accepted for a rebuilt bundle of the same length and its
  // stale functions written into the new one. (npm run build deletes the caches first; a recording made by
  // hand does not.)
  if (!recording) {
    try {
      cachedData = fs.readFileSync(cacheFile);
    } catch {
      // No cache: compile normally.
    }
  }
  const script = new vm.Script(source, { filename: file, cachedData });
  const load = script.runInThisContext();
  const run = () => {
    const mod = { exports: {} };
    // The bundle gets this file's own require(): from bin/ it finds the same packages as from dist/ (both
    // sit in the package's root), and the bundle names its own files by __dirname. Making one for dist/
    // with Module.createRequire cost 0.4 ms of every start, loading node:module's helpers.
    load(mod.exports, require, mod, file, path.dirname(file));
    return mod.exports.done;
  };
  return { run, script };
}

/**
 * The bundle and cache for a command line: the fast bundle and the command's own cache, or the whole CLI
 * and the default cache. The command word is found as src/cli/program.ts's invokedCommand finds it
 * (`--db` is the one root option with a value).
 */
function choice(argv) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--db') i++;
    else if (!argv[i].startsWith('-')) {
      return FAST_COMMANDS.includes(argv[i]) ? `cli-fast.${argv[i]}` : 'cli-main.default';
    }
  }
  return 'cli-main.default';
}

async function recordCodeCache(run, script, runs) {
  for (const argv of runs) {
    process.argv = [process.argv[0], process.argv[1], ...argv];
    process.exitCode = undefined;
    const code = await run();
    if (code !== 0) {
      process.stderr.write(`iamwright: trial run ${argv.join(' ')} exited ${code}\n`);
      process.exit(1);
    }
  }
  fs.writeFileSync(cacheFile, script.createCachedData());
}
