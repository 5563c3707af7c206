// The risk report as a pull-request comment, read back through micromark with its GFM extension (the
// CommonMark + GFM implementation the ecosystem trusts) so the assertions are about what GitHub shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { parseDocument, DomUtils, ElementType } from 'htmlparser2';
import type { Element } from 'domhandler';
import { GITHUB_COMMENT_LIMIT, renderRiskMarkdown, topFindings } from '../../src/reporting/markdown.js';
import { escapeUnsafe } from '../../src/util/printable.js';
import type { RiskLevel } from '../../src/reporting/risk-report.js';
import { HOSTILE_POLICY_NAME, HOSTILE_SID, largeRiskReport, riskFixture } from './risk-fixture.js';

/** The markdown as GitHub would render it (raw HTML allowed, as <details> needs), parsed. */
function rendered(md: string) {
  const html = micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  const doc = parseDocument(html);
  const all = DomUtils.getElementsByTagType(ElementType.Tag, doc) as Element[];
  return { html, all, byName: (name: string) => all.filter((e) => e.name === name) };
}
const txt = (e: Element) => DomUtils.textContent(e);
/** Text as shown, without the zero-width space that keeps `@` from mentioning. */
const shown = (s: string) => s.replace(/@\u200b/g, '@');

test('the fixture renders a summary, category and principal tables, top findings and details', () => {
  const md = renderRiskMarkdown(riskFixture());
  const { byName } = rendered(md);
  assert.equal(txt(byName('h2')[0]), 'iamwright analyze: account 111122223333');
  const tables = byName('table');
  const rows = (t: Element) =>
    DomUtils.getElementsByTagName('tr', t).map((r) =>
      DomUtils.getElementsByTagName('td', r).map((c) => txt(c).trim()),
    );
  assert.deepEqual(rows(tables[0]).slice(1), [
    ['🟥 critical', '2'],
    ['🟧 high', '1'],
    ['🟨 medium', '1'],
    ['🟦 low', '1'],
  ]);
  assert.deepEqual(rows(tables[1])[1], ['Privilege escalation', '1', '1', '0', '0', '2']);
  assert.deepEqual(
    rows(tables[2])
      .slice(1)
      .map((r) => r[0]),
    ['deploy', 'alice', 'bob', 'devs'],
  );
  const top = rows(tables[3]).slice(1);
  assert.equal(top.length, 5);
  assert.match(top[2][3], /\(partial method\)$/);
  assert.match(top[3][3], /\(conditional\)$/);

  const details = byName('details');
  assert.equal(details.length, 1);
  assert.equal(txt(DomUtils.getElementsByTagName('summary', details[0])[0]), 'Details of all 5 findings');
  assert.equal(DomUtils.getElementsByTagName('h4', details[0]).length, 5);
  const blocks = byName('code').filter((c) => c.attribs.class === 'language-json');
  // Short statements are whole JSON; the long one (60 actions) is an excerpt that still names its Sid.
  const sids = blocks.map(
    (b) => JSON.parse(/"Sid": ("(?:[^"\\]|\\.)*")/.exec(txt(b))?.[1] ?? 'null') as string,
  );
  assert.deepEqual(JSON.parse(txt(blocks[0])), {
    Sid: 'PassAnyRole',
    Effect: 'Allow',
    Action: 'iam:PassRole',
    Resource: '*',
  });
  assert.match(txt(blocks[4]), /\n {4}"s3:GetObject",\n[^]*… 27 lines left out\n {2}\],\n {2}"Resource"/);
  assert.deepEqual(sids, [
    'PassAnyRole',
    'Functions',
    HOSTILE_SID,
    'PassAnyRole',
    'ReadBuckets',
    HOSTILE_SID,
  ]);
  assert.match(txt(details[0]), /partial, missing ec2:RunInstances, ssm:SendCommand or ssm:StartSession/);
});

test('hostile names stay text: no script, no image, no raw HTML from the report', () => {
  const md = renderRiskMarkdown(riskFixture());
  const { byName, html } = rendered(md);
  assert.equal(byName('script').length, 0);
  assert.equal(byName('img').length, 0);
  assert.ok(byName('code').some((c) => txt(c) === HOSTILE_POLICY_NAME));
  assert.ok(!html.includes('<script>'));
});

