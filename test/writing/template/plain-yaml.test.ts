/**
 * The fast reading of plain templates (src/writing/template/plain-yaml.ts) against the YAML library it
 * stands in for: whatever it accepts, the library must read without error or warning into the same data;
 * and it must accept the templates people actually write, or the fast path would quietly stop being used.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { readPlainYaml } from '../../../src/writing/template/plain-yaml.js';
import { templateText } from '../../../src/writing/template/create.js';
import { parseTemplateDetailed } from '../../../src/writing/template/parse.js';

/** The library's reading, with the options parse.ts uses; undefined when it reports any problem. */
function libraryReading(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false, merge: true, logLevel: 'silent' });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  return doc.toJS();
}

/** Asserts the recognizer either declines `text` or reads it as the library does. */
function agrees(text: string): void {
  const plain = readPlainYaml(text);
  if (plain === undefined) return;
  const lib = libraryReading(text);
  assert.notEqual(lib, undefined, `accepted what the library refuses: ${JSON.stringify(text)}`);
  assert.deepStrictEqual(plain, lib, `read differently: ${JSON.stringify(text)}`);
}

// Keys and values chosen for where YAML readings part: words that are not strings, numbers, indicators,
// quotes and escapes, comments, nested-mapping colons, flow collections, non-ASCII, tabs.
const KEYS = [
  'mode',
  'name',
  'read',
  'write',
  'sts',
  'x-a',
  'a_b',
  'true',
  'null',
  'Null',
  'yes',
  '1',
  '__proto__',
  'constructor',
  '<<',
  '? a',
  '"q"',
  "'q'",
  'a b',
  'a-',
  '-a',
  'é',
  'k\t',
];
const VALUES = [
  'crud',
  'actions',
  "''",
  '""',
  "'a''b'",
  "'it''s' # c",
  '"x y"',
  '"a\\nb"',
  '"a\'b"',
  "'a\"b'",
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::b/${aws:username}/x',
  's3:Get*',
  '*',
  '&a x',
  '*a',
  '!!str x',
  '!x y',
  '1',
  '-1',
  '+1',
  '1e3',
  '.5',
  '.inf',
  '.NaN',
  '0x1F',
  '0o17',
  '1_000',
  'true',
  'True',
  'TRUE',
  'false',
  'yes',
  'no',
  'on',
  'null',
  'NULL',
  '~',
  '',
  '[]',
  '[] # c',
  '{}',
  '[a, b]',
  '[a',
  'a # c',
  'a#b',
  'a #b',
  'a: b',
  'a:',
  'a:b',
  'a:  b',
  '|',
  '>-',
  '- x',
  '-x',
  '-',
  '?x',
  '? x',
  '%x',
  '@x',
  '`x',
  "'open",
  '"open',
  "'a'b",
  '"a"b',
  'é',
  'a\tb',
  'x  y',
  'x ',
  "'a' #",
  'a,b',
  'a]',
  '{a}',
  '$x',
  '/p',
  '_u',
  'a\\b',
];

const line = fc.oneof(
  fc
    .tuple(fc.constantFrom(0, 0, 0, 1, 2, 2, 4), fc.constantFrom(...KEYS), fc.constantFrom(...VALUES))
    .map(([i, k, v]) => `${' '.repeat(i)}${k}:${v === '' ? '' : ` ${v}`}`),
  fc
    .tuple(fc.constantFrom(0, 0, 2, 4), fc.constantFrom(...VALUES))
    .map(([i, v]) => `${' '.repeat(i)}-${v === '' ? '' : ` ${v}`}`),
  fc.constantFrom('', '# a comment', '  # indented comment', '---', '...', '%YAML 1.1', '  ', '\t'),
  fc.string({ maxLength: 12 }),
);

