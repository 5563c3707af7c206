/**
 * The template schema: schema/template.schema.json, shipped in the package so editors can validate
 * templates. The CLI runs ajv's standalone code for it (schema-validator.ts, generated and checked by
 * test/writing/template/validator.test.ts), which spares every run the ~70 ms of compiling the schema.
 */
import { readFileSync } from 'node:fs';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { packagePath } from '../../util/package-root.js';
import generated from './schema-validator.js';

const validate = generated as unknown as ValidateFunction;

let schemaJson: Record<string, unknown> | undefined;

/** The schema document, as shipped. */
export function templateSchema(): Record<string, unknown> {
  if (!schemaJson) {
    const text = readFileSync(packagePath('schema', 'template.schema.json'), 'utf8');
    schemaJson = JSON.parse(text) as Record<string, unknown>;
  }
  return schemaJson;
}

/**
 * Validates data against the schema and returns the first error worth showing (null when valid).
 * `if` errors only say that a `then` branch failed; the branch's own error, listed before it, is the one
 * that names the key.
 */
export function firstSchemaError(data: unknown): ErrorObject | null {
  if (validate(data)) return null;
  const errors = validate.errors ?? [];
  return errors.find((e) => e.keyword !== 'if') ?? errors[0] ?? null;
}
