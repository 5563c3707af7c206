/**
 * The one writer of output: stdout, stderr, and output files (`db export --out`, `create-template -o`).
 *
 * Everything is written synchronously with fs.writeSync, so a command's exit code is decided after its
 * output was written or failed, and a failure (ENOSPC on a full disk, EPIPE, EBADF on a stdout opened
 * read-only, EISDIR, EACCES...) becomes an OutputError: one line `cannot write <target>: <reason>`, exit 1.
 * process.stdout is never used for data: its errors arrive later, as events, after the exit code is set.
 *
 * One exception: when the reader of stdout stops early (`iamwright ... | head`), the command stops quietly
 * with exit 141, which is what the shell reports for cat, grep or git killed by SIGPIPE there: not an error
 * worth a message, but not a complete output either.
 */
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isatty } from 'node:tty';
import { UserError } from '../errors.js';
import { describeIoError } from './errors.js';
import { writeAllSync } from './sync-fd.js';

/** The output path that means stdout. (A file named `-` is `./-`.) */
export const STDOUT_PATH = '-';

/** Exit code when the reader of stdout went away early: 128 + SIGPIPE, as for a command killed by it. */
export const EXIT_BROKEN_PIPE = 141;

/** Output that could not be written. `message` is `cannot write <target>: <reason>`. */
export class OutputError extends UserError {
  constructor(
    /** `stdout`, or the path as given. */
    readonly target: string,
    /** Why, in words: `no space left on device`, `it is a folder`... */
    readonly reason: string,
    /** True when the CLI should say nothing (the reader of stdout stopped reading). */
    readonly quiet = false,
  ) {
    super(`cannot write ${target}: ${reason}`, quiet ? EXIT_BROKEN_PIPE : 1);
    this.name = 'OutputError';
  }
}

function bytesOf(data: string | Uint8Array): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** Writes to stdout (file descriptor 1). Throws OutputError; quiet when the reader closed the pipe. */
export function writeStdout(data: string | Uint8Array): void {
  try {
    writeAllSync(1, bytesOf(data));
  } catch (e) {
    const broken = (e as NodeJS.ErrnoException).code === 'EPIPE';
    throw new OutputError('stdout', describeIoError(e, 'write'), broken);
  }
}

/** Writes to stderr (file descriptor 2). A failure is ignored: there is nowhere left to report it. */
export function writeStderr(text: string): void {
  try {
    writeAllSync(2, bytesOf(text));
  } catch {
    // stderr itself is full or closed; the exit code still tells.
  }
}

/** The terminal's width when stdout is a terminal, for laying out tables; undefined otherwise. */
export function stdoutColumns(): number | undefined {
  // A terminal first: process.stdout is created only for a terminal (creating it changes a pipe's mode,
  // and costs a few milliseconds of start-up).
  return isTerminal(1) ? process.stdout.columns : undefined;
}

/** The width of the terminal on stderr; undefined when stderr is not a terminal. */
export function stderrColumns(): number | undefined {
  return isTerminal(2) ? process.stderr.columns : undefined;
}

/**
 * Whether `fd` is a terminal. What fstat tells answers most runs (a pipe, a file, /dev/null) without
 * loading node:tty, whose network modules cost a start-up 3 to 4 ms.
 */
export function isTerminal(fd: number): boolean {
  let stats: Stats;
  try {
    stats = fstatSync(fd);
  } catch {
    return false;
  }
  if (!stats.isCharacterDevice()) return false;
  // Linux's memory devices (major number 1: /dev/null, /dev/zero...) are character devices, never terminals.
  if (process.platform === 'linux' && Math.floor(stats.rdev / 256) % 4096 === 1) return false;
  return isatty(fd);
}

export interface WriteOutputOptions {
  /** How messages name the option that gave the path, e.g. `--out`. Default `the output path`. */
  option?: string;
  /**
   * Refuse a path that exists, whatever it is, and leave it untouched. Default false: a regular file is
   * replaced, a FIFO or character device written into.
   */
  exclusive?: boolean;
  /** Said after `it exists already` when `exclusive` refuses, e.g. `use --force to overwrite it`. */
  existsHint?: string;
}

export interface WrittenOutput {
  /** stdout; a regular file, written whole or not at all; or a FIFO or character device written into. */
  kind: 'stdout' | 'file' | 'device';
  /** The absolute path written (a symbolic link's target when the path was a link); `-` for stdout. */
  path: string;
}

/**
 * Writes `data` to `path`: `-` is stdout; a new or existing regular file is written to a temporary file
 * beside it and renamed over it, so that readers never see half of it and a failure leaves it as it was
 * (the temporary file is removed); a FIFO or character device is written into, never replaced; a symbolic
 * link is followed, so that its target is written and the link stays. A folder, a block device, a socket,
 * an empty path and a path ending in `/` are refused. Throws OutputError (or UserError for the path).
 */
