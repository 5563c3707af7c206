/**
 * Accepted findings: the lint config file (`--config FILE`, else `.iamwright-lint.yml` in the working
 * directory when there is one) lists findings a team has looked at and accepts. They are left out of the
 * report's findings and of the exit code, and counted apart.
 *
 *   accept:
 *     - check: security/pass-role-star      # a check id or a family
 *       file: 'legacy/**'                    # a glob, relative to the config file's folder
 *       sid: LegacyDeploy                   # the statement's Sid (* and ? wildcards)
 *       policy: 'role/ci-*'                 # the policy's name inside its file (* and ? wildcards)
 *       reason: SEC-1234, until the role is retired
 *
 * An entry accepts the findings that match every selector it has; it needs at least one of check, file,
 * sid and policy. `reason` is free text for the people who read the file.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { ReportedFinding } from '../reporting/finding.js';
import { didYouMean, UserError } from '../util/errors.js';
import { describeSize, INPUT_LIMITS } from '../util/limits.js';
import { matchesWildcard } from '../util/wildcard.js';
import { selectableNames, selects } from './selection.js';

/** The config file lint reads from the working directory when --config is not given. */
export const DEFAULT_CONFIG_FILE = '.iamwright-lint.yml';

export interface AcceptEntry {
  check?: string;
  file?: string;
  sid?: string;
  policy?: string;
  reason?: string;
}

export interface LintConfig {
  accept: AcceptEntry[];
  /** The folder `file` globs are relative to. */
  baseDir: string;
}

const ENTRY_KEYS = ['check', 'file', 'sid', 'policy', 'reason'] as const;
const SELECTORS = ['check', 'file', 'sid', 'policy'] as const;

/** Reads and validates a lint config file. Throws UserError naming the file, line and problem. */
export function readLintConfig(file: string): LintConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read lint config ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (text.length > INPUT_LIMITS.maxBytes) {
    throw new UserError(`lint config ${file} is over the ${describeSize(INPUT_LIMITS.maxBytes)} limit`);
  }
  return parseLintConfig(text, file);
}

export function parseLintConfig(text: string, file: string, baseDir = dirname(resolve(file))): LintConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const fail = (node: Node | null | undefined, message: string): never => {
    const offset = node?.range?.[0];
    const at = offset === undefined ? '' : ` line ${lines.linePos(offset).line}:`;
    throw new UserError(`${file}:${at} ${message}`);
  };
  if (doc.errors.length) {
    const e = doc.errors[0];
    throw new UserError(
      `${file}: line ${lines.linePos(e.pos[0]).line}: invalid YAML: ${e.message.split('\n')[0]}`,
    );
  }
  const config: LintConfig = { accept: [], baseDir };
  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return config;
  if (!isMap(root)) return fail(root, "expected a mapping with an 'accept' list");
  for (const pair of root.items) {
    const key = pair.key as Node;
    const name = isScalar(key) ? String(key.value) : '';
    if (name !== 'accept') fail(key, `unknown key '${name}'; a lint config has 'accept'`);
    const list = pair.value as Node | null;
    if (list === null || (isScalar(list) && list.value === null)) continue;
    if (!isSeq(list))
      return fail(list, "'accept' must be a list of entries with check, file, sid, policy, reason");
    list.items.forEach((item, i) => config.accept.push(readEntry(item as Node, i, fail)));
  }
  return config;
}

function readEntry(
  item: Node,
  i: number,
  fail: (node: Node | null | undefined, message: string) => never,
): AcceptEntry {
  const where = `accept[${i}]`;
  if (!isMap(item)) return fail(item, `${where} must be a mapping with check, file, sid, policy or reason`);
  const entry: AcceptEntry = {};
  for (const pair of item.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    if (!(ENTRY_KEYS as readonly string[]).includes(key)) {
      fail(
        keyNode,
        `${where}: unknown key '${key}'${didYouMean(key, ENTRY_KEYS)}; allowed: ${ENTRY_KEYS.join(', ')}`,
      );
    }
    const value = pair.value as Node | null;
    if (!value || !isScalar(value) || typeof value.value !== 'string' || value.value.trim() === '') {
      fail(value ?? keyNode, `${where}.${key} must be a non-empty string`);
    }
    entry[key as keyof AcceptEntry] = (value as { value: string }).value.trim();
  }
  if (!SELECTORS.some((s) => entry[s] !== undefined)) {
    fail(item, `${where} names none of ${SELECTORS.join(', ')}: it would accept every finding`);
  }
  if (entry.check !== undefined) {
    const known = selectableNames();
    if (!known.includes(entry.check)) {
      const node = item.items.find((p) => isScalar(p.key) && p.key.value === 'check')?.value as Node;
      fail(node, `${where}.check: unknown check or family '${entry.check}'${didYouMean(entry.check, known)}`);
    }
  }
  return entry;
}

/** Does `entry` accept `finding`? */
export function accepts(entry: AcceptEntry, finding: ReportedFinding, baseDir: string): boolean {
  if (entry.check !== undefined && !selects({ checks: [entry.check] }, finding.ruleId)) return false;
  if (entry.sid !== undefined && (finding.sid === undefined || !matchesWildcard(entry.sid, finding.sid)))
    return false;
  if (
    entry.policy !== undefined &&
    (finding.policy === undefined || !matchesWildcard(entry.policy, finding.policy))
  )
    return false;
  if (entry.file !== undefined) {
    const file = finding.location.file;
    if (file === '-') return entry.file === '-';
    if (!globToRegExp(slashes(resolve(baseDir, entry.file))).test(slashes(resolve(file)))) return false;
  }
  return true;
}

function slashes(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

const globCache = new Map<string, RegExp>();

/**
 * A path glob as a regular expression: `**` any folders (none included), `*` any characters but a
 * separator, `?` one; `/` separates folders.
 */
export function globToRegExp(glob: string): RegExp {
  let re = globCache.get(glob);
  if (re) return re;
  const g = glob;
  let out = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      i++;
      if (g[i + 1] === '/') {
        i++;
        out += '(?:.*/)?';
      } else out += '.*';
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  re = new RegExp(`^${out}$`);
  globCache.set(glob, re);
  return re;
}

/** Splits findings into those reported and those an entry accepts. */
export function applyAccepted(
  findings: readonly ReportedFinding[],
  config: LintConfig | undefined,
): { findings: ReportedFinding[]; accepted: ReportedFinding[] } {
  if (!config?.accept.length) return { findings: [...findings], accepted: [] };
  const out = { findings: [] as ReportedFinding[], accepted: [] as ReportedFinding[] };
  for (const f of findings) {
    (config.accept.some((e) => accepts(e, f, config.baseDir)) ? out.accepted : out.findings).push(f);
  }
  return out;
}
