// SARIF output: valid against the SARIF 2.1.0 schema, and shaped as GitHub code scanning reads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import type { ReportedFinding, RuleDescriptor } from '../../src/reporting/finding.js';
import { SECURITY_SEVERITY, toSarif } from '../../src/reporting/sarif.js';
import { ROOT } from '../support/paths.js';
import { assertValid, validate } from './sarif-schema.js';

const RULES: RuleDescriptor[] = [
  { id: 'grammar/json-syntax', severity: 'error', title: 'Not JSON', help: 'Fix the JSON.' },
  {
    id: 'security/pass-role-star',
    severity: 'security-warning',
    title: 'PassRole on *',
    help: 'Name the roles.',
  },
  { id: 'actions/redundant', severity: 'warning', title: 'Redundant action', help: 'Remove it.' },
  {
    id: 'resources/star',
    severity: 'suggestion',
    title: 'Resource *',
    help: 'Narrow it.',
    helpUri: 'https://example.com/r',
  },
];

const cwd = join(ROOT, 'test', 'fixtures');
const finding = (
  over: Partial<ReportedFinding> & Pick<ReportedFinding, 'ruleId' | 'severity'>,
): ReportedFinding => ({
  message: 'something is wrong',
  location: { file: join(cwd, 'lint', 'policies', 'read-only.json'), line: 3, column: 7 },
  ...over,
});

const FINDINGS: ReportedFinding[] = [
  finding({ ruleId: 'grammar/json-syntax', severity: 'error' }),
  finding({
    ruleId: 'security/pass-role-star',
    severity: 'security-warning',
    policy: 'Role/Inline',
    sid: 'Pass',
    jsonPath: 'Statement[0].Resource',
  }),
  finding({
    ruleId: 'actions/redundant',
    severity: 'warning',
    location: { file: 'lint/with space#1.json', line: 9, column: 1 },
  }),
  finding({
    ruleId: 'resources/star',
    severity: 'suggestion',
    location: { file: '/elsewhere/p.json', line: 2, column: 4 },
  }),
  finding({ ruleId: 'input/unreadable', severity: 'error', location: { file: 'lint/missing.json' } }),
  finding({ ruleId: 'input/unreadable', severity: 'error', location: { file: '-' } }),
];

const TOOL = {
  name: 'iamwright',
  version: '1.2.3',
  informationUri: 'https://www.npmjs.com/package/iamwright',
};

test('a log with every severity, locations of every kind and an unknown rule is valid SARIF 2.1.0', () => {
  const log = toSarif({ findings: FINDINGS, accepted: [FINDINGS[0]] }, RULES, TOOL, { cwd });
  assertValid(log);
  assertValid(toSarif({ findings: [] }, [], TOOL, { cwd }));
});

test('the validator does reject a log that breaks the schema', () => {
  const log = toSarif({ findings: FINDINGS }, RULES, TOOL, { cwd }) as unknown as {
    runs: { results: { level: string }[] }[];
  };
  log.runs[0].results[0].level = 'fatal';
  assert.equal(validate(log), false);
  assert.equal(validate({ version: '2.1.0' }), false);
});

test('rules: descriptions, default levels, and security-severity with the security tag for security warnings', () => {
  const log: Sarif.Log = toSarif({ findings: FINDINGS }, RULES, TOOL, { cwd });
  const driver = log.runs[0].tool.driver;
  assert.deepEqual(
    [driver.name, driver.version, driver.informationUri],
    [TOOL.name, TOOL.version, TOOL.informationUri],
  );
  const rules = driver.rules ?? [];
  assert.deepEqual(
    rules.map((r) => [r.id, r.defaultConfiguration?.level]),
    [
      ['grammar/json-syntax', 'error'],
      ['security/pass-role-star', 'warning'],
      ['actions/redundant', 'warning'],
      ['resources/star', 'note'],
      ['input/unreadable', 'error'], // named by a finding, not in the list given: added
    ],
  );
  const security = rules[1];
  assert.equal(security.properties?.['security-severity'], SECURITY_SEVERITY);
  assert.ok((security.properties?.tags as string[]).includes('security'));
  assert.equal(rules[0].properties?.['security-severity'], undefined);
  assert.deepEqual(
    [rules[2].shortDescription?.text, rules[2].fullDescription?.text],
    ['Redundant action', 'Remove it.'],
  );
  assert.equal(rules[3].helpUri, 'https://example.com/r');
});

test('results: rule index, level, message with the policy, region, URIs relative to the working directory', () => {
  const log: Sarif.Log = toSarif({ findings: FINDINGS }, RULES, TOOL, { cwd });
  const [run] = log.runs;
  const results = run.results ?? [];
  for (const r of results) assert.equal(run.tool.driver.rules?.[r.ruleIndex as number].id, r.ruleId);
  assert.deepEqual(
    results.map((r) => r.level),
    ['error', 'warning', 'warning', 'note', 'error', 'error'],
  );
  assert.deepEqual(results[0].locations?.[0].physicalLocation, {
    artifactLocation: { uri: 'lint/policies/read-only.json', uriBaseId: '%SRCROOT%' },
    region: { startLine: 3, startColumn: 7 },
  });
  assert.equal(results[1].message.text, 'something is wrong (policy Role/Inline)');
  assert.deepEqual(results[1].properties, {
    policy: 'Role/Inline',
    jsonPath: 'Statement[0].Resource',
    sid: 'Pass',
  });
  assert.equal(
    results[2].locations?.[0].physicalLocation?.artifactLocation?.uri,
    'lint/with%20space%231.json',
  );
  assert.deepEqual(results[3].locations?.[0].physicalLocation?.artifactLocation, {
    uri: 'file:///elsewhere/p.json',
  });
  assert.equal(results[4].locations?.[0].physicalLocation?.region, undefined);
  assert.equal(results[5].locations, undefined); // stdin
});

test('fingerprints survive a change of line but tell different findings apart', () => {
  const base = finding({
    ruleId: 'actions/redundant',
    severity: 'warning',
    jsonPath: 'Statement[0].Action[1]',
  });
  const moved = { ...base, location: { ...base.location, line: 40 } };
  const other = { ...base, jsonPath: 'Statement[0].Action[2]' };
  const prints = toSarif({ findings: [base, moved, other] }, RULES, TOOL, { cwd }).runs[0].results?.map(
    (r) => r.partialFingerprints?.['iamwrightFinding/v1'],
  );
  assert.ok(prints);
  assert.equal(prints[0], prints[1]);
  assert.notEqual(prints[0], prints[2]);
});

test('accepted findings are not results (GitHub ignores SARIF suppressions) but are counted', () => {
  const log = toSarif({ findings: [FINDINGS[0]], accepted: FINDINGS.slice(1, 3) }, RULES, TOOL, { cwd });
  assert.equal(log.runs[0].results?.length, 1);
  assert.deepEqual(log.runs[0].properties, { acceptedFindings: 2 });
});
