/**
 * scripts/pre-commit-hook.mjs on its own, in a stand-in clone whose `npm` and CLI are stubs: the first run
 * builds once even when two hooks start together, a failed build is one clear line, and the CLI's exit code
 * is the hook's. (test/ship/pre-commit.test.ts runs the real thing through pre-commit.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/paths.js';

/** A clone without a build; its `npm ci` takes a while, logs the call and builds (or fails). */
function clone(npmFails = false): { dir: string; log: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-hook-'));
  mkdirSync(join(dir, 'scripts'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(ROOT, 'scripts', 'pre-commit-hook.mjs'), join(dir, 'scripts', 'pre-commit-hook.mjs'));
  writeFileSync(
    join(dir, 'bin', 'iamwright.cjs'),
    "console.log('cli ' + process.argv.slice(2).join(' ')); process.exit(process.argv.includes('bad') ? 2 : 0);\n",
  );
  const stubs = join(dir, 'stubs');
  mkdirSync(stubs);
  const log = join(dir, 'npm.log');
  writeFileSync(
    join(stubs, 'npm'),
    `#!/bin/sh\necho "$*" >> '${log}'\nsleep 1\n` +
      (npmFails ? 'exit 3\n' : `mkdir -p dist && echo built > dist/cli-main.cjs\n`),
    { mode: 0o755 },
  );
  return { dir, log, path: `${stubs}:${process.env.PATH}` };
}

function hook(c: { dir: string; path: string }, args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(c.dir, 'scripts', 'pre-commit-hook.mjs'), ...args], {
      env: { ...process.env, PATH: c.path },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

test('two hooks starting together build once, then both run the CLI', async () => {
  const c = clone();
  const [a, b] = await Promise.all([hook(c, ['lint', 'a.json']), hook(c, ['lint', 'b.json'])]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  assert.equal(readFileSync(c.log, 'utf8'), 'ci --no-audit --no-fund\n');
  assert.equal(a.stdout, 'cli lint a.json\n');
  assert.equal(b.stdout, 'cli lint b.json\n');
  assert.ok(!existsSync(join(c.dir, '.pre-commit-build.lock')), 'the lock is released');
  // Built: the next run starts the CLI at once, and its exit code is the hook's.
  const bad = await hook(c, ['lint', 'bad']);
  assert.equal(bad.code, 2);
  assert.equal(readFileSync(c.log, 'utf8'), 'ci --no-audit --no-fund\n');
});

test('a failed build is one line naming the folder, and exit 1', async () => {
  const c = clone(true);
  const r = await hook(c, ['lint', 'a.json']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.ok(
    r.stderr.includes(`iamwright (pre-commit): 'npm ci' in ${c.dir}`) && r.stderr.includes('failed (exit 3)'),
    r.stderr,
  );
  assert.ok(!existsSync(join(c.dir, '.pre-commit-build.lock')), 'the lock is released');
});

test('a lock left by a process that died does not block the build', async () => {
  const c = clone();
  mkdirSync(join(c.dir, '.pre-commit-build.lock'));
  // A pid that is not running (pids are below 2^22 on Linux).
  writeFileSync(join(c.dir, '.pre-commit-build.lock', 'pid'), '4194303');
  const r = await hook(c, ['lint', 'a.json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'cli lint a.json\n');
});
