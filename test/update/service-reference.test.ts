import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  recordFromServiceReference,
  type ServiceReferenceDocument,
} from '../../src/database/service-reference/index.js';
import { localVersions, updateDatabase, type UpdateOptions } from '../../src/database/update/index.js';
import { selectDatabase } from '../../src/database/select.js';
import { UserError } from '../../src/util/errors.js';
import { fakeBuilder } from './fake-builder.js';
import { startServer, type TestServer } from './server.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/update/', import.meta.url));
const SR_DIR = join(FIXTURES, 'service-reference');
const doc = (name: string) =>
  JSON.parse(readFileSync(join(SR_DIR, `${name}.json`), 'utf8')) as ServiceReferenceDocument;

test('a Service Reference document maps to a ServiceRecord', () => {
  const r = recordFromServiceReference(doc('launchwizard'), 'https://example.invalid/launchwizard.json');
  assert.equal(r.prefix, 'launchwizard');
  const level = (name: string) => r.actions.find((a) => a.name === name)?.accessLevel;
  assert.equal(level('CreateDeployment'), 'Write');
  assert.equal(level('TagResource'), 'Tagging'); // IsTaggingOnly wins over IsWrite
  assert.equal(level('GetIpAddress'), 'List');
  assert.equal(level('DescribeProvisionedApp'), 'Read');
  assert.deepEqual(r.actions.find((a) => a.name === 'CreateDeployment')?.resourceTypes, [
    { resourceType: 'deployment', required: false, conditionKeys: [], dependentActions: [] },
    {
      resourceType: '',
      required: false,
      conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys'],
      dependentActions: [],
    },
  ]);
  assert.deepEqual(r.resourceTypes, [
    {
      name: 'deployment',
      arn: 'arn:${Partition}:launchwizard:${Region}:${Account}:deployment/${DeploymentId}',
      conditionKeys: ['aws:ResourceTag/${TagKey}'],
    },
  ]);
  assert.deepEqual(
    r.conditionKeys.map((c) => [c.name, c.type]),
    [
      ['aws:RequestTag/${TagKey}', 'String'],
      ['aws:TagKeys', 'ArrayOfString'],
    ],
  );
  assert.deepEqual(r.operations, [
    { name: 'CreateDeployment', actions: ['launchwizard:CreateDeployment', 'iam:PassRole'] },
    { name: 'ListDeployments', actions: [] },
  ]);
  assert.throws(
    () => recordFromServiceReference({ Name: 'x' } as ServiceReferenceDocument, 'u'),
    /not a Service Reference document/,
  );
});

describe('updating from the Service Reference', () => {
  let server: TestServer;
  let home: string;
  const opts = (extra: Partial<UpdateOptions> = {}): UpdateOptions => ({
    home,
    baseUrl: server.baseUrl,
    serviceReferenceUrl: `${server.baseUrl}sr/`,
    source: 'service-reference',
    builder: fakeBuilder,
    timeoutMs: 400,
    retries: 1,
    retryDelayMs: 5,
    ...extra,
  });
  const local = () => selectDatabase({ env: { IAMWRIGHT_HOME: home } });

  before(async () => {
    server = await startServer(join(FIXTURES, 'site'));
  });
  after(async () => server.close());
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'iamwright-sr-'));
    server.files.clear();
    server.faults.clear();
    // AWS's index lists absolute URLs; this one points at the test server.
    const names = readdirSync(SR_DIR).map((f) => f.replace(/\.json$/, ''));
    server.files.set(
      'sr/',
      JSON.stringify(names.map((n) => ({ service: n, url: `${server.baseUrl}sr/${n}/${n}.json` }))),
    );
    for (const n of names)
      server.files.set(`sr/${n}/${n}.json`, readFileSync(join(SR_DIR, `${n}.json`), 'utf8'));
    server.reset();
  });

  test('alone: every listed service is installed, and a second update downloads nothing', async () => {
    const first = await updateDatabase(opts());
    assert.equal(first.outcome, 'installed');
    const db = local();
    assert.deepEqual(
      db.listServices().map((s) => s.prefix),
      ['launchwizard', 'newsvc', 'sumerian'],
    );
    assert.equal(db.meta.overridesFile, null);
    assert.deepEqual(db.service('newsvc')?.record.operations, [
      { name: 'PutWidgetPolicy', actions: ['newsvc:PutPolicy'] },
    ]);
    server.reset();
    const second = await updateDatabase(opts());
    assert.equal(second.outcome, 'unchanged');
    assert.deepEqual(
      server.log.slice(-3).map((l) => l.status),
      [304, 304, 304],
    );
  });

  test('with the pages: the pages complete the JSON, the JSON adds what the pages lack', async () => {
    const report = await updateDatabase(opts({ source: 'both' }));
    const db = local();
    assert.deepEqual(
      db.listServices().map((s) => s.prefix),
      ['elemental-support-content', 'launchwizard', 'newsvc', 'sumerian'],
    );
    const lw = db.service('launchwizard')!.record;
    const names = lw.actions.map((a) => a.name);
    // The pages' actions first, in page order, then those only the Service Reference lists.
    assert.equal(names.indexOf('CreateDeployment'), names.length - 2);
    assert.ok(names.includes('StartProvisioning'), 'an action only on the pages is kept');
    assert.equal(lw.operations?.[0]?.name, 'CreateDeployment');
    assert.ok(
      report.notes.some((n) => /launchwizard:GetIpAddress \(pages: Read, Service Reference: List\)/.test(n)),
      report.notes.join('\n'),
    );
  });

  test('a document cut short is refused, and nothing is installed', async () => {
    const text = readFileSync(join(SR_DIR, 'sumerian.json'), 'utf8');
    server.files.set('sr/sumerian/sumerian.json', text.slice(0, 100));
    await assert.rejects(updateDatabase(opts()), (e: unknown) => {
      assert.ok(e instanceof UserError);
      assert.match(e.message, /sumerian\.json \(document is not valid JSON/);
      return true;
    });
    assert.equal(localVersions(home).current, undefined);
  });
});
