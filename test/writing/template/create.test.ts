import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseTemplate } from '../../../src/writing/template/parse.js';
import { templateText, parseTemplateType } from '../../../src/writing/template/create.js';
import { runCli } from '../../support/cli.js';

const CRUD_KEYS = [
  'mode',
  'name',
  'read',
  'write',
  'list',
  'tagging',
  'permissions-management',
  'wildcard-only',
  'skip-resource-constraints',
  'exclude-actions',
  'sts',
];

test('the crud starter has every section, and parses to an empty crud template', () => {
  const data = parse(templateText('crud')) as Record<string, Record<string, unknown>>;
  assert.deepEqual(Object.keys(data).sort(), [...CRUD_KEYS].sort());
  assert.deepEqual(Object.keys(data['wildcard-only']).sort(), [
    'service-list',
    'service-permissions-management',
    'service-read',
    'service-tagging',
    'service-write',
    'single-actions',
  ]);
  assert.deepEqual(Object.keys(data.sts).sort(), [
    'assume-role',
    'assume-role-with-saml',
    'assume-role-with-web-identity',
  ]);
  const t = parseTemplate(templateText('crud'), 'crud.yml');
  assert.equal(t.mode, 'crud');
  assert.equal(t.effect, 'Allow');
  assert.ok(t.mode === 'crud' && t.read.length === 0 && t.sts.assumeRole.length === 0);
});

test('the actions starter has mode, name and actions', () => {
  assert.deepEqual(Object.keys(parse(templateText('actions')) as object).sort(), ['actions', 'mode', 'name']);
  assert.deepEqual(parseTemplate(templateText('actions'), 'a.yml'), {
    mode: 'actions',
    name: '',
    effect: 'Allow',
    actions: [],
  });
});

test('template types are case-insensitive; others list the allowed ones', () => {
  assert.equal(parseTemplateType('CRUD'), 'crud');
  assert.equal(parseTemplateType('Actions'), 'actions');
  assert.throws(() => parseTemplateType('bogus'), /'bogus'.*allowed: crud, actions/);
});

test('create-template CLI: writes, refuses to overwrite, --force, stdout, errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-tpl-'));
  try {
    const file = join(dir, 't.yml');
    let r = runCli(['create-template', '-o', file, '-t', 'CRUD']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(file, 'utf8'), templateText('crud'));
    assert.match(r.stdout, /t\.yml/);

    writeFileSync(file, '# mine\n');
    r = runCli(['create-template', '--output-file', file, '--template-type', 'actions']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /^iamwright: .*exists already; use --force/);
    assert.equal(readFileSync(file, 'utf8'), '# mine\n', 'existing file untouched');

    r = runCli(['create-template', '-o', file, '-t', 'actions', '--force']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(file, 'utf8'), templateText('actions'));

    r = runCli(['create-template', '-o', '-', '-t', 'actions']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, templateText('actions'));

    const other = join(dir, 'other.yml');
    r = runCli(['create-template', '-o', other, '-t', 'bogus']);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /'bogus'.*crud.*actions/);
    assert.equal(existsSync(other), false);

    r = runCli(['create-template', '-o', other]);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /template-type/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
