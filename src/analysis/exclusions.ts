/**
 * Accepted risks, from `--exclude-actions` and `--exclusions-file`. The file is either YAML:
 *
 *   actions: [iam:PassRole, 's3:PutBucket*']   # never reported
 *   policies: [AdministratorAccess, 'ci-*']     # skipped: policy names, ARNs or file paths (wildcards allowed)
 *
 * or plain text, one action pattern a line, `#` for comments. A file whose text parses as a YAML mapping is
 * read as YAML; anything else as the line format.
 */
import { parse as parseYaml } from 'yaml';
import { UserError } from '../util/errors.js';
import { InputError, readInputText } from '../util/io/read-input.js';
import { parseActionList } from './risky-actions.js';

export interface Exclusions {
  /** Action patterns never reported. */
  actions: string[];
  /** Policies skipped, matched against the policy name, its ARN and its file path. */
  policies: string[];
}

const KEYS = ['actions', 'policies'];

/** Parses an exclusions file's text. Throws UserError naming the file and the problem. */
export function parseExclusions(text: string, file: string): Exclusions {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch {
    doc = undefined; // not YAML: the line format
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return { actions: parseActionList(text), policies: [] };
  }
  const record = doc as Record<string, unknown>;
  const unknown = Object.keys(record).filter((k) => !KEYS.includes(k));
  if (unknown.length) {
    throw new UserError(
      `${file}: unknown key '${unknown[0]}'; an exclusions file has 'actions' and 'policies'`,
    );
  }
  const list = (key: string): string[] => {
    const v = record[key];
    if (v === undefined || v === null) return [];
    if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
      return v.map((x) => x.trim()).filter(Boolean);
    if (typeof v === 'string') return [v.trim()];
    throw new UserError(`${file}: '${key}' must be a list of strings`);
  };
  return { actions: list('actions'), policies: list('policies') };
}

export function readExclusionsFile(file: string): Exclusions {
  let text: string;
  try {
    text = readInputText(file);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw new UserError(`cannot read exclusions file ${e.path === '-' ? 'from stdin' : file}: ${e.reason}`);
  }
  return parseExclusions(text, file);
}
