// lintFiles: findings placed at lines in their files, input problems, check selection, accepted findings.
// The registry's checks are another engineer's: these tests inject a small lint function of their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IamDatabase } from '../../src/database/database.js';
import { parseLintConfig } from '../../src/linting/accepted.js';
import { formatJsonPath, lintFiles, type LintFilesOptions } from '../../src/linting/lint-files.js';
import type { JsonPath, LintFinding, LintOptions } from '../../src/linting/types.js';
import { UserError } from '../../src/util/errors.js';
import { fixtureDb } from '../writing/fixture-db.js';
import { fixture, positionOf } from './inputs-helpers.js';

const db: IamDatabase = fixtureDb();
const tmp = mkdtempSync(join(tmpdir(), 'iamwright-lint-files-'));

/** A stand-in check: a warning at every action named `s3:...`, naming it; records what it was called with. */
function s3Lint(calls: LintOptions[] = []): NonNullable<LintFilesOptions['lint']> {
  return (_db, document, options) => {
    calls.push(options);
    const out: LintFinding[] = [];
    const st = (document as { Statement?: unknown }).Statement;
    (Array.isArray(st) ? st : [st]).forEach((s, i) => {
      const a = (s as { Action?: unknown })?.Action;
      const base: JsonPath = Array.isArray(st) ? ['Statement', i, 'Action'] : ['Statement', 'Action'];
      (Array.isArray(a) ? a : [a]).forEach((v, j) => {
        if (typeof v === 'string' && v.startsWith('s3:')) {
          const path = Array.isArray(a) ? [...base, j] : base;
          out.push({ check: 'actions/test-s3', severity: 'warning', message: `action '${v}'`, path });
        }
      });
    });
    return out;
  };
}

test('findings carry file, line and column, JSON path, Sid and policy name', () => {
  const file = fixture('policies', 'read-only.json');
  const r = lintFiles(db, [file], { lint: s3Lint() });
  assert.deepEqual(r.findings, [
    {
      ruleId: 'actions/test-s3',
      severity: 'warning',
      message: "action 's3:GetObject'",
      location: { file, ...positionOf(file, '"s3:GetObject"') },
      jsonPath: 'Statement[0].Action[0]',
      sid: 'ReadReports',
    },
    {
      ruleId: 'actions/test-s3',
      severity: 'warning',
      message: "action 's3:ListBucket'",
      location: { file, ...positionOf(file, '"s3:ListBucket"') },
      jsonPath: 'Statement[0].Action[1]',
      sid: 'ReadReports',
    },
  ]);
  assert.deepEqual([r.files, r.policies, r.errors], [1, 1, []]);
});

test('the type and quota of each policy reach the lint function; a template finding names its policy', () => {
  const calls: LintOptions[] = [];
  const app = fixture('cloudformation', 'app.yaml');
  const r = lintFiles(db, [app], { lint: s3Lint(calls) });
  assert.ok(calls.some((c) => c.policyType === 'trust' && c.sizeQuota === undefined));
  assert.ok(calls.some((c) => c.policyType === 'identity' && c.sizeQuota === 'managed'));
  assert.ok(calls.some((c) => c.policyType === 'resource'));
  const del = r.findings.filter((f) => f.message === "action 's3:DeleteObject'");
  // Read in the !If's true branch only, reported once, at its line.
  assert.deepEqual(
    del.map((f) => [f.policy, f.sid, f.location.line]),
    [['AppRole/Policies/ReadAppBucket', 'ProdOnlyDelete', positionOf(app, 's3:DeleteObject').line]],
  );
  // Statements present in both branches are reported once, not twice.
  assert.equal(r.findings.filter((f) => f.message === "action 's3:GetObject'").length, 1);
  // Findings within a file come by line.
  const lines = r.findings.map((f) => f.location.line ?? 0);
  assert.deepEqual(
    lines,
    [...lines].sort((a, b) => a - b),
  );
});

test('a bad file among good ones: one finding for it, the others linted, nothing thrown', () => {
  const paths = [
    fixture('policies', 'broken.json'),
    fixture('policies', 'read-only.json'),
    join(tmp, 'nope.json'),
  ];
  const r = lintFiles(db, paths, { lint: s3Lint() });
  assert.deepEqual(
    r.findings.map((f) => [f.ruleId, f.severity]),
    [
      ['grammar/json-syntax', 'error'],
      ['actions/test-s3', 'warning'],
      ['actions/test-s3', 'warning'],
      ['input/unreadable', 'error'],
    ],
  );
  assert.deepEqual(r.errors, [{ file: join(tmp, 'nope.json'), message: 'no such file or folder' }]);
  assert.equal(r.policies, 1);
});

test('the same document in two places of a file is linted once and reported at both', () => {
  const doc = {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
  };
  const role = (name: string) => ({
    RoleName: name,
    RolePolicyList: [{ PolicyName: 'read', PolicyDocument: doc }],
  });
  const file = join(tmp, 'details.json');
  writeFileSync(file, JSON.stringify({ RoleDetailList: [role('a'), role('b')], Policies: [] }, null, 2));
  const calls: LintOptions[] = [];
  const r = lintFiles(db, [file], { lint: s3Lint(calls) });
  assert.equal(calls.length, 1);
  assert.deepEqual(
    r.findings.map((f) => [f.policy, f.location.line]),
    [
      ['role/a/read', positionOf(file, '"s3:GetObject"').line],
      ['role/b/read', positionOf(file, '"s3:GetObject"', '"b"').line],
    ],
  );
});

