import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  databaseFromRecords,
  metaFor,
  writeDatabaseDir,
  type ServiceRecord,
  type ActionRecord,
} from '../../src/database/index.js';
import { diffDatabases, formatDiff, isEmptyDiff } from '../../src/database/diff.js';
import { runCli } from '../support/cli.js';

const action = (
  name: string,
  accessLevel: ActionRecord['accessLevel'],
  rows: [string, boolean][] = [],
): ActionRecord => ({
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

const service = (
  prefix: string,
  actions: ActionRecord[],
  resources: string[] = [],
  keys: string[] = [],
): ServiceRecord => ({
  prefix,
  name: prefix,
  authorizationUrl: '',
  actions,
  resourceTypes: resources.map((name) => ({ name, arn: `arn:x:${name}`, conditionKeys: [] })),
  conditionKeys: keys.map((name) => ({ name, description: '', type: 'String' })),
});

const OLD = [
  service(
    'demo',
    [
      action('GetThing', 'Read', [['thing', true]]),
      action('PutThing', 'Write', [
        ['thing', true],
        ['', false],
      ]),
      action('Gone', 'List'),
    ],
    ['thing', 'oldres'],
    ['demo:Flavour', 'aws:TagKeys'],
  ),
  service('retired', [action('Ping', 'Read')], ['r'], ['retired:k']),
];
const NEW = [
  // Case differences alone are not changes: IAM names are case-insensitive.
  service(
    'demo',
    [
      action('getthing', 'Write', [
        ['thing', false],
        ['other', false],
      ]),
      action('PutThing', 'Write', [
        ['thing', true],
        ['', false],
      ]),
      action('Added', 'Tagging'),
    ],
    ['thing', 'other'],
    ['demo:Flavour', 'demo:Colour'],
  ),
  service('fresh', [action('Start', 'Write')], [], ['fresh:k']),
];

test('diff lists additions, removals and changed actions', () => {
  const d = diffDatabases(databaseFromRecords(OLD), databaseFromRecords(NEW));
  assert.deepEqual(d.services, { added: ['fresh'], removed: ['retired'] });
  assert.deepEqual(d.actions.added, [
    { service: 'fresh', name: 'Start' },
    { service: 'demo', name: 'Added' },
  ]);
  assert.deepEqual(d.actions.removed, [
    { service: 'retired', name: 'Ping' },
    { service: 'demo', name: 'Gone' },
  ]);
  assert.deepEqual(d.resourceTypes.added, [{ service: 'demo', name: 'other' }]);
  assert.deepEqual(d.resourceTypes.removed, [
    { service: 'retired', name: 'r' },
    { service: 'demo', name: 'oldres' },
  ]);
  assert.deepEqual(d.conditionKeys.added, [
    { service: 'fresh', name: 'fresh:k' },
    { service: 'demo', name: 'demo:Colour' },
  ]);
  assert.deepEqual(d.conditionKeys.removed, [
    { service: 'retired', name: 'retired:k' },
    { service: 'demo', name: 'aws:TagKeys' },
  ]);
  assert.deepEqual(d.changedActions, [
    {
      service: 'demo',
      action: 'getthing',
      changes: [
        { field: 'accessLevel', before: 'Read', after: 'Write' },
        { field: 'resourceTypes', added: ['other'], removed: [] },
        { field: 'required', resourceType: 'thing', before: true, after: false },
      ],
    },
  ]);
  const text = formatDiff(d);
  assert.match(text, /^services: 1 added, 1 removed$/m);
  assert.match(
    text,
    /^ {2}~ demo:getthing: access level Read -> Write; resource types \+other; thing no longer required$/m,
  );
  assert.match(text, /^ {2}- aws:TagKeys \(demo\)$/m);
});

test('identical databases have no differences', () => {
  const d = diffDatabases(databaseFromRecords(OLD), databaseFromRecords(OLD));
  assert.ok(isEmptyDiff(d));
  assert.equal(formatDiff(d), 'no differences\n');
});

test('db diff on the command line, text and json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-diff-'));
  writeDatabaseDir(join(dir, 'old'), OLD, metaFor(OLD, { overridesApplied: [] }));
  writeDatabaseDir(join(dir, 'new'), NEW, metaFor(NEW, { overridesApplied: [] }));
  const json = runCli(['db', 'diff', join(dir, 'old'), join(dir, 'new'), '--fmt', 'json']);
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout).services, { added: ['fresh'], removed: ['retired'] });
  const text = runCli(['db', 'diff', join(dir, 'old'), join(dir, 'new')]);
  assert.match(text.stdout, /^actions: 2 added, 2 removed$/m);
  const missing = runCli(['db', 'diff', join(dir, 'old'), 'local'], {
    env: { IAMWRIGHT_HOME: join(dir, 'nohome') },
  });
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^iamwright: no local database at .*nohome.*db update/);
});
