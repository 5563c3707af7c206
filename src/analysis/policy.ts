/**
 * Reading an IAM policy document given as parsed JSON: checking it is a policy and bringing each statement
 * to one shape (lists for Action/NotAction/Resource), while keeping the original statement for output.
 */
import { shown } from '../querying/printable.js';
import { UserError } from '../util/errors.js';

export type StatementEffect = 'Allow' | 'Deny';

/** A statement as the analysis sees it. */
export interface PolicyStatementView {
  /** Position in the Statement list (0 when Statement is a single object). */
  index: number;
  /** The Sid when there is one, else `#<index>`. */
  label: string;
  effect: StatementEffect;
  /** Exactly one of `actions` / `notActions` is set. */
  actions?: string[];
  notActions?: string[];
  resources?: string[];
  notResources?: string[];
  /** The statement carries a Condition: what it allows is allowed only sometimes. */
  conditional: boolean;
  /** The statement as written. */
  raw: Record<string, unknown>;
}

/** A document that is not a usable IAM policy. */
export class PolicyFormatError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'PolicyFormatError';
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function stringList(value: unknown, what: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((x) => typeof x === 'string')) return value as string[];
  throw new PolicyFormatError(`${what} must be a string or a list of strings`);
}

/** Checks that `doc` is an IAM policy document and returns its statements. Throws PolicyFormatError. */
export function readPolicyStatements(doc: unknown): PolicyStatementView[] {
  if (!isObject(doc)) {
    throw new PolicyFormatError(`not an IAM policy: expected a JSON object, found ${describe(doc)}`);
  }
  if (!('Statement' in doc)) {
    const keys = Object.keys(doc)
      .slice(0, 5)
      .map((k) => shown(k))
      .join(', ');
    throw new PolicyFormatError(`not an IAM policy: no Statement element${keys ? ` (keys: ${keys})` : ''}`);
  }
  const list = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return list.map((s, index) => readStatement(s, index));
}

function readStatement(s: unknown, index: number): PolicyStatementView {
  const where = `Statement[${index}]`;
  if (!isObject(s)) throw new PolicyFormatError(`${where} must be an object, found ${describe(s)}`);
  const sid = typeof s.Sid === 'string' && s.Sid !== '' ? s.Sid : undefined;
  const label = sid ?? `#${index}`;
  const at = sid ? `${where} (Sid ${shown(sid)})` : where;
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') {
    throw new PolicyFormatError(
      `${at}: Effect must be "Allow" or "Deny", found ${s.Effect === undefined ? 'none' : shown(JSON.stringify(s.Effect))}`,
    );
  }
  const hasAction = 'Action' in s;
  const hasNotAction = 'NotAction' in s;
  if (hasAction === hasNotAction) {
    throw new PolicyFormatError(`${at}: needs exactly one of Action or NotAction`);
  }
  const view: PolicyStatementView = {
    index,
    label,
    effect: s.Effect,
    conditional: 'Condition' in s && s.Condition !== null,
    raw: s,
  };
  if (hasAction) view.actions = stringList(s.Action, `${at}: Action`);
  else view.notActions = stringList(s.NotAction, `${at}: NotAction`);
  if ('Resource' in s) view.resources = stringList(s.Resource, `${at}: Resource`);
  if ('NotResource' in s) view.notResources = stringList(s.NotResource, `${at}: NotResource`);
  return view;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}
