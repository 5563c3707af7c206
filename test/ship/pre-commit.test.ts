/**
 * The hooks of .pre-commit-hooks.yaml, run by Debian's pre-commit through `pre-commit try-repo` on this
 * repository, as a user's commit would run them: pre-commit clones the repository, the hook builds iamwright
 * in that clone with the node on PATH, and the staged files are passed to it. Each try-repo clones and builds
 * afresh (20-80 s), hence one run: the good files given with the bad ones must not be reported.
 * (test/ship/pre-commit-hook.test.ts checks that the hook's exit code is iamwright's, 0 included.)
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/paths.js';

const hasPreCommit = spawnSync('pre-commit', ['--version']).status === 0;
const isGitCheckout = existsSync(join(ROOT, '.git'));
const skip = !hasPreCommit
  ? 'pre-commit is not installed (apt-get install pre-commit)'
  : !isGitCheckout
    ? 'not a git checkout: try-repo clones the repository'
    : false;

const GOOD_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' }],
});
const BAD_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Alow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' }],
});
const GOOD_TEMPLATE = "mode: crud\nname: ok\nread:\n  - 'arn:aws:s3:::my-bucket/*'\n";
const BAD_TEMPLATE = "mode: crud\nname: bad\nraed:\n  - 'arn:aws:s3:::my-bucket/*'\n";

function userRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-pre-commit-'));
  const git = (...args: string[]) => {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  };
  git('init', '-q');
  writeFileSync(join(dir, 'good.json'), GOOD_POLICY);
  writeFileSync(join(dir, 'bad.json'), BAD_POLICY);
  writeFileSync(join(dir, 'good.yml'), GOOD_TEMPLATE);
  writeFileSync(join(dir, 'bad.yml'), BAD_TEMPLATE);
  git('add', '-A');
  return dir;
}

function tryRepo(dir: string, files: string[]) {
  const r = spawnSync('pre-commit', ['try-repo', ROOT, '--verbose', '--files', ...files], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      PRE_COMMIT_HOME: join(dir, '.pre-commit-home'),
      // The hook's first run installs the pinned dependencies: from npm's cache when it has them.
      npm_config_prefer_offline: 'true',
      NO_COLOR: '1',
    },
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** The block of output after a hook's status line, up to the next hook. */
function hookOutput(out: string, name: RegExp): { status: string; body: string } {
  const lines = out.split('\n');
  const at = lines.findIndex((l) => name.test(l));
  assert.ok(at >= 0, `no status line for ${name} in:\n${out}`);
  const status = /\.(Passed|Failed|\(no files to check\)Skipped)$/.exec(lines[at])?.[1] ?? lines[at];
  const next = lines.findIndex((l, i) => i > at && /\.{4,}(Passed|Failed|Skipped)/.test(l));
  return { status, body: lines.slice(at + 1, next < 0 ? undefined : next).join('\n') };
}

test(
  'pre-commit try-repo: a bad policy and a bad template fail the commit, naming the file',
  { skip, timeout: 300_000 },
  () => {
    const dir = userRepo();
    const r = tryRepo(dir, ['good.json', 'bad.json', 'good.yml', 'bad.yml']);
    assert.equal(r.code, 1, r.out);
    const lint = hookOutput(r.out, /^iamwright lint \(IAM policies\)/);
    assert.equal(lint.status, 'Failed', r.out);
    assert.match(lint.body, /^bad\.json$/m);
    assert.match(lint.body, /Alow/);
    // Only JSON reaches lint, only YAML the template check.
    assert.doesNotMatch(lint.body, /\.yml|good\.json/);
    const templates = hookOutput(r.out, /^iamwright write-policy --check/);
    assert.equal(templates.status, 'Failed', r.out);
    assert.match(templates.body, /^iamwright: bad\.yml:3: unknown section 'raed'; did you mean 'read'\?$/m);
    assert.match(templates.body, /1 of 2 template\(s\) do not validate/);
    assert.doesNotMatch(templates.body, /good\.yml/);
  },
);
