/**
 * Checks on template text and on the parsed YAML tree made before the data is read, each giving one line
 * that says what is wrong in the user's terms rather than the YAML library's: a file that is not UTF-8, a
 * NUL byte, nesting beyond INPUT_LIMITS.maxDepth (the library's own limit is the call stack), a list or
 * mapping used as a key (the library would turn it into a string and print a warning of its own).
 */
import { isMap, isPair, isSeq, type LineCounter, type Node } from 'yaml';
import { UserError } from '../../util/errors.js';
import { INPUT_LIMITS } from '../../util/limits.js';

/** The message for nesting past the limit, shared with the parse error the library reports for it. */
export const TOO_DEEP = `nested too deeply (more than ${INPUT_LIMITS.maxDepth} levels)`;

/**
 * Text that was not UTF-8 when read (decoded as UTF-8 it shows NULs between characters, or U+FFFD for a
 * byte-order mark), or that holds a NUL byte: refused before YAML parsing, whose message would echo it.
 */
export function checkTemplateText(text: string, file: string): void {
  const nul = text.indexOf('\u0000');
  if (nul < 0) return;
  const head = text.slice(0, 256);
  const nuls = head.split('\u0000').length - 1;
  if (head.startsWith('\ufffd\ufffd') || nuls * 4 >= head.length) {
    throw new UserError(`${file}: the file is not UTF-8 (UTF-16?); save the template as UTF-8`);
  }
  const line = text.slice(0, nul).split('\n').length;
  throw new UserError(`${file}:${line}: the file contains a NUL byte; a template is UTF-8 text`);
}

/**
 * Walks the parsed tree (without following aliases, iteratively, so that depth costs no stack) and refuses
 * nesting deeper than INPUT_LIMITS.maxDepth, more than maxItems entries in one list or mapping, and keys
 * that are lists or mappings (`? [a, b]`).
 */
export function checkTemplateTree(contents: Node | null, file: string, lines: LineCounter): void {
  const place = (node: { range?: unknown } | null | undefined): string => {
    const offset = (node?.range as number[] | undefined)?.[0];
    return offset === undefined ? file : `${file}:${lines.linePos(offset).line}`;
  };
  const stack: [unknown, number][] = [[contents, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (isMap(node) || isSeq(node)) {
      const level = depth + 1;
      if (level > INPUT_LIMITS.maxDepth) throw new UserError(`${place(node)}: ${TOO_DEEP}`);
      if (node.items.length > INPUT_LIMITS.maxItems) {
        throw new UserError(
          `${place(node)}: too many entries in one list or mapping (more than ${INPUT_LIMITS.maxItems})`,
        );
      }
      // A pair in a list (`[a: 1]`) reads as a one-entry mapping: a level of its own.
      for (const item of node.items) stack.push([item, isSeq(node) && isPair(item) ? level + 1 : level]);
    } else if (isPair(node)) {
      const { key, value } = node;
      if (isMap(key) || isSeq(key)) {
        throw new UserError(
          `${place(key)}: a key must be a name, not ${isMap(key) ? 'a mapping' : 'a list'}`,
        );
      }
      stack.push([value, depth]);
    }
    // Scalars and aliases end the walk here: an alias points at a node walked where it is defined.
  }
}
