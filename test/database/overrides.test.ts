import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildDatabaseFromPages,
  parseOverrides,
  resolveOverridesFile,
} from '../../src/database/build/index.js';
import { UserError } from '../../src/util/errors.js';
import { servicePage } from './fixtures.js';

// appmesh's TagResource is documented as Write; the bundled overrides make it Tagging.
const appmesh = servicePage({
  service: 'App Mesh',
  prefix: 'appmesh',
  actions: [
    { name: 'TagResource', link: 'l', level: 'Write', rows: [['mesh', [], []]] },
    { name: 'UntagResource', link: 'm', level: 'Tagging', rows: [['mesh', [], []]] },
    { name: 'CreateMesh', link: 'n', level: 'Write', rows: [['mesh*', [], []]] },
  ],
});
const pages = [{ name: 'list_appmesh.html', html: appmesh }];
const level = (r: ReturnType<typeof buildDatabaseFromPages>, name: string) =>
  r.records[0].actions.find((a) => a.name === name)?.accessLevel;

test('the bundled overrides apply by default and are recorded in the meta', () => {
  const r = buildDatabaseFromPages(pages, { buildDate: 'd' });
  assert.equal(level(r, 'TagResource'), 'Tagging');
  assert.equal(level(r, 'CreateMesh'), 'Write');
  // UntagResource is already Tagging on the page: nothing to record.
  assert.deepEqual(r.meta.overridesApplied, [
    { prefix: 'appmesh', action: 'TagResource', from: 'Write', to: 'Tagging' },
  ]);
  assert.equal(r.meta.overridesFile, 'data/access-level-overrides.yml');
});

test('--no-overrides (null) leaves the documented levels', () => {
  const r = buildDatabaseFromPages(pages, { overridesFile: null, buildDate: 'd' });
  assert.equal(level(r, 'TagResource'), 'Write');
  assert.deepEqual(r.meta.overridesApplied, []);
  assert.equal(r.meta.overridesFile, null);
});

test("a user's file replaces the bundled one; names match without regard to case", () => {
  const file = join(mkdtempSync(join(tmpdir(), 'iamwright-ov-')), 'ov.yml');
  writeFileSync(file, 'appmesh:\n  Permissions management:\n    - CREATEMESH\n  Read:\n    - nosuchaction\n');
  const r = buildDatabaseFromPages(pages, { overridesFile: file, buildDate: 'd' });
  assert.equal(level(r, 'CreateMesh'), 'Permissions management');
  assert.equal(level(r, 'TagResource'), 'Write');
  assert.equal(r.meta.overridesFile, file);
  assert.match(r.report.warnings.join('\n'), /unknown action 'appmesh:nosuchaction'/);
});

test('an unknown access level is a UserError naming the file and the key', () => {
  assert.throws(
    () => parseOverrides('ec2:\n  Admin:\n    - runinstances\n', 'my-overrides.yml'),
    (e: unknown) =>
      e instanceof UserError &&
      /my-overrides\.yml: ec2: unknown access level 'Admin' \(allowed: Read, Write/.test(e.message),
  );
  assert.throws(() => parseOverrides('ec2: [a, b]\n', 'f.yml'), /f\.yml: ec2: expected a mapping/);
  assert.throws(
    () => parseOverrides('ec2:\n  Read: runinstances\n', 'f.yml'),
    /f\.yml: ec2\.Read: expected a list/,
  );
  assert.throws(() => parseOverrides('a: [\n', 'f.yml'), /f\.yml: not valid YAML/);
});

test('a missing overrides file is a UserError naming it', () => {
  assert.throws(
    () => buildDatabaseFromPages(pages, { overridesFile: '/nonexistent/ov.yml' }),
    (e: unknown) => e instanceof UserError && e.message.includes('/nonexistent/ov.yml'),
  );
});

test('which overrides: --no-overrides, then the option, then IAMWRIGHT_ACCESS_LEVEL_OVERRIDES, then bundled', () => {
  const env = { IAMWRIGHT_ACCESS_LEVEL_OVERRIDES: '/env.yml' };
  assert.equal(resolveOverridesFile({ noOverrides: true, file: '/x.yml' }, env), null);
  assert.equal(resolveOverridesFile({ file: '/x.yml' }, env), '/x.yml');
  assert.equal(resolveOverridesFile({}, env), '/env.yml');
  assert.equal(resolveOverridesFile({}, {}), undefined);
});