const document = fc
  .tuple(fc.array(line, { minLength: 1, maxLength: 10 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean())
  .map(([lines, eol, final]) => lines.join(eol) + (final ? eol : ''));

test('what the fast reading accepts, the YAML library reads the same way, without complaint', () => {
  fc.assert(
    fc.property(document, (text) => agrees(text)),
    { numRuns: 20000 },
  );
});

test('template-shaped documents: accepted, and read as the library reads them', () => {
  // Mostly valid shapes, so that the comparison is made on many accepted documents, not only refusals.
  const word = fc.constantFrom('crud', 'arn:aws:s3:::b/*', "'x'", "'it''s'", '"y z"', 's3:Get*', 'a:b', "''");
  const entries = fc.array(
    word.map((w) => `- ${w}`),
    { maxLength: 4 },
  );
  const section = fc
    .tuple(fc.constantFrom('read', 'write', 'list', 'x-a'), fc.constantFrom('', '  '), entries, fc.boolean())
    .map(([k, indent, items, empty]) =>
      empty ? `${k}: []` : [`${k}:`, ...items.map((e) => indent + e)].join('\n'),
    );
  const nested = fc
    .tuple(fc.constantFrom('wildcard-only', 'sts'), fc.array(section, { maxLength: 3 }))
    .map(([k, inner]) =>
      [
        `${k}:`,
        ...inner
          .join('\n')
          .split('\n')
          .map((l) => `  ${l}`),
      ].join('\n'),
    );
  const doc = fc
    .tuple(word, fc.array(fc.oneof(section, nested, fc.constant('# c')), { maxLength: 5 }))
    .map(([name, parts]) => [`mode: crud`, `name: ${name}`, ...parts].join('\n') + '\n');
  let accepted = 0;
  fc.assert(
    fc.property(doc, (text) => {
      agrees(text);
      if (readPlainYaml(text) !== undefined) accepted++;
    }),
    { numRuns: 3000 },
  );
  assert.ok(accepted > 1000, `only ${accepted} of 3000 template-shaped documents took the fast path`);
});

test('created templates and policy_sentry-style examples take the fast path', () => {
  for (const type of ['crud', 'actions'] as const) {
    assert.notEqual(readPlainYaml(templateText(type)), undefined, type);
    agrees(templateText(type));
  }
  const example = [
    'mode: crud',
    "name: 'RoleNameWithCRUD'",
    'read:',
    '- arn:aws:s3:::example-org-sbx-vmimport',
    '- arn:aws:ssm:us-east-1:123456789012:parameter/test',
    'wildcard-only:',
    '  single-actions:',
    '  - ec2:DescribeInstances # a comment',
    '  service-read: []',
    '',
  ].join('\n');
  assert.deepEqual(readPlainYaml(example), {
    mode: 'crud',
    name: 'RoleNameWithCRUD',
    read: ['arn:aws:s3:::example-org-sbx-vmimport', 'arn:aws:ssm:us-east-1:123456789012:parameter/test'],
    'wildcard-only': { 'single-actions': ['ec2:DescribeInstances'], 'service-read': [] },
  });
  agrees(example);
});

test('refused shapes go to the library: values that are not strings, aliases, odd indentation', () => {
  for (const text of [
    'mode: crud\nname: true\n',
    'mode: crud\nname: 1e3\n',
    'mode: crud\nname: ~\n',
    'mode: crud\nname: &a x\nread:\n- *a\n',
    'mode: crud\nread:\n- a\n  - b\n',
    'mode: crud\nname: a\n  b\n',
    'mode: crud\nmode: actions\n',
    'mode: crud\n<<: {name: x}\n',
    'mode: crud\nname: "a\\tb"\n',
    '\ufeffmode: crud\n',
    'mode: crud\r',
    '- a\n',
    '  mode: crud\n',
  ]) {
    assert.equal(readPlainYaml(text), undefined, JSON.stringify(text));
  }
});

test('the fast path and the library give the same template and warnings for the conformance inputs', () => {
  const cases = join('..', 'shared', 'conformance', 'cases');
  let manifest: { cases: { input?: string }[] };
  try {
    manifest = JSON.parse(readFileSync(join(cases, 'MANIFEST.json'), 'utf8'));
  } catch {
    return; // the kit is not beside this checkout
  }
  let fast = 0;
  for (const c of manifest.cases) {
    if (!c.input?.endsWith('.yml')) continue;
    const text = readFileSync(join(cases, c.input), 'utf8');
    agrees(text);
    if (readPlainYaml(text) === undefined) continue;
    fast++;
    // With a BOM in front the text leaves the fast path; the result must not change.
    const viaLibrary = attempt(() => parseTemplateDetailed(`\ufeff${text}`, c.input!));
    const viaFastPath = attempt(() => parseTemplateDetailed(text, c.input!));
    assert.deepEqual(viaFastPath, viaLibrary, c.input);
  }
  assert.ok(fast > 100, `only ${fast} conformance templates took the fast path`);
});

function attempt<T>(fn: () => T): T | string {
  try {
    return fn();
  } catch (e) {
    return (e as Error).message;
  }
}
