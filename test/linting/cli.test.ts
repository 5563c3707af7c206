// `iamwright lint` as a user runs it (build first): formats, exit codes, --fail-on, --checks, accepted findings,
// a bad file among good ones. The checks of the registry are tested on their own; here the findings of the
// input layer (syntax errors, unreadable paths, documents known only at deploy time) drive the plumbing, and
// runs that assert exact results name those rules with --checks so that later checks cannot change them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli.js';
import { assertValid } from '../reporting/sarif-schema.js';
import { FIXTURES, fixture, positionOf } from './inputs-helpers.js';

const env = { IAMWRIGHT_DB: '', IAMWRIGHT_HOME: mkdtempSync(join(tmpdir(), 'iamwright-lint-home-')) };
const INPUT_RULES = ['--checks', 'input,grammar/json-syntax,grammar/yaml-syntax,grammar/duplicate-key'];
const BROKEN = fixture('policies', 'broken.json');
const GOOD = fixture('policies', 'read-only.json');
const APP = fixture('cloudformation', 'app.yaml');

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lint = (args: string[], opts: { cwd?: string; input?: string } = {}) =>
  runCli(['lint', ...args], { env, ...opts });

test('a broken policy: the finding at its line and column, and exit 2 (--fail-on error is the default)', () => {
  const r = lint([...INPUT_RULES, BROKEN]);
  assert.equal(r.code, 2, r.stderr);
  const at = positionOf(BROKEN, '}', '"arn:aws:sqs');
  assert.match(
    r.stdout,
    new RegExp(
      `^${escape(BROKEN)}\\n  ${at.line}:${at.column}  error  invalid JSON: trailing comma before \\}  grammar/json-syntax\\n`,
    ),
  );
  assert.match(
    r.stdout,
    /\n1 finding: 1 error, 0 security warnings, 0 warnings, 0 suggestions \(0 policies in 1 file\)\.\n$/,
  );
  assert.equal(r.stderr, '');
});

test('a bad file among good ones: every file linted, the unreadable one on stderr in one line, exit 1', () => {
  const missing = join(FIXTURES, 'no-such.json');
  const r = lint([...INPUT_RULES, GOOD, missing, BROKEN]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, `iamwright: ${missing}: no such file or folder\n`);
  assert.match(r.stdout, /grammar\/json-syntax/);
  assert.match(r.stdout, /input\/unreadable/);
  assert.match(r.stdout, /\(1 policy in 3 files\)/);
});

test('malformed authorization details: exit 1, and stderr names the file, line and column', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-lint-malformed-'));
  const file = join(dir, 'details.json');
  writeFileSync(file, '{"UserDetailList": {"UserName": "x"}, "Policies": []}');
  const r = lint([file]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, `iamwright: ${file}:1:2: UserDetailList should be a list, not an object\n`);
});

