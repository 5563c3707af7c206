/**
 * What generate writes: a crud template (the default), for a person to read, trim and feed to
 * write-policy, or the policy itself (--policy), granting exactly the actions the calls needed on exactly
 * their resources. Both say apart what was refused.
 */
import type { IamDatabase } from '../database/database.js';
import { compileArnFormat, matchesFormat, parseArn, splitArn } from '../querying/arn-match.js';
import { assemble, unconditioned } from '../writing/policy/assemble.js';
import { StatementDrafts } from '../writing/policy/group.js';
import { statementId, WILDCARD_SID } from '../writing/policy/sid.js';
import type { PolicyDocument } from '../writing/types.js';
import { bindArnFormat } from './arn-format.js';
import type { ActionUses, Tally } from './tally.js';

const CRUD_SECTIONS = {
  Read: 'read',
  Write: 'write',
  List: 'list',
  Tagging: 'tagging',
  'Permissions management': 'permissions-management',
} as const;

const STS_SECTIONS: Record<string, string> = {
  'sts:AssumeRole': 'assume-role',
  'sts:AssumeRoleWithSAML': 'assume-role-with-saml',
  'sts:AssumeRoleWithWebIdentity': 'assume-role-with-web-identity',
};

/** `1,234 events` / `1 event`. */
function events(n: number): string {
  return `${n.toLocaleString('en-US')} event${n === 1 ? '' : 's'}`;
}

/** A YAML scalar on one line: plain when safe, else double-quoted JSON (valid YAML). */
function scalar(s: string): string {
  return /^[A-Za-z0-9][A-Za-z0-9:/._*\-${}?+=@,]*$/.test(s) && !/: |\s#/.test(s) ? s : JSON.stringify(s);
}

/** Entry -> per action, how many calls. */
type Asked = Map<string, Map<string, number>>;

function note(asked: Asked, entry: string, action: string, n: number): void {
  let m = asked.get(entry);
  if (!m) asked.set(entry, (m = new Map()));
  m.set(action, (m.get(action) ?? 0) + n);
}

function sortedKeys<T>(m: Map<string, T>): string[] {
  return [...m.keys()].sort();
}

/** `# 12 events: s3:GetObject (10), s3:PutObject (2)` */
function comment(indent: string, uses: Map<string, number>): string {
  let total = 0;
  for (const n of uses.values()) total += n;
  const parts = sortedKeys(uses).map((a) => `${a} (${uses.get(a)!.toLocaleString('en-US')})`);
  return `${indent}# ${events(total)}: ${parts.join(', ')}\n`;
}

function list(key: string, indent: string, asked: Asked | undefined): string {
  if (!asked || asked.size === 0) return `${indent}${key}: []\n`;
  let out = `${indent}${key}:\n`;
  for (const entry of sortedKeys(asked)) {
    out += comment(indent + '  ', asked.get(entry)!);
    out += `${indent}  - ${scalar(entry)}\n`;
  }
  return out;
}

export interface TemplateHeader {
  /** Lines said at the top, as comments (what was read, filters). */
  lines: string[];
  name: string;
}

/**
 * The crud template. An ARN goes under the access level of the actions that used it; write-policy grants
 * every action of that level on it, which is the crud model (broader than the calls: --policy is exact).
 * Actions that take no resource go to wildcard-only, those whose resource the calls did not show to
 * skip-resource-constraints (on "*", said in a comment), role ARNs of sts:AssumeRole* to sts, and an
 * action on another service's ARN (which crud cannot express) to skip-resource-constraints too.
 */
export function renderTemplate(tally: Tally, header: TemplateHeader): string {
  const sections = new Map<string, Asked>();
  const at = (section: string) => {
    let s = sections.get(section);
    if (!s) sections.set(section, (s = new Map()));
    return s;
  };
  for (const uses of tally.granted.values()) {
    const { action } = uses;
    for (const [resource, n] of uses.resources) {
      if (resource === '*') {
        const section = action.formats.length === 0 ? 'single-actions' : 'skip-resource-constraints';
        note(at(section), action.name, action.name, n);
        continue;
      }
      const sts = STS_SECTIONS[action.name];
      if (sts) {
        note(at(sts), resource, action.name, n);
        continue;
      }
      if (splitArn(resource)?.service !== action.service || !crudReaches(uses, resource)) {
        note(at('skip-resource-constraints'), action.name, action.name, n);
        continue;
      }
      note(at(CRUD_SECTIONS[action.accessLevel]), resource, action.name, n);
    }
  }
  let out = '# iamwright generate: a crud template from observed calls; review it, then\n';
  out += '#   iamwright write-policy -i THIS_FILE\n';
  out +=
    '# Each entry says how many calls asked for it. write-policy grants every action of an access level on\n';
  out +=
    '# the ARNs listed under it; `iamwright generate --policy` grants exactly the actions seen instead.\n';
  for (const l of header.lines) out += `# ${l}\n`;
  out += 'mode: crud\n';
  out += `name: ${scalar(header.name)}\n`;
  for (const key of Object.values(CRUD_SECTIONS)) out += list(key, '', sections.get(key));
  out += 'wildcard-only:\n';
  out += '  # Actions that take no resource ARN\n';
  out += list('single-actions', '  ', sections.get('single-actions'));
  const skipped = sections.get('skip-resource-constraints');
  if (skipped && skipped.size > 0) {
    out +=
      '# The calls did not show which resource these acted on (or crud cannot name it): granted on "*".\n';
    out += '# Narrow them by hand where you can.\n';
  }
  out += list('skip-resource-constraints', '', skipped);
  out += 'sts:\n';
  for (const key of Object.values(STS_SECTIONS)) out += list(key, '  ', sections.get(key));
  out += refusedComment(tally);
  return out;
}

