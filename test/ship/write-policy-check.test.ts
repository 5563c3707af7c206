/** `write-policy --check`: validates templates as write-policy reads them, writes nothing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'iamwright-check-'));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const good = file('good.yml', "mode: crud\nname: ok\nread:\n  - 'arn:aws:s3:::b/*'\n");
const actions = file('actions.yml', 'mode: actions\nname: ok\nactions:\n  - s3:GetObject\n');
const badSection = file('bad-section.yml', "mode: crud\nname: x\nraed:\n  - 'arn:aws:s3:::b/*'\n");
const badArn = file('bad-arn.yml', "mode: crud\nname: x\nread:\n  - 'not-an-arn'\n");
const env = { IAMWRIGHT_DB: '', IAMWRIGHT_HOME: join(dir, 'home') };

test('valid templates: exit 0 and nothing written', () => {
  const r = runCli(['write-policy', '--check', good, actions], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, '');
});

test('each bad template is one line naming it; the others are still checked', () => {
  const missing = join(dir, 'missing.yml');
  const r = runCli(['write-policy', '--check', badSection, good, missing, badArn], { env });
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 4, r.stderr);
  assert.equal(lines[0], `iamwright: ${badSection}:3: unknown section 'raed'; did you mean 'read'?`);
  assert.match(lines[1], new RegExp(`^iamwright: cannot read template '${missing}'`));
  assert.match(lines[2], /^iamwright: .*bad-arn\.yml.*not-an-arn/);
  assert.equal(lines[3], 'iamwright: 3 of 4 template(s) do not validate');
});

test('the same template fails --check exactly when write-policy fails', () => {
  for (const f of [good, actions, badSection, badArn]) {
    const written = runCli(['write-policy', '-i', f], { env });
    const checked = runCli(['write-policy', '--check', f], { env });
    assert.equal(checked.code === 0, written.code === 0, f);
  }
});

test('-i and stdin work with --check; files without --check are refused', () => {
  assert.equal(runCli(['write-policy', '--check', '-i', good], { env }).code, 0);
  const stdin = runCli(['write-policy', '--check'], { env, input: 'mode: crud\nraed: []\n' });
  assert.equal(stdin.code, 1);
  assert.match(stdin.stderr, /^iamwright: <stdin>:2: unknown section 'raed'/);
  const bare = runCli(['write-policy', good], { env });
  assert.equal(bare.code, 1);
  assert.match(bare.stderr, /^iamwright: template files as arguments go with --check/);
  const fit = runCli(['write-policy', '--check', '--fit', 'managed', good], { env });
  assert.equal(fit.code, 1);
  assert.match(fit.stderr, /--check writes nothing/);
});
