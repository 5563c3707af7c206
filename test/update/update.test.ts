import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
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

  describe('a service that loses much of its data', () => {
    beforeEach(async () => {
      await updateDatabase(opts());
      server.reset();
    });
    // maxDrop: 1 switches the whole-database check off, so that only the per-service one speaks.
    const lose = (actions: number) =>
      server.files.set(
        'list_launchwizard.html',
        withoutActions(readFileSync(join(SITE, 'list_launchwizard.html'), 'utf8'), actions),
      );

    test('losing 5 of its 8 actions is refused, naming it; --force installs anyway', async () => {
      const before = localSummary();
      lose(5);
      await refused(
        updateDatabase(opts({ maxDrop: 1 })),
        /1 service\(s\) would lose 20% or more \(and at least 5\) of their actions, resource types or condition keys: launchwizard \(-5 of 8 actions\)/,
      );
      assert.deepEqual(localSummary(), before);
      const lines: string[] = [];
      const report = await updateDatabase(opts({ maxDrop: 1, force: true, log: (l) => lines.push(l) }));
      assert.equal(report.outcome, 'installed');
      assert.deepEqual(report.forced, [
        '1 service(s) would lose 20% or more (and at least 5) of their actions, resource types or condition keys: launchwizard (-5 of 8 actions)',
      ]);
      assert.ok(
        lines.some((l) => l.startsWith('warning: installing despite: 1 service(s)')),
        lines.join('\n'),
      );
      assert.equal(localSummary().actions, before.actions - 5);
    });

    test('losing 1 action (a legitimate removal) installs without a word', async () => {
      lose(1);
      const report = await updateDatabase(opts({ maxDrop: 1 }));
      assert.equal(report.outcome, 'installed');
      assert.deepEqual(report.forced, []);
      assert.deepEqual(report.changes?.actions, [0, 1]);
    });
  });

  test('a refusal over many pages names three; --verbose lists every one through the log', async () => {
    const missing = Array.from({ length: 12 }, (_, i) => `list_missing${String(i).padStart(2, '0')}.html`);
    server.files.set(
      'reference_policies_actions-resources-contextkeys.html',
      `<html><body>${missing.map((m) => `<a href="./${m}">x</a>`).join('')}</body></html>`,
    );
    await refused(
      updateDatabase(opts({ retries: 0 })),
      /12 page\(s\) could not be downloaded: list_missing00\.html \(HTTP 404\), list_missing01\.html \(HTTP 404\), list_missing02\.html \(HTTP 404\) and 9 more \(--verbose lists them all\)\. Run again later/,
    );
    const lines: string[] = [];
    await refused(
      updateDatabase(opts({ retries: 0, verbose: true, log: (l) => lines.push(l) })),
      /and 9 more \(listed above\)/,
    );
    assert.deepEqual(lines, [
      '12 page(s) could not be downloaded:',
      ...missing.map((m) => `  ${m} (HTTP 404)`),
    ]);
  });

  test('credentials in the base URL are sent to the mirror, and never printed or stored', async () => {
    const withCredentials = `http://reader:s3cr3t@${server.baseUrl.slice('http://'.length)}`;
    const lines: string[] = [];
    const start = server.log.length;
    const report = await updateDatabase(opts({ baseUrl: withCredentials, log: (l) => lines.push(l) }));
    assert.equal(report.outcome, 'installed');
    const expected = `Basic ${Buffer.from('reader:s3cr3t').toString('base64')}`;
    const requests = server.log.slice(start);
    assert.ok(requests.length > 0 && requests.every((l) => l.authorization === expected));
    assert.equal(report.baseUrl, server.baseUrl);
    const stored = filesUnder(home).filter((f) => readFileSync(f, 'utf8').includes('s3cr3t'));
    assert.deepEqual(stored, [], 'no file under IAMWRIGHT_HOME holds the password');
    assert.doesNotMatch(JSON.stringify(report) + lines.join('\n'), /s3cr3t/);
    server.faults.set('reference_policies_actions-resources-contextkeys.html', {
      kind: 'status',
      status: 403,
    });
    await assert.rejects(updateDatabase(opts({ baseUrl: withCredentials })), (e: Error) => {
      assert.match(e.message, /cannot download http:\/\/127\.0\.0\.1:\d+\/reference_policies.*: HTTP 403/);
      assert.doesNotMatch(e.message, /s3cr3t|reader/);
      return true;
    });
  });

  test('a build without network reads the pages from where they were fetched; another URL is refused', async () => {
    await updateDatabase(opts({ build: false }));
    const report = await updateDatabase(opts({ fetch: false, baseUrl: undefined }));
    assert.equal(report.outcome, 'installed');
    assert.equal(report.baseUrl, server.baseUrl);
    assert.equal(selectDatabase({ env: { IAMWRIGHT_HOME: home } }).meta.builtFrom, server.baseUrl);
    await assert.rejects(
      updateDatabase(opts({ fetch: false, baseUrl: 'http://127.0.0.1:1/elsewhere/' })),
      new RegExp(`were downloaded from ${server.baseUrl}, not http://127\\.0\\.0\\.1:1/elsewhere/`),
    );
  });

  test('bad options are refused before any request: a URL, a timeout, a home that is a file', async () => {
    const start = server.log.length;
    await assert.rejects(
      updateDatabase(opts({ baseUrl: 'not a url' })),
      /^UserError: baseUrl: 'not a url' is not a URL$/,
    );
    await assert.rejects(
      updateDatabase(opts({ timeoutMs: 1e15 })),
      /timeoutMs must be a whole number from 1 to 600000/,
    );
    await assert.rejects(
      updateDatabase(opts({ retries: 1e6 })),
      /retries must be a whole number from 0 to 10/,
    );
    const file = join(home, 'a-file');
    writeFileSync(file, 'x');
    await assert.rejects(
      updateDatabase(opts({ home: file })),
      (e: unknown) => e instanceof UserError && e.message === `IAMWRIGHT_HOME ${file} is not a folder`,
    );
    assert.deepEqual(server.log.slice(start), [], 'not even the index was asked for');
  });

  test('a stray file where the database link goes is kept, and the update refused before downloading', async () => {
    writeFileSync(join(home, 'db'), 'mine');
    const start = server.log.length;
    await assert.rejects(
      updateDatabase(opts()),
      /db is neither a database folder nor a link to one; move it away/,
    );
    assert.equal(readFileSync(join(home, 'db'), 'utf8'), 'mine');
    assert.deepEqual(server.log.slice(start), []);
  });

  test('rollback is refused while an update runs, and allowed once it is over', async () => {
    await updateDatabase(opts());
    server.files.set(
      'list_launchwizard.html',
      readFileSync(join(SITE, 'list_launchwizard.html'), 'utf8') + ' ',
    );
    await updateDatabase(opts());
    // A live process other than this one stands for the running update.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(
        join(home, MARKER_FILE),
        JSON.stringify({ pid: other.pid, startedAt: '2026-06-14T00:00:00Z', source: 'x' }),
      );
      const current = localVersions(home).current;
      assert.throws(
        () => rollbackDatabase(home),
        /^UserError: a database update is running \(pid \d+, started 2026-06-14T00:00:00Z\); roll back once it has finished$/,
      );
      assert.equal(localVersions(home).current, current);
    } finally {
      other.kill();
      await new Promise((r) => other.once('exit', r));
    }
    const before = localVersions(home);
    rollbackDatabase(home); // the marker's process is gone: an interrupted update does not block rollback
    assert.equal(localVersions(home).current, before.previous);
  });
});

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? e.path, e.name));
}

/** The page with its first `count` action rows taken out (rows as the fake builder reads them). */
function withoutActions(page: string, count: number): string {
  const start = page.indexOf('<table');
  const end = page.indexOf('</table>');
  let removed = 0;
  const table = page
    .slice(start, end)
    .replace(/<tr>\s*<td>[\s\S]*?<\/tr>/g, (row) => (removed++ < count ? '' : row));
  assert.equal(removed >= count, true);
  return page.slice(0, start) + table + page.slice(end);
}
