import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { metaFor, openDatabase, writeDatabaseDir, type ServiceRecord } from '../../src/database/index.js';
import { staleLocalNotice } from '../../src/database/update/status.js';
import { MARKER_FILE } from '../../src/database/update/marker.js';
import { CLI } from '../support/paths.js';
import { runCli, type CliResult } from '../support/cli.js';
import { startServer, type TestServer } from './server.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/update/', import.meta.url));
const SR_DIR = join(FIXTURES, 'service-reference');

/** Runs the CLI without blocking this process, whose test server must keep answering. */
function runCliAsync(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

test('initialize --help and db update --help describe their options', () => {
  const init = runCli(['initialize', '--help']);
  assert.equal(init.code, 0, init.stderr);
  for (const flag of ['--fetch', '--build', '--access-level-overrides-file', '--base-url'])
    assert.ok(init.stdout.includes(flag), flag);
  const update = runCli(['db', 'update', '--help']);
  assert.equal(update.code, 0, update.stderr);
  assert.match(update.stdout, /--force/);
});

test('initialize creates the folder with a copy of the overrides file it is given', () => {
  const home = join(mkdtempSync(join(tmpdir(), 'iamwright-init-')), 'home');
  const overrides = join(home, '..', 'mine.yml');
  writeFileSync(overrides, 'Read:\n  demo:\n    - GetThing\n');
  const r = runCli(['initialize', '--access-level-overrides-file', overrides], {
    env: { IAMWRIGHT_HOME: home },
  });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    readFileSync(join(home, 'access-level-overrides.yml'), 'utf8'),
    readFileSync(overrides, 'utf8'),
  );
  const bad = runCli(['db', 'update', '--concurrency', '0'], { env: { IAMWRIGHT_HOME: home } });
  assert.equal(bad.code, 1);
  assert.match(bad.stderr, /^iamwright: --concurrency must be a whole number >= 1, got '0'\n$/);
});

describe('db update, info and rollback from the command line', () => {
  let server: TestServer;
  let home: string;
  let env: NodeJS.ProcessEnv;
  const update = () =>
    runCliAsync(
      [
        'db',
        'update',
        '--source',
        'service-reference',
        '--service-reference-url',
        `${server.baseUrl}sr/`,
        '--retries',
        '0',
      ],
      env,
    );

  before(async () => {
    server = await startServer();
    const names = readdirSync(SR_DIR).map((f) => f.replace(/\.json$/, ''));
    server.files.set(
      'sr/',
      JSON.stringify(names.map((n) => ({ service: n, url: `${server.baseUrl}sr/${n}.json` }))),
    );
    for (const n of names) server.files.set(`sr/${n}.json`, readFileSync(join(SR_DIR, `${n}.json`), 'utf8'));
    home = join(mkdtempSync(join(tmpdir(), 'iamwright-cli-')), 'home');
    env = { IAMWRIGHT_HOME: home, IAMWRIGHT_DB: '' };
  });
  after(async () => server.close());

  test('update installs, info shows it in use, a second update is a no-op, rollback needs a previous one', async () => {
    const first = await update();
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      /^installed .*: 3 services, 9 actions, 3 resource types, 2 condition keys; 3 page\(s\) downloaded, 0 unchanged\n$/,
    );
    // Not a terminal: plain progress lines on stderr.
    assert.match(first.stderr, /fetching Service Reference: 3 to fetch/);

    const info = JSON.parse(runCli(['db', 'info', '--fmt', 'json'], { env }).stdout);
    assert.equal(info.location.kind, 'local');
    assert.equal(info.location.path, join(home, 'db'));
    assert.deepEqual(info.counts, { services: 3, actions: 9, resourceTypes: 3, conditionKeys: 2 });
    assert.equal(info.overridesFile, null);
    const text = runCli(['db', 'info'], { env });
    assert.match(text.stdout, /^source: +local \(local database under /m);

    const second = await update();
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /^local database is up to date \(0 page\(s\) downloaded, 3 unchanged\)/);

    const rollback = runCli(['db', 'rollback'], { env });
    assert.equal(rollback.code, 1);
    assert.match(rollback.stderr, /^iamwright: no previous database to roll back to under /);
  });

  test('a failed update names the page and keeps the database in use', async () => {
    server.files.set('sr/newsvc.json', '{"Name": "newsvc", "Actions": [');
    const r = await update();
    server.files.set('sr/newsvc.json', readFileSync(join(SR_DIR, 'newsvc.json'), 'utf8'));
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /iamwright: update refused, the database in use is unchanged: 1 page\(s\) could not be downloaded: newsvc\.json \(document is not valid JSON/,
    );
    assert.equal(JSON.parse(runCli(['db', 'info', '--fmt', 'json'], { env }).stdout).counts.services, 3);
  });

  test('an interrupted update is reported by the next command', () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(
      join(home, MARKER_FILE),
      JSON.stringify({ pid: Number(dead.stdout), startedAt: '2026-06-14T10:00:00Z', source: 'x' }),
    );
    const r = runCli(['db', 'info'], { env });
    assert.equal(r.code, 0);
    assert.match(
      r.stderr,
      /^iamwright: warning: the database update started 2026-06-14T10:00:00Z .* did not finish; the database in use is the one from before it/m,
    );
    assert.equal(existsSync(join(home, 'db', 'index.json')), true);
  });
});

