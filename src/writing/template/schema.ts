/**
 * The template schema: schema/template.schema.json (shipped in the package so editors can validate
 * templates), compiled once with ajv on first use.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** Resolved the same from src/ (tsx) and dist/: both sit two folders below the package root. */
const SCHEMA_URL = new URL('../../../schema/template.schema.json', import.meta.url);

let compiled: ValidateFunction | undefined;
let schemaJson: Record<string, unknown> | undefined;

/** The schema document, as shipped. */
export function templateSchema(): Record<string, unknown> {
  schemaJson ??= JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as Record<string, unknown>;
  return schemaJson;
}

/**
 * Validates data against the schema and returns the first error worth showing (null when valid).
 * `if` errors only say that a `then` branch failed; the branch's own error, listed before it, is the one
 * that names the key.
 */
export function firstSchemaError(data: unknown): ErrorObject | null {
  if (!compiled) {
    // allowUnionTypes: lists and sections may be null (an empty `read:`), items may be null (a bare `-`).
    const ajv = new Ajv({ allowUnionTypes: true, verbose: true });
    compiled = ajv.compile(templateSchema());
  }
  if (compiled(data)) return null;
  const errors = compiled.errors ?? [];
  return errors.find((e) => e.keyword !== 'if') ?? errors[0] ?? null;
}
