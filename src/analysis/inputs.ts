/**
 * Turning the paths given to `analyze` into policy documents: policy files, folders of them (every *.json,
 * recursively, in name order), `-` for stdin, and authorization-details files (one entry per policy).
 * Problems become entries with `error`, so one bad file does not stop the others.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { authorizationDetailsPolicies, isAuthorizationDetails, type PolicySource } from './auth-details.js';
import { parseJsonText } from './json-text.js';

export interface ReadInputsOptions {
  /** Largest file read, in bytes. Default 256 MiB (authorization details of a large account run to tens of MB). */
  maxBytes?: number;
  /** Deepest JSON nesting accepted. Default 64. */
  maxDepth?: number;
  /** Reads stdin for `-`. Default: file descriptor 0. */
  readStdin?: () => string;
}

export const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/** Every policy document found under `paths`, in the order given (folders in file-name order). */
export function readPolicyInputs(paths: readonly string[], options: ReadInputsOptions = {}): PolicySource[] {
  const out: PolicySource[] = [];
  for (const path of paths) {
    if (path === '-') {
      let text: string;
      try {
        text = (options.readStdin ?? (() => readFileSync(0, 'utf8')))();
      } catch (e) {
        out.push({ file: '-', kind: 'file', error: `cannot read stdin: ${(e as Error).message}` });
        continue;
      }
      out.push(...policiesInText(text, '-', options));
      continue;
    }
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (e) {
      out.push({ file: path, kind: 'file', error: describeFsError(e) });
      continue;
    }
    const files = isDir ? jsonFilesUnder(path) : [path];
    if (isDir && files.length === 0)
      out.push({ file: path, kind: 'file', error: 'folder holds no *.json files' });
    for (const f of files) out.push(...policiesInFile(f, options));
  }
  return out;
}

/** *.json files under a folder, recursively, sorted. Symbolic links to folders are not followed (no loops). */
export function jsonFilesUnder(dir: string): string[] {
  const found: string[] = [];
  const pending = [dir];
  while (pending.length) {
    const d = pending.pop() as string;
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) pending.push(p);
      else if ((e.isFile() || e.isSymbolicLink()) && e.name.toLowerCase().endsWith('.json')) found.push(p);
    }
  }
  return found.sort();
}

function policiesInFile(file: string, options: ReadInputsOptions): PolicySource[] {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > max) return [{ file, kind: 'file', error: `file is ${mb(size)}, over the ${mb(max)} limit` }];
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return [{ file, kind: 'file', error: describeFsError(e) }];
  }
  return policiesInText(text, file, options);
}

function policiesInText(text: string, file: string, options: ReadInputsOptions): PolicySource[] {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (text.length > max) return [{ file, kind: 'file', error: `input is over the ${mb(max)} limit` }];
  if (text.trim() === '')
    return [{ file, kind: 'file', error: 'empty input: expected a policy JSON document' }];
  let value: unknown;
  try {
    value = parseJsonText(text, { maxDepth: options.maxDepth });
  } catch (e) {
    return [{ file, kind: 'file', error: (e as Error).message }];
  }
  if (isAuthorizationDetails(value)) return authorizationDetailsPolicies(value, file);
  return [{ file, kind: 'file', document: value }];
}

function mb(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return `cannot read: ${code ?? (e as Error).message}`;
}
