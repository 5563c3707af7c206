/**
 * Reading a CloudTrail input in parts (what generate's worker threads do) gives what one reader gives: the
 * parts are contiguous runs of the input in order, and the tallies and problems of the parts, merged in
 * order, equal the tally and problems of reading everything at once, down to the order of every map (which
 * decides the order of the output and which examples a report names first).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { openDatabase } from '../../src/database/store.js';
import { bundledDatabasePath } from '../../src/database/select.js';
import { OperationMap } from '../../src/querying/operations.js';
import { CallResolver } from '../../src/generating/resolve.js';
import { Tally, type CallFilter } from '../../src/generating/tally.js';
import { callOfRecord } from '../../src/generating/record.js';
import { exactPolicy, renderTemplate } from '../../src/generating/output.js';
import {
  listInput,
  mergePart,
  MIN_PART_WEIGHT,
  planParts,
  readEntries,
  readPart,
  type InputEntry,
} from '../../src/generating/input-parts.js';
import type { EventSink } from '../../src/generating/read-events.js';
import type { InputProblem, ObservedCall } from '../../src/generating/types.js';

const SEED = Number(process.env.IAMWRIGHT_FC_SEED ?? 20261201);
const db = openDatabase(bundledDatabasePath());
const map = new OperationMap(db);
const FIX = 'test/fixtures/cloudtrail';

/** Every call of the service fixtures and of the unknown-services fixture, refused ones included. */
const CALLS: ObservedCall[] = [
  ...readdirSync(join(FIX, 'services')).map((f) => join(FIX, 'services', f)),
  join(FIX, 'bad', 'unknown.json'),
].flatMap((file) => {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { Records: unknown[] };
  return doc.Records.map(callOfRecord).filter((c): c is ObservedCall => typeof c === 'object');
});

function newTally(filter: CallFilter = {}, generalize = false): Tally {
  return new Tally(new CallResolver(db, map, { generalize }), filter);
}

function sink(tally: Tally, problems: InputProblem[]): EventSink {
  return {
    call: (c) => tally.add(c),
    problem: (p) => problems.push(p),
    counts: { files: 0, notApiCalls: 0 },
  };
}

test('merging the tallies of contiguous runs of calls, in order, gives the tally of all of them', () => {
  assert.ok(CALLS.length > 20, 'the fixtures hold enough calls');
  const PRINCIPALS = [
    'arn:aws:iam::111122223333:user/alice',
    'arn:aws:sts::111122223333:assumed-role/app/s1',
    undefined,
  ];
  // A fixture call, refused or not, by one of three principals, at one of three times or none, at times
  // without what names its resource: repeats, refusals, filtering and "*" for want of a resource all occur.
  const TIMES = ['2026-03-01T10:00:00Z', '2026-03-02T10:00:00Z', '2026-03-03T10:00:00Z', undefined];
  const call = fc
    .tuple(
      fc.nat(CALLS.length - 1),
      fc.boolean(),
      fc.nat(PRINCIPALS.length - 1),
      fc.nat(TIMES.length - 1),
      fc.boolean(),
    )
    .map(([i, denied, p, t, strip]) => ({
      ...CALLS[i],
      denied,
      principal: PRINCIPALS[p],
      timeText: TIMES[t],
      ...(strip ? { parameters: undefined, resourceArns: undefined } : {}),
    }));
  fc.assert(
    fc.property(
      fc.array(call, { minLength: 1, maxLength: 80 }),
      fc.array(fc.nat(80), { maxLength: 4 }),
      fc.option(fc.constantFrom(PRINCIPALS[0], PRINCIPALS[1]), { nil: undefined }),
      fc.option(fc.constant(Date.parse('2026-03-02T00:00:00Z')), { nil: undefined }),
      fc.boolean(),
      (calls, cuts, principal, since, generalize) => {
        const whole = newTally({ principal, since }, generalize);
        for (const c of calls) whole.add(c);
        const merged = newTally({ principal, since }, generalize);
        const at = [0, ...cuts.map((c) => Math.min(c, calls.length)).sort((a, b) => a - b), calls.length];
        for (let i = 1; i < at.length; i++) {
          const part = newTally({ principal, since }, generalize);
          for (const c of calls.slice(at[i - 1], at[i])) part.add(c);
          // Through structured cloning, as a worker's answer comes back.
          merged.merge(structuredClone(part.toData()));
        }
        assert.deepEqual(merged.toData(), whole.toData());
        assert.equal(
          renderTemplate(merged, { lines: [], name: 't' }),
          renderTemplate(whole, { lines: [], name: 't' }),
        );
        assert.deepEqual(exactPolicy(db, merged), exactPolicy(db, whole));
      },
    ),
    { seed: SEED, numRuns: 100 },
  );
});

