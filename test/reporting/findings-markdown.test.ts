// Lint findings as a pull-request comment, read back through micromark's GFM; and `lint --fmt markdown`
// as a user runs it (build first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { parseDocument, DomUtils } from 'htmlparser2';
import type { Element } from 'domhandler';
import type { ReportedFinding } from '../../src/reporting/finding.js';
import { renderFindingsMarkdown } from '../../src/reporting/findings-markdown.js';
import { runCli } from '../support/cli.js';
import { ROOT } from '../support/paths.js';

function tables(md: string): string[][][] {
  const html = micromark(md, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  const doc = parseDocument(html);
  assert.equal(DomUtils.getElementsByTagName('script', doc).length, 0);
  return DomUtils.getElementsByTagName('table', doc).map((t) =>
    DomUtils.getElementsByTagName('tr', t)
      .slice(1)
      .map((r) =>
        (DomUtils.getElementsByTagName('td', r) as Element[]).map((c) => DomUtils.textContent(c).trim()),
      ),
  );
}

const F = (over: Partial<ReportedFinding>): ReportedFinding => ({
  ruleId: 'resources/star',
  severity: 'suggestion',
  message: 'Resource "*" could be narrowed',
  location: { file: 'policies/a.json', line: 3, column: 7 },
  ...over,
});

test('counts by severity, then one row per finding, most severe first', () => {
  const md = renderFindingsMarkdown({
    findings: [
      F({}),
      F({
        ruleId: 'grammar/json-syntax',
        severity: 'error',
        message: 'invalid JSON',
        location: { file: 'b.json' },
      }),
      F({ ruleId: 'security/pass-role-star', severity: 'security-warning', policy: '<script>x</script>' }),
    ],
    accepted: [F({})],
    files: 2,
    policies: 1,
  });
  assert.match(
    md,
    /^## iamwright lint\n\n\*\*3 findings\*\* in 1 policy of 2 files; 1 accepted by the config\.\n/,
  );
  const [counts, rows] = tables(md);
  assert.deepEqual(counts, [
    ['🟥 error', '1'],
    ['🟪 security-warning', '1'],
    ['🟨 warning', '0'],
    ['🟦 suggestion', '1'],
  ]);
  assert.deepEqual(rows, [
    ['🟥 error', 'b.json', 'grammar/json-syntax', 'invalid JSON'],
    [
      '🟪 security-warning',
      'policies/a.json:3:7',
      'security/pass-role-star',
      'Resource "*" could be narrowed (policy <script>x</script>)',
    ],
    ['🟦 suggestion', 'policies/a.json:3:7', 'resources/star', 'Resource "*" could be narrowed'],
  ]);
});

test('no findings says so; a file name with a pipe stays in its cell', () => {
  assert.match(renderFindingsMarkdown({ findings: [] }), /\*\*0 findings\*\*\.\n\nNo findings\.\n$/);
  const [, rows] = tables(renderFindingsMarkdown({ findings: [F({ location: { file: 'a|b `c`.json' } })] }));
  assert.deepEqual(rows[0].slice(1, 3), ['a|b `c`.json', 'resources/star']);
});

test('thousands of findings are cut to fit a comment, with a note', () => {
  const many = Array.from({ length: 5000 }, (_, i) =>
    F({ message: `finding number ${i} with a long message to fill the comment quickly` }),
  );
  const md = renderFindingsMarkdown({ findings: many });
  assert.ok(md.length <= 65_000, `${md.length}`);
  const shown = tables(md)[1].length;
  assert.ok(shown > 100 && shown < 5000);
  assert.match(md, new RegExp(`> Cut to fit a comment: ${5000 - shown} more findings not shown\\.`));
});

test('iamwright lint --fmt markdown', () => {
  const env = { IAMWRIGHT_DB: '', IAMWRIGHT_HOME: mkdtempSync(join(tmpdir(), 'iamwright-md-home-')) };
  const broken = join(ROOT, 'test', 'fixtures', 'lint', 'policies', 'broken.json');
  const r = runCli(['lint', '--checks', 'grammar/json-syntax', '--fmt', 'markdown', broken], { env });
  assert.equal(r.code, 2, r.stderr);
  assert.equal(r.stderr, '');
  const [counts, rows] = tables(r.stdout);
  assert.equal(counts[0][1], '1');
  assert.equal(rows.length, 1);
  assert.equal(rows[0][2], 'grammar/json-syntax');
  assert.match(rows[0][1], /broken\.json:\d+:\d+$/);
});
