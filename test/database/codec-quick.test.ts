/**
 * The quick reading of service files (codec.ts: decodeService checks types without building a path per
 * field) against the checked reading it stands in for: the same records for every bundled service, and
 * for a damaged file the checked reading's message, which names the field.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkedService, decodeService } from '../../src/database/codec.js';

const SERVICES = join('data', 'db', 'services');

test('every bundled service reads the same quickly as checked field by field', () => {
  const files = readdirSync(SERVICES).filter((f) => f.endsWith('.json'));
  assert.ok(files.length > 100);
  for (const f of files) {
    const text = readFileSync(join(SERVICES, f), 'utf8');
    assert.deepStrictEqual(decodeService(text), checkedService(JSON.parse(text)), f);
  }
});

test('a service file damaged anywhere gives the checked reading: its message, or its record', () => {
  const text = readFileSync(join(SERVICES, 'sqs.json'), 'utf8');
  const doc = JSON.parse(text) as Record<string, unknown>;
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
          outcome(() => decodeService(damaged)),
          outcome(() => checkedService(JSON.parse(damaged))),
          `${path.join('.')} = ${JSON.stringify(value)}`,
        );
      },
    ),
    { numRuns: 3000 },
  );
});