/**
 * Does write-policy's crud matching (policy_sentry's rules, querying/arn-match.ts) take the ARN to one of
 * the action's resource types? It cuts ARNs at every `/` and `:`, so a log group named `/app/web` falls
 * under no log format there: such an action cannot be granted through a crud entry.
 */
function crudReaches(uses: ActionUses, resource: string): boolean {
  let parsed;
  try {
    parsed = parseArn(resource);
  } catch {
    return false;
  }
  return uses.action.formats.some((f) => matchesFormat(parsed, compileArnFormat(f.format)));
}

/** The refused calls, as comment lines (template) or report lines (stderr). */
export function refusedLines(tally: Tally): string[] {
  const lines: string[] = [];
  for (const name of sortedKeys(tally.denied)) {
    const uses = tally.denied.get(name)!;
    for (const resource of sortedKeys(uses.resources)) {
      lines.push(`${name} on ${resource} (${events(uses.resources.get(resource)!)})`);
    }
  }
  return lines;
}

/** Most refused (action, resource) pairs the template lists. */
const REFUSED_LISTED = 500;

function refusedComment(tally: Tally): string {
  const lines = refusedLines(tally);
  if (lines.length === 0) return '';
  let out =
    '# Refused: the principal tried these and was denied (AccessDenied and the like). Not granted above;\n';
  out += '# add them only if the application should be allowed to do them.\n';
  for (const l of lines.slice(0, REFUSED_LISTED)) out += `#   ${l}\n`;
  if (lines.length > REFUSED_LISTED) out += `#   and ${lines.length - REFUSED_LISTED} more\n`;
  return out;
}

/** The resource type of `resource` among the action's formats, for the statement id. */
function typeOf(uses: ActionUses, resource: string): string {
  for (const f of uses.action.formats) if (bindArnFormat(f, resource)) return f.resourceType;
  return 'Mult';
}

/**
 * The policy granting exactly what the calls needed: each action on the resources it was used on, actions
 * with the very same resources in one statement, named as write-policy names its statements
 * ({Service}{AccessLevel}{ResourceType}); actions on `*` in MultMultNone. Written by write-policy's
 * assembler, so that ordering and layout are the same.
 */
export function exactPolicy(db: IamDatabase, tally: Tally): PolicyDocument {
  const groups = new Map<string, { actions: string[]; resources: string[]; sid: string }>();
  for (const name of sortedKeys(tally.granted)) {
    const uses = tally.granted.get(name)!;
    const resources = sortedKeys(uses.resources);
    if (resources.includes('*')) {
      // `*` covers every resource: the action needs no other entry.
      const g = groups.get('*') ?? { actions: [], resources: ['*'], sid: WILDCARD_SID };
      g.actions.push(uses.action.name);
      groups.set('*', g);
      continue;
    }
    const key = resources.join('\u0000');
    let g = groups.get(key);
    if (!g) {
      const sid = statementId(uses.action.service, uses.action.accessLevel, typeOf(uses, resources[0]));
      groups.set(key, (g = { actions: [], resources, sid }));
    }
    g.actions.push(uses.action.name);
  }
  const drafts = new StatementDrafts();
  const used = new Map<string, number>();
  // MultMultNone first, as write-policy writes it; the others by id.
  const rank = (sid: string) => (sid === WILDCARD_SID ? '' : sid);
  const ordered = [...groups.values()].sort((a, b) =>
    rank(a.sid) < rank(b.sid) ? -1 : rank(a.sid) > rank(b.sid) ? 1 : 0,
  );
  for (const g of ordered) {
    if (g.sid === WILDCARD_SID) {
      for (const a of g.actions) drafts.addUnconstrained(a);
      continue;
    }
    const seen = used.get(g.sid) ?? 0;
    used.set(g.sid, seen + 1);
    const sid = seen === 0 ? g.sid : `${g.sid}${seen + 1}`;
    for (const r of g.resources) drafts.addResource(sid, r, r, () => [...g.actions]);
  }
  return assemble(db, unconditioned(drafts), { effect: 'Allow', excluded: new Set() }).policy;
}
