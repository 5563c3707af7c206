/** The JSON Schema (as an editor uses it) and the parser agree on the shape of conditions. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { ROOT } from '../../support/paths.js';
import { parseTemplate } from '../../../src/writing/template/parse.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'template.schema.json'), 'utf8'));
const validate = new Ajv({ allowUnionTypes: true }).compile(schema);

function parses(text: string): boolean {
  try {
    parseTemplate(text, 't.yml');
    return true;
  } catch {
    return false;
  }
}

const group = (conditions: string) =>
  `mode: crud\nread:\n- arns: [arn:aws:s3:::b]\n  conditions: ${conditions}\n`;

const ACCEPTED = [
  readFileSync(join(ROOT, 'docs', 'examples', 'conditions.yml'), 'utf8'),
  group('{Bool: {aws:SecureTransport: true}}'),
  group("{'ForAnyValue:StringLikeIfExists': {aws:TagKeys: [a, b]}}"),
  group("{'Null': {aws:TagKeys: 'false'}, NumericLessThan: {aws:MultiFactorAuthAge: 3600}}"),
  'mode: actions\nconditions: {StringEquals: {aws:PrincipalTag/team: data}}\nactions:\n- s3:GetObject\n- actions: [s3:PutObject]\n  conditions: {Bool: {aws:SecureTransport: true}}\n',
  'mode: crud\naccess-level-conditions:\n  permissions-management: {Bool: {aws:MultiFactorAuthPresent: true}}\nunsupported-condition-keys: error\n',
  'mode: crud\nsts:\n  assume-role:\n  - arns: [arn:aws:iam::123456789012:role/r]\n    conditions: {Bool: {aws:SecureTransport: true}}\n',
];

const REJECTED = [
  group('{StringEqual: {aws:userid: x}}'), // no such operator
  group("{'NullIfExists': {aws:userid: x}}"), // Null takes no IfExists
  group("{'ForAnyValue:Null': {aws:userid: x}}"), // nor a set qualifier
  group('{}'),
  group('{Bool: {}}'),
  group('{Bool: {SecureTransport: true}}'), // not prefix:name
  group('{Bool: {aws:SecureTransport: []}}'),
  group('{Bool: {aws:SecureTransport: {a: 1}}}'),
  group('[Bool]'),
  'mode: crud\nread:\n- arns: [arn:aws:s3:::b]\n', // a group without conditions
  'mode: crud\nread:\n- arns: [arn:aws:s3:::b]\n  conditions: {Bool: {aws:SecureTransport: true}}\n  extra: 1\n',
  'mode: crud\nread:\n- actions: [s3:GetObject]\n  conditions: {Bool: {aws:SecureTransport: true}}\n',
  'mode: crud\nwildcard-only:\n  service-read:\n  - arns: [s3]\n    conditions: {Bool: {aws:SecureTransport: true}}\n',
  'mode: crud\naccess-level-conditions:\n  writes: {Bool: {aws:SecureTransport: true}}\n',
  'mode: crud\nunsupported-condition-keys: drop\n',
];

test('templates with conditions: the schema accepts what the parser accepts', () => {
  for (const text of ACCEPTED) {
    assert.equal(parses(text), true, text);
    assert.equal(validate(parse(text)), true, `${text}\n${JSON.stringify(validate.errors)}`);
  }
});

test('templates with malformed conditions: both refuse them', () => {
  for (const text of REJECTED) {
    assert.equal(parses(text), false, text);
    assert.equal(validate(parse(text)), false, text);
  }
});

test('an empty conditions key is no condition, as an empty section is no section', () => {
  const text = 'mode: crud\nconditions:\nread:\n- arn:aws:s3:::b\n';
  assert.equal(validate(parse(text)), true);
  const t = parseTemplate(text, 't.yml');
  assert.equal(t.conditions, undefined);
});

test('a group in a list ignored for its empty first entry is ignored with it, and the warning counts it', async () => {
  const { parseTemplateDetailed } = await import('../../../src/writing/template/parse.js');
  const { template, warnings } = parseTemplateDetailed(
    "mode: crud\nread:\n- ''\n- arn:aws:s3:::a\n- arns: [arn:aws:s3:::b]\n  conditions: {Bool: {aws:SecureTransport: true}}\n",
    't.yml',
  );
  assert.equal(template.groups, undefined);
  assert.ok(template.mode === 'crud' && template.read.length === 0);
  assert.match(
    warnings[0],
    /^t\.yml:3: 'read' begins with an empty entry, so its 2 other entries are ignored/,
  );
});
