// lint over several threads, the parts the threads do: the inputs split into contiguous runs (every input
// once, in order), linted run by run and merged, give what one lint of them all gives; and when workers are
// used at all. The CLI's own runs with workers are in cli-jobs.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  MIN_FILES_FOR_WORKERS,
  MIN_FILES_PER_THREAD,
  planLintThreads,
  splitLintInputs,
} from '../../src/cli/commands/lint-worker.js';
import { parseLintConfig } from '../../src/linting/accepted.js';
import { listLintInputs, type LintInputRef } from '../../src/linting/inputs/index.js';
import { lintFiles, lintInputs, mergeLintParts } from '../../src/linting/lint-files.js';
import { fixtureDb } from '../writing/fixture-db.js';
import { FIXTURES, fixture } from './inputs-helpers.js';

test('splitLintInputs: contiguous runs, in order, none empty, the first about mainShare times a later one', () => {
  fc.assert(
    fc.property(
      fc.array(fc.nat(), { minLength: 1, maxLength: 500 }),
      fc.integer({ min: 1, max: 8 }),
      fc.double({ min: 1, max: 2, noNaN: true }),
      (items, threads, share) => {
        const runs = splitLintInputs(items, threads, share);
        assert.deepEqual(runs.flat(), items);
        assert.equal(runs.length, Math.min(threads, items.length));
        for (const r of runs) assert.ok(r.length > 0);
        if (runs.length > 1 && items.length >= 10 * threads) {
          const unit = items.length / (share + runs.length - 1);
          assert.ok(Math.abs(runs[0].length - share * unit) <= 1, `first run ${runs[0].length}`);
          for (const r of runs.slice(1)) assert.ok(Math.abs(r.length - unit) <= 2, `run ${r.length}`);
        }
      },
    ),
  );
});

test('planLintThreads: one thread below the threshold, with stdin, or with --jobs 1; else up to cores - 1', () => {
  const refs = (n: number): LintInputRef[] =>
    Array.from({ length: n }, (_, i) => ({ path: `p${i}.json`, explicit: false }));
  assert.equal(planLintThreads(refs(MIN_FILES_FOR_WORKERS - 1), undefined, 8), 1);
  assert.equal(planLintThreads(refs(MIN_FILES_FOR_WORKERS), undefined, 8), 2);
  // One core is left to V8's own threads: on 2 cores, no worker.
  assert.equal(planLintThreads(refs(5000), undefined, 2), 1);
  assert.equal(planLintThreads(refs(5000), undefined, 1), 1);
  assert.equal(planLintThreads(refs(5000), undefined, 4), 3);
  // Each thread gets at least MIN_FILES_PER_THREAD inputs.
  assert.equal(planLintThreads(refs(3 * MIN_FILES_PER_THREAD - 1), undefined, 8), 2);
  assert.equal(planLintThreads(refs(3 * MIN_FILES_PER_THREAD), undefined, 8), 3);
  // --jobs is taken as asked (a test or a user may want workers on a few files), never more than the inputs.
  assert.equal(planLintThreads(refs(5), 2, 1), 2);
  assert.equal(planLintThreads(refs(5), 9, 2), 5);
  assert.equal(planLintThreads(refs(5000), 1, 8), 1);
  // stdin is read by the main thread: never split.
  const withStdin = [...refs(5000), { path: '-', explicit: true }];
  assert.equal(planLintThreads(withStdin, undefined, 8), 1);
  assert.equal(planLintThreads(withStdin, 4, 8), 1);
});

test('lintInputs over runs, merged: the same result as one lintFiles, at every split point', () => {
  const db = fixtureDb();
  const paths = [FIXTURES, fixture('no-such.json')];
  // Accepts the first policy's findings: accepted findings are taken out after the merge, from all runs.
  const config = parseLintConfig('accept:\n  - file: "policies/**"\n', 'cfg.yml', FIXTURES);
  const options = { skipChecks: ['size'] };
  const whole = lintFiles(db, paths, { ...options, config });
  assert.ok(whole.findings.length > 5 && whole.accepted.length > 0 && whole.errors.length > 0);
  const inputs = listLintInputs(paths);
  for (let k = 0; k <= inputs.length; k++) {
    const parts = [lintInputs(db, inputs.slice(0, k), options), lintInputs(db, inputs.slice(k), options)];
    assert.deepEqual(mergeLintParts(parts, config), whole, `split at ${k}`);
  }
  // Three runs, one of them empty, structured-cloned as a worker's answer is.
  const parts = splitLintInputs(inputs, 3).map((run) => structuredClone(lintInputs(db, run, options)));
  assert.deepEqual(mergeLintParts([...parts, lintInputs(db, [], options)], config), whole);
});