test('a local database older than the bundled one is reported', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-stale-'));
  const rec: ServiceRecord = {
    prefix: 'demo',
    name: 'Demo',
    authorizationUrl: '',
    actions: [],
    resourceTypes: [],
    conditionKeys: [],
  };
  writeDatabaseDir(
    join(dir, 'bundled'),
    [rec],
    metaFor([rec], { buildDate: '2026-06-14T00:00:00Z', overridesApplied: [] }),
  );
  writeDatabaseDir(
    join(dir, 'old'),
    [rec],
    metaFor([rec], { buildDate: '2026-01-01T00:00:00Z', overridesApplied: [] }),
  );
  writeDatabaseDir(
    join(dir, 'new'),
    [rec],
    metaFor([rec], { buildDate: '2026-07-01T00:00:00Z', overridesApplied: [] }),
  );
  const local = (p: string) =>
    openDatabase(join(dir, p), { kind: 'local', path: join(dir, p), reason: 'test' });
  assert.match(
    staleLocalNotice(local('old'), join(dir, 'bundled')) ?? '',
    /built 2026-01-01T00:00:00Z, older than the bundled one \(2026-06-14/,
  );
  assert.equal(staleLocalNotice(local('new'), join(dir, 'bundled')), undefined);
  const chosen = openDatabase(join(dir, 'old'), { kind: 'option', path: '', reason: '--db' });
  assert.equal(
    staleLocalNotice(chosen, join(dir, 'bundled')),
    undefined,
    'an explicitly chosen database is not second-guessed',
  );
});

test('initialize --fetch downloads the pages; initialize --build then builds without the network', async () => {
  const server = await startServer(join(FIXTURES, 'site'));
  const home = join(mkdtempSync(join(tmpdir(), 'iamwright-init-build-')), 'home');
  const env = { IAMWRIGHT_HOME: home, IAMWRIGHT_DB: '' };
  const fetched = await runCliAsync(['initialize', '--fetch', '--base-url', server.baseUrl], env);
  await server.close();
  assert.equal(fetched.code, 0, fetched.stderr);
  assert.match(fetched.stdout, /^fetched into .*: 4 page\(s\) downloaded, 0 unchanged$/m);
  assert.equal(existsSync(join(home, 'db')), false, 'no database before --build');
  const built = await runCliAsync(['initialize', '--build', '--base-url', server.baseUrl], env);
  assert.equal(built.code, 0, built.stderr);
  assert.match(built.stdout, /^installed .*: 3 services, 11 actions/m);
  const info = JSON.parse(runCli(['db', 'info', '--fmt', 'json'], { env }).stdout);
  assert.equal(info.location.kind, 'local');
  // The overrides copied into the folder are the ones the build applied.
  assert.equal(info.overridesFile, join(home, 'access-level-overrides.yml'));
});

test("the project's builder: a stub page is a note, a page with tables it cannot read is a parse failure", async () => {
  const { loadBuilder } = await import('../../src/database/update/builder.js');
  const build = await loadBuilder();
  const out = build(
    [
      {
        name: 'list_awsiot1-click.html',
        html: readFileSync(join(FIXTURES, 'site', 'list_awsiot1-click.html'), 'utf8'),
      },
      { name: 'list_broken.html', html: '<html><body><table><tr><td>x</td></tr></table></body></html>' },
      {
        name: 'list_launchwizard.html',
        html: readFileSync(join(FIXTURES, 'site', 'list_launchwizard.html'), 'utf8'),
      },
    ],
    { overridesFile: null },
  );
  assert.deepEqual(
    out.records.map((r) => r.prefix),
    ['launchwizard'],
  );
  assert.deepEqual(
    out.parseFailures.map((f) => f.name),
    ['list_broken.html'],
  );
  assert.ok(
    out.notes.some((n) => n.startsWith('list_awsiot1-click.html: skipped')),
    out.notes.join('\n'),
  );
});
