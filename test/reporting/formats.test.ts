// The text formats of findings: the table for people (grouped by file, colour only when asked) and JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReportedFinding } from '../../src/reporting/finding.js';
import { formatFindingsJson } from '../../src/reporting/json.js';
import { atLeast, countBySeverity } from '../../src/reporting/report.js';
import { formatFindingsTable, printable, useColor } from '../../src/reporting/table.js';

const F: ReportedFinding[] = [
  {
    ruleId: 'actions/unknown-action',
    severity: 'error',
    message: "'s3:GetObjekt' is not an action of Amazon S3",
    location: { file: 'a.json', line: 5, column: 9 },
    jsonPath: 'Statement[0].Action[0]',
  },
  {
    ruleId: 'security/pass-role-star',
    severity: 'security-warning',
    message: 'iam:PassRole on every role',
    location: { file: 'template.yaml', line: 120, column: 13 },
    policy: 'Deployer/Policies/Pass',
  },
  {
    ruleId: 'resources/star',
    severity: 'suggestion',
    message: 'Resource * on actions with resource types',
    location: { file: 'a.json', line: 12, column: 7 },
  },
];

test('table: one group per file, line:column aligned, the policy in brackets, then a summary', () => {
  const text = formatFindingsTable({ findings: F, files: 3, policies: 7 });
  assert.equal(
    text,
    [
      'a.json',
      "  5:9   error       's3:GetObjekt' is not an action of Amazon S3  actions/unknown-action",
      '  12:7  suggestion  Resource * on actions with resource types  resources/star',
      '',
      'template.yaml',
      '  120:13  security-warning  [Deployer/Policies/Pass] iam:PassRole on every role  security/pass-role-star',
      '',
      '3 findings: 1 error, 1 security warning, 0 warnings, 1 suggestion (7 policies in 3 files).',
      '',
    ].join('\n'),
  );
  assert.ok(!text.includes('\u001b['));
});

test('table: nothing found, and accepted findings counted but not listed', () => {
  assert.equal(
    formatFindingsTable({ findings: [], files: 1, policies: 1 }),
    'No findings (1 policy in 1 file).\n',
  );
  const text = formatFindingsTable({ findings: [], accepted: [F[0]], policies: 2 });
  assert.equal(text, 'No findings (2 policies; 1 accepted, not shown).\n');
});

test('table: colours when asked, and useColor only on a terminal without NO_COLOR', () => {
  const text = formatFindingsTable({ findings: F }, { color: true });
  assert.ok(text.includes('\u001b[31merror'), text);
  assert.ok(text.includes('\u001b[35msecurity-warning'), text);
  assert.equal(useColor({ isTTY: true }, {}), true);
  assert.equal(useColor({ isTTY: true }, { NO_COLOR: '1' }), false);
  assert.equal(useColor({ isTTY: false }, {}), false);
  assert.equal(useColor({}, {}), false);
});

test('json: a summary with counts per severity, then the findings and the accepted ones as the model has them', () => {
  const out = JSON.parse(formatFindingsJson({ findings: F, accepted: [F[2]], files: 2, policies: 4 }));
  assert.deepEqual(out.summary, {
    files: 2,
    policies: 4,
    findings: 3,
    bySeverity: { error: 1, 'security-warning': 1, warning: 0, suggestion: 1 },
    accepted: 1,
  });
  assert.deepEqual(out.findings, F);
  assert.deepEqual(out.accepted, [F[2]]);
});

test('severity order: --fail-on warning catches errors and security warnings, not suggestions', () => {
  assert.equal(atLeast('error', 'warning'), true);
  assert.equal(atLeast('security-warning', 'warning'), true);
  assert.equal(atLeast('warning', 'warning'), true);
  assert.equal(atLeast('suggestion', 'warning'), false);
  assert.equal(atLeast('warning', 'security-warning'), false);
  assert.deepEqual(countBySeverity([]), { error: 0, 'security-warning': 0, warning: 0, suggestion: 0 });
});

test('table: control characters from files are escaped, so they cannot colour, clear or forge lines', () => {
  const hostile: ReportedFinding = {
    ruleId: 'actions/unknown-action',
    severity: 'error',
    message: "'s3:Get\u001b[2Jx' is not an action",
    location: { file: 'evil\n::error::x.json', line: 1, column: 1 },
    policy: 'Role\u202eevil',
  };
  const text = formatFindingsTable({ findings: [hostile] });
  assert.ok(!text.includes('\u001b') && !text.includes('\u202e'), text);
  assert.equal(text.split('\n')[0], 'evil\\n::error::x.json');
  assert.ok(text.includes("[Role\\u202eevil] 's3:Get\\u001b[2Jx' is not an action"), text);
  assert.equal(printable('tab\there'), 'tab\\there');
  assert.equal(printable('plain: arn:aws:s3:::b/*'), 'plain: arn:aws:s3:::b/*');
});
