import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  updateDatabase,
  rollbackDatabase,
  localVersions,
  type UpdateOptions,
} from '../../src/database/update/index.js';
import { interruptedUpdateNotice, MARKER_FILE } from '../../src/database/update/marker.js';
import { selectDatabase } from '../../src/database/select.js';
import { metaFor, writeDatabaseDir } from '../../src/database/store.js';
import { UserError } from '../../src/util/errors.js';
import { fakeBuilder } from './fake-builder.js';
import { startServer, type TestServer } from './server.js';

const SITE = fileURLToPath(new URL('../fixtures/update/site/', import.meta.url));
const SERVICE_PAGES = [
  'list_amazonsumerian.html',
  'list_awsiot1-click.html',
  'list_elementalsupportcontent.html',
  'list_launchwizard.html',
];

let server: TestServer;
let home: string;

const opts = (extra: Partial<UpdateOptions> = {}): UpdateOptions => ({
  home,
  baseUrl: server.baseUrl,
  builder: fakeBuilder,
  timeoutMs: 400,
  retries: 1,
  retryDelayMs: 5,
  concurrency: 3,
  ...extra,
});

/** The prefixes and action count of the local database, read the way commands read it. */
function localSummary() {
  const db = selectDatabase({ env: { IAMWRIGHT_HOME: home } });
  assert.equal(db.location.kind, 'local');
  return { prefixes: db.listServices().map((s) => s.prefix), actions: db.meta.counts.actions };
}

async function refused(promise: Promise<unknown>, pattern: RegExp) {
  await assert.rejects(promise, (e: unknown) => {
    assert.ok(e instanceof UserError, String(e));
    assert.match(e.message, pattern);
    assert.match(e.message, /database in use is unchanged/);
    return true;
  });
}

