import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsoncSourceTree, jsonSourceTree } from '../../src/linting/inputs/source-tree.js';

// The direct scan must give exactly jsonc-parser's tree (offsets, key offsets, lengths, values).
const spaces = fc.constantFrom('', ' ', '\n', '\t  ', '\r\n    ');

test('jsonSourceTree agrees with jsonc-parser on any JSON, compact or indented', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.constantFrom(0, 2, '\t'), spaces, (v, indent, pad) => {
      const text = pad + JSON.stringify(v, null, indent) + pad;
      assert.deepEqual(jsonSourceTree(text), jsoncSourceTree(text));
      const shift = (o: number): number => o + 7;
      assert.deepEqual(jsonSourceTree(text, shift), jsoncSourceTree(text, shift));
    }),
    { numRuns: 300 },
  );
});

test('jsonSourceTree keeps escaped keys and strings, repeated keys, and positions', () => {
  const text = '{ "a\\"b": "x\\u0041", "k": 1, "k": [true, null, -2.5e3] }';
  const tree = jsonSourceTree(text);
  assert.deepEqual(tree, jsoncSourceTree(text));
  assert.equal(tree.kind, 'object');
  if (tree.kind !== 'object') return;
  assert.deepEqual(
    tree.members.map((m) => [m.key, m.keyOffset]),
    [
      ['a"b', 2],
      ['k', 21],
      ['k', 29],
    ],
  );
  assert.deepEqual(tree.members[0].value, { kind: 'scalar', offset: 10, value: 'xA', length: 9 });
});

test('a text with a leading byte order mark is placed as jsonc-parser places it', () => {
  const text = '\ufeff{"Version": "2012-10-17"}';
  assert.deepEqual(jsonSourceTree(text), jsoncSourceTree(text));
});

test('parseStrictJson tells a repeated key apart, however the text is laid out', async () => {
  const { parseStrictJson } = await import('../../src/linting/inputs/json-text.js');
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.constantFrom(0, 2), (obj, indent) => {
      const text = JSON.stringify(obj, null, indent);
      assert.equal(parseStrictJson(text).duplicateKeys, false);
      // The same text with one more member repeating a key, placed first.
      const keys = Object.keys(obj);
      if (keys.length === 0) return;
      const dup = `{${JSON.stringify(keys[0])} \n : 1,` + text.slice(1);
      assert.equal(parseStrictJson(dup).duplicateKeys, true);
    }),
    { numRuns: 200 },
  );
  assert.equal(parseStrictJson('{"a\\"": {"[": "]{"}, "a\\"" :1}').duplicateKeys, true);
  assert.equal(parseStrictJson('{"a": ":", "b": "c"}').duplicateKeys, false);
});

test('jsonOffsetAt finds what the tree finds, for paths in the document and paths that leave it', async () => {
  const { jsonOffsetAt } = await import('../../src/linting/inputs/json-offset.js');
  const { offsetOf } = await import('../../src/linting/inputs/source-tree.js');
  type Step = string | number;
  const pathsOf = (v: unknown, base: Step[] = [], out: Step[][] = []): Step[][] => {
    out.push(base);
    if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...base, i], out));
    else if (v !== null && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) pathsOf(x, [...base, k], out);
    return out;
  };
  const extra = fc.constantFrom<Step[]>([], ['nope'], [0], [99], ['a', 1], [-1]);
  fc.assert(
    fc.property(
      fc.jsonValue(),
      fc.constantFrom(0, 2, '\t'),
      spaces,
      fc.nat(),
      extra,
      (v, indent, pad, n, more) => {
        const text = pad + JSON.stringify(v, null, indent) + pad;
        const tree = jsonSourceTree(text);
        const all = pathsOf(v);
        const path = [...all[n % all.length], ...more];
        assert.equal(jsonOffsetAt(text, path), offsetOf(tree, path), JSON.stringify(path));
      },
    ),
    { numRuns: 500 },
  );
  // Repeated keys (the last counts), escaped keys, keys holding quotes and brackets.
  const text = '{ "a\\"b": {"x": [1, {"}": 2}]}, "k": 1, "k": [true, null, "[\\"]"], "\\u006b2": {"": 0} }';
  const tree = jsonSourceTree(text);
  for (const path of [
    ['a"b', 'x', 1, '}'],
    ['k', 2],
    ['k', 3],
    ['k2', ''],
    ['k2', 'y'],
    ['a"b', 'x', 0, 'z'],
    [],
  ])
    assert.equal(jsonOffsetAt(text, path), offsetOf(tree, path), JSON.stringify(path));
});
