/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML risk report as people see it: opened from a file in real headless Chromium (Debian's
// `chromium`, driven by playwright-core), asserted on the rendered DOM, and photographed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { renderRiskHtml } from '../../src/reporting/html/index.js';
import { HOSTILE_POLICY_NAME, HOSTILE_SID, largeRiskReport, riskFixture } from './risk-fixture.js';

const CHROMIUM = process.env.IAMWRIGHT_CHROMIUM ?? '/usr/bin/chromium';
const skip = existsSync(CHROMIUM)
  ? false
  : `no Chromium at ${CHROMIUM} (install Debian's chromium, as .ci/run does, or set IAMWRIGHT_CHROMIUM)`;

/** Where the screenshots go, to be looked at: the OS temp folder unless IAMWRIGHT_SCREENSHOTS says. */
const SHOTS = process.env.IAMWRIGHT_SCREENSHOTS ?? join(tmpdir(), 'iamwright-screenshots');

describe('the HTML risk report in headless Chromium', { skip }, () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    const { chromium } = await import('playwright-core');
    dir = mkdtempSync(join(tmpdir(), 'iamwright-html-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, renderRiskHtml(riskFixture()));
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  });

  after(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the page has its title, sections and summary figures', async () => {
    assert.equal(await page.title(), 'iamwright analyze: account 111122223333');
    assert.equal(await page.locator('h1').innerText(), 'iamwright analyze: account 111122223333');
    const headings = await page.locator('h2').allInnerTexts();
    assert.deepEqual(headings, [
      'Summary',
      'Findings',
      'Principals',
      'Policies',
      'Inputs not analysed (1)',
      'Categories',
    ]);
    const cards = await page
      .locator('.card')
      .evaluateAll((els) =>
        els.map((e) => [e.querySelector('.l')?.textContent, e.querySelector('.n')?.textContent]),
      );
    assert.deepEqual(Object.fromEntries(cards), {
      findings: '5',
      critical: '2',
      high: '1',
      medium: '1',
      low: '1',
      principals: '4',
      policies: '5',
      'conditional findings': '1',
      'partial methods': '1',
    });
  });

  test('the tables have one row per finding, principal and policy, in the report order', async () => {
    assert.deepEqual(
      await page.locator('#findings tbody tr').evaluateAll((rs) => rs.map((r) => r.dataset.level)),
      ['critical', 'critical', 'high', 'medium', 'low'],
    );
    const principals = await page.locator('#principals tbody tr td:first-child summary').allInnerTexts();
    assert.deepEqual(principals, ['deploy', 'alice', 'bob', 'devs']);
    assert.equal(await page.locator('#policies tbody tr').count(), 5);
  });

  test('the category chart draws bars in proportion to the counts', async () => {
    const widths = await page.locator('#chart-categories svg').evaluate((svg) => {
      const out: Record<string, number> = {};
      for (const t of svg.querySelectorAll('rect[class] > title')) {
        const rect = t.parentElement as unknown as SVGGraphicsElement;
        out[t.textContent ?? ''] = rect.getBoundingClientRect().width;
      }
      return out;
    });
    // Privilege escalation: 1 critical + 1 high; data exfiltration: 1 medium; service wildcard: 1 critical.
    const pe = widths['Privilege escalation: 1 critical'];
    assert.ok(pe > 10, JSON.stringify(widths));
    assert.ok(Math.abs(widths['Privilege escalation: 1 high'] - pe) < 1);
    assert.ok(Math.abs(widths['Data exfiltration: 1 medium'] - pe) < 1);
    assert.equal(widths['Credentials exposure: 0 critical'], undefined, 'no bar for an empty category');
  });

  test('a finding opens on click and shows the statement, the pattern and the partial method', async () => {
    const row = page.locator('#findings tbody tr', { hasText: 's3:GetObject on arn:aws:s3:::reports/*' });
    const statement = row.locator('pre');
    assert.equal(await statement.isVisible(), false, 'details start closed');
    await row.locator('summary').first().click();
    assert.equal(
      await row
        .locator('details')
        .first()
        .evaluate((d) => (d as HTMLDetailsElement).open),
      true,
    );
    assert.equal(await statement.isVisible(), true);
    // 60 actions: an excerpt, the granting action with two lines either side, the Condition whole.
    const shown = await statement.innerText();
    assert.match(shown, /"Condition": \{\n\s+"Bool": \{\n\s+"aws:SecureTransport": "true"/);
    assert.equal(await statement.locator('mark').innerText(), '"s3:GetObject"');
    assert.deepEqual(
      (await statement.locator('.omit').allInnerTexts()).map((t) => t.trim()),
      ['… 28 lines left out', '… 27 lines left out'],
    );
    assert.match(await row.locator('.detail').innerText(), /Conditional\s+yes/);

    const partial = page.locator('#findings tbody tr', { hasText: 'partial method' });
    await partial.locator('summary').first().click();
    assert.match(
      await partial.locator('dd.missing').innerText(),
      /^ec2:RunInstances, ssm:SendCommand or ssm:StartSession$/,
    );
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'risk-report-findings-open.png'), fullPage: true });
    await page.locator('#findings').screenshot({ path: join(SHOTS, 'risk-report-findings.png') });
  });

  test('hostile names are shown as text and run nothing', async () => {
    const cell = page.locator('#policies tbody tr td:first-child strong', { hasText: 'alert(1)' });
    assert.equal(await cell.innerText(), HOSTILE_POLICY_NAME);
    const hostile = page.locator('#findings tbody tr', { hasText: 'Every action of every service' });
    await hostile.locator('summary').first().click();
    assert.match(
      await hostile.locator('.evidence h4').innerText(),
      new RegExp(`statement ${escapeRe(HOSTILE_SID)}`),
    );
    assert.equal(await page.locator('script').count(), 0);
    assert.equal(await page.locator('img').count(), 0);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(pageErrors, []);
  });

  test('nothing is fetched from anywhere but the file itself', async () => {
    assert.ok(requests.length >= 1);
    const outside = requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'));
    assert.deepEqual(outside, []);
  });

  test('1,000 principals load in sane time, long tables folded until asked for', async (t) => {
    const file = join(dir, 'large.html');
    writeFileSync(file, renderRiskHtml(largeRiskReport(1000)));
    const large = await context.newPage();
    const outside: string[] = [];
    large.on('request', (r) => {
      if (!r.url().startsWith('file:')) outside.push(r.url());
    });
    const start = Date.now();
    await large.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const loadMs = Date.now() - start;
    t.diagnostic(`1,000 principals: ${loadMs} ms to load`);
    assert.ok(loadMs < 20_000, `${loadMs} ms to load`); // a slow shared machine: generous on purpose
    assert.equal(await large.locator('#principals tr[id]').count(), 1000);
    const more = large.locator('#principals details.more > summary');
    assert.equal(await more.innerText(), 'Show 900 more principals');
    assert.equal(await large.locator('#p999').isVisible(), false);
    await more.click();
    assert.equal(await large.locator('#p999').isVisible(), true);
    assert.deepEqual(outside, []);
    await large.close();
  });

  test('a screenshot of the page', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const path = join(SHOTS, 'risk-report.png');
    await page.reload({ waitUntil: 'load' });
    await page.screenshot({ path, fullPage: true });
    assert.ok(existsSync(path));
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
