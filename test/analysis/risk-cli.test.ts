// `analyze --by principal` and `--fmt html|markdown|sarif [--out FILE]` as a user runs them (build first),
// on the hand-written account of risk-principals.test.ts, with the bundled database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { ROOT } from '../support/paths.js';
import { assertValid } from '../reporting/sarif-schema.js';
import type { RiskReport } from '../../src/reporting/risk-report.js';

const env = { IAMWRIGHT_DB: join(ROOT, 'data', 'db') };
const FIXTURE = join(ROOT, 'test', 'analysis', 'fixtures', 'account-details.json');
const dir = mkdtempSync(join(tmpdir(), 'iamwright-risk-cli-'));

test('--by principal: principals by risk in a table, the whole report in JSON', () => {
  const t = runCli(['analyze', FIXTURE, '--by', 'principal'], { env });
  assert.equal(t.code, 0, t.stderr);
  const names = t.stdout
    .split('\n')
    .slice(1)
    .map((l) => l.split(/\s+/)[1])
    .filter((n) => n && n !== 'NAME');
  assert.deepEqual(names.slice(0, 9), [
    'admin',
    'alice',
    'public-role',
    'ci-deploy',
    'vendor-audit',
    'developers',
    'bob',
    'carol',
    'lambda-exec',
  ]);
  const j = runCli(['analyze', FIXTURE, '--by', 'principal', '--fmt', 'json'], { env });
  assert.equal(j.code, 0, j.stderr);
  const report = JSON.parse(j.stdout) as RiskReport;
  assert.equal(report.principals[0].name, 'admin');
  assert.deepEqual(report.inputs, [FIXTURE]);
  assert.match(report.database, /Service Authorization Reference/);
  const alice = report.principals.find((p) => p.name === 'alice');
  const lambda = report.findings.find(
    (f) => f.principal === alice?.id && f.method?.id === 'pass-role-lambda',
  );
  assert.equal(lambda?.method?.complete, true);
  assert.equal(lambda?.policies.length, 2);
});

test('--fmt html, markdown and sarif write the report to --out', () => {
  const html = join(dir, 'report.html');
  const r = runCli(['analyze', FIXTURE, '--fmt', 'html', '--out', html], { env });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '', 'nothing on stdout when --out names a file');
  const page = readFileSync(html, 'utf8');
  assert.match(page, /^<!DOCTYPE html>/i);
  for (const name of ['alice', 'ci-deploy', 'public-role', 'pass-role-lambda'])
    assert.ok(page.includes(name), name);
  assert.ok(
    !/<script\b[^>]*\bsrc=/i.test(page) && !/<link\b[^>]*\bhref="?https?:/i.test(page),
    'opens offline',
  );

  const md = runCli(['analyze', FIXTURE, '--fmt', 'markdown'], { env });
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /^## iamwright analyze/);
  assert.ok(md.stdout.length <= 65_536);

  const sarif = runCli(['analyze', FIXTURE, '--fmt', 'sarif'], { env });
  assert.equal(sarif.code, 0, sarif.stderr);
  const log = JSON.parse(sarif.stdout);
  assertValid(log);
  const rules = log.runs[0].tool.driver.rules.map((x: { id: string }) => x.id);
  for (const c of ['privilege-escalation', 'role-trust', 'data-exfiltration'])
    assert.ok(rules.includes(`risk/${c}`), c);
});

test('--fail-on reaches the new categories in both views; all keeps its meaning per view', () => {
  const read = join(dir, 'read.json');
  writeFileSync(
    read,
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
    }),
  );
  assert.equal(runCli(['analyze', read, '--fail-on', 'data-exfiltration'], { env }).code, 2);
  assert.equal(runCli(['analyze', read, '--fail-on', 'privilege-escalation'], { env }).code, 0);
  // `all` in the policy view is its own categories, as before: s3:GetObject is none of them.
  assert.equal(runCli(['analyze', read, '--fail-on', 'all'], { env }).code, 0);
  assert.equal(runCli(['analyze', read, '--by', 'principal', '--fail-on', 'all'], { env }).code, 2);
  assert.equal(runCli(['analyze', FIXTURE, '--by', 'principal', '--fail-on', 'role-trust'], { env }).code, 2);
  // The old categories still gate in the principal view.
  assert.equal(
    runCli(['analyze', read, '--by', 'principal', '--fail-on', 'unknown-action'], { env }).code,
    0,
  );
});

test('bad --by, --fmt and --out are one-line errors', () => {
  const by = runCli(['analyze', FIXTURE, '--by', 'role'], { env });
  assert.equal(by.code, 1);
  assert.equal(by.stderr, "iamwright: --by must be policy or principal, not 'role'\n");
  const out = runCli(['analyze', FIXTURE, '--fmt', 'html', '--out', dir], { env });
  assert.equal(out.code, 1);
  assert.equal(out.stderr.split('\n').length, 2, out.stderr);
  assert.match(out.stderr, /^iamwright: cannot write .*: /);
});

test('a bad input is reported and the rest is still in the report', () => {
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject"}]}');
  const r = runCli(['analyze', FIXTURE, bad, '--by', 'principal', '--fmt', 'json'], { env });
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /^iamwright: .*bad\.json: Statement\[0\]: needs exactly one of Resource or NotResource\n$/,
  );
  const report = JSON.parse(r.stdout) as RiskReport;
  assert.equal(report.principals.length, 9);
  assert.equal(report.errors.length, 1);
});
