/**
 * `iamwright generate` over a trail large enough to be read by worker threads (the built CLI, as users run
 * it): stdout, stderr and the exit code are those of `--jobs 1`, bad files included; NODE_DEBUG=worker
 * (Node's own trace of worker threads) shows that the threads did start, and that a small input starts none.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { runCli } from '../support/cli.js';
import { ROOT } from '../support/paths.js';

const FIX = 'test/fixtures/cloudtrail';

/** The folders of a trail in name order (the order generate reads them). */
function leafFolders(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    const subs = readdirSync(d)
      .sort()
      .filter((n) => statSync(join(d, n)).isDirectory());
    if (subs.length === 0) out.push(d);
    for (const s of subs) walk(join(d, s));
  };
  walk(dir);
  return out;
}

/** A 40,000-event trail (40 files, about 2.4 MB gzipped) with bad files in its first and last folders. */
function makeTrail(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-workers-'));
  const gen = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts', 'gen-cloudtrail.mjs'), '--events', '40000', '--out', dir],
    { encoding: 'utf8' },
  );
  assert.equal(gen.status, 0, gen.stderr);
  const folders = leafFolders(dir);
  const [first, last] = [folders[0], folders[folders.length - 1]];
  const s3 = readFileSync(join(FIX, 'services', 's3.json'));
  writeFileSync(join(first, '0-truncated.json.gz'), gzipSync(s3).subarray(0, 100));
  writeFileSync(join(first, 'zz-other.json'), readFileSync(join(FIX, 'bad', 'not-cloudtrail.json')));
  writeFileSync(join(last, '0-unknown.json'), readFileSync(join(FIX, 'bad', 'unknown.json')));
  writeFileSync(join(last, 'zz-truncated.json.gz'), gzipSync(s3).subarray(0, 60));
  return dir;
}

/** How many worker threads a run started, from Node's own trace of them (NODE_DEBUG=worker). */
function workersStarted(args: string[]): number {
  const r = runCli(args, { env: { NODE_DEBUG: 'worker' } });
  return r.stderr.match(/^WORKER \d+: \[0\] created Worker with ID/gm)?.length ?? 0;
}

const trail = makeTrail();
after(() => rmSync(trail, { recursive: true, force: true }));

for (const [what, args] of [
  ['the policy', ['--policy']],
  [
    'the template, with --principal, --since and --generalize',
    [
      '--principal',
      'arn:aws:iam::111122223333:role/order-service',
      '--since',
      '2026-03-01T06:00:00Z',
      '--generalize',
    ],
  ],
] as const) {
  test(`a large trail read by two worker threads gives ${what} and the report of one thread`, () => {
    const run = (jobs: string) => ['generate', '--from-cloudtrail', trail, ...args, '--jobs', jobs];
    const one = runCli(run('1'));
    const two = runCli(run('2'));
    assert.equal(one.code, 1, one.stderr);
    assert.ok(one.stdout.length > 500, 'something was written');
    // Problems from both halves of the trail, in input order.
    assert.match(
      one.stderr,
      /0-truncated\.json\.gz: truncated gzip[^\n]*\n[^\n]*zz-other\.json: not a CloudTrail log[^\n]*\n[^\n]*0-unknown\.json: [^\n]*\n[^\n]*zz-truncated\.json\.gz: truncated gzip/,
    );
    // --principal leaves the unknown services' calls out before they are looked up.
    if (!(args as readonly string[]).includes('--principal'))
      assert.match(one.stderr, /of unknown services left out: frobnicator\.amazonaws\.com \(2\)/);
    assert.deepEqual(two, one);
    assert.equal(workersStarted(run('2')), 2, 'the trail is read by two workers');
    assert.equal(workersStarted(run('1')), 0, '--jobs 1 starts none');
  });
}

test('a small input starts no worker thread', () => {
  assert.equal(workersStarted(['generate', '--from-cloudtrail', join(FIX, 'services'), '--policy']), 0);
});

test('--jobs takes a whole number from 1', () => {
  for (const bad of ['0', '1.5', 'two', '-1']) {
    const r = runCli(['generate', '--from-cloudtrail', join(FIX, 'services'), '--jobs', bad]);
    assert.equal(r.code, 1, bad);
    assert.equal(r.stdout, '');
    assert.equal(
      r.stderr,
      `error: option '--jobs <n>' argument '${bad}' is invalid. expected a whole number of threads from 1 to 256 (1: no worker threads)\n`,
    );
  }
});