test('any title, message or name comes out as the same text in its table cell', () => {
  const text = fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 30 });
  const anyText = fc.oneof(text, fc.string({ minLength: 1, maxLength: 30 }));
  fc.assert(
    fc.property(anyText, anyText, anyText, (title, message, name) => {
      const report = riskFixture();
      report.categories[0].title = title;
      report.findings[0].message = message;
      report.principals[1].name = name; // alice: the first finding's principal
      const { byName } = rendered(renderRiskMarkdown(report));
      assert.equal(byName('script').length + byName('img').length + byName('a').length, 0);
      const table = byName('table')[3];
      const cells = DomUtils.getElementsByTagName('td', DomUtils.getElementsByTagName('tr', table)[1]).map(
        txt,
      );
      // GFM trims a cell's outer whitespace.
      assert.equal(shown(cells[1]), escapeUnsafe(title).trim());
      assert.equal(shown(cells[2]).trim(), escapeUnsafe(name).trim());
      assert.equal(shown(cells[3]), escapeUnsafe(message).trim());
      assert.equal(byName('details').length, 1, 'the text cannot close or open a <details>');
    }),
    { numRuns: 100 },
  );
});

test('a backslash before a pipe stays text in a table cell (the cell is not cut there)', () => {
  for (const name of ['\\| ', 'a\\|b', '\\\\|x', 'x\\']) {
    const report = riskFixture();
    report.principals[1].name = name;
    const { byName } = rendered(renderRiskMarkdown(report));
    const table = byName('table')[3];
    const cells = DomUtils.getElementsByTagName('td', DomUtils.getElementsByTagName('tr', table)[1]).map(txt);
    assert.equal(shown(cells[2]).trim(), name.trim(), JSON.stringify(name));
  }
});

test('a name like @org/team does not mention anyone', () => {
  const report = riskFixture();
  report.findings[0].message = 'granted to @octo-org/admins and @alice';
  report.categories[0].title = '@security';
  const { all } = rendered(renderRiskMarkdown(report));
  const outsideCode = all.filter((e) => e.name !== 'code' && e.name !== 'pre');
  for (const e of outsideCode) {
    for (const child of e.children) {
      if (child.type === 'text') assert.doesNotMatch(child.data, /@[A-Za-z0-9]/, child.data);
    }
  }
});

test('a statement with backtick fences in it stays one code block', () => {
  const report = riskFixture();
  const sid = '```\n</details>\n````';
  report.findings[0].evidence[0].statementJson = { Sid: sid, Effect: 'Allow' };
  const { byName } = rendered(renderRiskMarkdown(report));
  const block = byName('code').find((c) => c.attribs.class === 'language-json') as Element;
  assert.deepEqual(JSON.parse(txt(block)), { Sid: sid, Effect: 'Allow' });
  assert.equal(byName('details').length, 1);
});

test('a large report is cut to fit a comment, with a note saying what was left out', () => {
  const report = largeRiskReport(1000);
  const md = renderRiskMarkdown(report);
  assert.ok(md.length <= 65_000 && md.length <= GITHUB_COMMENT_LIMIT, `${md.length}`);
  const { byName } = rendered(md);
  const details = byName('details');
  assert.equal(details.length, 1);
  const kept = DomUtils.getElementsByTagName('h4', details[0]).length;
  assert.ok(kept > 10 && kept < report.findings.length, `${kept}`);
  assert.match(md, new RegExp(`left out the details of ${report.findings.length - kept} findings`));
  assert.match(md, /> \[!NOTE\]\n> Cut to fit a comment/);
  // The riskiest principals and the top findings are kept whole.
  assert.equal(DomUtils.getElementsByTagName('tr', byName('table')[3]).length, 11);
});

test('any length limit is honoured', () => {
  const report = largeRiskReport(50);
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 70_000 }), (max) => {
      const md = renderRiskMarkdown(report, { maxLength: max });
      assert.ok(md.length <= Math.max(2_000, Math.min(max, GITHUB_COMMENT_LIMIT)), `${md.length} > ${max}`);
    }),
    { numRuns: 40 },
  );
});

test('a small report is not cut and is reproducible', () => {
  const md = renderRiskMarkdown(riskFixture());
  assert.doesNotMatch(md, /Cut to fit/);
  assert.equal(renderRiskMarkdown(riskFixture()), md);
});

test('top findings: most severe first, at most two per principal while others remain', () => {
  const base = riskFixture().findings[0];
  const f = (id: string, principal: string, level: RiskLevel) => ({ ...base, id, principal, level });
  const findings = [
    f('a1', 'admin', 'critical'),
    f('a2', 'admin', 'critical'),
    f('a3', 'admin', 'critical'),
    f('b1', 'bob', 'high'),
    f('a4', 'admin', 'high'),
    f('c1', 'carol', 'low'),
  ];
  const ids = (n: number) => topFindings(findings, n).map((x) => x.id);
  assert.deepEqual(ids(3), ['a1', 'a2', 'b1']);
  assert.deepEqual(ids(4), ['a1', 'a2', 'b1', 'c1']);
  assert.deepEqual(ids(5), ['a1', 'a2', 'a3', 'b1', 'c1']); // filled in report order once others run out
  assert.deepEqual(ids(10), ['a1', 'a2', 'a3', 'b1', 'a4', 'c1']);
});
