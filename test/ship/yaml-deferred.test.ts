/**
 * The fast bundle (query, write-policy) leaves the YAML library out and loads dist/yaml.cjs only when it
 * needs it (scripts/bundle-cli.mjs): a plain template is read without it, and everything else must still
 * work and give what the unbundled CLI (dist/cli.js, with the library from node_modules) gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from '../support/paths.js';

/** Runs `entry` with a preload that reports, at exit, whether dist/yaml.cjs was loaded. */
function run(dir: string, entry: string, args: string[]) {
  const r = spawnSync(process.execPath, ['-r', join(dir, 'report.cjs'), entry, ...args], {
    env: { ...process.env, IAMWRIGHT_DB: '', IAMWRIGHT_HOME: join(dir, 'home') },
    encoding: 'utf8',
  });
  const marker = /^yaml-loaded=(true|false)\n/m;
  const loaded = marker.exec(r.stderr)?.[1];
  assert.ok(loaded, `no report in ${r.stderr}`);
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr.replace(marker, ''),
    loaded: loaded === 'true',
  };
}

test('a plain template is written without the YAML library; other YAML loads it and reads the same', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-yaml-'));
  try {
    writeFileSync(
      join(dir, 'report.cjs'),
      "process.on('exit', () => process.stderr.write('yaml-loaded=' + " +
        "Object.keys(require.cache).some((f) => /[\\\\/]dist[\\\\/]yaml\\.cjs$/.test(f)) + '\\n'));\n",
    );
    const plain = join(dir, 'plain.yml');
    writeFileSync(plain, 'mode: crud\nread:\n- arn:aws:s3:::bucket\n');
    // A flow list, an escape, an anchor: outside what the plain reader takes.
    const rich = join(dir, 'rich.yml');
    writeFileSync(
      rich,
      'mode: crud\nname: "Role\\u0041"\nread: [arn:aws:s3:::bucket]\nwrite:\n  - &a arn:aws:sqs:us-east-1:1:q\n',
    );
    const bad = join(dir, 'bad.yml');
    writeFileSync(bad, 'mode: crud\nread:\n  - [unclosed\n');

    const p = run(dir, CLI, ['write-policy', '-i', plain]);
    assert.equal(p.status, 0, p.stderr);
    assert.equal(p.loaded, false, 'the plain template loaded dist/yaml.cjs');
    assert.equal(run(dir, CLI, ['query', 'action-table', '--service', 's3']).loaded, false);

    for (const args of [
      ['write-policy', '-i', rich],
      ['write-policy', '-i', plain, '--fmt', 'yaml'],
      ['write-policy', '-i', bad],
    ]) {
      const bundled = run(dir, CLI, args);
      assert.equal(bundled.loaded, true, `${args.join(' ')} did not load dist/yaml.cjs`);
      const natural = run(dir, join(ROOT, 'dist', 'cli.js'), args);
      assert.deepEqual(
        { status: bundled.status, stdout: bundled.stdout, stderr: bundled.stderr },
        { status: natural.status, stdout: natural.stdout, stderr: natural.stderr },
        args.join(' '),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
