/**
 * CloudFormation YAML with source positions. The short forms of the intrinsic functions (`!Sub`, `!Ref`,
 * `!GetAtt`...) are registered with the yaml library as custom tags, for scalars, sequences and mappings
 * alike, so the parser knows them and keeps the node they tag; the tree then spells each one as the long
 * form CloudFormation JSON uses (`{"Fn::Sub": ...}`), so that one resolver serves both formats.
 */
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import type { CollectionTag, ScalarTag } from 'yaml';
import { INPUT_LIMITS } from '../../util/limits.js';
import type { Member, SourceNode } from './source-tree.js';
import type { Position } from './text-position.js';

/** Short-form tag name -> the long form's key. */
const SHORT_FORMS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  ...Object.fromEntries(
    [
      'And',
      'Base64',
      'Cidr',
      'Equals',
      'FindInMap',
      'GetAZs',
      'GetAtt',
      'If',
      'ImportValue',
      'Join',
      'Length',
      'Not',
      'Or',
      'Select',
      'Split',
      'Sub',
      'ToJsonString',
      'Transform',
    ].map((f) => [`!${f}`, `Fn::${f}`]),
  ),
};

/** Every short form, on a scalar, a sequence and a mapping; each keeps its node as parsed. */
const CFN_TAGS: (ScalarTag | CollectionTag)[] = Object.keys(SHORT_FORMS).flatMap((tag) => [
  { tag, resolve: (value: string) => value } satisfies ScalarTag,
  { tag, collection: 'seq', resolve: (seq) => seq } satisfies CollectionTag,
  { tag, collection: 'map', resolve: (map) => map } satisfies CollectionTag,
]);

const TOO_DEEP = `nested deeper than ${INPUT_LIMITS.maxDepth} levels; not a template`;

export interface YamlResult {
  tree?: SourceNode;
  /** The first syntax error (or limit passed), when there is no tree. */
  error?: { message: string; offset: number };
  /** Line and column of an offset, from the parser's own line counter. */
  position(offset: number): Position;
}

/** Parses a CloudFormation YAML text into a source tree; the first syntax error otherwise. */
export function yamlSourceTree(text: string): YamlResult {
  const lines = new LineCounter();
  const position = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { line, column: col };
  };
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { customTags: CFN_TAGS, lineCounter: lines, prettyErrors: false });
  } catch (e) {
    // The parser recurses on nesting: input nested thousands deep can exhaust the stack.
    const message = e instanceof RangeError ? TOO_DEEP : `cannot parse: ${(e as Error).message}`;
    return { error: { message, offset: 0 }, position };
  }
  const [first] = doc.errors;
  if (first) {
    const message = /call stack/i.test(first.message) ? TOO_DEEP : first.message.split('\n')[0];
    return { error: { message, offset: first.pos[0] }, position };
  }
  if (!doc.contents) return { error: { message: 'the file holds no YAML document', offset: 0 }, position };
  try {
    return { tree: convert(doc.contents, doc, 0, { nodes: 0 }), position };
  } catch (e) {
    if (e instanceof YamlLimitError) return { error: { message: e.message, offset: e.offset }, position };
    throw e;
  }
}

class YamlLimitError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

function convert(node: Node, doc: Document.Parsed, depth: number, budget: { nodes: number }): SourceNode {
  const offset = node.range?.[0] ?? 0;
  // Aliases are followed, so a few anchors could stand for an exponential number of nodes: count them all.
  if (++budget.nodes > INPUT_LIMITS.maxItems) {
    throw new YamlLimitError(
      `more than ${INPUT_LIMITS.maxItems} values (through aliases); not a template`,
      offset,
    );
  }
  if (depth > INPUT_LIMITS.maxDepth) {
    throw new YamlLimitError(`nested deeper than ${INPUT_LIMITS.maxDepth} levels; not a template`, offset);
  }
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (!target) throw new YamlLimitError(`unknown alias *${node.source}`, offset);
    return convert(target, doc, depth + 1, budget);
  }
  const longForm = node.tag ? SHORT_FORMS[node.tag] : undefined;
  let value: SourceNode;
  if (isMap(node)) {
    const members: Member[] = [];
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      const keyOffset = key?.range?.[0] ?? offset;
      const keyText = key && isScalar(key) ? String(key.value) : '';
      const v = pair.value as Node | null;
      members.push({
        key: keyText,
        keyOffset,
        value: v ? convert(v, doc, depth + 1, budget) : { kind: 'scalar', offset: keyOffset, value: null },
      });
    }
    value = { kind: 'object', offset, members };
  } else if (isSeq(node)) {
    value = {
      kind: 'array',
      offset,
      items: node.items.map((i) =>
        i ? convert(i as Node, doc, depth + 1, budget) : { kind: 'scalar', offset, value: null },
      ),
    };
  } else if (isScalar(node)) {
    const v = node.value;
    value = {
      kind: 'scalar',
      offset,
      value:
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
          ? v
          : v === null
            ? null
            : String(v),
    };
  } else {
    value = { kind: 'scalar', offset, value: null };
  }
  if (!longForm) return value;
  return { kind: 'object', offset, members: [{ key: longForm, keyOffset: offset, value }] };
}
