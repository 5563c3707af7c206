/**
 * Reading an IAM policy document given as parsed JSON: checking it is a policy whose statements AWS would
 * accept (statementProblems), and bringing each statement to one shape (lists for Action/NotAction/Resource),
 * while keeping the original statement for output.
 */
import { didYouMean, UserError } from '../util/errors.js';
import { escapeUnsafe, hasUnsafeCharacters, printableName } from '../util/printable.js';

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
  /**
   * The statement applies to every request it matches: no Condition, no NotPrincipal, and no Principal or
   * Principal `"*"`. A Deny must be this to take anything away (see isCertainDeny).
   */
  certain: boolean;
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

/** The elements a statement may have; AWS rejects a policy with any other. */
export const STATEMENT_ELEMENTS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
] as const;

/** The principal types of a Principal or NotPrincipal object. */
export const PRINCIPAL_TYPES = ['AWS', 'Service', 'Federated', 'CanonicalUser'] as const;

/** What makes a statement invalid: the element at fault (empty for the statement itself) and why. */
export interface StatementProblem {
  element: string;
  message: string;
}

/**
 * The problems that make a statement one AWS would reject, whatever the kind of policy: elements it does not
 * know, wrong types, both of an element and its Not form, and no Resource or NotResource in a
 * statement without a Principal (only trust policies leave Resource out, and they name a Principal).
 * Empty when the statement is valid. The first problem is the one to report.
 */
export function statementProblems(s: unknown): StatementProblem[] {
  if (!isObject(s)) return [{ element: '', message: `must be an object, found ${describe(s)}` }];
  const out: StatementProblem[] = [];
  for (const key of Object.keys(s)) {
    if (ELEMENTS.has(key)) continue;
    const hint = didYouMean(key, STATEMENT_ELEMENTS) || `; a statement has ${STATEMENT_ELEMENTS.join(', ')}`;
    out.push({ element: key, message: `unknown element ${quoteKey(key)}${hint}` });
  }
  if ('Sid' in s && typeof s.Sid !== 'string') {
    out.push({ element: 'Sid', message: `Sid must be a string, found ${describe(s.Sid)}` });
  }
  if (s.Effect !== 'Allow' && s.Effect !== 'Deny') {
    const found = s.Effect === undefined ? 'none' : describeValue(s.Effect);
    out.push({ element: 'Effect', message: `Effect must be "Allow" or "Deny", found ${found}` });
  }
  pairProblem(s, 'Action', true, out);
  for (const key of LIST_ELEMENTS) {
    if (key in s && !isStringList(s[key])) {
      out.push({
        element: key,
        message: `${key} must be a string or a list of strings, found ${describe(s[key])}`,
      });
    }
  }
  pairProblem(s, 'Principal', false, out);
  for (const key of PRINCIPAL_ELEMENTS) {
    const why = key in s ? principalProblem(s[key]) : undefined;
    if (why) out.push({ element: key, message: `${key} ${why}` });
  }
  pairProblem(s, 'Resource', !('Principal' in s || 'NotPrincipal' in s), out);
  const why = 'Condition' in s ? conditionProblem(s.Condition) : undefined;
  if (why) out.push({ element: 'Condition', message: `Condition ${why}` });
  return out;
}

const ELEMENTS = new Set<string>(STATEMENT_ELEMENTS);
const LIST_ELEMENTS = ['Action', 'NotAction', 'Resource', 'NotResource'];
const PRINCIPAL_ELEMENTS = ['Principal', 'NotPrincipal'];

/** Both `name` and `Not<name>` (an error), or neither when one is `required`. */
function pairProblem(s: Record<string, unknown>, name: string, required: boolean, out: StatementProblem[]) {
  const not = `Not${name}`;
  if (name in s && not in s) {
    out.push({ element: not, message: `has both ${name} and ${not}; a statement takes one of them` });
  } else if (required && !(name in s) && !(not in s)) {
    out.push({ element: name, message: `needs exactly one of ${name} or ${not}` });
  }
}

/**
 * A string or a list of strings. An empty list is let through: it grants or denies nothing, so it cannot
 * make a Deny look stronger than it is.
 */
function isStringList(value: unknown): boolean {
  if (typeof value === 'string') return true;
  if (!Array.isArray(value)) return false;
  for (const x of value) if (typeof x !== 'string') return false;
  return true;
}

