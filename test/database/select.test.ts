/** A local database that is there but broken is never skipped in silence. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localDatabaseProblem, selectDatabase } from '../../src/database/select.js';
import { databaseNotices } from '../../src/database/update/status.js';
import { metaFor, writeDatabaseDir, type ServiceRecord } from '../../src/database/index.js';

const rec: ServiceRecord = {
  prefix: 'demo',
  name: 'Demo',
  authorizationUrl: '',
  actions: [],
  resourceTypes: [],
  conditionKeys: [],
};

function home(setup: (h: string) => void = () => {}): NodeJS.ProcessEnv {
  const h = join(mkdtempSync(join(tmpdir(), 'iamwright-select-')), 'home');
  mkdirSync(join(h, 'versions'), { recursive: true });
  setup(h);
  return { IAMWRIGHT_HOME: h };
}

test('a damaged local database: the bundled one is used, and the notice and reason say why', () => {
  const cases: [string, (h: string) => void, RegExp][] = [
    [
      'a link to a version that is gone',
      (h) => symlinkSync(join('versions', 'gone'), join(h, 'db')),
      /the local database .*db is damaged \(it links to versions\/gone, which does not exist\), so the bundled one is used; run 'iamwright db update' to replace it$/,
    ],
    [
      'a stray file',
      (h) => writeFileSync(join(h, 'db'), 'x'),
      /is damaged \(it is not a folder\), so the bundled one is used; move it away and run 'iamwright db update'/,
    ],
    ['a folder without index.json', (h) => mkdirSync(join(h, 'db')), /is damaged \(it has no index\.json\)/],
  ];
  for (const [what, setup, pattern] of cases) {
    const env = home(setup);
    const db = selectDatabase({ env });
    assert.equal(db.location.kind, 'bundled', what);
    assert.match(db.location.reason, pattern, what);
    assert.equal(databaseNotices(db, env).filter((n) => pattern.test(n)).length, 1, what);
  }
});

test('IAMWRIGHT_HOME naming a file is reported, not mistaken for an empty home', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-select-'));
  writeFileSync(join(dir, 'file'), 'x');
  const env = { IAMWRIGHT_HOME: join(dir, 'file') };
  assert.equal(
    localDatabaseProblem(env),
    `IAMWRIGHT_HOME ${join(dir, 'file')} is not a folder, so the bundled database is used`,
  );
  assert.equal(databaseNotices(selectDatabase({ env }), env).length, 1);
});

test('no local database (no home, or an empty one) and a healthy one: no notice', () => {
  const none = { IAMWRIGHT_HOME: join(mkdtempSync(join(tmpdir(), 'iamwright-select-')), 'absent') };
  const empty = home();
  for (const env of [none, empty]) {
    assert.equal(localDatabaseProblem(env), undefined);
    const db = selectDatabase({ env });
    assert.equal(db.location.reason, 'no --db, IAMWRIGHT_DB or local database');
    assert.deepEqual(databaseNotices(db, env), []);
  }
  const healthy = home((h) =>
    writeDatabaseDir(join(h, 'db'), [rec], metaFor([rec], { overridesApplied: [] })),
  );
  assert.equal(localDatabaseProblem(healthy), undefined);
  assert.equal(selectDatabase({ env: healthy }).location.kind, 'local');
});
