/**
 * The built CLI starts through V8 code caches (bin/iamwright.cjs, scripts/bundle-cli.mjs): one per command
 * that must start fast and a default one. A cache V8 rejects costs every run its compile time without a
 * word, so each one is loaded here as the command loads it, and must be accepted.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { ROOT } from '../support/paths.js';

test('every code cache of the bundled CLI is accepted by this V8', () => {
  const dist = join(ROOT, 'dist');
  const file = join(dist, 'cli-main.cjs');
  const source = readFileSync(file, 'latin1');
  const caches = readdirSync(dist).filter((f) => /^cli-main\..+\.cache$/.test(f));
  assert.deepStrictEqual(caches.sort(), [
    'cli-main.default.cache',
    'cli-main.query.cache',
    'cli-main.write-policy.cache',
  ]);
  for (const cache of caches) {
    const script = new Script(source, { filename: file, cachedData: readFileSync(join(dist, cache)) });
    assert.equal(script.cachedDataRejected, false, cache);
  }
});
