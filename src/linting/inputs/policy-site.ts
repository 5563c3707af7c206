/**
 * Turning a value found in a file into a policy to lint, whatever the format around it: an object is the
 * document; a string is the document as JSON text (Terraform, authorization details, a CloudFormation
 * PolicyDocument written as a string) or, when it holds only placeholders, a value known at deploy time.
 */
import type { JsonPath, PolicyType, SizeQuota } from '../types.js';
import { jsonOffsetAt } from './json-offset.js';
import { parseEmbeddedJson, type EmbeddedJson } from './json-text.js';
import { jsonSourceTree, nodeAt, offsetOf, toValue, type SourceNode } from './source-tree.js';
import { LineIndex, type Position } from './text-position.js';
import type { InputProblem, PolicyInput } from './types.js';

/** Where a policy stands: its file, and what its place says about it. */
export interface PolicySite {
  file: string;
  /** The file's text (for strings holding JSON). */
  text: string;
  position(offset: number): Position;
  name?: string;
  policyType: PolicyType;
  sizeQuota?: SizeQuota;
}

/** The policy (when there is one to lint) and the problems found reading it. */
export interface SiteResult {
  policy?: PolicyInput;
  problems: InputProblem[];
}

/** The policy held by `node` (intrinsic functions already resolved). */
export function policyAt(node: SourceNode, site: PolicySite): SiteResult {
  if (node.kind === 'scalar' && typeof node.value === 'string') {
    const text = node.value;
    if (!text.trimStart().startsWith('{') && text.includes('${')) {
      const message = `the policy is '${text}', known only at deploy time; not checked`;
      return { problems: [problem(site, node.offset, 'input/unresolved-document', message)] };
    }
    const embedded = parseEmbeddedJson(site.text, node, text);
    if (embedded.error) {
      const message = `the policy string is not JSON: ${embedded.error.message}`;
      return { problems: [problem(site, embedded.error.offset, 'grammar/json-syntax', message)] };
    }
    const tree = embedded.tree as SourceNode;
    return {
      policy: policyOf(site, embedded.value, (path) => site.position(offsetOf(tree, path))),
      problems: (embedded.duplicates ?? []).map((d) => duplicateKeyProblem(site, d.key, d.offset)),
    };
  }
  return {
    policy: policyOf(site, toValue(node), (path) => site.position(offsetOf(node, path))),
    problems: [],
  };
}

export function policyOf(
  site: PolicySite,
  document: unknown,
  locate: (path: JsonPath) => Position,
): PolicyInput {
  const p: PolicyInput = { file: site.file, document, policyType: site.policyType, locate };
  if (site.name !== undefined) p.name = site.name;
  if (site.sizeQuota !== undefined) p.sizeQuota = site.sizeQuota;
  return p;
}

export function problem(
  site: Pick<PolicySite, 'file' | 'name' | 'position'>,
  offset: number,
  rule: InputProblem['rule'],
  message: string,
): InputProblem {
  const p: InputProblem = { file: site.file, rule, message, ...site.position(offset) };
  if (site.name !== undefined) p.policy = site.name;
  return p;
}

/** A key written twice in one object (only the last one is read). */
export function duplicateKeyProblem(
  site: Pick<PolicySite, 'file' | 'name' | 'position'>,
  key: string,
  offset: number,
): InputProblem {
  const message = `'${key}' appears more than once in the same object; parsers disagree on which counts (this reads the last)`;
  return problem(site, offset, 'grammar/duplicate-key', message);
}

/** Positions found by scanning a file's text before its tree is built (see LazyJsonFile.offsetAt). */
const SCANS_BEFORE_TREE = 8;

/**
 * A JSON file read with JSON.parse (fast), whose source tree is built only when a position is asked for:
 * most policies have no finding, and a large authorization-details file need never be parsed twice.
 */
export class LazyJsonFile {
  private lines: LineIndex;
  private root?: SourceNode;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.lines = new LineIndex(text);
  }

  position = (offset: number): Position => this.lines.position(offset);

  tree(): SourceNode {
    return (this.root ??= jsonSourceTree(this.text));
  }

  /** A locator for the document at `base` in the file. */
  locator(base: JsonPath): (path: JsonPath) => Position {
    return (path) => this.position(this.offsetAt([...base, ...path]));
  }

  private scans = 0;

  /**
   * The offset of `path`: the first few by scanning the text (a file with a finding or two needs no tree),
   * the rest through the tree (each scan reads up to the whole file; a large file with many findings
   * would read it again and again).
   */
  private offsetAt(path: JsonPath): number {
    if (this.root === undefined && this.scans < SCANS_BEFORE_TREE) {
      this.scans++;
      return jsonOffsetAt(this.text, path);
    }
    return offsetOf(this.tree(), path);
  }

  /** The JSON held as text in the string at `base`, parsed with positions in the file. */
  embedded(base: JsonPath, json: string): EmbeddedJson | undefined {
    const node = nodeAt(this.tree(), base);
    return node?.kind === 'scalar' ? parseEmbeddedJson(this.text, node, json) : undefined;
  }

  /** Where the first JSON fault of `json`, held in the string at `base`, stands in the file. */
  faultInString(base: JsonPath, json: string): Position {
    const node = nodeAt(this.tree(), base);
    if (node?.kind !== 'scalar') return this.locator(base)([]);
    return this.position(parseEmbeddedJson(this.text, node, json).error?.offset ?? node.offset);
  }

  /**
   * A locator for a document held as text in the string at `base`: `json` is that text when it is JSON
   * (positions map into the string), undefined when it is encoded (every position is the string's).
   */
  stringLocator(base: JsonPath, json: string | undefined): (path: JsonPath) => Position {
    let inner: ((path: JsonPath) => number) | undefined;
    return (path) => {
      if (!inner) {
        const node = nodeAt(this.tree(), base);
        const at = node?.offset ?? offsetOf(this.tree(), base);
        const parsed =
          node?.kind === 'scalar' && json !== undefined
            ? parseEmbeddedJson(this.text, node, json)
            : undefined;
        const tree = parsed?.tree;
        inner = tree ? (p) => offsetOf(tree, p) : () => at;
      }
      return this.position(inner(path));
    };
  }
}