test('--fail-on: the threshold decides between exit 0 and 2', () => {
  // app.yaml's only input finding is a suggestion (a policy known only at deploy time).
  assert.equal(lint([...INPUT_RULES, APP]).code, 0);
  assert.equal(lint([...INPUT_RULES, '--fail-on', 'warning', APP]).code, 0);
  assert.equal(lint([...INPUT_RULES, '--fail-on', 'suggestion', APP]).code, 2);
  assert.equal(lint([...INPUT_RULES, '--fail-on', 'none', BROKEN]).code, 0);
  const bad = lint(['--fail-on', 'fatal', GOOD]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /--fail-on <severity>' argument 'fatal' is invalid/);
});

test('--checks and --skip-checks take ids and families; an unknown one is one line and exit 1', () => {
  const skipped = lint(['--skip-checks', 'grammar/json-syntax', '--checks', 'input,grammar', BROKEN]);
  assert.equal(skipped.code, 0, skipped.stdout);
  assert.match(skipped.stdout, /^No findings/);
  const onlyInput = lint(['--checks', 'input', '--fail-on', 'suggestion', BROKEN, APP]);
  assert.equal(onlyInput.code, 2);
  assert.doesNotMatch(onlyInput.stdout, /json-syntax/);
  const empty = lint(['--checks', '', GOOD]);
  assert.equal(empty.code, 1);
  assert.match(empty.stderr, /^iamwright: --checks: empty list; name check ids or families/);
  const unknown = lint(['--checks', 'grammer', GOOD]);
  assert.equal(unknown.code, 1);
  assert.equal(
    unknown.stderr,
    "iamwright: --checks: unknown check or family 'grammer'; did you mean 'grammar'?\n",
  );
  assert.equal(unknown.stdout, '');
});

test('--fmt json: the summary and the findings with file, line, column, policy', () => {
  const r = lint([...INPUT_RULES, '--fmt', 'json', APP, BROKEN]);
  assert.equal(r.code, 2);
  const out = JSON.parse(r.stdout);
  assert.equal(out.summary.findings, 2);
  assert.deepEqual(out.summary.bySeverity, { error: 1, 'security-warning': 0, warning: 0, suggestion: 1 });
  const unresolved = out.findings.find((f: { ruleId: string }) => f.ruleId === 'input/unresolved-document');
  assert.deepEqual(unresolved.location, {
    file: APP,
    ...positionOf(APP, 'ExtraPolicy', 'PolicyDocument: !Ref'),
  });
  assert.equal(unresolved.policy, 'PassedInPolicy');
});

test('--fmt sarif --out FILE: valid SARIF 2.1.0, URIs relative to the working directory', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'iamwright-lint-sarif-')), 'lint.sarif');
  const r = lint([...INPUT_RULES, '--fmt', 'sarif', '--out', out, 'policies', 'terraform'], {
    cwd: FIXTURES,
  });
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stdout, '');
  const log = JSON.parse(readFileSync(out, 'utf8'));
  assertValid(log);
  const run = log.runs[0];
  assert.equal(run.tool.driver.name, 'iamwright');
  // Only the rules that ran are declared.
  assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id).sort(), [
    'grammar/duplicate-key',
    'grammar/json-syntax',
    'grammar/yaml-syntax',
    'input/malformed',
    'input/unreadable',
    'input/unresolved-document',
  ]);
  const broken = run.results.find(
    (x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      x.locations[0].physicalLocation.artifactLocation.uri === 'policies/broken.json',
  );
  assert.ok(broken);
  assert.equal(broken.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
  assert.deepEqual(broken.locations[0].physicalLocation.region, {
    startLine: positionOf(BROKEN, '}', '"arn:aws:sqs').line,
    startColumn: positionOf(BROKEN, '}', '"arn:aws:sqs').column,
  });
  assert.equal(broken.level, 'error');
});

test('accepted findings: .iamwright-lint.yml in the working directory, or --config; a bad config is one line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-lint-config-'));
  copyFileSync(BROKEN, join(dir, 'broken.json'));
  const before = lint([...INPUT_RULES, 'broken.json'], { cwd: dir });
  assert.equal(before.code, 2);
  writeFileSync(
    join(dir, '.iamwright-lint.yml'),
    'accept:\n  - check: grammar/json-syntax\n    file: broken.json\n    reason: kept broken on purpose\n',
  );
  const after = lint([...INPUT_RULES, 'broken.json'], { cwd: dir });
  assert.equal(after.code, 0, after.stdout);
  assert.equal(after.stdout, 'No findings (0 policies in 1 file; 1 accepted, not shown).\n');
  writeFileSync(join(dir, 'other.yml'), 'accept:\n  - file: nothing-here.json\n');
  assert.equal(lint([...INPUT_RULES, '--config', 'other.yml', 'broken.json'], { cwd: dir }).code, 2);
  writeFileSync(join(dir, 'bad.yml'), 'accept:\n  - check: grammar/json-syntax\n    files: broken.json\n');
  const bad = lint([...INPUT_RULES, '--config', 'bad.yml', 'broken.json'], { cwd: dir });
  assert.equal(bad.code, 1);
  assert.equal(
    bad.stderr,
    "iamwright: bad.yml: line 3: accept[0]: unknown key 'files'; did you mean 'file'?; allowed: check, file, sid, policy, reason\n",
  );
});

test('stdin: a CloudFormation template in YAML, findings under -', () => {
  const r = lint([...INPUT_RULES, '--fmt', 'json', '-'], { input: readFileSync(APP, 'utf8') });
  assert.equal(r.code, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.equal(out.summary.policies, 7);
  assert.deepEqual(
    out.findings.map((f: { location: { file: string } }) => f.location.file),
    ['-'],
  );
});

test('the whole fixtures folder: every input format read, exit codes as documented', () => {
  const r = lint([...INPUT_RULES, '--fmt', 'json', FIXTURES]);
  assert.equal(r.code, 2, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.summary, {
    files: 9,
    // 5 in the authorization details, 2 in the CDK template, 7 in app.yaml (a policy with an !If counts once
    // per branch), 4 in keys.json, 2 plain policies, 5 in the plan, 2 in the state.
    policies: 27,
    findings: 4,
    bySeverity: { error: 2, 'security-warning': 0, warning: 0, suggestion: 2 },
    accepted: 0,
  });
});