test('--checks / --skip-checks choose input rules by id or family; unknown names are refused', () => {
  const paths = [fixture('policies', 'broken.json'), fixture('cloudformation', 'app.yaml')];
  const rules = (o: LintFilesOptions) =>
    [...new Set(lintFiles(db, paths, { lint: () => [], ...o }).findings.map((f) => f.ruleId))].sort();
  assert.deepEqual(rules({}), ['grammar/json-syntax', 'input/unresolved-document']);
  assert.deepEqual(rules({ checks: ['input'] }), ['input/unresolved-document']);
  assert.deepEqual(rules({ checks: ['grammar'] }), ['grammar/json-syntax']);
  assert.deepEqual(rules({ skipChecks: ['grammar/json-syntax'] }), ['input/unresolved-document']);
  assert.throws(
    () => lintFiles(db, paths, { checks: ['grammar/json-sintax'] }),
    (e: Error) =>
      e instanceof UserError &&
      /unknown check or family 'grammar\/json-sintax'; did you mean .*'grammar\/json-syntax'/.test(e.message),
  );
});

test('the registry gets only the names it knows: input rules are not passed on', () => {
  const calls: LintOptions[] = [];
  lintFiles(db, [fixture('policies', 'read-only.json')], { lint: s3Lint(calls), checks: ['input', 'size'] });
  // Input rules are lintFiles' own: the registry is asked only for the family it holds.
  assert.deepEqual(calls[0].checks, ['size']);
  lintFiles(db, [fixture('policies', 'read-only.json')], { lint: s3Lint(calls) });
  assert.equal(calls[1].checks, undefined);
});

test('accepted findings: by check, file glob, Sid and policy; counted apart', () => {
  const app = fixture('cloudformation', 'app.yaml');
  const readOnly = fixture('policies', 'read-only.json');
  const lintWith = (yaml: string) =>
    lintFiles(db, [app, readOnly], { lint: s3Lint(), config: parseLintConfig(yaml, 'cfg.yml', fixture()) });
  const all = lintWith('');
  const bySid = lintWith('accept:\n  - sid: Prod*\n');
  assert.deepEqual(
    bySid.accepted.map((f) => f.sid),
    ['ProdOnlyDelete'],
  );
  assert.equal(bySid.findings.length, all.findings.length - 1);
  const byFile = lintWith('accept:\n  - file: "policies/**"\n    check: actions\n');
  assert.ok(byFile.accepted.length === 2 && byFile.accepted.every((f) => f.location.file === readOnly));
  const byPolicy = lintWith("accept:\n  - policy: 'AppRole/*'\n    reason: reviewed\n");
  assert.ok(byPolicy.accepted.length > 0 && byPolicy.accepted.every((f) => f.policy?.startsWith('AppRole/')));
  // Every selector must match: a Sid of another file accepts nothing there.
  assert.equal(
    lintWith('accept:\n  - file: "policies/*.json"\n    sid: ProdOnlyDelete\n').accepted.length,
    0,
  );
  // A glob is relative to the config's folder, not the working directory.
  assert.equal(lintWith('accept:\n  - file: "read-only.json"\n').accepted.length, 0);
});

test('a bad config is one line naming the file, the line and what is allowed', () => {
  const cases: [string, RegExp][] = [
    [
      'accept:\n  - chek: x\n',
      /^c\.yml: line 2: accept\[0\]: unknown key 'chek'; did you mean 'check'\?; allowed: check, file, sid, policy, reason$/,
    ],
    [
      'accept:\n  - reason: just because\n',
      /^c\.yml: line 2: accept\[0\] names none of check, file, sid, policy/,
    ],
    [
      'accept:\n  - check: actions/nope\n',
      /^c\.yml: line 2: accept\[0\]\.check: unknown check or family 'actions\/nope'/,
    ],
    ['accept:\n  - sid: [a, b]\n', /^c\.yml: line 2: accept\[0\]\.sid must be a non-empty string$/],
    ['ignore: []\n', /^c\.yml: line 1: unknown key 'ignore'; a lint config has 'accept'$/],
    ['accept: {}\n', /^c\.yml: line 1: 'accept' must be a list/],
    ['accept:\n  - [x\n', /^c\.yml: line \d+: invalid YAML: /],
  ];
  for (const [yaml, expected] of cases) {
    assert.throws(
      () => parseLintConfig(yaml, 'c.yml', tmp),
      (e: Error) => e instanceof UserError && expected.test(e.message) && !e.message.includes('\n'),
      yaml,
    );
  }
  assert.deepEqual(parseLintConfig('# nothing accepted yet\n', 'c.yml', tmp).accept, []);
});

test('JSON paths as people write them', () => {
  assert.equal(formatJsonPath(['Statement', 0, 'Action', 2]), 'Statement[0].Action[2]');
  assert.equal(
    formatJsonPath(['Statement', 'Condition', 'StringEquals', 'aws:SourceAccount']),
    'Statement.Condition.StringEquals["aws:SourceAccount"]',
  );
  assert.equal(formatJsonPath([]), '');
});
