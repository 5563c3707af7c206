/**
 * Strict JSON with positions: a whole file, or a policy held as JSON text in a string of another document
 * (Terraform plans, authorization details, a CloudFormation PolicyDocument written as a string). For the
 * latter, positions inside the policy are mapped through the string's escapes to the file, so a finding
 * points at its element within the string's line.
 */
import { JsonTextError, parseJsonText } from '../../analysis/json-text.js';
import { INPUT_LIMITS } from '../../util/limits.js';
import { jsonSourceTree, type ScalarNode, type SourceNode } from './source-tree.js';

export interface JsonSyntaxError {
  message: string;
  /** Offset of the fault in the file. */
  offset: number;
}

export type ParsedJson =
  { value: unknown; error?: undefined } | { error: JsonSyntaxError; value?: undefined };

/** JSON.parse with the input limits; the error names the first fault and where it is. */
export function parseStrictJson(text: string, mapOffset: (offset: number) => number = (o) => o): ParsedJson {
  try {
    return { value: parseJsonText(text, { maxDepth: INPUT_LIMITS.maxDepth }) };
  } catch (e) {
    if (!(e instanceof JsonTextError)) throw e;
    // The message repeats the position the finding carries anyway.
    const message = e.message.replace(/^invalid JSON at line \d+, column \d+: /, 'invalid JSON: ');
    const offset = e.line === undefined ? 0 : offsetOfLine(text, e.line, e.column ?? 1);
    return { error: { message, offset: mapOffset(offset) } };
  }
}

function offsetOfLine(text: string, line: number, column: number): number {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf('\n', at);
    if (nl === -1) break;
    at = nl + 1;
  }
  return at + column - 1;
}

export interface EmbeddedJson {
  value?: unknown;
  tree?: SourceNode;
  error?: JsonSyntaxError;
}

/**
 * The JSON held in string `node` of `fileText`. When the string is a JSON literal in the file (its
 * `length` known), offsets inside map to their characters in the literal; otherwise (YAML, URL-encoded
 * text) every position is the string's own.
 */
export function parseEmbeddedJson(fileText: string, node: ScalarNode, text: string): EmbeddedJson {
  const map =
    node.length === undefined ? () => node.offset : literalOffsets(fileText, node.offset, node.length);
  const parsed = parseStrictJson(text, map);
  if (parsed.error) return { error: parsed.error };
  return { value: parsed.value, tree: jsonSourceTree(text, map) };
}

/**
 * For a JSON string literal at `offset` (its opening quote) of `length` characters: the file offset of
 * each character of its decoded value (one past the last for the end).
 */
function literalOffsets(fileText: string, offset: number, length: number): (i: number) => number {
  const at: number[] = [];
  const end = offset + length - 1; // the closing quote
  for (let i = offset + 1; i < end;) {
    at.push(i);
    if (fileText.charCodeAt(i) !== 92) i++;
    else i += fileText[i + 1] === 'u' ? 6 : 2;
  }
  at.push(end);
  return (i) => at[Math.min(Math.max(i, 0), at.length - 1)];
}
