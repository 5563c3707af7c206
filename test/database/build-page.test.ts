import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage } from '../../src/database/build/index.js';
import { servicePage, STUB_PAGE } from './fixtures.js';

function parsed(html: string, file = 'list_demo.html') {
  const r = parsePage(file, html);
  assert.ok(r.ok, r.ok ? '' : r.skipped.reason);
  return r.page;
}

const demo = servicePage({
  service: 'Demo Service',
  prefix: 'demo',
  actions: [
    {
      name: 'CreateThing',
      link: 'https://docs.example/API_CreateThing.html',
      level: 'Write',
      rows: [
        ['thing*', ['aws:ResourceTag/${TagKey}'], ['IAM:PassRole', 'demo:DescribeThing']],
        ['widget', [], []],
        ['', ['demo:Flavour', 'aws:RequestTag/${TagKey}'], []],
      ],
    },
    { name: 'ListThings', level: 'List', rows: [['', [], []]] },
  ],
  resources: [
    ['thing', 'arn:${Partition}:demo:${Region}:\n   ${Account}:thing/${Id}', ['aws:ResourceTag/${TagKey}']],
  ],
  conditions: [['demo:\n Flavour', 'Filters by   the flavour', 'String']],
});

test('an action spanning rows keeps every row in page order, with required flags and per-row keys', () => {
  const page = parsed(demo);
  assert.equal(page.prefix, 'demo');
  assert.equal(page.serviceName, 'Demo Service');
  assert.equal(page.url, 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_demo.html');
  assert.deepEqual(
    page.actions.map((a) => a.name),
    ['CreateThing', 'ListThings'],
  );
  const create = page.actions[0];
  assert.equal(create.accessLevel, 'Write');
  assert.equal(create.apiDocumentationLink, 'https://docs.example/API_CreateThing.html');
  assert.equal(create.description, 'Grants permission to CreateThing');
  assert.deepEqual(create.resourceTypes, [
    {
      resourceType: 'thing',
      required: true,
      conditionKeys: ['aws:ResourceTag/${TagKey}'],
      // The service part of a dependent action is lower-cased, as policies spell it.
      dependentActions: ['iam:PassRole', 'demo:DescribeThing'],
    },
    { resourceType: 'widget', required: false, conditionKeys: [], dependentActions: [] },
    {
      resourceType: '',
      required: false,
      conditionKeys: ['demo:Flavour', 'aws:RequestTag/${TagKey}'],
      dependentActions: [],
    },
  ]);
  assert.deepEqual(page.warnings, []);
});

test('a permission-only action without a link is named without the marker', () => {
  const list = parsed(demo).actions[1];
  assert.equal(list.name, 'ListThings');
  assert.equal(list.apiDocumentationLink, '');
  assert.deepEqual(list.resourceTypes, [
    { resourceType: '', required: false, conditionKeys: [], dependentActions: [] },
  ]);
});

test('resource types and condition keys tables: ARN and key names lose the line breaks of the page', () => {
  const page = parsed(demo);
  assert.deepEqual(page.resourceTypes, [
    {
      name: 'thing',
      arn: 'arn:${Partition}:demo:${Region}:${Account}:thing/${Id}',
      conditionKeys: ['aws:ResourceTag/${TagKey}'],
    },
  ]);
  assert.deepEqual(page.conditionKeys, [
    { name: 'demo:Flavour', description: 'Filters by the flavour', type: 'String' },
  ]);
});

test('SCENARIO rows inside an action are counted and left out, and the next action still parses', () => {
  const page = parsed(
    servicePage({
      service: 'Compute',
      prefix: 'cmp',
      actions: [
        {
          name: 'Run',
          link: 'l',
          level: 'Write',
          rows: [
            ['image*', [], []],
            ['', ['cmp:Region'], []],
          ],
          scenarios: ['Classic', 'VPC'],
        },
        { name: 'Stop', link: 'm', level: 'Write', rows: [['instance*', [], []]] },
      ],
    }),
  );
  assert.equal(page.scenarioRows, 2);
  assert.deepEqual(
    page.actions.map((a) => [a.name, a.resourceTypes.map((r) => r.resourceType)]),
    [
      ['Run', ['image', '']],
      ['Stop', ['instance']],
    ],
  );
  assert.deepEqual(page.warnings, []);
});

test('a stub "301 Moved" page is skipped with a reason', () => {
  const r = parsePage('list_moved.html', STUB_PAGE);
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.skipped.reason, /stub page .*Moved Permanently/);
});

test('a page without tables yields a service without actions and says so', () => {
  const page = parsed(servicePage({ service: 'Empty', prefix: 'empty', actions: [], noTables: true }));
  assert.equal(page.prefix, 'empty');
  assert.deepEqual(page.actions, []);
  assert.match(page.warnings.join('\n'), /no actions table/);
});

test('an unknown access level is reported and the action left out', () => {
  const page = parsed(
    servicePage({
      service: 'Odd',
      prefix: 'odd',
      actions: [{ name: 'Do', link: 'l', level: 'Execute', rows: [['', [], []]] }],
    }),
  );
  assert.deepEqual(page.actions, []);
  assert.match(page.warnings.join('\n'), /Do: unknown access level 'Execute'/);
});

test('a page without a title in the main content is skipped, naming what is missing', () => {
  const r = parsePage(
    'list_x.html',
    '<html><body><h1>Hello</h1><table><tr><td>1</td></tr></table></body></html>',
  );
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.skipped.reason, /no service title/);
});
