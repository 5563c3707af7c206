// docs/operations.md holds the operation map's coverage of the bundled database; it must be current.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { openDatabase, databaseFromRecords } from '../../src/database/index.js';
import {
  COVERAGE_END,
  COVERAGE_START,
  coverageMarkdown,
  operationCoverage,
  withCoverage,
} from '../../src/querying/operations-coverage.js';
import { parseOperationExceptions } from '../../src/querying/operations-exceptions.js';
import { OperationMap } from '../../src/querying/operations.js';
import { ROOT } from '../support/paths.js';

const DOC = join(ROOT, 'docs', 'operations.md');

test('docs/operations.md shows the coverage of the bundled database (node scripts/operation-coverage.mjs --write)', async () => {
  const doc = readFileSync(DOC, 'utf8');
  const markdown = coverageMarkdown(operationCoverage(openDatabase(join(ROOT, 'data', 'db'))));
  const updated = withCoverage(doc, markdown);
  assert.ok(updated !== undefined, 'docs/operations.md lost its coverage markers');
  const options = (await prettier.resolveConfig(DOC)) ?? {};
  const expected = await prettier.format(updated, { ...options, filepath: DOC });
  assert.ok(
    expected === doc,
    'docs/operations.md is not current: run `npm run build && node scripts/operation-coverage.mjs --write`',
  );
});

test('coverage counts each operation once, under the source that decided it', () => {
  const action = (name: string, link = '') => ({
    name,
    description: '',
    accessLevel: 'Read' as const,
    apiDocumentationLink: link ? `https://x/API_${link}.html` : '',
    resourceTypes: [],
  });
  const db = databaseFromRecords([
    {
      prefix: 'b',
      name: 'B',
      authorizationUrl: '',
      actions: [
        action('Get', 'Get'),
        action('Read', 'Fetch'),
        action('Put'),
        action('W1', 'Multi'),
        action('W2', 'Multi'),
      ],
      resourceTypes: [],
      conditionKeys: [],
      operations: [{ name: 'Put', actions: ['b:Put'] }],
    },
    { prefix: 'a', name: 'A', authorizationUrl: '', actions: [], resourceTypes: [], conditionKeys: [] },
  ]);
  const exceptions = parseOperationExceptions(
    'operations: {b: {Copy: {actions: [b:Get, b:Put], reason: r}}}',
    'x.yml',
  );
  const coverage = operationCoverage(db, new OperationMap(db, { exceptions }));
  assert.deepEqual(coverage, [
    {
      service: 'a',
      operations: 0,
      bySource: { 'service-reference': 0, exception: 0, 'api-link': 0, 'action-name': 0 },
      ambiguous: [],
    },
    {
      service: 'b',
      // Put (reference), Copy (exception), Get and Fetch (links), Read, W1 and W2 (names)
      operations: 7,
      bySource: { 'service-reference': 1, exception: 1, 'api-link': 2, 'action-name': 3 },
      ambiguous: ['Multi'],
    },
  ]);
  const md = coverageMarkdown(coverage);
  assert.match(md, /^2 services, 7 operations:/);
  assert.match(md, /^- b: Multi$/m);
  assert.match(md, /^\| b \| 7 \| 1 \| 1 \| 2 \| 3 \|$/m);
});

test('withCoverage replaces only what is between the markers', () => {
  const doc = `intro\n${COVERAGE_START}\nold\n${COVERAGE_END}\nafter\n`;
  assert.equal(withCoverage(doc, 'new\n'), `intro\n${COVERAGE_START}\n\nnew\n\n${COVERAGE_END}\nafter\n`);
  assert.equal(withCoverage('no markers', 'x'), undefined);
  assert.equal(withCoverage(`${COVERAGE_END}\n${COVERAGE_START}`, 'x'), undefined);
});
