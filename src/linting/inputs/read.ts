/**
 * Reading lint's input files (through the shared reader of util/io), and finding them in folders.
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describeSize, INPUT_LIMITS } from '../../util/limits.js';
import { InputError, readInputText as readSharedInput } from '../../util/io/read-input.js';

export type TextOrError = { text: string; error?: undefined } | { error: string; text?: undefined };

/**
 * The text of `file` (`-`: stdin, or `readStdin` when given), a leading BOM removed; or why it cannot be read.
 * The shared reader (util/io) applies the input limits while reading.
 */
export function readInputText(file: string, readStdin?: () => string): TextOrError {
  let text: string;
  try {
    text = file === '-' && readStdin ? readStdin() : readSharedInput(file);
  } catch (e) {
    if (e instanceof InputError) return { error: e.reason };
    return { error: describeFsError(e, file === '-' ? 'stdin' : 'file') };
  }
  if (text.length > INPUT_LIMITS.maxBytes) {
    return { error: `input is over the ${describeSize(INPUT_LIMITS.maxBytes)} limit` };
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

export function describeFsError(e: unknown, what = 'file'): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return `cannot read ${what}: ${code ?? (e as Error).message}`;
}

/** File names lint reads when it walks a folder (JSON of every kind; YAML and .template as CloudFormation). */
export function isLintableName(name: string): boolean {
  return /\.(json|ya?ml|template)$/i.test(name);
}

/**
 * The files lint reads under a folder, recursively, sorted, and the folders that could not be read (so
 * that what was left out is said, never skipped silently). Skipped: node_modules and dot-folders (.git,
 * .terraform...: dependencies and caches, not the project's policies), symbolic links to folders (no
 * loops), and inside a CDK cloud assembly (a folder named cdk.out) everything but the synthesized
 * `*.template.json` templates (manifests, asset bundles).
 */
export function lintableFilesUnder(dir: string): {
  files: string[];
  unreadable: { path: string; message: string }[];
} {
  const files: string[] = [];
  const unreadable: { path: string; message: string }[] = [];
  const pending: [string, boolean][] = [[dir, basename(dir) === 'cdk.out']];
  while (pending.length) {
    const [d, inCdkOut] = pending.pop() as [string, boolean];
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch (e) {
      unreadable.push({ path: d, message: describeFsError(e, 'folder') });
      continue;
    }
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
        if (inCdkOut && e.name.startsWith('asset.')) continue;
        pending.push([p, inCdkOut || e.name === 'cdk.out']);
      } else if (e.isFile() || e.isSymbolicLink()) {
        if (inCdkOut ? /\.template\.json$/i.test(e.name) : isLintableName(e.name)) files.push(p);
      }
    }
  }
  return { files: files.sort(), unreadable: unreadable.sort((a, b) => (a.path < b.path ? -1 : 1)) };
}
