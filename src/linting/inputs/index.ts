/**
 * lint's inputs: the paths given on the command line turned into policies with source positions, file by
 * file. A path is a file, a folder (walked recursively, see read.ts) or `-` for stdin; a file is told apart
 * by its content: a policy document, get-account-authorization-details output, a CloudFormation template
 * (JSON, YAML or CDK synth output) or a Terraform plan or state. A file that cannot be read or parsed
 * becomes a problem of its own and the others are still read.
 *
 * Inside folders lint is quieter than with files named explicitly: JSON that is none of the above
 * (package.json, tsconfig.json, CDK manifests) and YAML that is not CloudFormation (CI workflows,
 * Kubernetes) are skipped, and a JSON syntax error is reported only in a file that mentions a policy's or
 * a template's elements.
 */
import { statSync } from 'node:fs';
import { isAuthorizationDetails } from '../../analysis/auth-details.js';
import type { PolicyType } from '../types.js';
import { authorizationDetailsInputs } from './auth-details.js';
import { cloudFormationInputs, isCloudFormationTemplate } from './cloudformation.js';
import { duplicateKeysIn, parseStrictJson } from './json-text.js';
import { duplicateKeyProblem, LazyJsonFile, policyOf } from './policy-site.js';
import { describeFsError, lintableFilesUnder, readInputText } from './read.js';
import { jsonSourceTree, toValue } from './source-tree.js';
import { isTerraformJson, terraformInputs } from './terraform.js';
import { LineIndex } from './text-position.js';
import type { FileInputs, InputProblem } from './types.js';
import { yamlSourceTree } from './yaml-tree.js';

export interface ReadLintInputsOptions {
  /** The type of plain policy documents (files, stdin); others take theirs from where they stand. Default identity. */
  policyType?: PolicyType;
  /** Reads stdin for `-`. Default: file descriptor 0. */
  readStdin?: () => string;
}

/**
 * One input to read: a file (or `-`), or a path that could not be listed. Plain data, so that a list of
 * them can be split and sent to worker threads.
 */
export interface LintInputRef {
  path: string;
  /** Named on the command line, as opposed to found in a folder (see readLintFile). */
  explicit: boolean;
  /** Why the path cannot be read, when that is known from listing it. */
  unreadable?: string;
}

/** The policies (and problems) of every path, file by file, in the order given (folders sorted). */
export function* readLintInputs(
  paths: readonly string[],
  options: ReadLintInputsOptions = {},
): Generator<FileInputs> {
  for (const ref of listLintInputs(paths)) yield readLintInput(ref, options);
}

