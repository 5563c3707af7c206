/**
 * Reading a write-policy template: YAML text -> checked against the template schema -> `Template`.
 * Every problem is a one-line UserError that names the file, the line and the key.
 */
import { LineCounter, isPair, isScalar, parseDocument, visit, type Document } from 'yaml';
import { UserError } from '../../util/errors.js';
import { printable } from '../../querying/printable.js';
import type { Template } from '../types.js';
import { yamlLocator } from './locate.js';
import { normalizeTemplate } from './normalize.js';
import { readPlainYaml } from './plain-yaml.js';
import { validateTemplateData, type Locator } from './validate.js';
import { checkTemplateText, checkTemplateTree, TOO_DEEP } from './yaml-checks.js';

/** A parsed template and what the user should hear about it without it being an error. */
export interface ParsedTemplate {
  template: Template;
  /** One line each, `file:line: ...`; for stderr. */
  warnings: string[];
}

/** Parses YAML template text; `file` names it in messages (e.g. the path given, or `<stdin>`). */
export function parseTemplate(text: string, file: string): Template {
  return parseTemplateDetailed(text, file).template;
}

/** parseTemplate, also returning warnings (a list ignored because it begins with an empty entry). */
export function parseTemplateDetailed(text: string, file: string): ParsedTemplate {
  if (typeof text !== 'string') {
    throw new UserError(`parseTemplate: text must be the template's YAML as a string, not ${typeName(text)}`);
  }
  if (typeof file !== 'string') {
    throw new UserError(`parseTemplate: file must be a string naming the template, not ${typeName(file)}`);
  }
  try {
    return parse(text, file);
  } catch (e) {
    // Values and file names echoed in a message must not break it over lines or drive the terminal.
    if (e instanceof UserError) throw new UserError(printable(e.message), e.exitCode);
    throw e;
  }
}

function typeName(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}

function parse(text: string, file: string): ParsedTemplate {
  checkTemplateText(text, file);
  const plain = readPlainYaml(text);
  if (plain !== undefined) {
    const read = fromPlainData(plain, file);
    if (read !== undefined) return read;
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    prettyErrors: false,
    // `<<` merge keys as policy_sentry's YAML reader (YAML 1.1) resolves them: explicit keys win.
    merge: true,
    // The library would print its warnings on stderr itself (a list or mapping used as a key is one): keys
    // are checked by checkTemplateTree, and what reaches the library through an alias is reported as the
    // unknown key it becomes.
    logLevel: 'error',
  });
  // The library gives up on deep nesting when it runs out of stack: say what the limit is instead.
  const syntax = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION') ?? doc.errors[0];
  if (syntax?.code === 'RESOURCE_EXHAUSTION') {
    throw new UserError(`${file}:${lines.linePos(syntax.pos[0]).line}: ${TOO_DEEP}`);
  }
  if (syntax) {
    const line = lines.linePos(syntax.pos[0]).line;
    const what =
      syntax.code === 'MULTIPLE_DOCS'
        ? "a template is one YAML document, but '---' starts another here"
        : syntax.message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
    throw new UserError(`${file}:${line}: YAML syntax error: ${what}${listHint(text, line)}`);
  }
  if (doc.contents === null) {
    throw new UserError(
      `${file}: the template is empty; 'iamwright create-template -t crud -o FILE' writes one to fill in`,
    );
  }
  checkTemplateTree(doc.contents, file, lines);
  // Only templates that mention conditions are walked: large ARN lists pay nothing.
  if (text.includes('conditions')) keepConditionText(doc);
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    // e.g. too many alias expansions (a "billion laughs" document)
    throw new UserError(`${file}: cannot read the YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const at = yamlLocator(file, doc, lines);
  const warnings: string[] = [];
  const template = normalizeTemplate(validateTemplateData(data, at), { at, warnings });
  // In file order: `file:line: ...`.
  const line = (w: string): number => Number.parseInt(w.slice(file.length + 1), 10) || 0;
  return { template, warnings: warnings.sort((a, b) => line(a) - line(b)).map(printable) };
}

/**
 * A template read by the fast path (plain-yaml.ts), when it is valid and has nothing to warn about.
 * Anything that needs a line number (an error, a warning) gives undefined instead, and the caller reads the
 * text again with the YAML library, whose node positions name the line: the same messages either way.
 */
function fromPlainData(data: unknown, file: string): ParsedTemplate | undefined {
  let located = false;
  const at: Locator = () => {
    located = true;
    return file;
  };
  try {
    const warnings: string[] = [];
    const template = normalizeTemplate(validateTemplateData(data, at), { at, warnings });
    return located || warnings.length > 0 ? undefined : { template, warnings };
  } catch {
    return undefined; // an invalid template: the library's reading reports it, with its line
  }
}

/**
 * The likely slip with a created template: entries written under `read: []` instead of replacing the
 * `[]`. Spotted when the last content line before the error ends in `: []`.
 */
function listHint(text: string, errorLine: number): string {
  const before = text.split(/\r?\n/).slice(0, errorLine - 1);
  const previous = before.reverse().find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  const key = previous === undefined ? null : /^\s*([\w-]+):\s*\[\]\s*(#.*)?$/.exec(previous);
  return key ? `; to fill '${key[1]}', replace its [] with the '- ...' lines` : '';
}

/** Keys whose values are condition blocks (template/conditions.ts). */
const CONDITION_SECTIONS = new Set(['conditions', 'access-level-conditions']);

/**
 * Condition blocks read as written: the operator `Null` is YAML's null when it is a plain key, and a plain
 * number loses its text (`012345678901`, an account ID, would become 12345678901; `1.50` would become 1.5).
 * So inside a condition block, `Null` keys stay the text `Null` and numbers keep their source text.
 */
function keepConditionText(doc: Document): void {
  visit(doc, {
    Scalar(key, node, path) {
      const inside = path.some(
        (p) => isPair(p) && isScalar(p.key) && CONDITION_SECTIONS.has(String(p.key.value)),
      );
      if (!inside || typeof node.source !== 'string') return;
      if (key === 'key' && node.value === null && node.source === 'Null') node.value = 'Null';
      else if (key !== 'key' && typeof node.value === 'number' && node.type === 'PLAIN')
        node.value = node.source;
    },
  });
}
