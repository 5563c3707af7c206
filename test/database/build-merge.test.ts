import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDatabaseFromPages } from '../../src/database/build/index.js';
import { servicePage, type FixtureAction } from './fixtures.js';

const act = (
  name: string,
  level: string,
  rows: FixtureAction['rows'] = [['', [], []]],
  old = false,
): FixtureAction => ({
  name,
  link: `https://docs.example/${name}`,
  level,
  rows,
  old,
});
const build = (pages: Record<string, string>) =>
  buildDatabaseFromPages(
    Object.entries(pages).map(([name, html]) => ({ name, html })),
    { overridesFile: null, buildDate: '2026-01-01T00:00:00Z' },
  );

test('a stale copy of a renamed page never overrides the current page, even when its file sorts last', () => {
  // The current page lists one more action and uses the current template; the stale copy disagrees on a level.
  const current = servicePage({
    service: 'Kinesis Data Streams',
    prefix: 'kinesis',
    actions: [act('CreateStream', 'Write'), act('PutRecord', 'Write'), act('ListStreams', 'List')],
  });
  const stale = servicePage({
    service: 'Kinesis',
    prefix: 'kinesis',
    actions: [act('PutRecord', 'Read', undefined, true), act('CreateStream', 'Write', undefined, true)],
  });
  const { records, report } = build({ 'list_a_current.html': current, 'list_z_stale.html': stale });
  assert.equal(records.length, 1);
  const k = records[0];
  assert.equal(k.name, 'Kinesis Data Streams');
  assert.equal(k.authorizationUrl.endsWith('list_a_current.html'), true);
  assert.deepEqual(
    k.actions.map((a) => [a.name, a.accessLevel]),
    [
      ['CreateStream', 'Write'],
      ['PutRecord', 'Write'],
      ['ListStreams', 'List'],
    ],
  );
  assert.deepEqual(report.pagesSuperseded, [
    { prefix: 'kinesis', file: 'list_z_stale.html', supersededBy: 'list_a_current.html' },
  ]);
  assert.deepEqual(report.mergeConflicts, []);
});

test('of two copies listing the same names, the older template loses, then the one with fewer condition keys', () => {
  const names = [act('Get', 'Read')];
  const oldTemplate = servicePage({
    service: 'Old',
    prefix: 'svc',
    actions: [act('Get', 'List', undefined, true)],
  });
  const current = servicePage({ service: 'New', prefix: 'svc', actions: names });
  assert.equal(
    build({ 'list_a.html': current, 'list_b.html': oldTemplate }).records[0].actions[0].accessLevel,
    'Read',
  );
  const fewerKeys = servicePage({ service: 'Fewer', prefix: 'svc', actions: [act('Get', 'List')] });
  const moreKeys = servicePage({
    service: 'More',
    prefix: 'svc',
    actions: names,
    conditions: [['svc:Key', 'd', 'String']],
  });
  const r = build({ 'list_a.html': moreKeys, 'list_b.html': fewerKeys });
  assert.equal(r.records[0].name, 'More');
  assert.equal(r.records[0].actions[0].accessLevel, 'Read');
  assert.deepEqual(
    r.records[0].conditionKeys.map((c) => c.name),
    ['svc:Key'],
  );
});

test("the page of AWS's current framework (it links to its markdown version) is the current copy", () => {
  const current = servicePage({
    service: 'Current',
    prefix: 'svc',
    markdown: true,
    actions: [act('Get', 'Read')],
  });
  const leftOver = servicePage({
    service: 'Left over',
    prefix: 'svc',
    actions: [act('Get', 'List')],
    conditions: [['svc:Old', 'd', 'String']],
  });
  // The left-over copy sorts last and has more condition keys; the framework decides first.
  const r = build({ 'list_a.html': current, 'list_b.html': leftOver });
  assert.equal(r.records[0].name, 'Current');
  assert.equal(r.records[0].actions[0].accessLevel, 'Read');
  assert.deepEqual(
    r.report.pagesSuperseded.map((s) => s.file),
    ['list_b.html'],
  );
});

test('a genuinely split service keeps the actions and resource types of every page', () => {
  const v1 = servicePage({
    service: 'Gateway',
    prefix: 'gw',
    actions: [
      act('GET', 'Read', [
        ['RestApi', [], []],
        ['', [], []],
      ]),
      act('CreateRestApi', 'Write'),
    ],
    resources: [['RestApi', 'arn:aws:gw:::/restapis/${Id}', []]],
  });
  const v2 = servicePage({
    service: 'Gateway V2',
    prefix: 'gw',
    actions: [
      act('GET', 'Read', [
        ['Api', [], []],
        ['', ['gw:Request'], []],
      ]),
      act('CreateApi', 'Write'),
    ],
    resources: [['Api', 'arn:aws:gw:::/apis/${Id}', []]],
  });
  const { records, report } = build({ 'list_gw.html': v1, 'list_gwv2.html': v2 });
  const gw = records[0];
  assert.equal(gw.name, 'Gateway');
  assert.deepEqual(
    gw.actions.map((a) => a.name),
    ['GET', 'CreateRestApi', 'CreateApi'],
  );
  assert.deepEqual(
    gw.resourceTypes.map((r) => r.name),
    ['RestApi', 'Api'],
  );
  // GET is authorized against the resources of both APIs. The pages tie on template, action and key
  // counts, so the later file is preferred: its rows first, the row without a type last, its '' row kept.
  assert.deepEqual(
    gw.actions[0].resourceTypes.map((r) => [r.resourceType, r.conditionKeys]),
    [
      ['Api', []],
      ['RestApi', []],
      ['', ['gw:Request']],
    ],
  );
  assert.deepEqual(report.pagesSuperseded, []);
  assert.deepEqual(report.splitPrefixes, ['gw']);
  assert.deepEqual(report.prefixes, ['gw']);
  assert.deepEqual(
    report.mergeConflicts.map((c) => [c.item, c.fields]),
    [['action GET', ["row ''"]]],
  );
});

test('non-service files are ignored and the report counts what was built', () => {
  const page = servicePage({ service: 'S', prefix: 's', actions: [act('A', 'Read')] });
  const r = buildDatabaseFromPages(
    [
      { name: 'README.md', html: '# readme' },
      { name: 'reference_policies_actions-resources-contextkeys.html', html: '<html></html>' },
      { name: 'list_s.html', html: page },
    ],
    { overridesFile: null, buildDate: 'x' },
  );
  assert.equal(r.report.pagesRead, 1);
  assert.deepEqual(r.report.counts, { services: 1, actions: 1, resourceTypes: 0, conditionKeys: 0 });
  assert.equal(r.meta.buildDate, 'x');
  assert.equal(r.meta.overridesFile, null);
});

test('the same pages build the same records whatever order they are given in', () => {
  const a = servicePage({ service: 'A', prefix: 'p', actions: [act('One', 'Read')] });
  const b = servicePage({ service: 'B', prefix: 'p', actions: [act('Two', 'Write')] });
  const one = buildDatabaseFromPages(
    [
      { name: 'list_a.html', html: a },
      { name: 'list_b.html', html: b },
    ],
    { overridesFile: null, buildDate: 'd' },
  );
  const two = buildDatabaseFromPages(
    [
      { name: 'list_b.html', html: b },
      { name: 'list_a.html', html: a },
    ],
    { overridesFile: null, buildDate: 'd' },
  );
  assert.deepEqual(one.records, two.records);
  assert.deepEqual(
    one.records[0].actions.map((x) => x.name),
    ['One', 'Two'],
  );
});
