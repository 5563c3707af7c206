// Control characters in policy files reach the terminal escaped, in tables, JSON and error lines (#24).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  analyzeSources,
  formatErrors,
  formatReportJson,
  formatReportTable,
  parseJsonText,
  readPolicyInputs,
} from '../../src/analysis/index.js';
import { hasUnsafeCharacters } from '../../src/util/printable.js';
import { miniDb, policy } from './fixtures.js';

const evilSid = '\u001b[31mRED\u001b[0m\nFAKE  -  #9  privilege-escalation';
const evil = policy({
  Sid: evilSid,
  Effect: 'Allow',
  Action: ['iam:PassRole', 's3:Get\u001b[2Jx'],
  Resource: '*',
});

/** Lines of `text` hold no unsafe character (line breaks between lines aside). */
function clean(text: string): boolean {
  return text.split('\n').every((line) => !hasUnsafeCharacters(line));
}

test('table: Sids, patterns, actions and file names with control characters are quoted and escaped', () => {
  const report = analyzeSources(miniDb(), [{ file: 'pr\u009b/evil.json', kind: 'file', document: evil }]);
  const table = formatReportTable(report);
  assert.ok(clean(table), table);
  const rows = table.split('\n').filter((l) => l.startsWith('"pr\\u009b/evil.json"'));
  assert.equal(
    rows.length,
    report.findings.length + 1,
    'one line a finding and one a policy: no forged rows',
  );
  assert.ok(rows.some((r) => r.includes('"\\u001b[31mRED\\u001b[0m\\nFAKE  -  #9  privilege-escalation"')));
  assert.ok(rows.some((r) => r.includes('"s3:Get\\u001b[2Jx"')));
});

test('table: plain names are shown as they are', () => {
  const report = analyzeSources(miniDb(), [
    {
      file: 'ok.json',
      kind: 'file',
      document: policy({ Sid: 'Pass', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }),
    },
  ]);
  assert.match(
    formatReportTable(report),
    /^ok\.json\s+-\s+Pass\s+privilege-escalation\s+iam:PassRole\s+iam:PassRole$/m,
  );
});

test('JSON: still the same data when read back, with no raw terminal controls', () => {
  const doc = policy({
    Sid: `${evilSid}\u009b\u202e`,
    Effect: 'Allow',
    Action: 'iam:PassRole',
    Resource: '*',
  });
  const report = analyzeSources(miniDb(), [{ file: 'x.json', kind: 'file', document: doc }]);
  const json = formatReportJson(report);
  assert.ok(!hasUnsafeCharacters(json.replace(/\n/g, '')), json);
  assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(report)));
});

test('error lines: file, policy and message are escaped, one line each', () => {
  const text = formatErrors([
    { file: 'a\u001b]0;title\u0007.json', policy: 'role/\u001b[2J', message: "unexpected '\u001b' here" },
    { file: 'plain.json', message: 'no such file or folder' },
  ]);
  assert.equal(
    text,
    'iamwright: "a\\u001b]0;title\\u0007.json": "role/\\u001b[2J": unexpected \'\\u001b\' here\n' +
      'iamwright: plain.json: no such file or folder\n',
  );
});

test('messages built from the file escape what they quote: JSON faults, Sids, element names', () => {
  assert.throws(
    () => parseJsonText('{"a": \u001b}'),
    (e: Error) => !hasUnsafeCharacters(e.message) && /unexpected '\\u001b'/.test(e.message),
  );
  const [bad] = readPolicyInputs(['-'], {
    readStdin: () => JSON.stringify(policy({ Sid: evilSid, Effect: 'Allow', Action: 'x:y', Resourse: '*' })),
  });
  const report = analyzeSources(miniDb(), [bad]);
  assert.equal(report.errors.length, 1);
  assert.ok(!hasUnsafeCharacters(report.errors[0].message), report.errors[0].message);
  assert.match(report.errors[0].message, /^Statement\[0\] \(Sid "\\u001b\[31mRED/);
  const key = analyzeSources(miniDb(), [
    {
      file: 'k.json',
      kind: 'file',
      document: policy({ Effect: 'Allow', Action: 'x:y', Resource: '*', '\u001b[2J': 1 }),
    },
  ]);
  assert.match(key.errors[0].message, /unknown element "\\u001b\[2J"/);
});
