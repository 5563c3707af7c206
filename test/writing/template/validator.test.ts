import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { VALIDATOR_FILE, validatorSource } from './validator-source.js';

test('the generated template validator matches schema/template.schema.json', async () => {
  const fresh = await validatorSource();
  if (process.env.IAMWRIGHT_UPDATE_GENERATED === '1') writeFileSync(VALIDATOR_FILE, fresh);
  assert.ok(
    readFileSync(VALIDATOR_FILE, 'utf8') === fresh,
    'src/writing/template/schema-validator.ts is stale: rerun with IAMWRIGHT_UPDATE_GENERATED=1',
  );
});
