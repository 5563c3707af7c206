/**
 * Linting files: every policy the inputs find (policy files, folders, stdin, authorization details,
 * CloudFormation, CDK, Terraform), through lintPolicy, with each finding placed at its line and column in
 * its file. A file that cannot be read or parsed is one finding of its own; the other files are still
 * linted. Never throws for bad input; throws UserError for a bad option.
 */
import type { IamDatabase } from '../database/database.js';
import type { ReportedFinding } from '../reporting/finding.js';
import { applyAccepted, type LintConfig } from './accepted.js';
import { listLintInputs, readLintInput, type LintInputRef } from './inputs/index.js';
import { INPUT_RULES } from './inputs/rules.js';
import type { FileInputs, PolicyInput } from './inputs/types.js';
import { lintPolicy } from './lint.js';
import { registrySelection, selects, validateRuleNames } from './selection.js';
import type { JsonPath, LintFinding, LintOptions, PolicyType } from './types.js';

export interface LintFilesOptions {
  /** The type of plain policy documents (files, stdin); others take theirs from where they stand. Default identity. */
  policyType?: PolicyType;
  /** Only these check ids or families (input rules included, e.g. `grammar/json-syntax`). Default: all. */
  checks?: readonly string[];
  /** Never these check ids or families. Default: none. */
  skipChecks?: readonly string[];
  /** Accepted findings (see accepted.ts). Default: none. */
  config?: LintConfig;
  /** Reads stdin for `-`. Default: file descriptor 0. */
  readStdin?: () => string;
  /** Lints one document. Default lintPolicy; tests pass their own to exercise the plumbing. */
  lint?: (db: IamDatabase, document: unknown, options: LintOptions) => LintFinding[];
}

export interface LintFilesResult {
  /** Findings to report, file by file in the order read, by line and column within a file. */
  findings: ReportedFinding[];
  /** Findings the config accepts. */
  accepted: ReportedFinding[];
  /** Paths that could not be read or are malformed (each also a finding, unless its rule is skipped). */
  errors: { file: string; message: string; line?: number; column?: number }[];
  /** Files that held policies (or could not be read), and policies linted. */
  files: number;
  policies: number;
}

const severityOf = new Map<string, ReportedFinding['severity']>(INPUT_RULES.map((r) => [r.id, r.severity]));

export function lintFiles(
  db: IamDatabase,
  paths: readonly string[],
  options: LintFilesOptions = {},
): LintFilesResult {
  return mergeLintParts([lintInputs(db, listLintInputs(paths), options)], options.config);
}

/**
 * What linting a run of inputs gives, before accepted findings are taken out: the part of a lint that one
 * thread does. Plain data (structured-clone-able), so that a worker thread can send it back.
 */
export interface LintPart {
  /** Every finding, file by file in the order of the inputs. */
  findings: ReportedFinding[];
  errors: LintFilesResult['errors'];
  files: number;
  policies: number;
}

/** Lints `inputs` (from listLintInputs, or a contiguous run of them). Accepted findings are not applied. */
export function lintInputs(
  db: IamDatabase,
  inputs: readonly LintInputRef[],
  options: Omit<LintFilesOptions, 'config'> = {},
): LintPart {
  validateRuleNames(options.checks, 'checks');
  validateRuleNames(options.skipChecks, 'skipChecks');
  const selection = { checks: options.checks, skipChecks: options.skipChecks };
  const registry = registrySelection(selection);
  const lint = options.lint ?? lintPolicy;
  const readOptions = {
    policyType: options.policyType,
    ...(options.readStdin && { readStdin: options.readStdin }),
  };
  // The same document in many places of a file (an inline policy on many roles) is linted once.
  const cache = new Map<string, LintFinding[]>();
  const result: LintPart = { findings: [], errors: [], files: 0, policies: 0 };
  for (const ref of inputs) {
    const file = readLintInput(ref, readOptions);
    if (file.policies.length || file.problems.length) result.files++;
    const found: ReportedFinding[] = [];
    for (const p of file.problems) {
      if (p.rule === 'input/unreadable' || p.rule === 'input/malformed') {
        result.errors.push({
          file: p.file,
          message: p.message,
          ...(p.line !== undefined && { line: p.line, column: p.column }),
        });
      }
      if (!selects(selection, p.rule)) continue;
      found.push(problemFinding(p));
    }
    // Only files with several policies are worth the key: a plain policy file is one document.
    const useCache = file.policies.length > 1;
    for (const policy of file.policies) {
      result.policies++;
      const lintOptions: LintOptions = { ...registry, policyType: policy.policyType };
      if (policy.sizeQuota) lintOptions.sizeQuota = policy.sizeQuota;
      let findings: LintFinding[] | undefined;
      if (useCache) {
        const key = `${policy.policyType}\0${policy.sizeQuota ?? ''}\0${JSON.stringify(policy.document)}`;
        findings = cache.get(key);
        if (!findings) cache.set(key, (findings = lint(db, policy.document, lintOptions)));
      } else findings = lint(db, policy.document, lintOptions);
      for (const f of findings) found.push(placed(f, policy));
    }
    for (const f of inFileOrder(found)) result.findings.push(f);
  }
  return result;
}