export function writeOutput(
  path: string,
  data: string | Uint8Array,
  options: WriteOutputOptions = {},
): WrittenOutput {
  if (path === '') {
    throw new UserError(`${options.option ?? 'the output path'} is empty; give a file name, or - for stdout`);
  }
  if (path === STDOUT_PATH) {
    writeStdout(data);
    return { kind: 'stdout', path: STDOUT_PATH };
  }
  if (path.endsWith('/') || (process.platform === 'win32' && path.endsWith('\\'))) {
    throw new OutputError(path, `not a file name (it ends with '${path.at(-1)}')`);
  }
  const bytes = bytesOf(data);
  const absolute = resolve(path);
  let stat: Stats | undefined;
  try {
    stat = lstatSync(absolute);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new OutputError(path, describeIoError(e, 'write'));
  }
  if (stat === undefined) {
    if (options.exclusive) return createExclusive(absolute, bytes, path, options);
    return replaceFile(absolute, bytes, path);
  }
  if (options.exclusive) {
    throw new OutputError(path, `it exists already${options.existsHint ? `; ${options.existsHint}` : ''}`);
  }
  let target = absolute;
  if (stat.isSymbolicLink()) {
    try {
      target = realpathSync(absolute);
      stat = statSync(target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new OutputError(path, describeIoError(e, 'write'));
      // A link to a file yet to be made: the file is made (whole or not at all) and the link stays, as
      // the shell's `>` would write through it. A chain of links is written through in place.
      const linked = resolve(dirname(absolute), readlinkSync(absolute));
      if (!existsOrLink(linked)) return replaceFile(linked, bytes, path);
      const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC;
      return writeInto(absolute, bytes, path, flags, 'file');
    }
  }
  if (stat.isDirectory()) throw new OutputError(path, describeIoError({ code: 'EISDIR' }, 'write'));
  if (stat.isFile()) return replaceFile(target, bytes, path, stat.mode);
  if (stat.isFIFO() || stat.isCharacterDevice()) {
    // No O_CREAT/O_TRUNC: the node exists and stays what it is. Opening a FIFO waits for its reader.
    return writeInto(target, bytes, path, constants.O_WRONLY, 'device');
  }
  throw new OutputError(
    path,
    stat.isBlockDevice() ? 'it is a block device; refusing to write into it' : 'it is a socket',
  );
}

function existsOrLink(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Why a file could not be created at `path`, in words. */
function creationReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'its folder does not exist';
  return describeIoError(e, 'write');
}

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already failing: the first error is the one reported.
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Cannot remove it either (its folder became read-only?); the write error is what matters.
  }
}

/** Temporary file beside `target`, renamed over it once complete; its mode is `mode` when given (kept). */
function replaceFile(target: string, bytes: Uint8Array, shown: string, mode?: number): WrittenOutput {
  // Created with 'wx' (never an existing file); the random part keeps two writes of one process apart.
  const unique = `${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const tmp = join(dirname(target), `.${basename(target)}.${unique}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', 0o666);
  } catch (e) {
    throw new OutputError(shown, creationReason(e));
  }
  try {
    writeAllSync(fd, bytes);
    if (mode !== undefined) fchmodSync(fd, mode & 0o7777);
    // On disk before the rename, so that a crash leaves the old file or the new one, never an empty one.
    fsyncSync(fd);
    const open = fd;
    fd = -1; // closed below even when close reports an error
    closeSync(open);
    renameSync(tmp, target);
  } catch (e) {
    if (fd >= 0) closeQuietly(fd);
    removeQuietly(tmp);
    throw new OutputError(shown, describeIoError(e, 'write'));
  }
  return { kind: 'file', path: target };
}

/** Creates `target`, failing if it exists (checked and created in one step); removed again on failure. */
function createExclusive(
  target: string,
  bytes: Uint8Array,
  shown: string,
  options: WriteOutputOptions,
): WrittenOutput {
  let fd: number;
  try {
    fd = openSync(target, 'wx', 0o666);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new OutputError(shown, `it exists already${options.existsHint ? `; ${options.existsHint}` : ''}`);
    }
    throw new OutputError(shown, creationReason(e));
  }
  try {
    writeAllSync(fd, bytes);
    closeSync(fd);
  } catch (e) {
    closeQuietly(fd);
    removeQuietly(target);
    throw new OutputError(shown, describeIoError(e, 'write'));
  }
  return { kind: 'file', path: target };
}

/** Opens `target` with `flags` and writes into it in place. */
function writeInto(
  target: string,
  bytes: Uint8Array,
  shown: string,
  flags: number,
  kind: WrittenOutput['kind'],
): WrittenOutput {
  let fd: number;
  try {
    fd = openSync(target, flags, 0o666);
  } catch (e) {
    throw new OutputError(shown, creationReason(e));
  }
  try {
    writeAllSync(fd, bytes);
    closeSync(fd);
  } catch (e) {
    closeQuietly(fd);
    throw new OutputError(shown, describeIoError(e, 'write'));
  }
  return { kind, path: target };
}
