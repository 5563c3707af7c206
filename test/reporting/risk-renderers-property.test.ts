// Any report the model allows (random text everywhere, ids that point nowhere, empty lists, missing
// optional fields) renders in every format: HTML with no markup from the input, markdown within its
// limit, SARIF valid against the schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDocument, DomUtils, ElementType } from 'htmlparser2';
import type { Element } from 'domhandler';
import { renderRiskHtml } from '../../src/reporting/html/index.js';
import { renderRiskMarkdown } from '../../src/reporting/markdown.js';
import { riskReportToSarif } from '../../src/reporting/risk-sarif.js';
import { RISK_LEVELS, type RiskReport } from '../../src/reporting/risk-report.js';
import { assertValid } from './sarif-schema.js';

const str = fc.string({ maxLength: 12 });
const level = fc.constantFrom(...RISK_LEVELS);
const ids = fc.constantFrom('a', 'b', 'c', '<x>', 'arn:aws:iam::1:user/a b');
const access = fc.dictionary(fc.constantFrom('List', 'Read', 'Write', 'Tagging', 'Other'), fc.nat(50));

const report: fc.Arbitrary<RiskReport> = fc.record(
  {
    title: str,
    generatedAt: str,
    database: str,
    toolVersion: str,
    inputs: fc.array(str, { maxLength: 2 }),
    categories: fc.array(fc.record({ id: ids, title: str, description: str }), { maxLength: 3 }),
    principals: fc.array(
      fc.record(
        {
          id: ids,
          name: str,
          type: fc.constantFrom('user', 'role', 'group'),
          policies: fc.array(ids, { maxLength: 2 }),
          groups: fc.array(str, { maxLength: 2 }),
          trust: fc.array(
            fc.record({
              principal: str,
              kind: fc.constantFrom('everyone', 'account', 'service', 'federated', 'other'),
              conditional: fc.boolean(),
              crossAccount: fc.boolean(),
            }),
            { maxLength: 2 },
          ),
          level,
          score: fc.nat(100),
          accessLevels: access,
          findings: fc.array(ids, { maxLength: 2 }),
        },
        { requiredKeys: ['id', 'name', 'type', 'policies', 'score', 'accessLevels', 'findings'] },
      ),
      { maxLength: 3 },
    ),
    policies: fc.array(
      fc.record(
        {
          id: ids,
          name: str,
          kind: str,
          file: fc.constantFrom('p.json', '-', '/abs/p.json', 'dir/a b#1.json'),
          line: fc.integer({ min: 1, max: 500 }),
          attachedTo: fc.array(ids, { maxLength: 2 }),
          accessLevels: access,
          findings: fc.array(ids, { maxLength: 2 }),
        },
        { requiredKeys: ['id', 'name', 'kind', 'file', 'attachedTo', 'accessLevels', 'findings'] },
      ),
      { maxLength: 3 },
    ),
    findings: fc.array(
      fc.record(
        {
          id: ids,
          category: ids,
          level,
          message: str,
          actions: fc.array(str, { maxLength: 3 }),
          resources: fc.array(str, { maxLength: 2 }),
          conditional: fc.boolean(),
          method: fc.record(
            {
              id: str,
              title: str,
              complete: fc.boolean(),
              missing: fc.array(str, { maxLength: 2 }),
              source: str,
            },
            { requiredKeys: ['id', 'title', 'complete', 'missing'] },
          ),
          principal: ids,
          policies: fc.array(ids, { maxLength: 2 }),
          evidence: fc.array(
            fc.record({
              policy: ids,
              statement: str,
              statementIndex: fc.nat(5),
              statementJson: fc.jsonValue({ maxDepth: 2 }),
              pattern: str,
              actions: fc.array(str, { maxLength: 2 }),
            }),
            { maxLength: 2 },
          ),
        },
        {
          requiredKeys: [
            'id',
            'category',
            'level',
            'message',
            'actions',
            'resources',
            'conditional',
            'policies',
            'evidence',
          ],
        },
      ),
      { maxLength: 4 },
    ),
    errors: fc.array(
      fc.record({ file: str, policy: str, message: str }, { requiredKeys: ['file', 'message'] }),
      {
        maxLength: 2,
      },
    ),
  },
  {
    requiredKeys: [
      'title',
      'database',
      'toolVersion',
      'inputs',
      'categories',
      'principals',
      'policies',
      'findings',
      'errors',
    ],
  },
);

const tool = {
  name: 'iamwright',
  version: '0.1.0',
  informationUri: 'https://www.npmjs.com/package/iamwright',
};

test('every format renders any report the model allows', () => {
  fc.assert(
    fc.property(report, (r) => {
      const html = renderRiskHtml(r, { rowsShown: 2 });
      const all = DomUtils.getElementsByTagType(ElementType.Tag, parseDocument(html)) as Element[];
      assert.ok(!all.some((e) => ['script', 'img', 'iframe', 'object', 'link'].includes(e.name)));
      assert.ok(!all.some((e) => Object.keys(e.attribs).some((a) => a.startsWith('on') || a === 'src')));
      for (const e of all) if (e.attribs.href !== undefined) assert.match(e.attribs.href, /^#[a-z]+\d*$/);
      assert.equal(all.filter((e) => e.name === 'h1').length, 1);

      const md = renderRiskMarkdown(r, { maxLength: 3_000 });
      assert.ok(md.length <= 3_000);

      assertValid(riskReportToSarif(r, { tool, cwd: '/repo' }));
    }),
    { numRuns: 150 },
  );
});
