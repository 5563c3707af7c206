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

/** Parses YAML template text; `file` names it in messages (e.g. the path given, or `<stdin>`). */
export function parseTemplate(text: string, file: string): Template {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lines.linePos(syntax.pos[0]).line;
    const what =
      syntax.code === 'MULTIPLE_DOCS'
        ? "a template is one YAML document, but '---' starts another here"
        : syntax.message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
    throw new UserError(`${file}:${line}: YAML syntax error: ${what}`);
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
  return normalizeTemplate(validateTemplateData(data, yamlLocator(file, doc, lines)));
}