/**
 * The result of a lint done in parts over contiguous runs of the inputs, `parts` in the order of those runs:
 * the same as linting all the inputs at once.
 */
export function mergeLintParts(parts: readonly LintPart[], config?: LintConfig): LintFilesResult {
  const all: ReportedFinding[] = [];
  const result: LintFilesResult = { findings: [], accepted: [], errors: [], files: 0, policies: 0 };
  for (const part of parts) {
    for (const f of part.findings) all.push(f);
    for (const e of part.errors) result.errors.push(e);
    result.files += part.files;
    result.policies += part.policies;
  }
  const split = applyAccepted(all, config);
  result.findings = split.findings;
  result.accepted = split.accepted;
  return result;
}

function problemFinding(p: FileInputs['problems'][number]): ReportedFinding {
  const f: ReportedFinding = {
    ruleId: p.rule,
    severity: severityOf.get(p.rule) ?? 'error',
    message: p.message,
    location: { file: p.file, ...(p.line !== undefined && { line: p.line, column: p.column }) },
  };
  if (p.policy !== undefined) f.policy = p.policy;
  return f;
}

function placed(f: LintFinding, policy: PolicyInput): ReportedFinding {
  const out: ReportedFinding = {
    ruleId: f.check,
    severity: f.severity,
    message: f.message,
    location: { file: policy.file, ...policy.locate(f.path) },
    jsonPath: formatJsonPath(f.path),
  };
  if (policy.name !== undefined) out.policy = policy.name;
  const sid = sidAt(policy.document, f.path);
  if (sid !== undefined) out.sid = sid;
  return out;
}

/** Sorted by line and column (stable), duplicates dropped: a document read once per Fn::If branch. */
function inFileOrder(findings: ReportedFinding[]): ReportedFinding[] {
  const seen = new Set<string>();
  const unique = findings.filter((f) => {
    const l = f.location;
    const key = `${f.ruleId}\0${f.policy ?? ''}\0${l.line}:${l.column}\0${f.jsonPath ?? ''}\0${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      (a.location.line ?? 0) - (b.location.line ?? 0) || (a.location.column ?? 0) - (b.location.column ?? 0),
  );
}

/** `Statement[0].Condition.StringEquals["aws:SourceAccount"]`: the path as people write it. */
export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(step)) out += out ? `.${step}` : step;
    else out += `[${JSON.stringify(step)}]`;
  }
  return out;
}

/** The Sid of the statement `path` is in, when it has one. */
function sidAt(document: unknown, path: JsonPath): string | undefined {
  if (path[0] !== 'Statement' || document === null || typeof document !== 'object') return undefined;
  const st = (document as Record<string, unknown>).Statement;
  const stmt =
    typeof path[1] === 'number' && Array.isArray(st) ? st[path[1]] : Array.isArray(st) ? undefined : st;
  const sid = stmt !== null && typeof stmt === 'object' ? (stmt as Record<string, unknown>).Sid : undefined;
  return typeof sid === 'string' ? sid : undefined;
}