/** The files `paths` stand for, in the order readLintInputs reads them: folders walked and sorted. */
export function listLintInputs(paths: readonly string[]): LintInputRef[] {
  const refs: LintInputRef[] = [];
  for (const path of paths) {
    if (path === '-') {
      refs.push({ path, explicit: true });
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (e) {
      refs.push({ path, explicit: true, unreadable: describeFsError(e) });
      continue;
    }
    if (!isDir) {
      refs.push({ path, explicit: true });
      continue;
    }
    const { files, unreadable: folders } = lintableFilesUnder(path);
    for (const u of folders) refs.push({ path: u.path, explicit: false, unreadable: u.message });
    if (files.length === 0 && folders.length === 0) {
      const message = 'folder holds no *.json, *.yaml, *.yml or *.template files';
      refs.push({ path, explicit: true, unreadable: message });
    }
    for (const f of files) refs.push({ path: f, explicit: false });
  }
  return refs;
}

/** One listed input's policies and problems. */
export function readLintInput(ref: LintInputRef, options: ReadLintInputsOptions = {}): FileInputs {
  if (ref.unreadable !== undefined) return unreadable(ref.path, ref.unreadable);
  return readLintFile(ref.path, ref.explicit, options);
}

function unreadable(file: string, message: string): FileInputs {
  return { file, policies: [], problems: [{ file, rule: 'input/unreadable', message }] };
}

/**
 * One file's policies. `explicit`: named on the command line (anything unrecognised is reported), as
 * opposed to found in a folder (anything unrecognised is skipped).
 */
export function readLintFile(
  file: string,
  explicit: boolean,
  options: ReadLintInputsOptions = {},
): FileInputs {
  const out: FileInputs = { file, policies: [], problems: [] };
  const read = readInputText(file, options.readStdin);
  if (read.error !== undefined) return unreadable(file, read.error);
  const text = read.text;
  if (text.trim() === '') {
    if (explicit)
      out.problems.push({ file, rule: 'input/unreadable', message: 'empty input: nothing to lint' });
    return out;
  }
  const yaml = /\.ya?ml$/i.test(file) || (!/\.json$/i.test(file) && !/^\s*[{[]/.test(text));
  return yaml ? readYaml(file, text, explicit, out) : readJson(file, text, explicit, options, out);
}

function readYaml(file: string, text: string, explicit: boolean, out: FileInputs): FileInputs {
  // Most YAML in a repository is not CloudFormation: skip it before parsing.
  if (!explicit && !(text.includes('Resources') && text.includes('AWS::'))) return out;
  const parsed = yamlSourceTree(text);
  if (!parsed.tree) {
    const e = parsed.error ?? { message: 'cannot parse', offset: 0 };
    out.problems.push(
      syntaxProblem(file, 'grammar/yaml-syntax', `invalid YAML: ${e.message}`, parsed.position(e.offset)),
    );
    return out;
  }
  if (!isCloudFormationTemplate(toValue(parsed.tree))) {
    if (explicit) {
      const message =
        'not a CloudFormation template (no Resources with a Type); lint reads YAML only as CloudFormation';
      out.problems.push({ file, rule: 'input/unreadable', message });
    }
    return out;
  }
  cloudFormationInputs({ file, text, tree: parsed.tree, position: parsed.position }, out);
  return out;
}

const POLICY_HINT = /"(Statement|Version|Resources|PolicyDocument|UserDetailList|Policies|format_version)"/;

function readJson(
  file: string,
  text: string,
  explicit: boolean,
  options: ReadLintInputsOptions,
  out: FileInputs,
): FileInputs {
  const parsed = parseStrictJson(text);
  if (parsed.error) {
    if (explicit || POLICY_HINT.test(text)) {
      const lines = new LineIndex(text);
      out.problems.push(
        syntaxProblem(file, 'grammar/json-syntax', parsed.error.message, lines.position(parsed.error.offset)),
      );
    }
    return out;
  }
  const value = parsed.value;
  const source = new LazyJsonFile(file, text);
  if (parsed.duplicateKeys) {
    for (const d of duplicateKeysIn(source.tree()))
      out.problems.push(duplicateKeyProblem(source, d.key, d.offset));
  }
  if (isAuthorizationDetails(value)) authorizationDetailsInputs(value, source, out);
  else if (isCloudFormationTemplate(value)) {
    cloudFormationInputs({ file, text, tree: jsonSourceTree(text), position: source.position }, out);
  } else if (isTerraformJson(value)) terraformInputs(value, source, out);
  else if (explicit || looksLikePolicy(value)) {
    const site = { file, text, position: source.position, policyType: options.policyType ?? 'identity' };
    out.policies.push(policyOf(site, value, source.locator([])));
  }
  return out;
}

/**
 * A JSON object with a Statement element (in any case: a misspelt policy is still a policy), or with a
 * policy's Version; not merely any `version` (package.json).
 */
function looksLikePolicy(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = (value as Record<string, unknown>).Version;
  return v === '2012-10-17' || v === '2008-10-17' || Object.keys(value).some((k) => /^statement$/i.test(k));
}

function syntaxProblem(
  file: string,
  rule: InputProblem['rule'],
  message: string,
  at: { line: number; column: number },
): InputProblem {
  return { file, rule, message, line: at.line, column: at.column };
}

export type { FileInputs, InputProblem, PolicyInput } from './types.js';
export { INPUT_RULES, type InputRuleId } from './rules.js';
