#!/usr/bin/env node
// Refreshes the bundled database (data/db) from AWS's Service Authorization Reference, for the weekly
// workflow .github/workflows/refresh-database.yml (docs/updating.md describes it):
//
//   1. downloads the pages with `iamwright db update`, so with its validation: a page that fails, a page
//      that lost its tables, a count that falls by more than 2% or a service that loses a fifth of its
//      actions stops the refresh, compared with the database being refreshed;
//   2. rebuilds data/db from those pages with `db build`, recording the newest Last-Modified date the pages
//      were served with, so that two refreshes from the same pages give the same bytes;
//   3. runs the tests (npm test) unless --skip-tests;
//   4. writes `db diff --fmt markdown` (old data/db against the new one) to --body, the pull request's text.
//
// Usage: node scripts/refresh-database.mjs [--base-url URL] [--db DIR] [--body FILE] [--skip-tests]
// Needs a build (npm run build). Exit 0: refreshed (or nothing changed); 1: stopped, with the reason.
// Under GitHub Actions it also writes the outputs changed=true|false, date=YYYY-MM-DD and body=FILE.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'bin', 'iamwright.cjs');

function stop(message) {
  process.stderr.write(`refresh-database: ${message}\n`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    options: {
      'base-url': { type: 'string' },
      db: { type: 'string', default: join(ROOT, 'data', 'db') },
      body: { type: 'string' },
      'skip-tests': { type: 'boolean', default: false },
    },
    strict: true,
  }).values;
} catch (e) {
  stop(`${e.message} (usage: refresh-database.mjs [--base-url URL] [--db DIR] [--body FILE] [--skip-tests])`);
}
const dbDir = resolve(args.db);
const work = mkdtempSync(join(tmpdir(), 'iamwright-refresh-'));
const home = join(work, 'home');
const old = join(work, 'old-db');
const body = resolve(args.body ?? join(work, 'pull-request.md'));
// However the refresh ends, the downloaded pages and the copies go (the description stays).
process.on('exit', () => {
  rmSync(home, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
});

if (!existsSync(join(ROOT, 'dist', 'cli-main.cjs')))
  stop('iamwright is not built: run `npm run build` first');
if (!existsSync(join(dbDir, 'index.json'))) stop(`${dbDir} is not an iamwright database (no index.json)`);

/** The CLI as users run it; stderr (progress, notes, refusals) goes straight to ours. */
function iamwright(argv, { capture = false } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...argv], {
    cwd: ROOT,
    // Only this home and this database: nothing of the user's ~/.iamwright or IAMWRIGHT_DB.
    env: { ...process.env, IAMWRIGHT_HOME: home, IAMWRIGHT_DB: '', IAMWRIGHT_ACCESS_LEVEL_OVERRIDES: '' },
    stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? 1, stdout: r.stdout ?? '' };
}

// 1. The database being refreshed becomes the local database that `db update` validates against (a plain
// folder at IAMWRIGHT_HOME/db is read as one), so a fall in counts is measured from what we ship.
cpSync(dbDir, join(home, 'db'), { recursive: true });
const update = iamwright(['db', 'update', ...(args['base-url'] ? ['--base-url', args['base-url']] : [])]);
if (update.code !== 0) stop(`db update refused the download (above); ${dbDir} is unchanged`);

// 2. The pages' date: the newest Last-Modified among the service pages, as the server sent it.
const pagesDir = join(home, 'pages');
const state = JSON.parse(readFileSync(join(pagesDir, 'cache-state.json'), 'utf8'));
const dates = Object.entries(state.pages ?? {})
  .filter(([name]) => /^list_.*\.html$/.test(name))
  .map(([, v]) => Date.parse(v.lastModified ?? ''))
  .filter((t) => !Number.isNaN(t));
let newest;
if (dates.length) newest = new Date(Math.max(...dates));
else {
  // No page said when it changed: the day of the refresh (a second refresh that day gives the same bytes).
  newest = new Date(new Date().toISOString().slice(0, 10));
  process.stderr.write('refresh-database: note: no page had a Last-Modified date; using today\n');
}
const buildDate = newest.toISOString().replace(/\.\d{3}Z$/, 'Z');
const day = buildDate.slice(0, 10);
cpSync(dbDir, old, { recursive: true });
const build = iamwright([
  'db',
  'build',
  '--docs',
  pagesDir,
  '--out',
  dbDir,
  '--build-date',
  buildDate,
  '--built-from',
  `AWS Service Authorization Reference, ${day}`,
]);
if (build.code !== 0) stop(`db build failed (above); ${dbDir} may be incomplete: restore it from git`);

// What is shipped must be what db update validated: the same records, service by service.
const validated = join(home, 'db', 'services');
const rebuilt = join(dbDir, 'services');
const same =
  JSON.stringify(readdirSync(validated).sort()) === JSON.stringify(readdirSync(rebuilt).sort()) &&
  readdirSync(rebuilt).every((f) => readFileSync(join(validated, f)).equals(readFileSync(join(rebuilt, f))));
if (!same) stop(`the rebuilt ${dbDir} differs from the database db update validated; not refreshing`);

// Only the build date moved (AWS touched pages without changing what they say): keep data/db as it is.
const files = (dir) => (existsSync(dir) ? readdirSync(dir).sort() : []);
const changedServices = [...new Set([...files(join(old, 'services')), ...files(rebuilt)])].filter(
  (f) =>
    !existsSync(join(old, 'services', f)) ||
    !existsSync(join(rebuilt, f)) ||
    !readFileSync(join(old, 'services', f)).equals(readFileSync(join(rebuilt, f))),
);
const changed = changedServices.length > 0;
if (!changed) {
  rmSync(dbDir, { recursive: true, force: true });
  cpSync(old, dbDir, { recursive: true });
}

// 3. The tests, against the new database.
if (changed && !args['skip-tests']) {
  const r = spawnSync('npm', ['test'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0)
    stop(`the tests fail with the refreshed database; ${dbDir} is rebuilt but not proposed`);
}

// 4. The pull request's description.
const diff = iamwright(['db', 'diff', old, dbDir, '--fmt', 'markdown'], { capture: true });
if (diff.code !== 0) stop('db diff failed (above)');
let text =
  `Refresh of the bundled IAM database from the AWS Service Authorization Reference pages last modified ` +
  `${day} (\`scripts/refresh-database.mjs\`): ${changedServices.length} service file(s) changed.\n\n` +
  diff.stdout;
if (changed && /^No differences\.$/m.test(diff.stdout)) {
  text +=
    '\nNo service, action, resource type, condition key, access level or resource row changed: the ' +
    'changes are in descriptions, ARN formats, condition-key types or dependent actions (see the files).\n';
}
writeFileSync(body, text);
if (process.env.GITHUB_OUTPUT) {
  appendFileSync(process.env.GITHUB_OUTPUT, `changed=${changed}\ndate=${day}\nbody=${body}\n`);
}
process.stdout.write(
  changed
    ? `refreshed ${dbDir} from pages of ${day}; pull request text in ${body}\n`
    : `no change: ${dbDir} is as it was (pages of ${day})\n`,
);
