/**
 * The built CLI starts through V8 code caches (bin/iamwright.cjs, scripts/bundle-cli.mjs): one per fast
 * command for the fast bundle, and a default one for the whole CLI. A cache V8 rejects costs every run its
 * compile time without a word, so each one is loaded here as the command loads it, with its bundle, and
 * must be accepted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { ROOT } from '../support/paths.js';

test('every code cache of the bundled CLI is accepted by this V8, with its own bundle', () => {
  const dist = join(ROOT, 'dist');
  const caches = readdirSync(dist).filter((f) => /^cli-.+\.cache$/.test(f));
  assert.deepStrictEqual(caches.sort(), [
    'cli-fast.query.cache',
    'cli-fast.write-policy.cache',
    'cli-main.default.cache',
  ]);
  for (const cache of caches) {
    const file = join(dist, `${cache.split('.')[0]}.cjs`);
    const source = readFileSync(file, 'latin1');
    const script = new Script(source, { filename: file, cachedData: readFileSync(join(dist, cache)) });
    assert.equal(script.cachedDataRejected, false, cache);
  }
  // The YAML library the fast bundle loads when it needs it (scripts/bundle-cli.mjs), with its own cache.
  const yaml = join(dist, 'yaml.cjs');
  const script = new Script(readFileSync(yaml, 'latin1'), {
    filename: yaml,
    cachedData: readFileSync(join(dist, 'yaml.cache')),
  });
  assert.equal(script.cachedDataRejected, false, 'yaml.cache');
});

test('recording a code cache compiles afresh: the cache it replaces is not taken in', () => {
  // V8 takes a cache for any source of the same length, so a recording that read the old cache would carry
  // its functions (stale ones, after a rebuild) into the new one. Here the old cache is another command's,
  // for the same bundle: taken in, it would swell the new cache with that command's functions.
  const tmp = mkdtempSync(join(tmpdir(), 'iamwright-cache-'));
  try {
    for (const dir of ['bin', 'dist']) mkdirSync(join(tmp, dir));
    copyFileSync(join(ROOT, 'bin', 'iamwright.cjs'), join(tmp, 'bin', 'iamwright.cjs'));
    copyFileSync(join(ROOT, 'dist', 'cli-fast.cjs'), join(tmp, 'dist', 'cli-fast.cjs'));
    const cache = join(tmp, 'dist', 'cli-fast.write-policy.cache');
    const record = () => {
      const r = spawnSync(process.execPath, [join(tmp, 'bin', 'iamwright.cjs')], {
        env: {
          ...process.env,
          IAMWRIGHT_WRITE_CODE_CACHE: '1',
          IAMWRIGHT_CODE_CACHE_NAME: 'cli-fast.write-policy',
          IAMWRIGHT_CODE_CACHE_RUNS: JSON.stringify([['write-policy', '--help']]),
          IAMWRIGHT_DB: '',
        },
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, r.stderr);
      return readFileSync(cache).length;
    };
    rmSync(cache, { force: true });
    const fresh = record();
    copyFileSync(join(ROOT, 'dist', 'cli-fast.query.cache'), cache);
    // Two fresh recordings differ by a few bytes; the query command's functions would add a third or more.
    const again = record();
    assert.ok(Math.abs(again - fresh) < fresh * 0.02, `${again} bytes against ${fresh} recorded afresh`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