function isConditionValue(value: unknown): boolean {
  const t = typeof value;
  return t === 'string' || t === 'boolean' || t === 'number';
}

function principalProblem(value: unknown): string | undefined {
  if (value === '*') return undefined;
  if (!isObject(value)) return `must be "*" or an object of principal types, found ${describeValue(value)}`;
  const keys = Object.keys(value);
  if (keys.length === 0) return 'must name at least one principal';
  for (const key of keys) {
    if (!(PRINCIPAL_TYPES as readonly string[]).includes(key)) {
      const hint = didYouMean(key, PRINCIPAL_TYPES) || `; types: ${PRINCIPAL_TYPES.join(', ')}`;
      return `has unknown principal type ${quoteKey(key)}${hint}`;
    }
    if (!isStringList(value[key])) {
      return `${key} must be a string or a list of strings, found ${describe(value[key])}`;
    }
  }
  return undefined;
}

/** A Condition is an object of operators, each an object of condition keys and their values. */
function conditionProblem(value: unknown): string | undefined {
  if (!isObject(value)) return `must be an object of condition operators, found ${describe(value)}`;
  for (const operator of Object.keys(value)) {
    const keys = value[operator];
    if (!isObject(keys)) {
      return `${quoteKey(operator)} must be an object of condition keys, found ${describe(keys)}`;
    }
    for (const key of Object.keys(keys)) {
      const v = keys[key];
      if (isConditionValue(v) || (Array.isArray(v) && v.every(isConditionValue))) continue;
      return `${quoteKey(operator)} ${quoteKey(key)} must be a value or a list of values, found ${describe(v)}`;
    }
  }
  return undefined;
}

/** Checks that `doc` is an IAM policy document and returns its statements. Throws PolicyFormatError. */
export function readPolicyStatements(doc: unknown): PolicyStatementView[] {
  if (!isObject(doc)) {
    throw new PolicyFormatError(`not an IAM policy: expected a JSON object, found ${describe(doc)}`);
  }
  if (!('Statement' in doc)) {
    const keys = Object.keys(doc)
      .slice(0, 5)
      .map((k) => printableName(k))
      .join(', ');
    throw new PolicyFormatError(`not an IAM policy: no Statement element${keys ? ` (keys: ${keys})` : ''}`);
  }
  const list = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return list.map((s, index) => readStatement(s, index));
}

function readStatement(s: unknown, index: number): PolicyStatementView {
  const where = `Statement[${index}]`;
  const problems = statementProblems(s);
  const st = s as Record<string, unknown>;
  const sid = isObject(s) && typeof st.Sid === 'string' && st.Sid !== '' ? st.Sid : undefined;
  if (problems.length) {
    const at = sid ? `${where} (Sid ${printableName(sid)})` : where;
    const { message } = problems[0];
    throw new PolicyFormatError(problems[0].element ? `${at}: ${message}` : `${at} ${message}`);
  }
  const list = (v: unknown) => (typeof v === 'string' ? [v] : (v as string[]));
  const view: PolicyStatementView = {
    index,
    label: sid ?? `#${index}`,
    effect: st.Effect as StatementEffect,
    conditional: 'Condition' in st,
    certain: appliesToEveryRequest(st),
    raw: st,
  };
  if ('Action' in st) view.actions = list(st.Action);
  else view.notActions = list(st.NotAction);
  if ('Resource' in st) view.resources = list(st.Resource);
  if ('NotResource' in st) view.notResources = list(st.NotResource);
  return view;
}

/**
 * Does a valid statement apply to every request it matches, whoever makes it and whatever the context?
 * Only without Condition and NotPrincipal, and with no Principal or Principal `"*"` (everyone). This is
 * the half of the certain-Deny rule (see isCertainDeny in deny.ts) that does not depend on resources.
 */
export function appliesToEveryRequest(s: Record<string, unknown>): boolean {
  return !('Condition' in s) && !('NotPrincipal' in s) && (!('Principal' in s) || s.Principal === '*');
}

/** A key in a message: `'key'`, or JSON-quoted with escapes when it holds a control character. */
function quoteKey(key: string): string {
  return hasUnsafeCharacters(key) ? printableName(key) : `'${key}'`;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

/** Short scalars as written (JSON), anything else by its type. */
function describeValue(v: unknown): string {
  if (typeof v === 'string' && v.length <= 60) return escapeUnsafe(JSON.stringify(v));
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return describe(v);
}
