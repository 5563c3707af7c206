import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  escapeJsonText,
  escapeUnsafe,
  hasUnsafeCharacters,
  printableName,
  quoted,
} from '../../src/util/printable.js';

const UNSAFE = [
  '\u0000',
  '\u0007',
  '\n',
  '\r',
  '\t',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u2028',
  '\u2029',
  '\u200f',
  '\u202e',
  '\u2066',
];

test('names without control characters are shown as they are', () => {
  for (const name of [
    'AllowS3',
    'arn:aws:s3:::b/*',
    'policies/ci.json',
    'Zugriff für Prüfer',
    '日本語',
    '"quoted"',
    'a\\b',
    '',
  ]) {
    assert.equal(printableName(name), name);
    assert.equal(escapeUnsafe(name), name);
    assert.equal(hasUnsafeCharacters(name), false);
  }
});

test('each control, separator and bidirectional character is escaped; names with one are quoted', () => {
  for (const c of UNSAFE) {
    assert.ok(hasUnsafeCharacters(`a${c}b`), JSON.stringify(c));
    assert.ok(!hasUnsafeCharacters(escapeUnsafe(`a${c}b`)), JSON.stringify(c));
    assert.match(printableName(`a${c}b`), /^"a\\(?:[nrt]|u[0-9a-f]{4})b"$/);
  }
  assert.equal(printableName('\u001b[31mRED\u001b[0m\nFAKE'), '"\\u001b[31mRED\\u001b[0m\\nFAKE"');
  assert.equal(escapeUnsafe("unknown action 's3:Get\u001b[2Jx'"), "unknown action 's3:Get\\u001b[2Jx'");
  assert.equal(quoted('say "hi"\\'), '"say \\"hi\\"\\\\"');
});

test('a quoted name reads back (as JSON) to the name, and holds no unsafe character', () => {
  const unsafe = fc.constantFrom(...UNSAFE);
  const text = fc.array(fc.oneof(fc.string(), unsafe), { maxLength: 6 }).map((parts) => parts.join(''));
  fc.assert(
    fc.property(text, (name) => {
      const shown = printableName(name);
      assert.ok(!hasUnsafeCharacters(shown));
      assert.ok(!hasUnsafeCharacters(escapeUnsafe(name)));
      if (hasUnsafeCharacters(name)) assert.equal(JSON.parse(shown), name);
      else assert.equal(shown, name);
    }),
  );
});

test('JSON text keeps its line breaks and meaning; the controls JSON.stringify leaves are escaped', () => {
  const value = { sid: 'a\u009b[2J\u202eb\u007f', list: ['\u2028', 'plain'] };
  const json = escapeJsonText(JSON.stringify(value, null, 2));
  assert.ok(json.includes('\n  "sid": "a\\u009b[2J\\u202eb\\u007f"'));
  assert.ok(!hasUnsafeCharacters(json.replace(/\n/g, '')));
  assert.deepEqual(JSON.parse(json), value);
});