test('a merged tally is not the tally of the parts in another order (the test can tell order apart)', () => {
  const a = CALLS.slice(0, 20);
  const b = CALLS.slice(20, 40);
  const whole = newTally();
  for (const c of [...a, ...b]) whole.add(c);
  const swapped = newTally();
  for (const part of [b, a]) {
    const t = newTally();
    for (const c of part) t.add(c);
    swapped.merge(t.toData());
  }
  assert.notDeepEqual(swapped.toData(), whole.toData());
});

test('planParts cuts the input into at most `jobs` contiguous, non-empty runs that keep its order', () => {
  const entry = fc.oneof(
    fc.record({
      file: fc.string({ minLength: 1 }).filter((f) => f !== '-'),
      weight: fc.nat(40 * 1024 * 1024),
    }),
    fc.record({ problem: fc.record({ file: fc.string(), message: fc.string() }) }),
  );
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 50 }), fc.integer({ min: 1, max: 6 }), (entries, jobs) => {
      const parts = planParts(entries, jobs);
      assert.deepEqual(parts.flat(), entries);
      assert.ok(parts.length <= jobs);
      if (parts.length > 1) {
        for (const p of parts) assert.ok(p.length > 0);
        const total = entries.reduce((s, e) => s + ('file' in e ? e.weight : 0), 0);
        assert.ok(total >= parts.length * MIN_PART_WEIGHT, 'each part is worth a thread');
      }
    }),
    { seed: SEED, numRuns: 300 },
  );
});

test('planParts: a small input, one job, or stdin among the files stays in one part; a large one is split evenly', () => {
  const files = (n: number, weight: number): InputEntry[] =>
    Array.from({ length: n }, (_, i) => ({ file: `f${i}.json.gz`, weight }));
  assert.equal(planParts(files(100, (MIN_PART_WEIGHT * 1.5) / 100), 4).length, 1);
  assert.equal(planParts(files(100, MIN_PART_WEIGHT), 1).length, 1);
  assert.equal(planParts([...files(50, MIN_PART_WEIGHT), { file: '-', weight: 0 }], 4).length, 1);
  const parts = planParts(files(100, MIN_PART_WEIGHT), 4);
  assert.deepEqual(
    parts.map((p) => p.length),
    [25, 25, 25, 25],
  );
  assert.deepEqual(
    planParts(files(3, MIN_PART_WEIGHT), 8).map((p) => p.length),
    [1, 1, 1],
  );
});

test('reading files in parts and merging them gives the problems, counts and tally of one reader, in input order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-parts-'));
  const services = readdirSync(join(FIX, 'services')).sort();
  // Good files, a truncated gzip, a file that is not CloudTrail and one with unknown services, interleaved.
  services.forEach((f, i) => {
    writeFileSync(
      join(dir, `${String(i * 2).padStart(2, '0')}-${f}.gz`),
      gzipSync(readFileSync(join(FIX, 'services', f))),
    );
  });
  writeFileSync(
    join(dir, '03-cut.json.gz'),
    gzipSync(readFileSync(join(FIX, 'services', 's3.json'))).subarray(0, 90),
  );
  writeFileSync(join(dir, '09-other.json'), readFileSync(join(FIX, 'bad', 'not-cloudtrail.json')));
  writeFileSync(join(dir, '21-unknown.json'), readFileSync(join(FIX, 'bad', 'unknown.json')));
  const entries = listInput([dir, join(dir, 'missing')], true);
  assert.ok(
    entries.some((e) => 'problem' in e),
    'a listing problem (the missing path) is an entry',
  );

  const oneTally = newTally();
  const oneProblems: InputProblem[] = [];
  const one = sink(oneTally, oneProblems);
  await readEntries(entries, one);
  assert.equal(oneProblems.length, 4);

  for (const cut of [1, 5, 12, entries.length - 1]) {
    const tally = newTally();
    const problems: InputProblem[] = [];
    const merged = sink(tally, problems);
    for (const part of [entries.slice(0, cut), entries.slice(cut)]) {
      mergePart(tally, merged, structuredClone(await readPart(db, { entries: part })));
    }
    assert.deepEqual(problems, oneProblems, `cut at ${cut}`);
    assert.deepEqual(merged.counts, one.counts);
    assert.deepEqual(tally.toData(), oneTally.toData());
  }
});
