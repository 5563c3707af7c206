/** The SARIF 2.1.0 schema as a validator, for the tests of SARIF output (here and the CLI's). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import { ROOT } from '../support/paths.js';

const SCHEMA_FILE = join(
  ROOT,
  'node_modules',
  '@microsoft',
  'jest-sarif',
  'lib',
  'schemas',
  'sarif-2.1.0-rtm.5.json',
);

/**
 * The schema is written for draft-04 (`id`, `$schema` draft-04); it uses nothing draft-07 reads otherwise,
 * so it is compiled as draft-07 with its id renamed. Formats are checked by small validators of our own.
 */
export function sarifValidator() {
  const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // unicodeRegExp off: one of the schema's patterns (`language`) has a stray `]` that the u flag refuses.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/') && !/\s/.test(s));
  ajv.addFormat('date-time', (s: string) => !Number.isNaN(Date.parse(s)));
  return ajv.compile(schema);
}
export const validate = sarifValidator();

export function assertValid(log: unknown): void {
  const ok = validate(log);
  assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}
