/** Line numbers for template problems, from the YAML document's node ranges. */
import { isMap, isPair, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import type { DataPath, Locator } from './validate.js';

function keyNode(map: unknown, key: string | number): Node | undefined {
  if (!isMap(map)) return undefined;
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const k = pair.key;
    const text = isScalar(k) ? String(k.value) : String(k);
    if (text === String(key)) return k as Node;
  }
  return undefined;
}

/**
 * A Locator for a parsed YAML document: `file:line` of the node at the path, or of its nearest existing
 * ancestor when the path leads to something missing (a required key, say).
 */
export function yamlLocator(file: string, doc: Document, lines: LineCounter): Locator {
  const lineOf = (node: Node | null | undefined): number | undefined => {
    const offset = node?.range?.[0];
    return offset === undefined ? undefined : lines.linePos(offset).line;
  };
  return (path: DataPath, key = false) => {
    let line: number | undefined;
    if (key && path.length > 0) {
      line = lineOf(keyNode(doc.getIn(path.slice(0, -1), true), path[path.length - 1]));
    }
    for (let n = path.length; line === undefined && n >= 0; n--) {
      const node = n === 0 ? doc.contents : (doc.getIn(path.slice(0, n), true) as Node | undefined);
      line = lineOf(node);
    }
    return line === undefined ? file : `${file}:${line}`;
  };
}
