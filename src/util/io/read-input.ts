/**
 * The one reader of user input: template, policy, exclusions and overrides files, and stdin for `-`. It reads
 * everything a slow pipe delivers (see sync-fd.ts), refuses input over INPUT_LIMITS.maxBytes while reading
 * (a regular file by its size, before reading it), and turns every failure into an InputError whose reason
 * is in words.
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { UserError } from '../errors.js';
import { describeSize, INPUT_LIMITS } from '../limits.js';
import { describeIoError } from './errors.js';
import { readAllSync } from './sync-fd.js';

/** The path that means stdin. (A file named `-` is `./-`.) */
export const STDIN_PATH = '-';

export interface ReadInputOptions {
  /** Largest input accepted, in bytes. Default INPUT_LIMITS.maxBytes (256 MiB). */
  maxBytes?: number;
  /** The descriptor read for `-`. Default 0, stdin. */
  stdinFd?: number;
}

/** An input that could not be read. `message` is `cannot read <path or stdin>: <reason>`. */
export class InputError extends UserError {
  constructor(
    /** The path as given (`-` for stdin). */
    readonly path: string,
    /** Why, in words: `no such file or folder`, `file is 600.0 MiB, over the 256.0 MiB limit`... */
    readonly reason: string,
  ) {
    super(`cannot read ${path === STDIN_PATH ? 'stdin' : path}: ${reason}`);
    this.name = 'InputError';
  }
}

/** The bytes of `path`, or of stdin for `-`. Throws InputError. */
export function readInputBytes(path: string, options: ReadInputOptions = {}): Buffer {
  const maxBytes = options.maxBytes ?? INPUT_LIMITS.maxBytes;
  if (path === '') throw new InputError(path, 'the path is empty');
  if (path === STDIN_PATH) return readOpenFd(options.stdinFd ?? 0, path, maxBytes);
  let fd: number;
  try {
    // Opening a FIFO waits for its writer, as `cat` does.
    fd = openSync(path, 'r');
  } catch (e) {
    throw new InputError(path, describeIoError(e, 'read'));
  }
  try {
    return readOpenFd(fd, path, maxBytes);
  } finally {
    closeSync(fd);
  }
}

/** The text of `path` (UTF-8), or of stdin for `-`. Throws InputError. */
export function readInputText(path: string, options: ReadInputOptions = {}): string {
  return readInputBytes(path, options).toString('utf8');
}

function readOpenFd(fd: number, path: string, maxBytes: number): Buffer {
  let data: Buffer | undefined;
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(path, describeIoError({ code: 'EISDIR' }, 'read'));
    if (stat.isFile() && stat.size > maxBytes) {
      throw new InputError(
        path,
        `file is ${describeSize(stat.size)}, over the ${describeSize(maxBytes)} limit`,
      );
    }
    data = readAllSync(fd, maxBytes, stat.isFile() ? stat.size : 0);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(path, describeIoError(e, 'read'));
  }
  if (data === undefined) throw new InputError(path, `input is over the ${describeSize(maxBytes)} limit`);
  return data;
}
