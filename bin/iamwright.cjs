#!/usr/bin/env node
// The `iamwright` command. Loads the bundled CLI (dist/cli-main.cjs) through V8's code cache
// (dist/cli-main.cjs.cache, written by `npm run build`), so that a run skips most JavaScript compilation:
// with the cache a command starts in about 1.1-1.3x the time of bare node, without it about 1.6x.
// A cache made by another Node/V8 version is rejected by V8 and the file compiles as usual.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'cli-main.cjs');
const cacheFile = `${file}.cache`;
let source;
try {
  source = fs.readFileSync(file, 'utf8');
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
const script = new vm.Script(Module.wrap(source.replace(/^#!.*/, '')), { filename: file, cachedData });
const mod = { exports: {} };
script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));

// The build runs a representative command with this set, to record the functions it compiled.
if (process.env.IAMWRIGHT_WRITE_CODE_CACHE === '1') {
  process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
}
