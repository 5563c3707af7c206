// The risk report as SARIF: valid against the SARIF 2.1.0 schema, one rule per category, levels and
// security-severity from the risk levels, locations at the granting policies, stable fingerprints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type * as Sarif from 'sarif';
import { riskReportToSarif, RISK_SECURITY_SEVERITY } from '../../src/reporting/risk-sarif.js';
import type { RiskReport } from '../../src/reporting/risk-report.js';
import { ALICE, largeRiskReport, riskFixture } from './risk-fixture.js';
import { assertValid } from './sarif-schema.js';

const cwd = '/repo';
const tool = {
  name: 'iamwright',
  version: '0.1.0',
  informationUri: 'https://www.npmjs.com/package/iamwright',
};
const sarif = (report: RiskReport) => riskReportToSarif(report, { tool, cwd });
const run = (report: RiskReport) => sarif(report).runs[0];

test('the fixture, an empty report, a report without principals and a large one are valid SARIF 2.1.0', () => {
  assertValid(sarif(riskFixture()));
  assertValid(sarif({ ...riskFixture(), principals: [], findings: [], policies: [], errors: [] }));
  const noPrincipals = riskFixture();
  noPrincipals.principals = [];
  for (const f of noPrincipals.findings) delete f.principal;
  assertValid(sarif(noPrincipals));
  assertValid(sarif(largeRiskReport(200)));
});

test('one rule per category, scored by the highest level among its results', () => {
  const r = run(riskFixture());
  const rules = r.tool.driver.rules ?? [];
  assert.deepEqual(
    rules.map((x) => [x.id, x.properties?.['security-severity'], x.defaultConfiguration?.level]),
    [
      ['risk/privilege-escalation', '9.5', 'warning'],
      ['risk/credentials-exposure', '7.5', 'warning'], // no finding: scored as high
      ['risk/data-exfiltration', '5.5', 'warning'],
      ['risk/infrastructure-modification', '2.5', 'note'],
      ['risk/service-wildcard', '9.5', 'warning'],
    ],
  );
  for (const rule of rules) assert.ok((rule.properties?.tags as string[]).includes('security'));
  for (const res of r.results ?? []) assert.equal(rules[res.ruleIndex as number].id, res.ruleId);
});

test('a category the report does not describe still gets a rule', () => {
  const report = riskFixture();
  report.findings[0].category = 'brand-new';
  const r = run(report);
  assert.ok(r.tool.driver.rules?.some((x) => x.id === 'risk/brand-new'));
  assertValid(sarif(report));
});

test('levels and ranks follow the risk levels', () => {
  const results = run(riskFixture()).results ?? [];
  assert.deepEqual(
    results.map((x) => [x.properties?.riskLevel, x.level, x.rank, x.properties?.['security-severity']]),
    [
      ['critical', 'warning', 95, RISK_SECURITY_SEVERITY.critical],
      ['critical', 'warning', 95, '9.5'],
      ['high', 'warning', 75, '7.5'],
      ['medium', 'warning', 50, '5.5'],
      ['low', 'note', 20, '2.5'],
    ],
  );
});

test('a finding points at its first policy; other policies are related; the principal is logical', () => {
  const first = (run(riskFixture()).results ?? [])[0];
  const loc = first.locations?.[0] as Sarif.Location;
  assert.deepEqual(loc.physicalLocation, {
    artifactLocation: { uri: 'account/authorization-details.json', uriBaseId: '%SRCROOT%' },
    region: { startLine: 40 },
  });
  assert.deepEqual(loc.logicalLocations, [{ name: 'alice', fullyQualifiedName: ALICE, kind: 'user' }]);
  assert.equal(first.relatedLocations?.length, 1);
  assert.equal(first.relatedLocations?.[0].physicalLocation?.region?.startLine, 12);
  assert.equal(
    first.message.text,
    'iam:PassRole on every role, with lambda:CreateFunction and lambda:InvokeFunction (user alice; policy PassRoles, Functions)',
  );
  assert.deepEqual(first.properties?.method, {
    id: 'lambda-create-invoke',
    title: 'PassRole to a new Lambda function, then invoke it',
    complete: true,
    missing: [],
  });
});

test('a policy outside the working folder is a file:// URI; one from stdin has no location', () => {
  const report = riskFixture();
  report.policies[0].file = '/elsewhere/details.json';
  report.policies[1].file = '-';
  const first = (run(report).results ?? [])[0];
  assert.equal(
    first.locations?.[0].physicalLocation?.artifactLocation?.uri,
    'file:///elsewhere/details.json',
  );
  assert.equal(first.relatedLocations, undefined);
  assertValid(sarif(report));
  report.policies[0].file = '-';
  const none = (run(report).results ?? [])[0];
  assert.equal(none.locations, undefined);
  assertValid(sarif(report));
});

test('fingerprints tell findings apart and survive moved lines', () => {
  const prints = (report: RiskReport) =>
    (run(report).results ?? []).map((x) => x.partialFingerprints?.['iamwrightRisk/v1']);
  const before = prints(riskFixture());
  assert.equal(new Set(before).size, before.length);
  const moved = riskFixture();
  for (const p of moved.policies) p.line = (p.line ?? 0) + 30;
  assert.deepEqual(prints(moved), before);
  const renamed = riskFixture();
  renamed.findings[0].principal = 'arn:aws:iam::111122223333:user/carol';
  assert.notEqual(prints(renamed)[0], before[0]);
});

test('inputs that could not be analysed are tool notifications', () => {
  const r = run(riskFixture());
  assert.deepEqual(r.invocations?.[0].toolExecutionNotifications, [
    {
      level: 'error',
      message: { text: 'line 3: not JSON (unexpected "}")' },
      locations: [
        { physicalLocation: { artifactLocation: { uri: 'account/broken.json', uriBaseId: '%SRCROOT%' } } },
      ],
    },
  ]);
});
