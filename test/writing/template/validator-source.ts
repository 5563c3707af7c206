/**
 * Generates src/writing/template/schema-validator.ts: ajv's standalone code for schema/template.schema.json,
 * so that the CLI validates templates without compiling the schema on every run (that took ~70 ms).
 * validator.test.ts checks the file is current; IAMWRIGHT_UPDATE_GENERATED=1 rewrites it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import * as standalone from 'ajv/dist/standalone/index.js';
import { format, resolveConfig } from 'prettier';
import { ROOT } from '../../support/paths.js';

export const SCHEMA_FILE = join(ROOT, 'schema', 'template.schema.json');
export const VALIDATOR_FILE = join(ROOT, 'src', 'writing', 'template', 'schema-validator.ts');

/** The options the parser relies on: nullable unions, and `data` on errors for the messages. */
export const AJV_OPTIONS = { allowUnionTypes: true, verbose: true } as const;

export async function validatorSource(): Promise<string> {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as object;
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true } });
  // ajv/dist/standalone is CommonJS: the namespace's default is module.exports, whose .default is the function.
  const code = standalone.default.default(ajv, ajv.compile(schema));
  const header = [
    '// GENERATED from schema/template.schema.json by test/writing/template/validator-source.ts; do not edit.',
    '// Regenerate: IAMWRIGHT_UPDATE_GENERATED=1 node scripts/run-tests.mjs test/writing/template/validator.test.ts',
    '/* eslint-disable */',
    '// @ts-nocheck',
    '',
  ].join('\n');
  const options = (await resolveConfig(VALIDATOR_FILE)) ?? {};
  return format(header + code, { ...options, filepath: VALIDATOR_FILE });
}
