// Properties of lint's source positions: for any JSON document, however laid out, and for the same
// document held as a string inside another (Terraform, authorization details), every path locates the text
// of its own key or item; and documents without intrinsic functions pass through the resolver unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseEmbeddedJson } from '../../src/linting/inputs/json-text.js';
import { resolveIntrinsics } from '../../src/linting/inputs/intrinsics.js';
import {
  jsonSourceTree,
  nodeAt,
  offsetOf,
  toValue,
  type SourceNode,
} from '../../src/linting/inputs/source-tree.js';
import type { JsonPath } from '../../src/linting/types.js';

// Keys that intrinsic functions cannot have (no `Ref`, no `Fn::`), with characters JSON must escape.
const key = fc.string({ minLength: 1, maxLength: 8 }).filter((k) => k !== 'Ref' && !k.startsWith('Fn::'));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 10 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;
// Through JSON, as a file would hold it (fast-check's dictionaries have no prototype; JSON.parse's do).
const doc = fc
  .dictionary(key, json, { minKeys: 1, maxKeys: 5 })
  .map((d) => JSON.parse(JSON.stringify(d)) as Record<string, unknown>);

/** Every path of the value, with what its text starts with: a member's key, an item's value. */
function paths(value: unknown, base: JsonPath = []): { path: JsonPath; text: string }[] {
  const out: { path: JsonPath; text: string }[] = [];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push({ path: [...base, i], text: JSON.stringify(v) });
      out.push(...paths(v, [...base, i]));
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push({ path: [...base, k], text: JSON.stringify(k) });
      out.push(...paths(v, [...base, k]));
    }
  }
  return out;
}

/** Does the source at `offset` read `expected` (written without layout), whitespace aside? */
function startsWithIgnoringLayout(source: string, offset: number, expected: string): boolean {
  // Layout (indentation) can sit inside an array or object value, so compare only the first token.
  return (
    source.startsWith(expected.slice(0, 1), offset) &&
    source.slice(offset).replace(/\s/g, '').startsWith(expected.replace(/\s/g, ''))
  );
}

test('property: every path of a JSON file locates its key or item, whatever the indentation', () => {
  fc.assert(
    fc.property(doc, fc.constantFrom(0, 1, 2, 4, '\t'), (value, indent) => {
      const text = JSON.stringify(value, null, indent);
      const tree = jsonSourceTree(text);
      assert.deepEqual(toValue(tree), value);
      for (const { path, text: expected } of paths(value)) {
        assert.ok(
          startsWithIgnoringLayout(text, offsetOf(tree, path), expected),
          `${JSON.stringify(path)} in ${text}`,
        );
      }
    }),
    { numRuns: 200 },
  );
});

test('property: inside a policy held as a JSON string, every path locates the escaped text of its key or item', () => {
  fc.assert(
    fc.property(doc, (value) => {
      const inner = JSON.stringify(value);
      const file = `{\n  "policy": ${JSON.stringify(inner)}\n}`;
      const outer = jsonSourceTree(file) as SourceNode;
      const node = nodeAt(outer, ['policy']);
      assert.ok(node?.kind === 'scalar');
      const parsed = parseEmbeddedJson(file, node, inner);
      assert.equal(parsed.error, undefined);
      assert.deepEqual(parsed.value, value);
      for (const { path, text: expected } of paths(value)) {
        const at = offsetOf(parsed.tree as SourceNode, path);
        // The escaped form of the expected text, as it is written in the file's string literal.
        const escaped = JSON.stringify(expected).slice(1, -1);
        assert.ok(
          file.startsWith(escaped, at),
          `${JSON.stringify(path)}: ${file.slice(at, at + 20)} vs ${escaped}`,
        );
      }
    }),
    { numRuns: 200 },
  );
});

test('property: a document without intrinsic functions is unchanged by the resolver, in both branches', () => {
  fc.assert(
    fc.property(doc, (value) => {
      const tree = jsonSourceTree(JSON.stringify(value));
      for (const branch of [0, 1] as const) {
        const ctx = { branch };
        const r = resolveIntrinsics(tree, ctx);
        assert.deepEqual(r && toValue(r), value);
      }
    }),
    { numRuns: 200 },
  );
});

test('a key named __proto__ is kept as a key, as JSON.parse keeps it', () => {
  const text = '{"__proto__": {"Effect": "Allow"}, "Version": "2012-10-17"}';
  const value = toValue(jsonSourceTree(text)) as Record<string, unknown>;
  assert.deepEqual(Object.keys(value), ['__proto__', 'Version']);
  assert.deepEqual(value, JSON.parse(text));
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
});
