/**
 * Turning the paths given to `analyze` into policy documents: policy files, folders of them (every *.json,
 * recursively, in name order), `-` for stdin, and authorization-details files (one entry per policy).
 * Problems become entries with `error`, so one bad file does not stop the others; a folder that cannot be
 * read is such an entry too, never skipped in silence. Files and stdin are read by src/util/io/read-input.ts
 * (size limit while reading, slow pipes waited for).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describeSize, INPUT_LIMITS } from '../util/limits.js';
import { describeIoError } from '../util/io/errors.js';
import { InputError, readInputText, STDIN_PATH } from '../util/io/read-input.js';
import { authorizationDetailsPolicies, isAuthorizationDetails, type PolicySource } from './auth-details.js';
import { parseJsonText } from './json-text.js';

export interface ReadInputsOptions {
  /** Largest file read, in bytes. Default INPUT_LIMITS.maxBytes, 256 MiB (authorization details of a large account run to tens of MB). */
  maxBytes?: number;
  /** Deepest JSON nesting accepted. Default 64. */
  maxDepth?: number;
  /** Reads stdin for `-`. Default: file descriptor 0, through read-input.ts. */
  readStdin?: () => string;
  /**
   * Called with each authorization-details document read (parsed JSON) and its file, before its policies
   * are listed: for callers that need its users, groups and roles too. Default: none.
   */
  onAuthorizationDetails?: (details: Record<string, unknown>, file: string) => void;
}

export const DEFAULT_MAX_BYTES = INPUT_LIMITS.maxBytes;

/** Every policy document found under `paths`, in the order given (folders in file-name order). */
export function readPolicyInputs(paths: readonly string[], options: ReadInputsOptions = {}): PolicySource[] {
  const out: PolicySource[] = [];
  for (const path of paths) {
    if (path === STDIN_PATH) {
      let text: string;
      try {
        text = options.readStdin
          ? options.readStdin()
          : readInputText(STDIN_PATH, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES });
      } catch (e) {
        const reason = e instanceof InputError ? e.reason : (e as Error).message;
        out.push({ file: STDIN_PATH, kind: 'file', error: `cannot read stdin: ${reason}` });
        continue;
      }
      out.push(...policiesInText(text, STDIN_PATH, options));
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (e) {
      out.push({ file: path, kind: 'file', error: describeIoError(e, 'read') });
      continue;
    }
    if (!isDir) {
      out.push(...policiesInFile(path, options));
      continue;
    }
    const entries = jsonEntriesUnder(path);
    if (entries.length === 0) out.push({ file: path, kind: 'file', error: 'folder holds no *.json files' });
    for (const e of entries) {
      if (e.error !== undefined) out.push({ file: e.path, kind: 'file', error: e.error });
      else out.push(...policiesInFile(e.path, options));
    }
  }
  return out;
}

/**
 * *.json files under a folder, recursively, sorted. Symbolic links to folders are not followed (no loops).
 * Folders that cannot be read are left out here; readPolicyInputs reports them as errors.
 */
export function jsonFilesUnder(dir: string): string[] {
  return jsonEntriesUnder(dir).flatMap((e) => (e.error === undefined ? [e.path] : []));
}

/** The *.json files under `dir` and the folders that could not be read (with why), sorted by path. */
function jsonEntriesUnder(dir: string): { path: string; error?: string }[] {
  const found: { path: string; error?: string }[] = [];
  const pending = [dir];
  while (pending.length) {
    const d = pending.pop() as string;
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      found.push({ path: d, error: describeIoError(e, 'read') });
      continue;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) pending.push(p);
      else if ((e.isFile() || e.isSymbolicLink()) && e.name.toLowerCase().endsWith('.json'))
        found.push({ path: p });
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function policiesInFile(file: string, options: ReadInputsOptions): PolicySource[] {
  let text: string;
  try {
    text = readInputText(file, { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES });
  } catch (e) {
    if (e instanceof InputError) return [{ file, kind: 'file', error: e.reason }];
    throw e;
  }
  return policiesInText(text, file, options);
}

function policiesInText(text: string, file: string, options: ReadInputsOptions): PolicySource[] {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  // Files and stdin are held to the limit while read; this is for text from options.readStdin.
  if (text.length > max)
    return [{ file, kind: 'file', error: `input is over the ${describeSize(max)} limit` }];
  if (text.trim() === '')
    return [{ file, kind: 'file', error: 'empty input: expected a policy JSON document' }];
  let value: unknown;
  try {
    value = parseJsonText(text, { maxDepth: options.maxDepth });
  } catch (e) {
    return [{ file, kind: 'file', error: (e as Error).message }];
  }
  if (isAuthorizationDetails(value)) {
    options.onAuthorizationDetails?.(value, file);
    return authorizationDetailsPolicies(value, file);
  }
  return [{ file, kind: 'file', document: value }];
}
