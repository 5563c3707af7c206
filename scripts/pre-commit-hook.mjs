#!/usr/bin/env node
// The entry of the hooks in .pre-commit-hooks.yaml: `pre-commit-hook.mjs <iamwright arguments> FILE...`.
//
// pre-commit keeps a clone of this repository. The first run builds iamwright in that clone (npm ci, whose
// `prepare` runs the build) with the node found on PATH; later runs start the built CLI at once. Hooks use
// `language: script` rather than `language: node` because pre-commit's node installer takes all of
// `npm pack`'s standard output as the tarball's name, and npm 10 prints the `prepare` script's banner
// there, so the install fails for any package that builds in `prepare`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'bin', 'iamwright.cjs');
const built = join(root, 'dist', 'cli-main.cjs');
const lock = join(root, '.pre-commit-build.lock');

const say = (line) => process.stderr.write(`iamwright (pre-commit): ${line}\n`);
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};

/** One build at a time (two commits in two repositories may share pre-commit's clone). */
function withLock(fn) {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner = NaN;
      try {
        owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // just created by another process: its pid is not written yet
      }
      if (Number.isInteger(owner) && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      else sleep(500);
    }
  }
  try {
    writeFileSync(join(lock, 'pid'), String(process.pid));
    return fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  say(`needs Node.js 20.19 or later on PATH, found ${process.version}`);
  process.exit(1);
}

if (!existsSync(built)) {
  const failure = withLock(() => {
    if (existsSync(built)) return undefined; // built by the process we waited for
    say(`first run: installing and building iamwright in ${root} (once)`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    // Its output goes to stderr: a hook's stdout is the tool's report.
    const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], {
      cwd: root,
      stdio: ['ignore', 2, 2],
      shell: process.platform === 'win32',
    });
    if (r.status === 0 && existsSync(built)) return undefined;
    return `'npm ci' in ${root} failed (${r.error?.message ?? `exit ${r.status}`}); see the lines above`;
  });
  if (failure) {
    say(failure);
    process.exit(1);
  }
}

const r = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
