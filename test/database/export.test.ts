import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseFromRecords, openDatabase, writeDatabaseDir, metaFor } from '../../src/database/index.js';
import { exportDatabase } from '../../src/database/export/index.js';
import type { ServiceRecord } from '../../src/database/index.js';
import { UserError } from '../../src/util/errors.js';
import { runCli } from '../support/cli.js';

const records: ServiceRecord[] = [
  {
    prefix: 'demo',
    name: 'Demo',
    authorizationUrl: 'https://example.invalid/list_demo.html',
    actions: [
      {
        name: 'PutThing',
        description: 'puts',
        accessLevel: 'Write',
        apiDocumentationLink: 'https://example.invalid/PutThing',
        resourceTypes: [
          {
            resourceType: 'thing',
            required: true,
            conditionKeys: ['aws:ResourceTag/${TagKey}'],
            dependentActions: ['iam:PassRole'],
          },
          { resourceType: '', required: false, conditionKeys: ['demo:Mode'], dependentActions: [] },
        ],
      },
      {
        name: 'ListThings',
        description: 'lists',
        accessLevel: 'List',
        apiDocumentationLink: '',
        resourceTypes: [],
      },
    ],
    resourceTypes: [
      {
        name: 'thing',
        arn: 'arn:${Partition}:demo:::thing/${Id}',
        conditionKeys: ['aws:ResourceTag/${TagKey}'],
      },
    ],
    conditionKeys: [{ name: 'demo:Mode', description: 'mode', type: 'String' }],
  },
  {
    prefix: 'other',
    name: 'Other',
    authorizationUrl: 'u',
    actions: [
      { name: 'Do', description: 'd', accessLevel: 'Read', apiDocumentationLink: '', resourceTypes: [] },
    ],
    resourceTypes: [],
    conditionKeys: [],
  },
];
const meta = metaFor(records, {
  buildDate: '2026-06-14T00:00:00Z',
  overridesApplied: [],
  overridesFile: null,
});
const tmp = () => mkdtempSync(join(tmpdir(), 'iamwright-export-'));

async function openSqlite(file: string) {
  const initSqlJs = createRequire(import.meta.url)('sql.js') as typeof import('sql.js');
  const SQL = await initSqlJs();
  return new SQL.Database(readFileSync(file));
}

test('the SQLite export can be joined back into an action table, in page order', async () => {
  const file = join(tmp(), 'iam.sqlite');
  await exportDatabase(databaseFromRecords(records, meta), 'sqlite', file);
  const db = await openSqlite(file);
  const rows = db.exec(`
    SELECT a.name, a.access_level, art.resource_type, art.required, rt.arn,
           (SELECT group_concat(condition_key, ',') FROM action_condition_keys k
             WHERE k.prefix = art.prefix AND k.action = art.action AND k.resource_type = art.resource_type) AS keys,
           (SELECT group_concat(dependent_action, ',') FROM dependent_actions d
             WHERE d.prefix = art.prefix AND d.action = art.action AND d.resource_type = art.resource_type) AS deps
    FROM actions a
    JOIN action_resource_types art ON art.prefix = a.prefix AND art.action = a.name
    LEFT JOIN resource_types rt ON rt.prefix = art.prefix AND rt.name = art.resource_type
    WHERE a.prefix = 'DEMO' AND a.name = 'putthing'
    ORDER BY art.position`)[0].values;
  assert.deepEqual(rows, [
    [
      'PutThing',
      'Write',
      'thing',
      1,
      'arn:${Partition}:demo:::thing/${Id}',
      'aws:ResourceTag/${TagKey}',
      'iam:PassRole',
    ],
    ['PutThing', 'Write', '', 0, null, 'demo:Mode', null],
  ]);
  assert.deepEqual(
    db.exec('SELECT name FROM actions WHERE prefix = ? ORDER BY position', ['demo'])[0].values,
    [['PutThing'], ['ListThings']],
  );
  assert.deepEqual(db.exec('SELECT count(*) FROM services')[0].values, [[2]]);
  assert.deepEqual(db.exec("SELECT value FROM meta WHERE key = 'build_date'")[0].values, [
    ['2026-06-14T00:00:00Z'],
  ]);
  assert.deepEqual(db.exec('PRAGMA foreign_key_check'), []);
  db.close();
});

test('the JSON export is read back by openDatabase with the same records and meta', async () => {
  const file = join(tmp(), 'iam.json');
  await exportDatabase(databaseFromRecords(records, meta), 'json', file);
  const back = openDatabase(file);
  assert.deepEqual(
    back.allServices().map((s) => s.record),
    records,
  );
  assert.deepEqual(back.meta, meta);
});

test('an unknown format is a UserError listing the formats', async () => {
  await assert.rejects(
    exportDatabase(databaseFromRecords(records), 'csv', join(tmp(), 'x')),
    (e: unknown) =>
      e instanceof UserError && /unknown export format 'csv' \(allowed: sqlite, json\)/.test(e.message),
  );
});

test('iamwright db export writes the database chosen with --db', () => {
  const dir = join(tmp(), 'db');
  writeDatabaseDir(dir, records, meta);
  const out = join(tmp(), 'out.json');
  const r = runCli(['--db', dir, 'db', 'export', '--format', 'json', '--out', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(openDatabase(out).service('other')?.record, records[1]);
  const bad = runCli(['--db', dir, 'db', 'export', '--format', 'xml', '--out', out]);
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^iamwright: --format: unknown export format 'xml'/);
});
