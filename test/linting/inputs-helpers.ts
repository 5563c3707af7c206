/** Shared by the lint input tests: the fixtures, and positions found in a file's text by searching it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLintInputs, type ReadLintInputsOptions } from '../../src/linting/inputs/index.js';
import type { InputProblem, PolicyInput } from '../../src/linting/inputs/types.js';
import { ROOT } from '../support/paths.js';

export const FIXTURES = join(ROOT, 'test', 'fixtures', 'lint');

export function fixture(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

/**
 * Line and column (from 1) of the first `needle` in the file, searching from the first `after` when given:
 * the oracle for locate(), independent of the parsers under test.
 */
export function positionOf(file: string, needle: string, after?: string): { line: number; column: number } {
  const text = readFileSync(file, 'utf8');
  const from = after === undefined ? 0 : text.indexOf(after);
  if (from < 0) throw new Error(`'${after}' is not in ${file}`);
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`'${needle}' is not in ${file} after '${after}'`);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

export function readAll(
  paths: string[],
  options: ReadLintInputsOptions = {},
): { policies: PolicyInput[]; problems: InputProblem[] } {
  const policies: PolicyInput[] = [];
  const problems: InputProblem[] = [];
  for (const f of readLintInputs(paths, options)) {
    policies.push(...f.policies);
    problems.push(...f.problems);
  }
  return { policies, problems };
}

/** The only policy named `name` (throws when there is none or several). */
export function named(policies: PolicyInput[], name: string): PolicyInput {
  const found = policies.filter((p) => p.name === name);
  if (found.length !== 1) throw new Error(`${found.length} policies named ${name}`);
  return found[0];
}

/** The Resource values of every statement, flattened. */
export function resources(document: unknown): unknown[] {
  const st = (document as { Statement: unknown }).Statement;
  return (Array.isArray(st) ? st : [st]).flatMap((s) => {
    const r = (s as { Resource?: unknown }).Resource;
    return Array.isArray(r) ? r : [r];
  });
}
