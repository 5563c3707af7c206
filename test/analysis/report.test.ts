import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeSources, formatErrors, formatReportTable, hasFindingsIn } from '../../src/analysis/index.js';
import { miniDb, miniRecords, policy } from './fixtures.js';

const everything = miniRecords.flatMap((s) => s.actions.map((a) => `${s.prefix}:${a.name}`));

test('the table lists findings, access levels per policy and a summary; long action lists are cut', () => {
  const report = analyzeSources(
    miniDb(),
    [
      {
        file: 'admin.json',
        kind: 'file',
        document: policy({ Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' }),
      },
      { file: 'bad.json', kind: 'file', error: 'invalid JSON at line 1, column 2: unexpected end of input' },
    ],
    { riskyActions: { 'credentials-exposure': everything }, categories: ['credentials-exposure'] },
  );
  const lines = formatReportTable(report).split('\n');
  assert.match(lines[0], /^FILE\s+POLICY\s+STATEMENT\s+CATEGORY\s+GRANTED BY\s+ACTIONS$/);
  assert.match(lines[1], /^admin\.json\s+-\s+All\s+credentials-exposure\s+\*\s+ec2:DescribeInstances, /);
  assert.match(lines[1], / and 10 more \(--fmt json lists all\)$/);
  assert.match(lines[3], /^FILE\s+POLICY\s+Read\s+Write\s+List\s+Tagging\s+Permissions management$/);
  assert.match(lines[4], /^admin\.json\s+-\s+6\s+5\s+4\s+1\s+2$/);
  assert.equal(lines[6], '1 policy analysed; 1 finding (credentials-exposure 1); 1 could not be analysed');
  assert.equal(report.findings[0].actions.length, everything.length, 'the report itself keeps every action');
  assert.equal(
    formatErrors(report.errors),
    'iamwright: bad.json: invalid JSON at line 1, column 2: unexpected end of input\n',
  );
  assert.equal(hasFindingsIn(report, ['credentials-exposure']), true);
  assert.equal(hasFindingsIn(report, ['privilege-escalation', 'unknown-action']), false);
});