describe('db update against a local server', () => {
  before(async () => {
    server = await startServer(SITE);
  });
  after(async () => server.close());
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'iamwright-update-'));
    server.faults.clear();
    server.files.clear();
    server.reset();
  });

  test('a full fetch downloads every linked page once and installs the database', async () => {
    const report = await updateDatabase(opts());
    assert.equal(report.outcome, 'installed');
    assert.deepEqual(server.downloads().sort(), SERVICE_PAGES);
    assert.deepEqual(localSummary().prefixes, ['elemental-support-content', 'launchwizard', 'sumerian']);
    assert.ok(
      report.notes.some((n) => n.includes('list_awsiot1-click.html')),
      'the table-less stub is reported',
    );
    assert.equal(existsSync(join(home, MARKER_FILE)), false);
  });

  test('a second update downloads no service page: every page answers 304', async () => {
    await updateDatabase(opts());
    server.reset();
    const report = await updateDatabase(opts());
    assert.equal(report.outcome, 'unchanged');
    assert.deepEqual(server.downloads(), []);
    const statuses = server.log.slice(-SERVICE_PAGES.length).map((l) => l.status);
    assert.deepEqual(statuses, [304, 304, 304, 304]);
  });

  test('editing the overrides file makes the next update rebuild, even with every page unchanged', async () => {
    const overridesFile = join(home, 'my-overrides.yml');
    writeFileSync(overridesFile, 'Write:\n  sumerian:\n    - Login\n');
    await updateDatabase(opts({ overridesFile }));
    assert.equal((await updateDatabase(opts({ overridesFile }))).outcome, 'unchanged');
    writeFileSync(overridesFile, 'Read:\n  sumerian:\n    - Login\n');
    server.reset();
    assert.equal((await updateDatabase(opts({ overridesFile }))).outcome, 'installed');
    assert.deepEqual(server.downloads(), []);
  });

  test('a server that ignores conditional requests sends the same bytes: still no rebuild', async () => {
    await updateDatabase(opts());
    server.conditional = false;
    try {
      const report = await updateDatabase(opts());
      assert.equal(report.outcome, 'unchanged');
      assert.equal(report.pagesDownloaded, 0);
    } finally {
      server.conditional = true;
    }
  });

  test('a page the index no longer lists leaves the cache, and an offline rebuild', async () => {
    await updateDatabase(opts());
    server.files.set(
      'reference_policies_actions-resources-contextkeys.html',
      readFileSync(join(SITE, 'reference_policies_actions-resources-contextkeys.html'), 'utf8').replace(
        /<li><a href="\.\/list_elementalsupportcontent\.html">.*<\/li>/,
        '',
      ),
    );
    await updateDatabase(opts({ maxDrop: 1 }));
    assert.deepEqual(localSummary().prefixes, ['launchwizard', 'sumerian']);
    assert.equal(existsSync(join(home, 'pages', 'list_elementalsupportcontent.html')), false);
    const offline = await updateDatabase(opts({ fetch: false, baseUrl: server.baseUrl }));
    assert.equal(offline.outcome, 'installed');
    assert.deepEqual(localSummary().prefixes, ['launchwizard', 'sumerian']);
  });

  test('a changed page is downloaded alone; the old database is kept for rollback', async () => {
    await updateDatabase(opts());
    const before = localSummary();
    const page = readFileSync(join(SITE, 'list_launchwizard.html'), 'utf8');
    const extraRow =
      '<tr><td><a id="launchwizard-NewThing"></a>NewThing</td><td>new</td><td>Write</td><td></td><td></td><td></td></tr>';
    server.files.set(
      'list_launchwizard.html',
      page.replace(/(<table[^>]*>[\s\S]*?<\/thead>)/, `$1${extraRow}`),
    );
    server.reset();
    const report = await updateDatabase(opts());
    assert.equal(report.outcome, 'installed');
    assert.deepEqual(server.downloads(), ['list_launchwizard.html']);
    assert.equal(localSummary().actions, before.actions + 1);
    assert.deepEqual(report.changes, {
      services: [0, 0],
      actions: [1, 0],
      resourceTypes: [0, 0],
      conditionKeys: [0, 0],
      changedActions: 0,
    });
    assert.equal(report.previousPath, localVersions(home).previous);
    assert.ok(localVersions(home).previous);
    rollbackDatabase(home);
    assert.equal(localSummary().actions, before.actions);
    rollbackDatabase(home); // and back again
    assert.equal(localSummary().actions, before.actions + 1);
  });

  test('a plain database folder already at IAMWRIGHT_HOME/db is kept as the previous version', async () => {
    const demo = {
      prefix: 'demo',
      name: 'Demo',
      authorizationUrl: '',
      actions: [],
      resourceTypes: [],
      conditionKeys: [],
    };
    writeDatabaseDir(join(home, 'db'), [demo], metaFor([demo], { overridesApplied: [] }));
    await updateDatabase(opts());
    assert.deepEqual(localSummary().prefixes, ['elemental-support-content', 'launchwizard', 'sumerian']);
    rollbackDatabase(home);
    assert.deepEqual(localSummary().prefixes, ['demo']);
  });

  test('a 500 that clears on retry is not a failure', async () => {
    server.faults.set('list_launchwizard.html', { kind: 'status', status: 500, times: 1 });
    const report = await updateDatabase(opts());
    assert.equal(report.outcome, 'installed');
  });

  describe('faults leave the old database intact', () => {
    let before: ReturnType<typeof localSummary>;
    beforeEach(async () => {
      await updateDatabase(opts());
      before = localSummary();
      server.reset();
    });
    const intact = () => {
      assert.deepEqual(localSummary(), before);
      assert.equal(existsSync(join(home, MARKER_FILE)), false, 'no marker after a handled failure');
    };

    test('persistent 500s', async () => {
      server.files.set('list_launchwizard.html', 'changed'); // force a real download attempt
      server.faults.set('list_launchwizard.html', { kind: 'status', status: 500 });
      await refused(updateDatabase(opts()), /list_launchwizard\.html \(HTTP 500 \(after 2 attempts\)\)/);
      intact();
    });

    test('a server that stops answering (timeout)', async () => {
      server.faults.set('list_amazonsumerian.html', { kind: 'hang' });
      await refused(updateDatabase(opts()), /list_amazonsumerian\.html \(timed out/);
      intact();
    });

    test('a truncated page', async () => {
      server.faults.set('list_elementalsupportcontent.html', { kind: 'truncate' });
      server.files.set(
        'list_elementalsupportcontent.html',
        readFileSync(join(SITE, 'list_elementalsupportcontent.html'), 'utf8') + ' ',
      );
      await refused(updateDatabase(opts()), /list_elementalsupportcontent\.html/);
      intact();
    });

    test('a page cut short that still arrives whole over HTTP', async () => {
      const page = readFileSync(join(SITE, 'list_launchwizard.html'), 'utf8');
      server.files.set('list_launchwizard.html', page.slice(0, page.length - 500));
      await refused(updateDatabase(opts()), /list_launchwizard\.html \(page is truncated/);
      intact();
    });

    test('a page replaced by a 301 stub, or by a page without tables', async () => {
      server.files.set(
        'list_amazonsumerian.html',
        readFileSync(join(SITE, 'list_awsiot1-click.html'), 'utf8'),
      );
      await refused(
        updateDatabase(opts()),
        /lost their tables since the last update: list_amazonsumerian\.html/,
      );
      intact();
      // Refused again next time: the refused page was not cached, so no 304 hides it.
      await refused(updateDatabase(opts()), /list_amazonsumerian\.html/);
    });

    test('a page the builder cannot parse', async () => {
      server.files.set(
        'list_launchwizard.html',
        '<html><body><table><tr><td>x</td></tr></table></body></html>',
      );
      await refused(
        updateDatabase(opts()),
        /could not be parsed: list_launchwizard\.html \(no service prefix\)/,
      );
      intact();
    });

    test('the server dying mid-update', async () => {
      server.faults.set('list_elementalsupportcontent.html', { kind: 'die' });
      await refused(updateDatabase(opts({ concurrency: 1 })), /could not be downloaded/);
      intact();
      server.close();
      server = await startServer(SITE); // for the tests after this one
    });

    test('counts dropping more than 2% refuse, unless --force', async () => {
      server.files.set(
        'reference_policies_actions-resources-contextkeys.html',
        '<html><body><a href="./list_amazonsumerian.html">x</a><a href="./list_launchwizard.html">y</a></body></html>',
      );
      await refused(updateDatabase(opts()), /services would fall from 3 to 2/);
      intact();
      const report = await updateDatabase(opts({ force: true }));
      assert.equal(report.outcome, 'installed');
      assert.equal(report.forced.length, 2); // services and actions
      assert.deepEqual(localSummary().prefixes, ['launchwizard', 'sumerian']);
    });
  });

  test('a database that cannot be written (disk full, permissions) leaves the old one in use', async () => {
    await updateDatabase(opts());
    const before = localSummary();
    const versions = () => readdirSync(join(home, 'versions')).sort();
    const kept = versions();
    server.files.set(
      'list_launchwizard.html',
      readFileSync(join(SITE, 'list_launchwizard.html'), 'utf8') + ' ',
    );
    // A record whose file cannot be created makes the write fail part-way, as a full disk would.
    const failing: typeof fakeBuilder = (pages, o) => {
      const out = fakeBuilder(pages, o);
      return { ...out, records: [...out.records, { ...out.records[0]!, prefix: 'no/such/dir' }] };
    };
    await assert.rejects(
      updateDatabase(opts({ builder: failing })),
      /could not write the new database .*\(ENOENT\); the database in use is unchanged/,
    );
    assert.deepEqual(localSummary(), before);
    assert.deepEqual(versions(), kept, 'no half-written version is left behind');
  });

  test('an interrupted update is reported next time, and the old database still works', async () => {
    await updateDatabase(opts());
    const before = localSummary();
    // The pid of a process that has exited stands for an update killed mid-way.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(
      join(home, MARKER_FILE),
      JSON.stringify({ pid: Number(dead.stdout), startedAt: '2026-06-14T00:00:00Z', source: 'x' }),
    );
    assert.match(interruptedUpdateNotice(home) ?? '', /did not finish/);
    assert.deepEqual(localSummary(), before);
    const lines: string[] = [];
    await updateDatabase(opts({ log: (l) => lines.push(l) }));
    assert.ok(
      lines.some((l) => /did not finish/.test(l)),
      lines.join('\n'),
    );
    assert.equal(interruptedUpdateNotice(home), undefined);
  });

  test('a truncated index page is refused before any service page is fetched', async () => {
    const index = readFileSync(join(SITE, 'reference_policies_actions-resources-contextkeys.html'), 'utf8');
    server.files.set(
      'reference_policies_actions-resources-contextkeys.html',
      index.slice(0, index.indexOf('list_elemental')),
    );
    await refused(
      updateDatabase(opts()),
      /reference_policies_actions-resources-contextkeys\.html: the index page is truncated/,
    );
    assert.deepEqual(server.downloads(), []);
  });

  test('an unreachable base URL is one clear error', async () => {
    await refused(
      updateDatabase(opts({ baseUrl: 'http://127.0.0.1:9/' })),
      /cannot download http:\/\/127\.0\.0\.1:9\/reference_policies/,
    );
  });
});
