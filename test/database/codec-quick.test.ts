/**
 * The quick readings of service files and of the index (codec.ts: decodeService and decodeIndex check types
 * without building a path per field) against the checked readings they stand in for: the same records for
 * every bundled file, and for a damaged file the checked reading's message, which names the field.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  checkedIndex,
  checkedService,
  decodeIndex,
  decodeService,
  encodeService,
  scanActionNames,
} from '../../src/database/codec.js';

const SERVICES = join('data', 'db', 'services');

test('every bundled service reads the same quickly as checked field by field', () => {
  const files = readdirSync(SERVICES).filter((f) => f.endsWith('.json'));
  assert.ok(files.length > 100);
  for (const f of files) {
    const text = readFileSync(join(SERVICES, f), 'utf8');
    assert.deepStrictEqual(decodeService(text), checkedService(JSON.parse(text)), f);
  }
});

test('the bundled index reads the same quickly as checked field by field', () => {
  const doc: unknown = JSON.parse(readFileSync(join('data', 'db', 'index.json'), 'utf8'));
  assert.deepStrictEqual(decodeIndex(doc), checkedIndex(doc));
});

/** Damages `doc` at random places with values of other kinds: `quick` must answer as `checked` does. */
function sameOnDamage(
  doc: Record<string, unknown>,
  quick: (text: string) => unknown,
  checked: (text: string) => unknown,
) {
  // A path to every value in the document, to replace with a value of another kind.
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(doc, []);
  const outcome = (fn: () => unknown) => {
    try {
      return fn();
    } catch (e) {
      return `${(e as Error).name}: ${(e as Error).message}`;
    }
  };
  fc.assert(
    fc.property(
      fc.constantFrom(...paths),
      fc.constantFrom<unknown>(null, 7, 2.5, -1, 5, 'x', '', [], {}, true, ['a', 1]),
      (path, value) => {
        const copy = structuredClone(doc) as unknown;
        if (path.length === 0) return;
        let parent = copy as Record<string | number, unknown>;
        for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
        parent[path[path.length - 1]] = value;
        const damaged = JSON.stringify(copy);
        assert.deepStrictEqual(
          outcome(() => quick(damaged)),
          outcome(() => checked(damaged)),
          `${path.join('.')} = ${JSON.stringify(value)}`,
        );
      },
    ),
    { numRuns: 3000 },
  );
}

test('a service file damaged anywhere gives the checked reading: its message, or its record', () => {
  const doc = JSON.parse(readFileSync(join(SERVICES, 'sqs.json'), 'utf8')) as Record<string, unknown>;
  sameOnDamage(doc, decodeService, (t) => checkedService(JSON.parse(t)));
});

test('an index damaged anywhere gives the checked reading: its message, or its index', () => {
  const doc = JSON.parse(readFileSync(join('data', 'db', 'index.json'), 'utf8')) as Record<string, unknown>;
  // A few services and overrides keep the walk small; a repeated prefix is a damage of its own.
  const meta = doc.meta as Record<string, unknown>;
  const small = {
    ...doc,
    meta: { ...meta, overridesApplied: (meta.overridesApplied as unknown[]).slice(0, 3) },
    services: (doc.services as unknown[]).slice(0, 4),
  };
  sameOnDamage(
    small,
    (t) => decodeIndex(JSON.parse(t)),
    (t) => checkedIndex(JSON.parse(t)),
  );
  const first = (small.services[0] as string[])[0];
  const twice = { ...small, services: [...small.services, [first.toUpperCase(), 'again', 'https://a.b']] };
  assert.throws(() => decodeIndex(twice), /listed twice/);
});

test('the action names scanned from every bundled service file are the decoded actions names', () => {
  for (const f of readdirSync(SERVICES).filter((x) => x.endsWith('.json'))) {
    const text = readFileSync(join(SERVICES, f), 'utf8');
    const record = decodeService(text);
    assert.deepStrictEqual(
      scanActionNames(text, record.prefix),
      record.actions.map((a) => a.name),
      f,
    );
  }
});

test('a service file laid out otherwise is not scanned, but left to the full reading', () => {
  const text = readFileSync(join(SERVICES, 'sqs.json'), 'utf8');
  const doc = JSON.parse(text) as { actions: unknown[][] };
  assert.ok(scanActionNames(text, 'sqs'));
  assert.equal(scanActionNames(JSON.stringify(doc, null, 2), 'sqs'), undefined, 'pretty-printed');
  assert.equal(scanActionNames(JSON.stringify(doc), 'sqs'), undefined, 'on one line');
  assert.equal(scanActionNames(text, 'sns'), undefined, 'another prefix');
  assert.equal(scanActionNames(text.replace('["', '["Bad\\"Name'), 'sqs'), undefined, 'an escaped name');
  assert.equal(scanActionNames(text.replace(/\n\]/, ']'), 'sqs'), undefined, 'a cut list');
  const none = encodeService({ ...decodeService(text), actions: [] });
  assert.deepStrictEqual(scanActionNames(none, 'sqs'), []);
});
