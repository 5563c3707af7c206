// Repeated keys in policy JSON (#37): JSON.parse keeps the last, AWS rejects the document, so we refuse it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeSources, JsonTextError, parseJsonText, readPolicyInputs } from '../../src/analysis/index.js';
import { miniDb } from './fixtures.js';

function fault(text: string): JsonTextError {
  try {
    parseJsonText(text);
  } catch (e) {
    assert.ok(e instanceof JsonTextError, String(e));
    return e;
  }
  assert.fail(`no error for ${text}`);
}

test('a repeated key is an error naming the key, its line and column, and the first one', () => {
  const twoStatements =
    '{"Version":"2012-10-17",\n "Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}],\n "Statement":[]}';
  const e = fault(twoStatements);
  assert.equal(
    e.message,
    'duplicate key "Statement" at line 3, column 2 (first at line 2, column 2); ' +
      'AWS rejects repeated keys, and readers differ on which counts',
  );
  assert.deepEqual([e.line, e.column], [3, 2]);
  const effects =
    '{"Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*",\n  "Effect":"Deny"}]}';
  assert.match(
    fault(effects).message,
    /^duplicate key "Effect" at line 2, column 3 \(first at line 1, column 16\)/,
  );
});

test('keys are compared as JSON reads them: escapes, the empty key, keys that are not names', () => {
  assert.match(fault('{"Effect":"Allow","Eff\\u0065ct":"Deny"}').message, /duplicate key "Effect"/);
  assert.match(fault('{"":1,"":2}').message, /duplicate key ""/);
  assert.match(fault('{"a":1,"b":2,"c":3,"b":4}').message, /duplicate key "b" at line 1, column 20/);
  assert.match(fault('{"__proto__":1,"__proto__":2}').message, /duplicate key "__proto__"/);
  assert.match(fault('{"a\\"b":1,"a\\"b":2}').message, /duplicate key "a\\"b"/);
  // A key with a control character is shown escaped (#24).
  assert.match(fault('{"\\u001b[2J":1,"\\u001b[2J":2}').message, /duplicate key "\\u001b\[2J"/);
});

test('the same key in different objects, or as a value, is no duplicate', () => {
  const text = JSON.stringify({
    a: { x: 1, y: { x: [1, { x: 2, a: 'x' }] } },
    b: { x: 2 },
    c: [{ x: 1 }, { x: 1 }, 'x', ['x', 'x']],
    d: 'a',
    e: '{"a":1,"a":2}',
    f: {},
    g: { '': 1 },
  });
  assert.deepEqual(parseJsonText(text), JSON.parse(text));
});

test('syntax errors come before duplicates, and the depth limit still holds', () => {
  assert.match(fault('{"a":1,"a":2,}').message, /^invalid JSON at line 1, column 14: trailing comma/);
  assert.match(fault(`${'['.repeat(70)}${']'.repeat(70)}`).message, /nested deeper than 64 levels/);
});

test('any JSON without repeated keys reads as JSON.parse reads it; repeating one of its keys is an error', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 5 }), fc.nat(), (value, pick) => {
      const text = JSON.stringify(value, null, pick % 2 ? 2 : 0);
      assert.deepEqual(parseJsonText(text), JSON.parse(text));
      // Repeat the first key of the first non-empty object, written out again at its end.
      const objectWithKeys = (v: unknown): Record<string, unknown> | undefined => {
        if (v === null || typeof v !== 'object') return undefined;
        if (!Array.isArray(v) && Object.keys(v).length) return v as Record<string, unknown>;
        for (const child of Object.values(v)) {
          const found = objectWithKeys(child);
          if (found) return found;
        }
        return undefined;
      };
      const target = objectWithKeys(value);
      if (!target) return;
      const key = Object.keys(target)[0];
      const copy = JSON.stringify(target);
      const repeated = `${copy.slice(0, -1)},${JSON.stringify(key)}:0}`;
      const start = pick % 2 ? -1 : text.indexOf(copy);
      if (start < 0) return; // indented: the compact form is not a substring
      const doc = text.slice(0, start) + repeated + text.slice(start + copy.length);
      assert.throws(() => parseJsonText(doc), /duplicate key/);
    }),
    { numRuns: 300 },
  );
});

test('a policy file with a repeated key is reported and not analysed; other files still are', () => {
  const files: Record<string, string> = {
    'dup.json':
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}],"Statement":[]}',
    'ok.json':
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:PassRole","Resource":"*"}]}',
  };
  const sources = ['dup.json', 'ok.json'].flatMap((f) =>
    readPolicyInputs(['-'], { readStdin: () => files[f] }),
  );
  const report = analyzeSources(miniDb(), sources);
  assert.equal(report.errors.length, 1);
  assert.match(report.errors[0].message, /duplicate key "Statement"/);
  assert.equal(report.policies.length, 1);
  assert.ok(report.findings.some((f) => f.actions.includes('iam:PassRole')));
});

test('the repeated-key scan stays linear: four times the keys take about four times as long, not sixteen', () => {
  const objectOf = (n: number) => `{${Array.from({ length: n }, (_, i) => `"k${i}":${i}`).join(',')}}`;
  const time = (text: string) => {
    let best = Infinity;
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      parseJsonText(text);
      best = Math.min(best, performance.now() - t);
    }
    return best;
  };
  const small = objectOf(20_000);
  const large = objectOf(80_000);
  time(small);
  // Linear gives 4, quadratic 16: the bound leaves room for a noisy shared machine, and the best of three
  // tries keeps one stall of the machine from failing it (a quadratic scan fails every try).
  const ratios: number[] = [];
  for (let attempt = 0; attempt < 3 && !ratios.some((r) => r < 9); attempt++) {
    ratios.push(time(large) / time(small));
  }
  assert.ok(
    ratios.some((r) => r < 9),
    `time(4n)/time(n) = ${ratios.map((r) => r.toFixed(2)).join(', ')}`,
  );
});
