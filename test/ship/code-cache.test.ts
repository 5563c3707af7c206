/**
 * The built CLI starts through V8 code caches (bin/iamwright.cjs, scripts/bundle-cli.mjs): one per fast
 * command for the fast bundle, and a default one for the whole CLI. A cache V8 rejects costs every run its
 * compile time without a word, so each one is loaded here as the command loads it, with its bundle, and
 * must be accepted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
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
});
