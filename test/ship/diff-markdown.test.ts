/** `db diff --fmt markdown`: the pull-request text of the refresh workflow. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  databaseFromRecords,
  metaFor,
  writeDatabaseDir,
  type ActionRecord,
  type ServiceRecord,
} from '../../src/database/index.js';
import { diffDatabases, formatDiffMarkdown, type DatabaseDiff } from '../../src/database/diff.js';
import { runCli } from '../support/cli.js';

const action = (name: string, accessLevel: ActionRecord['accessLevel'], rows: [string, boolean][] = []) => ({
  name,
  description: '',
  accessLevel,
  apiDocumentationLink: '',
  resourceTypes: rows.map(([resourceType, required]) => ({
    resourceType,
    required,
    conditionKeys: [],
    dependentActions: [],
  })),
});
const service = (prefix: string, actions: ActionRecord[], resources: string[] = [], keys: string[] = []) =>
  ({
    prefix,
    name: prefix,
    authorizationUrl: '',
    actions,
    resourceTypes: resources.map((name) => ({ name, arn: `arn:x:${name}`, conditionKeys: [] })),
    conditionKeys: keys.map((name) => ({ name, description: '', type: 'String' })),
  }) as ServiceRecord;

const OLD = [
  service(
    'demo',
    [action('GetThing', 'Read', [['thing', true]]), action('Gone', 'List')],
    ['thing'],
    ['demo:A'],
  ),
  service('retired', [action('Ping', 'Read')]),
];
const NEW = [
  service(
    'demo',
    [
      action('GetThing', 'Write', [
        ['thing', false],
        ['other', false],
      ]),
      action('Added', 'Tagging'),
    ],
    ['thing', 'other'],
    ['demo:A', 'aws:TagKeys'],
  ),
  service('fresh', [action('Start', 'Write'), action('Stop', 'Write')]),
];

test('a small diff, as a reviewer reads it', () => {
  const md = formatDiffMarkdown(diffDatabases(databaseFromRecords(OLD), databaseFromRecords(NEW)));
  assert.equal(
    md,
    [
      '## IAM database changes',
      '',
      '| | Added | Removed |',
      '| --- | ---: | ---: |',
      '| Services | 1 | 1 |',
      '| Actions | 3 | 2 |',
      '| Resource types | 1 | 0 |',
      '| Condition keys | 1 | 0 |',
      '',
      'Actions whose access level changed: 1; whose resource types changed: 1.',
      '',
      '### Services',
      '',
      '- Added: `fresh`',
      '- Removed: `retired`',
      '',
      '### Actions',
      '',
      'Added (3):',
      '',
      '- `fresh`: `Start`, `Stop`',
      '- `demo`: `Added`',
      '',
      'Removed (2):',
      '',
      '- `retired`: `Ping`',
      '- `demo`: `Gone`',
      '',
      '### Access levels',
      '',
      '| Action | Before | After |',
      '| --- | --- | --- |',
      '| `demo:GetThing` | Read | Write |',
      '',
      '### Resource types of actions',
      '',
      '| Action | Change |',
      '| --- | --- |',
      '| `demo:GetThing` | added `other`; `thing` no longer required |',
      '',
      '### Resource types',
      '',
      'Added (1):',
      '',
      '- `demo`: `other`',
      '',
      '### Condition keys',
      '',
      'Added (1):',
      '',
      '- `demo`: `aws:TagKeys`',
      '',
    ].join('\n'),
  );
});

test('no differences', () => {
  const d = diffDatabases(databaseFromRecords(OLD), databaseFromRecords(OLD));
  assert.equal(formatDiffMarkdown(d), '## IAM database changes\n\nNo differences.\n');
});

/** Random diffs: services with random added and removed names. */
const name = fc.stringMatching(/^[A-Z][a-zA-Z0-9]{0,30}$/);
const items = fc.array(fc.record({ service: fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/), name }), {
  maxLength: 400,
});
const diffs: fc.Arbitrary<DatabaseDiff> = fc.record({
  services: fc.record({
    added: fc.array(name, { maxLength: 50 }),
    removed: fc.array(name, { maxLength: 50 }),
  }),
  actions: fc.record({ added: items, removed: items }),
  resourceTypes: fc.record({ added: items, removed: items }),
  conditionKeys: fc.record({ added: items, removed: items }),
  changedActions: fc.array(
    fc.record({
      service: fc.constant('svc'),
      action: name,
      changes: fc.constant([{ field: 'accessLevel' as const, before: 'Read', after: 'Write' }]),
    }),
    { maxLength: 300 },
  ),
});

test('a long diff is cut to fit (GitHub refuses a description over 65,536 characters), saying how much was left out', () => {
  fc.assert(
    fc.property(diffs, fc.integer({ min: 4000, max: 40000 }), (d, maxChars) => {
      const md = formatDiffMarkdown(d, { maxChars });
      assert.ok(md.length <= maxChars, `${md.length} > ${maxChars}`);
      // The counts are always whole.
      assert.ok(md.includes(`| Actions | ${d.actions.added.length} | ${d.actions.removed.length} |`));
      // Every added action is shown or counted in an "and N more".
      const full = formatDiffMarkdown(d, { maxChars: Infinity });
      if (md !== full) assert.match(md, / and \d+ more/);
      let shownOrCounted = 0;
      const section = md.split('### Actions')[1]?.split(/\nRemoved \(|\n### /)[0] ?? '';
      for (const line of section.split('\n').filter((l) => l.startsWith('- `'))) {
        shownOrCounted +=
          (line.match(/`, `|: `/g) ?? []).length + Number(/ and (\d+) more$/.exec(line)?.[1] ?? 0);
      }
      const servicesLeft = Number(/- … and (\d+) more services/.exec(section)?.[1] ?? 0);
      if (servicesLeft === 0) assert.equal(shownOrCounted, d.actions.added.length);
    }),
    { numRuns: 60 },
  );
});

test('db diff --fmt markdown on the command line; an unknown format is one line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-diff-md-'));
  writeDatabaseDir(join(dir, 'old'), OLD, metaFor(OLD, { overridesApplied: [] }));
  writeDatabaseDir(join(dir, 'new'), NEW, metaFor(NEW, { overridesApplied: [] }));
  const r = runCli(['db', 'diff', join(dir, 'old'), join(dir, 'new'), '--fmt', 'markdown']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^\| `demo:GetThing` \| Read \| Write \|$/m);
  const bad = runCli(['db', 'diff', join(dir, 'old'), join(dir, 'new'), '--fmt', 'html']);
  assert.equal(bad.code, 1);
  assert.equal(bad.stderr, "iamwright: --fmt must be text, json or markdown, got 'html'\n");
});
