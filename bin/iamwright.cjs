#!/usr/bin/env node
// The `iamwright` command. Loads the bundled CLI (dist/cli-main.cjs) through a V8 code cache written by
// `npm run build`, so that a run skips most JavaScript compilation. There is one cache per command that
// must start fast (dist/cli-main.<command>.cache) and one for the rest (dist/cli-main.default.cache): V8
// deserializes a whole cache whatever runs, and one for every command is half as large again.
// A cache made by another Node/V8 version is rejected by V8 and the file compiles as usual.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

// No V8 flag may be set here: a cache records the flags it was made with, and V8 rejects it under others.
const recording = process.env.IAMWRIGHT_WRITE_CODE_CACHE === '1';

const file = path.join(__dirname, '..', 'dist', 'cli-main.cjs');
/** The commands with a cache of their own (scripts/bundle-cli.mjs records one for each). */
const CACHED_COMMANDS = ['query', 'write-policy'];
const cacheFile = path.join(
  __dirname,
  '..',
  'dist',
  `cli-main.${recording ? process.env.IAMWRIGHT_CODE_CACHE_NAME : cacheName(process.argv.slice(2))}.cache`,
);
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
    run();
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
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // No cache: compile normally.
  }
  const script = new vm.Script(source, { filename: file, cachedData });
  const load = script.runInThisContext();
  const run = () => {
    const mod = { exports: {} };
    load(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
    return mod.exports.done;
  };
  return { run, script };
}

/**
 * The cache for a command line: its command's own, or the default. The command word is found as
 * src/cli/program.ts's invokedCommand finds it (`--db` is the one root option with a value); a wrong guess
 * costs time, never correctness: a cache only saves compiling.
 */
function cacheName(argv) {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--db') i++;
    else if (!argv[i].startsWith('-')) return CACHED_COMMANDS.includes(argv[i]) ? argv[i] : 'default';
  }
  return 'default';
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
