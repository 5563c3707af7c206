import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
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
  writeFileSync(overrides, 'demo:\n  Read:\n    - GetThing\n');
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
  assert.match(bad.stderr, /^iamwright: --concurrency must be a whole number from 1 to 64, got '0'\n$/);
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
  // Another URL than the pages came from is refused; none means the one they came from.
  const elsewhere = await runCliAsync(['initialize', '--build', '--base-url', 'http://127.0.0.1:1/x/'], env);
  assert.equal(elsewhere.code, 1);
  assert.match(
    elsewhere.stderr,
    /were downloaded from http:\/\/127\.0\.0\.1:\d+\/, not http:\/\/127\.0\.0\.1:1\/x\/; build without --base-url, or fetch from/,
  );
  const built = await runCliAsync(['initialize', '--build'], env);
  assert.equal(built.code, 0, built.stderr);
  assert.match(built.stdout, /^installed .*: 3 services, 11 actions/m);
  const info = JSON.parse(runCli(['db', 'info', '--fmt', 'json'], { env }).stdout);
  assert.equal(info.location.kind, 'local');
  assert.equal(info.builtFrom, server.baseUrl);
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

describe('bad input to db update, initialize and rollback: one line, exit 1, nothing written', () => {
  const freshHome = () => join(mkdtempSync(join(tmpdir(), 'iamwright-cli-bad-')), 'home');

  test('option values out of range, and URLs that are not URLs', () => {
    const home = freshHome();
    const cases: [string[], string][] = [
      [['--retries', '1000000'], "--retries must be a whole number from 0 to 10, got '1000000'"],
      [['--timeout', '1000000000000'], "--timeout must be a whole number from 1 to 600, got '1000000000000'"],
      [['--timeout', '0'], "--timeout must be a whole number from 1 to 600, got '0'"],
      [['--concurrency', '65'], "--concurrency must be a whole number from 1 to 64, got '65'"],
      [['--base-url', 'not a url'], "--base-url: 'not a url' is not a URL"],
      [['--base-url', 'http://[::1'], "--base-url: 'http://[::1' is not a URL"],
      [
        ['--base-url', 'file:///srv/mirror/'],
        "--base-url: 'file:///srv/mirror/' is not an http:// or https:// URL",
      ],
      [['--service-reference-url', 'x'], "--service-reference-url: 'x' is not a URL"],
    ];
    for (const [args, message] of cases) {
      for (const command of [
        ['db', 'update'],
        ['initialize', '--fetch'],
      ]) {
        const r = runCli([...command, ...args], { env: { IAMWRIGHT_HOME: home } });
        assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
        assert.equal(r.stderr, `iamwright: ${message}\n`);
      }
    }
    assert.equal(existsSync(home), false, 'initialize created nothing');
  });

  test('the largest allowed values pass the checks (the update then fails on the network, at once)', () => {
    const r = runCli(
      [
        'db',
        'update',
        '--retries',
        '10',
        '--timeout',
        '600',
        '--concurrency',
        '64',
        '--base-url',
        'http://127.0.0.1:9/',
      ],
      { env: { IAMWRIGHT_HOME: freshHome() } },
    );
    assert.equal(r.code, 1);
    assert.match(r.stderr, /cannot download http:\/\/127\.0\.0\.1:9\/reference_policies.*: bad port;/);
  });

  test('credentials in --base-url never reach stderr', async () => {
    const server = await startServer(join(FIXTURES, 'site'));
    try {
      server.faults.set('reference_policies_actions-resources-contextkeys.html', {
        kind: 'status',
        status: 401,
      });
      const url = `http://user:s3cr3t@${server.baseUrl.slice('http://'.length)}`;
      const r = await runCliAsync(['db', 'update', '--base-url', url], { IAMWRIGHT_HOME: freshHome() });
      assert.equal(r.code, 1);
      assert.match(
        r.stderr,
        /cannot download http:\/\/127\.0\.0\.1:\d+\/reference_policies_actions-resources-contextkeys\.html: HTTP 401;/,
      );
      assert.doesNotMatch(r.stderr, /s3cr3t/);
      assert.equal(server.log.length, 1, 'a 401 is not retried');
    } finally {
      await server.close();
    }
  });

  test('IAMWRIGHT_HOME naming a file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'iamwright-cli-bad-')), 'f');
    writeFileSync(file, 'x');
    for (const args of [
      ['db', 'update', '--base-url', 'http://127.0.0.1:9/'],
      ['initialize'],
      ['db', 'rollback'],
    ]) {
      const r = runCli(args, { env: { IAMWRIGHT_HOME: file } });
      assert.equal(r.code, 1, args.join(' '));
      assert.equal(r.stderr, `iamwright: IAMWRIGHT_HOME ${file} is not a folder\n`, args.join(' '));
    }
    const info = runCli(['db', 'info'], { env: { IAMWRIGHT_HOME: file, IAMWRIGHT_DB: '' } });
    assert.equal(info.code, 0);
    assert.equal(
      info.stderr,
      `iamwright: warning: IAMWRIGHT_HOME ${file} is not a folder, so the bundled database is used\n`,
    );
  });

  test('a local database link to a version that is gone: db info warns and says so', () => {
    const home = freshHome();
    mkdirSync(join(home, 'versions'), { recursive: true });
    symlinkSync(join('versions', 'gone'), join(home, 'db'));
    const r = runCli(['db', 'info'], { env: { IAMWRIGHT_HOME: home, IAMWRIGHT_DB: '' } });
    assert.equal(r.code, 0);
    const problem = `the local database ${join(home, 'db')} is damaged (it links to versions/gone, which does not exist)`;
    assert.equal(
      r.stderr,
      `iamwright: warning: ${problem}, so the bundled one is used; run 'iamwright db update' to replace it\n`,
    );
    assert.match(
      r.stdout,
      new RegExp(
        `^source: +bundled \\(no --db or IAMWRIGHT_DB, and ${problem.replace(/[()/.]/g, '\\$&')}`,
        'm',
      ),
    );
  });

  test('initialize refuses an invalid overrides file and keeps the good copy', () => {
    const home = freshHome();
    const good = join(home, '..', 'good.yml');
    const bad = join(home, '..', 'bad.yml');
    writeFileSync(good, 'demo:\n  Read:\n    - GetThing\n');
    writeFileSync(bad, 's3:\n  Admin: [GetObject]\n');
    assert.equal(
      runCli(['initialize', '--access-level-overrides-file', good], { env: { IAMWRIGHT_HOME: home } }).code,
      0,
    );
    const r = runCli(['initialize', '--access-level-overrides-file', bad], { env: { IAMWRIGHT_HOME: home } });
    assert.equal(r.code, 1);
    assert.match(
      r.stderr,
      /^iamwright: .*bad\.yml: s3: unknown access level 'Admin' \(allowed: Read, Write, List, Tagging, Permissions management\)\n$/,
    );
    assert.equal(r.stdout, '');
    assert.equal(readFileSync(join(home, 'access-level-overrides.yml'), 'utf8'), readFileSync(good, 'utf8'));
  });

  test('rollback is refused while an update is running', async () => {
    const home = freshHome();
    mkdirSync(home, { recursive: true });
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(
        join(home, MARKER_FILE),
        JSON.stringify({ pid: running.pid, startedAt: '2026-06-14T10:00:00Z', source: 'x' }),
      );
      const r = runCli(['db', 'rollback'], { env: { IAMWRIGHT_HOME: home } });
      assert.equal(r.code, 1);
      assert.equal(
        r.stderr,
        `iamwright: a database update is running (pid ${running.pid}, started 2026-06-14T10:00:00Z); roll back once it has finished\n`,
      );
    } finally {
      running.kill();
    }
  });

  test('a malformed database given with --db is one line and exit 1, for every command', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamwright-cli-bad-'));
    const file = join(dir, 'export.json');
    writeFileSync(
      file,
      JSON.stringify({ format: 'iamwright-db', schemaVersion: '1', meta: {}, services: [{ prefix: 's3' }] }),
    );
    const template = join(dir, 't.yml');
    writeFileSync(template, 'mode: actions\nactions:\n  - s3:GetObject\n');
    for (const args of [
      ['db', 'info'],
      ['write-policy', '-i', template],
      ['query', 'action-table', '-s', 's3'],
    ]) {
      const r = runCli(['--db', file, ...args]);
      assert.equal(r.code, 1, args.join(' '));
      // write-policy puts the template's name first, its own way of giving context.
      assert.match(
        r.stderr,
        /^iamwright: (.*t\.yml: )?.*export\.json is not a valid database: services\[0\]\.name: expected a string, found missing\n$/,
      );
    }
  });
});
