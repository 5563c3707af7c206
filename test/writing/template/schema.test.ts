import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { ROOT, CONFORMANCE, hasConformance } from '../../support/paths.js';
import { parseTemplate } from '../../../src/writing/template/parse.js';
import {
  ACTIONS_MODE_KEYS,
  CRUD_MODE_KEYS,
  STS_KEYS,
  WILDCARD_ONLY_KEYS,
} from '../../../src/writing/template/keys.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'template.schema.json'), 'utf8'));

test('the shipped schema compiles under ajv strict mode and is exported by the package', () => {
  const ajv = new Ajv({ strict: true, allowUnionTypes: true });
  ajv.compile(schema);
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  assert.equal(pkg.exports['./template-schema.json'], './schema/template.schema.json');
  assert.ok(pkg.files.includes('schema'));
});

test('the schema lists exactly the keys the parser knows', () => {
  const d = schema.definitions;
  assert.deepEqual(Object.keys(d.crudTemplate.properties).sort(), [...CRUD_MODE_KEYS].sort());
  assert.deepEqual(Object.keys(d.actionsTemplate.properties).sort(), [...ACTIONS_MODE_KEYS].sort());
  assert.deepEqual(
    Object.keys(d.crudTemplate.properties['wildcard-only'].properties).sort(),
    Object.keys(WILDCARD_ONLY_KEYS).sort(),
  );
  assert.deepEqual(
    Object.keys(d.crudTemplate.properties.sts.properties).sort(),
    Object.keys(STS_KEYS).sort(),
  );
});

test(
  'the schema alone (as an editor uses it) and parseTemplate agree on the kit templates',
  { skip: !hasConformance && '../shared/conformance is absent' },
  () => {
    const validate = new Ajv({ allowUnionTypes: true }).compile(schema);
    const dir = join(CONFORMANCE, 'cases');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
    assert.ok(files.length > 10);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const data = parse(text);
      if (data === null) continue; // empty: not a document an editor would check
      let parsed = true;
      try {
        parseTemplate(text, f);
      } catch {
        parsed = false;
      }
      assert.equal(validate(data), parsed, `${f}: schema says ${!parsed}, parser says ${parsed}`);
    }
  },
);
