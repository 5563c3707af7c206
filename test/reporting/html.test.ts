// The HTML risk report as text: escaping (any name, Sid or statement stays text), no URL the page would
// fetch, reproducible output, and sane size and time for 1,000 principals. The browser test looks at it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, DomUtils, ElementType } from 'htmlparser2';
import type { Element } from 'domhandler';
import { renderRiskHtml } from '../../src/reporting/html/index.js';
import { escapeUnsafe } from '../../src/util/printable.js';
import {
  HOSTILE_POLICY_NAME,
  HOSTILE_SID,
  largeRiskReport,
  managedPoliciesReport,
  riskFixture,
} from './risk-fixture.js';

const elements = (html: string) =>
  DomUtils.getElementsByTagType(ElementType.Tag, parseDocument(html)) as Element[];

test('a policy named <script>alert(1)</script> is text, not a script', () => {
  const html = renderRiskHtml(riskFixture());
  assert.ok(!/<script/i.test(html), 'no script tag anywhere');
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(!html.includes(HOSTILE_SID), 'the Sid never appears unescaped');
  const strongs = elements(html).filter((e) => e.name === 'strong');
  assert.ok(strongs.some((e) => DomUtils.textContent(e) === HOSTILE_POLICY_NAME));
});

test('any text in names, Sids, messages and statements comes out as the same text, with no markup', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 40 }), (name, sid) => {
      const report = riskFixture();
      report.policies[0].name = name;
      report.principals[0].name = sid;
      report.findings[0].message = name + sid;
      report.findings[0].evidence[0].statement = sid;
      report.findings[0].evidence[0].statementJson = { Sid: sid, Action: name };
      const html = renderRiskHtml(report);
      const all = elements(html);
      assert.ok(!all.some((e) => e.name === 'script' || e.name === 'img' || e.name === 'iframe'));
      assert.ok(!all.some((e) => Object.keys(e.attribs).some((a) => a.startsWith('on'))));
      const texts = all.filter((e) => e.name === 'strong').map((e) => DomUtils.textContent(e));
      assert.ok(texts.includes(escapeUnsafe(name)), `policy name ${JSON.stringify(name)}`);
      const pre = all.find((e) => e.name === 'pre') as Element;
      // Bidirectional controls are written as \u escapes, so the JSON still reads back as the statement.
      assert.deepEqual(JSON.parse(DomUtils.textContent(pre)), { Sid: sid, Action: name });
    }),
    { numRuns: 200 },
  );
});

test('the page links only to its own anchors and loads nothing (no src, no external href)', () => {
  const html = renderRiskHtml(riskFixture());
  const all = elements(html);
  for (const e of all) {
    for (const [name, value] of Object.entries(e.attribs)) {
      if (name === 'href') assert.match(value, /^#[a-z]+\d*$/, `href ${value}`);
      assert.notEqual(name, 'src');
      assert.notEqual(name, 'xlink:href');
    }
  }
  assert.ok(!all.some((e) => e.name === 'link' || e.name === 'script'));
  // Every fragment link points at an element of the page.
  const ids = new Set(all.map((e) => e.attribs.id).filter(Boolean));
  for (const e of all) if (e.attribs.href) assert.ok(ids.has(e.attribs.href.slice(1)), e.attribs.href);
  const csp = all.find((e) => e.name === 'meta' && e.attribs['http-equiv'] === 'Content-Security-Policy');
  assert.match(csp?.attribs.content ?? '', /default-src 'none'/);
});

test('output is reproducible: no clock unless the report carries generatedAt', () => {
  const a = renderRiskHtml(riskFixture());
  assert.equal(renderRiskHtml(riskFixture()), a);
  assert.ok(!/generated \d/.test(a));
  const dated = renderRiskHtml({ ...riskFixture(), generatedAt: '2026-11-30T12:00:00Z' });
  assert.ok(dated.includes('generated 2026-11-30T12:00:00Z'));
});

test('a method is shown complete, or partial with what it lacks; conditional findings say so', () => {
  const html = renderRiskHtml(riskFixture());
  const dds = elements(html).filter((e) => e.name === 'dd' && e.attribs.class === 'missing');
  assert.deepEqual(
    dds.map((d) => DomUtils.textContent(d)),
    ['ec2:RunInstances, ssm:SendCommand or ssm:StartSession'],
  );
  const rows = elements(html).filter((e) => e.name === 'tr' && /^f\d+$/.test(e.attribs.id ?? ''));
  const conditional = rows.filter((r) =>
    DomUtils.textContent(r).includes('every granting statement has a Condition'),
  );
  assert.deepEqual(
    conditional.map((r) => r.attribs['data-level']),
    ['medium'],
  );
});

test('a report without principals lists findings by policy and draws no principal charts', () => {
  const report = { ...riskFixture(), principals: [] };
  for (const f of report.findings) delete f.principal;
  const html = renderRiskHtml(report);
  assert.ok(!html.includes('id="principals"'));
  assert.ok(!html.includes('id="chart-principals"'));
  assert.ok(html.includes('<th>Policy</th><th>Finding</th>'));
  assert.ok(html.includes('How many policies are granted'));
});

test('1,000 principals: every row is in the page, most folded away, in sane size and time', () => {
  const report = largeRiskReport(1000);
  const start = process.cpuUsage();
  const html = renderRiskHtml(report, { rowsShown: 100 });
  const cpu = process.cpuUsage(start);
  const ms = (cpu.user + cpu.system) / 1000;
  assert.ok(ms < 2000, `${ms} ms of CPU`);
  assert.ok(html.length < 15_000_000, `${html.length} characters`);
  assert.ok(html.includes('Show 900 more principals'));
  assert.ok(html.includes('Show 2900 more findings'));
  assert.ok(html.includes('principal-999'));
  const rows = elements(html).filter((e) => e.name === 'tr' && /^p\d+$/.test(e.attribs.id ?? ''));
  assert.equal(rows.length, 1000);
});

test('1,641 policies with statements of 1,000 actions: excerpts keep the page small', () => {
  const report = managedPoliciesReport(1641, 1000);
  const start = process.cpuUsage();
  const html = renderRiskHtml(report);
  const cpu = process.cpuUsage(start);
  const ms = (cpu.user + cpu.system) / 1000;
  assert.ok(ms < 5000, `${ms} ms of CPU`);
  // Whole statements would be 1,641 x 3 x ~30 KB = ~150 MB.
  assert.ok(html.length < 25_000_000, `${html.length} characters`);
  const first = report.findings[0].evidence[0].pattern;
  assert.ok(html.includes(`<mark>&quot;${first}&quot;</mark>`));
  assert.ok(html.includes('lines left out'));
});
