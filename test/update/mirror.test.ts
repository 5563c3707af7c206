/**
 * The done-criterion: `db update` from a loopback mirror of ../shared/aws-docs builds the same database as
 * `db build --docs`, the CLI then uses it, and a second update downloads no service page.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AWS_DOCS, CLI, hasAwsDocs } from '../support/paths.js';
import { runCli, type CliResult } from '../support/cli.js';
import { startServer } from './server.js';

function runCliAsync(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

test(
  'db update from a loopback mirror of the AWS pages equals db build --docs',
  { skip: hasAwsDocs ? false : '../shared/aws-docs is absent' },
  async (t) => {
    const server = await startServer(AWS_DOCS);
    try {
      const dir = mkdtempSync(join(tmpdir(), 'iamwright-mirror-'));
      const env = { IAMWRIGHT_HOME: join(dir, 'home'), IAMWRIGHT_DB: '' };
      const servicePages = readdirSync(AWS_DOCS).filter((f) => /^list_.*\.html$/.test(f)).length;

      const started = Date.now();
      const first = await runCliAsync(['db', 'update', '--base-url', server.baseUrl], env);
      const seconds = (Date.now() - started) / 1000;
      assert.equal(first.code, 0, first.stderr);
      assert.equal(server.downloads().length, servicePages);
      t.diagnostic(`full update from the loopback mirror: ${seconds.toFixed(1)} s`);

      const built = runCli(['db', 'build', '--docs', AWS_DOCS, '--out', join(dir, 'built')]);
      assert.equal(built.code, 0, built.stderr);
      // Same records: every service file is byte-for-byte the same.
      const ours = join(dir, 'home', 'db', 'services');
      const theirs = join(dir, 'built', 'services');
      assert.deepEqual(readdirSync(ours).sort(), readdirSync(theirs).sort());
      for (const f of readdirSync(theirs)) {
        assert.equal(readFileSync(join(ours, f), 'utf8'), readFileSync(join(theirs, f), 'utf8'), f);
      }
      const diff = runCli(['db', 'diff', join(dir, 'built'), 'local'], { env });
      assert.equal(diff.stdout, 'no differences\n');

      const info = JSON.parse(runCli(['db', 'info', '--fmt', 'json'], { env }).stdout);
      assert.equal(info.location.kind, 'local');
      assert.equal(info.builtFrom, server.baseUrl);

      server.reset();
      const second = await runCliAsync(['db', 'update', '--base-url', server.baseUrl], env);
      assert.equal(second.code, 0, second.stderr);
      assert.deepEqual(server.downloads(), []);
      assert.match(second.stdout, /up to date/);
    } finally {
      await server.close();
    }
  },
);
