/**
 * Conditions through the built CLI, as users run it: each bad condition is one line on stderr with the
 * file, exit 1 and nothing on stdout; split warns and writes; the policy written passes `iamwright lint`
 * with no error.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'iamwright-cond-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** One error line, exit 1, no stdout. */
function fails(path: string, pattern: RegExp): void {
  const r = runCli(['write-policy', '-i', path]);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stdout, '');
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], pattern);
}

const crud = (block: string) => `mode: crud\nread:\n- arns: [arn:aws:s3:::b/*]\n  conditions:\n${block}`;
const actions = (block: string) =>
  `mode: actions\nactions:\n- actions: [s3:GetObject]\n  conditions:\n${block}`;

for (const [mode, template] of Object.entries({ crud, actions })) {
  test(`${mode} mode: each bad condition is one line on stderr, exit 1, no policy`, () => {
    const t = (name: string, block: string) => file(`${mode}-${name}.yml`, template(block));
    fails(
      t('operator', '    StringEqual: {aws:userid: x}\n'),
      new RegExp(
        `^iamwright: .*${mode}-operator\\.yml:5: unknown condition operator 'StringEqual' .*did you mean 'StringEquals'`,
      ),
    );
    fails(
      t('set', '    ForAllValues:StringEquals: {aws:PrincipalOrgID: o-a1b2c3d4e5}\n'),
      new RegExp(
        `^iamwright: .*${mode}-set\\.yml: .*condition key 'aws:PrincipalOrgID' has one value per request, but ForAllValues: is for multivalued keys`,
      ),
    );
    fails(
      t('value', '    DateLessThan: {aws:CurrentTime: 31/12/2026}\n'),
      /-value\.yml:5: condition value '31\/12\/2026' of 'aws:CurrentTime' under DateLessThan .*: expected an ISO 8601 date/,
    );
    fails(
      t('type', '    Bool: {aws:SourceIp: true}\n'),
      /-type\.yml: .*condition key 'aws:SourceIp' is of type IPAddress: compare it with IpAddress or NotIpAddress/,
    );
    fails(
      t('unsupported', '    StringLike: {s3:prefix: home/*}\n'),
      new RegExp(
        `-unsupported\\.yml: ${mode === 'crud' ? 'read' : 'actions'}\\[0\\]\\.conditions \\(line 5\\): condition key 's3:prefix' is not supported by s3:GetObject`,
      ),
    );
  });

  test(`${mode} mode: split writes the policy and warns naming the actions split out`, () => {
    const path = file(
      `${mode}-split.yml`,
      `${template('    StringLike: {s3:prefix: home/*}\n    Bool: {aws:SecureTransport: true}\n')}unsupported-condition-keys: split\n`,
    );
    const r = runCli(['write-policy', '-i', path]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stderr,
      /iamwright: warning: .*-split\.yml: .*condition key 's3:prefix' is not supported by s3:GetObject/,
    );
    const policy = JSON.parse(r.stdout);
    // Kept the condition it supports, lost the one it does not.
    const get = policy.Statement.filter((s: { Action: string[] }) => s.Action.includes('s3:GetObject'));
    assert.ok(get.length > 0);
    for (const s of get) assert.deepEqual(s.Condition, { Bool: { 'aws:SecureTransport': 'true' } });
  });
}

test('a conditioned policy written by the CLI passes iamwright lint with no error', () => {
  const path = file(
    'lint.yml',
    'mode: crud\nconditions:\n  Bool: {aws:SecureTransport: true}\n' +
      'access-level-conditions:\n  write:\n    StringEquals: {aws:RequestedRegion: eu-west-1}\n' +
      'read:\n- arn:aws:s3:::assets/*\n- arns: [arn:aws:s3:::reports/*]\n  conditions:\n    IpAddress: {aws:SourceIp: 203.0.113.0/24}\n' +
      'write:\n- arn:aws:s3:::assets/*\nlist:\n- arns: [arn:aws:s3:::reports]\n  conditions:\n    StringLike: {s3:prefix: home/*}\n' +
      'unsupported-condition-keys: split\n',
  );
  const written = runCli(['write-policy', '-i', path]);
  assert.equal(written.code, 0, written.stderr);
  const policy = file('policy.json', written.stdout);
  const lint = runCli(['lint', policy, '--fmt', 'json', '--fail-on', 'error']);
  assert.equal(lint.code, 0, lint.stdout + lint.stderr);
  assert.doesNotMatch(lint.stdout, /"severity":\s*"error"/);
  // A fitted one too: compaction keeps conditions apart.
  const fitted = runCli(['write-policy', '-i', path, '--fit', '1500']);
  assert.equal(fitted.code, 0, fitted.stderr);
  const parts = JSON.parse(fitted.stdout);
  const docs = Array.isArray(parts) ? parts : [parts];
  for (const [i, d] of docs.entries()) {
    const lintPart = runCli(['lint', file(`part-${i}.json`, JSON.stringify(d)), '--fail-on', 'error']);
    assert.equal(lintPart.code, 0, lintPart.stdout + lintPart.stderr);
  }
});

test('--unsupported-condition-keys split on the command line splits a template that says nothing; error overrides split', () => {
  const block = '    StringLike: {s3:prefix: home/*}\n';
  const path = file('flag-split.yml', crud(block));
  const r = runCli(['write-policy', '-i', path, '--unsupported-condition-keys', 'split']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stderr,
    /iamwright: warning: .*flag-split\.yml: .*condition key 's3:prefix' is not supported by s3:GetObject/,
  );
  const statements: { Action: string[]; Condition?: unknown }[] = JSON.parse(r.stdout).Statement;
  const get = statements.filter((s) => s.Action.includes('s3:GetObject'));
  assert.ok(get.length > 0);
  for (const s of get) assert.equal(s.Condition, undefined);
  // Without the flag the same template is refused; with error it is refused even when the template says split.
  fails(
    path,
    /flag-split\.yml: read\[0\]\.conditions \(line 5\): condition key 's3:prefix' is not supported/,
  );
  const says = file('flag-error.yml', `${crud(block)}unsupported-condition-keys: split\n`);
  const refused = runCli(['write-policy', '-i', says, '--unsupported-condition-keys', 'error']);
  assert.equal(refused.code, 1, refused.stderr);
  assert.equal(refused.stdout, '');
  const bad = runCli(['write-policy', '-i', says, '--unsupported-condition-keys', 'drop']);
  assert.notEqual(bad.code, 0);
  assert.match(bad.stderr, /'drop' is invalid.*error, split/);
});
