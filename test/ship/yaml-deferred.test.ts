/**
 * The fast bundle (query, write-policy) leaves the YAML library out and loads dist/yaml.cjs only when it
 * needs it (scripts/bundle-cli.mjs): a plain template is read without it, and everything else must still
 * work and give what the unbundled CLI (dist/cli.js, with the library from node_modules) gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT } from '../support/paths.js';

function run(dir: string, entry: string, args: string[]) {
  const r = spawnSync(process.execPath, [entry, ...args], {
    env: { ...process.env, IAMWRIGHT_DB: '', IAMWRIGHT_HOME: join(dir, 'home') },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('a plain template is written without the YAML library; other YAML loads it and reads the same', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-yaml-'));
  try {
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

    // A copy of the built CLI without the library: what does not need it still runs.
    const copy = join(dir, 'package');
    for (const part of ['bin', 'dist']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    for (const part of ['data', 'node_modules', 'package.json'])
      symlinkSync(join(ROOT, part), join(copy, part));
    rmSync(join(copy, 'dist', 'yaml.cjs'));
    const copied = join(copy, 'bin', 'iamwright.cjs');
    const plainRun = run(dir, copied, ['write-policy', '-i', plain]);
    assert.equal(plainRun.status, 0, plainRun.stderr);
    assert.deepEqual(plainRun, run(dir, CLI, ['write-policy', '-i', plain]));
    assert.equal(run(dir, copied, ['query', 'action-table', '--service', 's3']).status, 0);
    assert.notEqual(run(dir, copied, ['write-policy', '-i', rich]).status, 0, 'the rich template needs it');

    // With it, each reading equals the unbundled CLI's.
    for (const args of [
      ['write-policy', '-i', rich],
      ['write-policy', '-i', plain, '--fmt', 'yaml'],
      ['write-policy', '-i', bad],
    ]) {
      assert.deepEqual(run(dir, CLI, args), run(dir, join(ROOT, 'dist', 'cli.js'), args), args.join(' '));
    }
    assert.equal(run(dir, CLI, ['write-policy', '-i', rich]).status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
