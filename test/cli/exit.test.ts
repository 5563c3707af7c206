/**
 * bin/iamwright.cjs ends the process as soon as a run's exit code is known, instead of letting Node tear
 * down the heap first. That is only right if every byte of output is written by then and the code is the
 * run's own: checked here against a slow reader, and against the unbundled CLI (dist/cli.js), which ends
 * naturally.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from '../support/paths.js';

const env = (home: string) => ({ ...process.env, IAMWRIGHT_DB: '', IAMWRIGHT_HOME: home });

test('output far larger than a pipe holds reaches a slow reader whole before the process ends', () => {
  const home = mkdtempSync(join(tmpdir(), 'iamwright-exit-'));
  try {
    // The export is about 10 MB; the reader sleeps first, so nearly all of it is written into a full pipe.
    const script =
      `"${process.execPath}" "${CLI}" db export --format json --out - ` +
      `| (sleep 1; cat > "${join(home, 'out.json')}")`;
    const r = spawnSync('sh', ['-c', script], { env: env(home), encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const text = readFileSync(join(home, 'out.json'), 'utf8');
    assert.ok(text.length > 1_000_000, `only ${text.length} bytes`);
    const doc = JSON.parse(text) as { services: unknown[] };
    const index = JSON.parse(readFileSync(join(ROOT, 'data', 'db', 'index.json'), 'utf8')) as {
      services: unknown[];
    };
    assert.equal(doc.services.length, index.services.length);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});

test('exit code, stdout and stderr are those of the CLI that ends naturally', () => {
  const home = mkdtempSync(join(tmpdir(), 'iamwright-exit-'));
  try {
    const cases = [
      ['query', 'action-table', '--service', 's3', '--name', 'GetObject', '--fmt', 'json'],
      ['query', 'action-table', '--service', 'no-such-service'],
      ['write-policy', '--input-file', join(home, 'missing.yml')],
      ['lint', '--fail-on', 'nonsense', 'x.json'],
      ['--help'],
    ];
    for (const args of cases) {
      const run = (entry: string) =>
        spawnSync(process.execPath, [entry, ...args], { env: env(home), encoding: 'utf8' });
      const bundled = run(CLI);
      const natural = run(join(ROOT, 'dist', 'cli.js'));
      assert.deepEqual(
        { status: bundled.status, stdout: bundled.stdout, stderr: bundled.stderr },
        { status: natural.status, stdout: natural.stdout, stderr: natural.stderr },
        args.join(' '),
      );
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
});
