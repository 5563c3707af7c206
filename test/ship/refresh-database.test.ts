/**
 * scripts/refresh-database.mjs end to end, against a loopback mirror (127.0.0.1) of ../shared/aws-docs in
 * which AWS "published" a new service, changed a page and retired a service: the rebuilt database reflects
 * the changes, the pull request's Markdown lists them, two refreshes give the same bytes, and a mirror that
 * lost many pages stops the refresh with the database untouched.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AWS_DOCS, hasAwsDocs, ROOT } from '../support/paths.js';
import { openDatabase } from '../../src/database/index.js';
import { servicePage } from '../database/fixtures.js';

const INDEX = 'reference_policies_actions-resources-contextkeys.html';
const OLD_DATE = 'Sun, 14 Jun 2026 00:00:00 GMT';
const NEW_DATE = 'Fri, 27 Nov 2026 09:30:00 GMT';
const skip = hasAwsDocs ? false : '../shared/aws-docs is absent';

/** Serves `files` (with NEW_DATE) over the AWS pages (with OLD_DATE); a null entry is a 404. */
async function mirror(files: Map<string, string | null>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').slice(1).split('?')[0] ?? '');
    let body: string | null | undefined = files.get(name);
    let date = NEW_DATE;
    if (body === undefined && /^[\w.-]+\.html$/.test(name)) {
      try {
        body = readFileSync(join(AWS_DOCS, name), 'utf8');
        date = OLD_DATE;
      } catch {
        body = null;
      }
    }
    if (body == null) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html', 'last-modified': date }).end(body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

function refresh(
  args: string[],
  githubOutput = '',
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'refresh-database.mjs'), ...args], {
      env: { ...process.env, GITHUB_OUTPUT: githubOutput },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** A copy of the bundled database to refresh (the repository's data/db is never touched). */
const made: string[] = [];
after(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
function bundledCopy(): string {
  const parent = mkdtempSync(join(tmpdir(), 'iamwright-refresh-test-'));
  made.push(parent);
  const dir = join(parent, 'db');
  cpSync(join(ROOT, 'data', 'db'), dir, { recursive: true });
  return dir;
}

const filesOf = (dir: string, sub = ''): string[] =>
  readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesOf(dir, join(sub, e.name)) : [join(sub, e.name)],
  );

/** The changes AWS made: one service added, one retired, one page changed. */
function changedMirror(): Map<string, string | null> {
  const index = readFileSync(join(AWS_DOCS, INDEX), 'utf8');
  const retired = '<li><a href="./list_awsactionrecommendations.html">AWS Action Recommendations</a></li>';
  assert.ok(index.includes(retired));
  const newIndex = index.replace(
    retired,
    '<li><a href="./list_amazonexampleledger.html">Amazon Example Ledger</a></li>',
  );
  const added = servicePage({
    service: 'Amazon Example Ledger',
    prefix: 'example-ledger',
    actions: [
      {
        name: 'CreateLedger',
        link: 'https://example.com/CreateLedger',
        level: 'Write',
        rows: [['ledger*', [], []]],
      },
      { name: 'ListLedgers', link: 'https://example.com/ListLedgers', level: 'List', rows: [['', [], []]] },
    ],
    resources: [['ledger', 'arn:${Partition}:example-ledger:${Region}:${Account}:ledger/${LedgerName}', []]],
    conditions: [['example-ledger:LedgerName', 'Filters by the ledger name', 'String']],
  });
  // eks-auth: AssumeRoleForPodIdentity goes from Read to Write, and a new action appears.
  const eks = readFileSync(join(AWS_DOCS, 'list_amazoneksauth.html'), 'utf8');
  const at = eks.indexOf('id="amazoneksauth-AssumeRoleForPodIdentity"');
  const level = eks.indexOf('Read', at);
  let changed = `${eks.slice(0, level)}Write${eks.slice(level + 'Read'.length)}`;
  const end = changed.indexOf('</table>', at);
  const row =
    '<tr><td id="amazoneksauth-DescribePodIdentity" tabindex="-1"><a href="https://example.com/D">DescribePodIdentity</a></td>' +
    '<td tabindex="-1">Grants permission to describe a pod identity</td><td tabindex="-1">Read</td>' +
    '<td tabindex="-1"></td><td tabindex="-1"></td><td tabindex="-1"></td></tr>\n';
  changed = changed.slice(0, end) + row + changed.slice(end);
  return new Map([
    [INDEX, newIndex],
    ['list_amazonexampleledger.html', added],
    ['list_amazoneksauth.html', changed],
  ]);
}

test('refresh from a mirror with pages added, changed and removed', { skip, timeout: 600_000 }, async () => {
  const { url, server } = await mirror(changedMirror());
  try {
    const db = bundledCopy();
    const body = join(db, '..', 'pr.md');
    const r = await refresh(['--base-url', url, '--db', db, '--body', body, '--skip-tests']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^refreshed .* from pages of 2026-11-27; pull request text in /m);

    const before = openDatabase(join(ROOT, 'data', 'db'));
    const after = openDatabase(db);
    assert.equal(after.meta.buildDate, '2026-11-27T09:30:00Z');
    assert.equal(after.meta.builtFrom, 'AWS Service Authorization Reference, 2026-11-27');
    assert.equal(after.service('action-recommendations'), undefined);
    const ledger = after.service('example-ledger')?.record;
    assert.deepEqual(
      ledger?.actions.map((a) => [a.name, a.accessLevel]),
      [
        ['CreateLedger', 'Write'],
        ['ListLedgers', 'List'],
      ],
    );
    const eks = after.service('eks-auth')?.record;
    const beforeEks = before.service('eks-auth')?.record;
    assert.equal(beforeEks?.actions.find((a) => a.name === 'AssumeRoleForPodIdentity')?.accessLevel, 'Read');
    assert.equal(eks?.actions.find((a) => a.name === 'AssumeRoleForPodIdentity')?.accessLevel, 'Write');
    assert.ok(eks?.actions.some((a) => a.name === 'DescribePodIdentity'));
    assert.equal(after.meta.counts.services, before.meta.counts.services);
    assert.equal(after.meta.counts.actions, before.meta.counts.actions - 1 + 2 + 1);
    // Every other service is as it was.
    const same = filesOf(join(db, 'services')).filter(
      (f) =>
        !['eks-auth.json', 'example-ledger.json'].includes(f) &&
        readFileSync(join(db, 'services', f)).equals(readFileSync(join(ROOT, 'data', 'db', 'services', f))),
    );
    assert.equal(same.length, before.meta.counts.services - 2);

    const md = readFileSync(body, 'utf8');
    assert.match(md, /^## IAM database changes$/m);
    assert.match(md, /^\| Services \| 1 \| 1 \|$/m);
    assert.match(md, /^\| Actions \| 3 \| 1 \|$/m);
    assert.match(md, /^- Added: `example-ledger`$/m);
    assert.match(md, /^- Removed: `action-recommendations`$/m);
    assert.match(md, /^- `eks-auth`: `DescribePodIdentity`$/m);
    assert.match(md, /^- `example-ledger`: `CreateLedger`, `ListLedgers`$/m);
    assert.match(md, /^\| `eks-auth:AssumeRoleForPodIdentity` \| Read \| Write \|$/m);
    assert.match(md, /^- `example-ledger`: `ledger`$/m);
    assert.match(md, /^- `example-ledger`: `example-ledger:LedgerName`$/m);

    // A second refresh of another copy from the same mirror gives the same bytes.
    const again = bundledCopy();
    const r2 = await refresh([
      '--base-url',
      url,
      '--db',
      again,
      '--body',
      join(again, '..', 'pr.md'),
      '--skip-tests',
    ]);
    assert.equal(r2.code, 0, r2.stderr);
    const files = filesOf(db).sort();
    assert.deepEqual(filesOf(again).sort(), files);
    for (const f of files) assert.ok(readFileSync(join(again, f)).equals(readFileSync(join(db, f))), f);
  } finally {
    server.close();
  }
});

test(
  'a mirror that lost a tenth of the services stops the refresh; the database is untouched',
  { skip, timeout: 600_000 },
  async () => {
    const index = readFileSync(join(AWS_DOCS, INDEX), 'utf8');
    let n = 0;
    // Every tenth service page is no longer linked.
    const shrunk = index.replace(/<li><a href="\.\/list_[\w-]+\.html">[^<]*<\/a><\/li>/g, (m) =>
      n++ % 10 === 0 ? '' : m,
    );
    const { url, server } = await mirror(new Map([[INDEX, shrunk]]));
    try {
      const db = bundledCopy();
      const r = await refresh(['--base-url', url, '--db', db, '--skip-tests']);
      assert.equal(r.code, 1);
      assert.match(
        r.stderr,
        /update refused, the database in use is unchanged: services would fall from \d+ to \d+/,
      );
      assert.match(
        r.stderr,
        /^refresh-database: db update refused the download \(above\); .* is unchanged$/m,
      );
      const files = filesOf(db).sort();
      assert.deepEqual(files, filesOf(join(ROOT, 'data', 'db')).sort());
      for (const f of files)
        assert.ok(readFileSync(join(db, f)).equals(readFileSync(join(ROOT, 'data', 'db', f))), f);
    } finally {
      server.close();
    }
  },
);

test('a broken page stops the refresh', { skip, timeout: 600_000 }, async () => {
  // The S3 page arrives cut short: half of it, without its closing </html>.
  const s3 = readFileSync(join(AWS_DOCS, 'list_amazons3.html'), 'utf8');
  const { url, server } = await mirror(new Map([['list_amazons3.html', s3.slice(0, s3.length >> 1)]]));
  try {
    const db = bundledCopy();
    const r = await refresh(['--base-url', url, '--db', db, '--skip-tests']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /update refused, the database in use is unchanged: .*list_amazons3\.html/);
    assert.match(r.stderr, /^refresh-database: db update refused the download/m);
    assert.ok(
      readFileSync(join(db, 'index.json')).equals(readFileSync(join(ROOT, 'data', 'db', 'index.json'))),
    );
  } finally {
    server.close();
  }
});

test(
  'pages served anew but saying the same: no change, the database keeps its bytes',
  { skip, timeout: 600_000 },
  async () => {
    // The EKS Auth page, unchanged, with a newer Last-Modified: only the build date would move.
    const eks = readFileSync(join(AWS_DOCS, 'list_amazoneksauth.html'), 'utf8');
    const { url, server } = await mirror(new Map([['list_amazoneksauth.html', eks]]));
    try {
      const db = bundledCopy();
      const out = join(db, '..', 'github-output');
      writeFileSync(out, '');
      const body = join(db, '..', 'pr.md');
      const r = await refresh(['--base-url', url, '--db', db, '--body', body], out);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^no change: .* is as it was \(pages of 2026-11-27\)$/m);
      // Without --skip-tests: nothing changed, so there was nothing to test.
      const files = filesOf(db).sort();
      assert.deepEqual(files, filesOf(join(ROOT, 'data', 'db')).sort());
      for (const f of files)
        assert.ok(readFileSync(join(db, f)).equals(readFileSync(join(ROOT, 'data', 'db', f))), f);
      assert.equal(readFileSync(out, 'utf8'), `changed=false\ndate=2026-11-27\nbody=${body}\n`);
      assert.match(readFileSync(body, 'utf8'), /^No differences\.$/m);
    } finally {
      server.close();
    }
  },
);
