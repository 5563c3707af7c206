/**
 * Accepted risks, from `--exclude-actions` and `--exclusions-file`. The file is either YAML:
 *
 *   actions: [iam:PassRole, 's3:PutBucket*']   # never reported
 *   policies: [AdministratorAccess, 'ci-*']     # skipped: policy names, ARNs or file paths (wildcards allowed)
 *
 * or plain text, one action pattern a line, `#` for comments. A file whose text parses as a YAML mapping is
 * read as YAML. A file that does not, but has an `actions:` or `policies:` key, is broken YAML: an error
 * naming the line, never quietly the line format (whose lines would then match nothing, so the accepted
 * risks would be ignored without a word). In the line format every line must be an action pattern.
 */
import { isMap, LineCounter, parseDocument, visit, type Document } from 'yaml';
import { UserError } from '../util/errors.js';
import { InputError, readInputText } from '../util/io/read-input.js';
import { escapeUnsafe, printableName } from '../util/printable.js';

export interface Exclusions {
  /** Action patterns never reported. */
  actions: string[];
  /** Policies skipped, matched against the policy name, its ARN and its file path. */
  policies: string[];
}

const KEYS = ['actions', 'policies'];

/** A line that starts a YAML `actions:` or `policies:` key (plain, quoted, in a flow mapping or a list). */
const YAML_KEY = /^[\s{-]*["']?(?:actions|policies)["']?\s*:/m;

/** `service:Action` with `*` and `?` wildcards, or `*` alone. */
const ACTION_PATTERN = /^(?:\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+)$/;

const FORMATS =
  "an exclusions file is YAML with 'actions' and 'policies' lists, or one action pattern a line";

/** Parses an exclusions file's text. Throws UserError naming the file, the line and the problem. */
export function parseExclusions(text: string, file: string): Exclusions {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, logLevel: 'error' });
  if (doc.errors.length === 0 && isMap(doc.contents)) return readYaml(doc, lines, file);
  if (YAML_KEY.test(text)) {
    const syntax = doc.errors[0];
    if (syntax) {
      const what = syntax.message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
      throw new UserError(
        `${file}:${lines.linePos(syntax.pos[0]).line}: YAML syntax error: ${what}; ${FORMATS}`,
      );
    }
    throw new UserError(`${file}: has an 'actions' or 'policies' key but is not a YAML mapping; ${FORMATS}`);
  }
  return { actions: readLines(text, file), policies: [] };
}

function readYaml(doc: Document, lines: LineCounter, file: string): Exclusions {
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // An alias bomb: name the line of the first alias, where the expansion starts.
    let at = '';
    visit(doc, {
      Alias(_, node) {
        if (node.range) at = `:${lines.linePos(node.range[0]).line}`;
        return visit.BREAK;
      },
    });
    throw new UserError(`${file}${at}: cannot read the YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((k) => !KEYS.includes(k));
  if (unknown.length) {
    throw new UserError(
      `${file}: unknown key '${printableName(unknown[0])}'; an exclusions file has 'actions' and 'policies'`,
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
  const actions = list('actions');
  const bad = actions.find((a) => !ACTION_PATTERN.test(a));
  if (bad !== undefined) {
    throw new UserError(
      `${file}: '${escapeUnsafe(bad)}' in 'actions' is not an action pattern (service:Action, wildcards allowed)`,
    );
  }
  return { actions, policies: list('policies') };
}

/** The line format: one action pattern a line, `#` comments, blank lines ignored. */
function readLines(text: string, file: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const name = line.replace(/#.*/, '').trim();
    if (!name) return;
    if (!ACTION_PATTERN.test(name)) {
      const shown = name.length > 60 ? `${name.slice(0, 60)}...` : name;
      throw new UserError(
        `${file}:${i + 1}: '${escapeUnsafe(shown)}' is not an action pattern (service:Action, wildcards ` +
          `allowed); ${FORMATS}`,
      );
    }
    out.push(name);
  });
  return out;
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
