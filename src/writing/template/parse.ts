/**
 * Reading a write-policy template: YAML text -> checked against the template schema -> `Template`.
 * Every problem is a one-line UserError that names the file, the line and the key.
 */
import { LineCounter, parseDocument } from 'yaml';
import { UserError } from '../../util/errors.js';
import type { Template } from '../types.js';
import { yamlLocator } from './locate.js';
import { normalizeTemplate } from './normalize.js';
import { validateTemplateData } from './validate.js';

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
  const lines = new LineCounter();
  // `<<` merge keys as policy_sentry's YAML reader (YAML 1.1) resolves them: explicit keys win.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, merge: true });
  const syntax = doc.errors[0];
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
  return { template, warnings: warnings.sort((a, b) => line(a) - line(b)) };
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
