/**
 * CloudFormation's intrinsic functions inside a policy document. Their values are known only at deploy
 * time, so lint reads each one as a placeholder that may stand for anything in its part of the string,
 * never as an error of its own. The convention shared with the checks: `${...}` inside a string is a
 * wildcard for its segment. Concretely:
 *
 * - `Fn::Sub` keeps its template string (`arn:${AWS::Partition}:s3:::${Bucket}/*`); variables given as
 *   literals in its second form are substituted, and `${!Literal}` becomes the literal `${Literal}` (an IAM
 *   policy variable), as CloudFormation does.
 * - `Ref X` reads `${X}` and `Fn::GetAtt [X, Attr]` reads `${X.Attr}`: what Fn::Sub writes for the same values.
 * - `Fn::Join` joins its parts; `Fn::Select` picks from a literal list; `Fn::FindInMap` looks the template's
 *   Mappings up when every key is literal. Anything else reads `${Fn::Name}` (`${ImportValue:Name}` for
 *   a literal export name).
 * - `Ref AWS::NoValue` removes the element or list item that holds it.
 * - `Fn::If [Cond, A, B]` is the whole value of one branch: a document is read once with every condition
 *   true and, when it holds an Fn::If, once more with every condition false, so both branches are linted.
 */
import { member, type Member, type ObjectNode, type SourceNode } from './source-tree.js';

export interface ResolveContext {
  /** Which branch every Fn::If takes: 0 the value if true, 1 the value if false. */
  branch: 0 | 1;
  /** The template's Mappings section, for Fn::FindInMap. */
  mappings?: SourceNode;
  /** Set when an Fn::If was met, so the caller knows to read the other branch too. */
  sawIf?: boolean;
}

/** The value of `node` with every intrinsic function replaced; undefined for `Ref AWS::NoValue`. */
export function resolveIntrinsics(node: SourceNode, ctx: ResolveContext): SourceNode | undefined {
  if (node.kind === 'scalar') return node;
  if (node.kind === 'array') {
    const items: SourceNode[] = [];
    for (const item of node.items) {
      const v = resolveIntrinsics(item, ctx);
      if (v) items.push(v);
    }
    return { kind: 'array', offset: node.offset, items };
  }
  const fn = intrinsicName(node);
  if (fn === undefined) {
    const members: Member[] = [];
    for (const m of node.members) {
      const v = resolveIntrinsics(m.value, ctx);
      if (v) members.push({ ...m, value: v });
    }
    return { kind: 'object', offset: node.offset, members };
  }
  const arg = node.members[0].value;
  if (fn === 'Ref' && arg.kind === 'scalar' && arg.value === 'AWS::NoValue') return undefined;
  if (fn === 'Fn::If') {
    const branch = ifBranch(arg, ctx);
    return branch && resolveIntrinsics(branch, ctx);
  }
  return { kind: 'scalar', offset: node.offset, value: intrinsicString(fn, arg, ctx) };
}

/** The function's name when `node` is an intrinsic function call: one key, `Ref` or `Fn::...`. */
export function intrinsicName(node: SourceNode): string | undefined {
  if (node.kind !== 'object' || node.members.length !== 1) return undefined;
  const key = node.members[0].key;
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}

function ifBranch(arg: SourceNode, ctx: ResolveContext): SourceNode | undefined {
  ctx.sawIf = true;
  return arg.kind === 'array' && arg.items.length === 3 ? arg.items[1 + ctx.branch] : undefined;
}

/** A value as the string it becomes inside a string; undefined for a list or an object. */
function stringOf(node: SourceNode, ctx: ResolveContext): string | undefined {
  if (node.kind === 'scalar') return node.value === null ? '' : String(node.value);
  const fn = intrinsicName(node);
  if (fn === undefined) return undefined;
  const arg = (node as ObjectNode).members[0].value;
  if (fn === 'Fn::If') {
    const branch = ifBranch(arg, ctx);
    return branch ? stringOf(branch, ctx) : '';
  }
  return intrinsicString(fn, arg, ctx);
}

function literal(node: SourceNode | undefined): string | undefined {
  return node?.kind === 'scalar' && (typeof node.value === 'string' || typeof node.value === 'number')
    ? String(node.value)
    : undefined;
}

function intrinsicString(fn: string, arg: SourceNode, ctx: ResolveContext): string {
  const unknown = `\${${fn}}`;
  switch (fn) {
    case 'Ref': {
      const name = literal(arg);
      return name === undefined ? unknown : `\${${name}}`;
    }
    case 'Fn::GetAtt': {
      if (arg.kind === 'scalar' && typeof arg.value === 'string') return `\${${arg.value}}`;
      if (arg.kind !== 'array') return unknown;
      const parts = arg.items.map(literal);
      return parts.every((p) => p !== undefined) ? `\${${parts.join('.')}}` : unknown;
    }
    case 'Fn::Sub':
      return substitute(arg, ctx) ?? unknown;
    case 'Fn::Join': {
      if (arg.kind !== 'array' || arg.items.length !== 2) return unknown;
      const [delimiter, list] = arg.items;
      if (list.kind !== 'array') return unknown;
      const parts: string[] = [];
      for (const item of list.items) {
        if (
          intrinsicName(item) === 'Ref' &&
          literal((item as ObjectNode).members[0].value) === 'AWS::NoValue'
        )
          continue;
        const s = stringOf(item, ctx);
        if (s === undefined) return unknown;
        parts.push(s);
      }
      return parts.join(literal(delimiter) ?? '');
    }
    case 'Fn::Select': {
      if (arg.kind !== 'array' || arg.items.length !== 2) return unknown;
      const index = Number(literal(arg.items[0]));
      const list = arg.items[1];
      const picked = list.kind === 'array' && Number.isInteger(index) ? list.items[index] : undefined;
      return (picked && stringOf(picked, ctx)) ?? unknown;
    }
    case 'Fn::FindInMap': {
      if (arg.kind !== 'array' || arg.items.length < 3) return unknown;
      const keys = arg.items.slice(0, 3).map(literal);
      if (keys.some((k) => k === undefined)) return unknown;
      let found: SourceNode | undefined = ctx.mappings;
      for (const k of keys as string[])
        found = found?.kind === 'object' ? member(found, k)?.value : undefined;
      const value = found && literal(found);
      return value ?? `\${FindInMap:${keys.join('.')}}`;
    }
    case 'Fn::ImportValue': {
      const name = literal(arg) ?? (intrinsicName(arg) === 'Fn::Sub' ? stringOf(arg, ctx) : undefined);
      return name === undefined ? unknown : `\${ImportValue:${name}}`;
    }
    default:
      return unknown;
  }
}

/** Fn::Sub's string with its literal variables substituted and `${!x}` unescaped; undefined if malformed. */
function substitute(arg: SourceNode, ctx: ResolveContext): string | undefined {
  let template: string | undefined;
  let variables: SourceNode | undefined;
  if (arg.kind === 'scalar') template = literal(arg);
  else if (arg.kind === 'array' && arg.items.length === 2) {
    template = literal(arg.items[0]);
    variables = arg.items[1];
  }
  if (template === undefined) return undefined;
  return template.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    const v = variables?.kind === 'object' ? member(variables, name)?.value : undefined;
    return (v && stringOf(v, ctx)) ?? whole;
  });
}
