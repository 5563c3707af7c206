/**
 * Whole reads and writes on a file descriptor, synchronously, also when the descriptor is non-blocking.
 * A pipe is non-blocking when a process sharing it set O_NONBLOCK (Node does so for process.stdin/stdout
 * of its own, and the flag belongs to the pipe, not the process): then a read of an empty pipe or a write
 * to a full one fails with EAGAIN instead of waiting, and Node's readFileSync(0) gives up. These helpers
 * wait and retry instead, so a slow producer (`curl ... | iamwright`) or consumer is simply waited for.
 */
import { readSync, writeSync } from 'node:fs';

/** Longest wait between two tries on a busy descriptor: the most latency a slow pipe costs. */
const MAX_PAUSE_MS = 50;
/** Bytes asked for by one read. */
const CHUNK_BYTES = 1024 * 1024;

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Waits `ms` milliseconds without returning to the event loop (the callers are synchronous). */
function pauseSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function isEagain(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'EAGAIN' || code === 'EWOULDBLOCK';
}

/** Writes all of `data` to `fd`. Throws the system error of a write that fails (ENOSPC, EPIPE, EBADF...). */
export function writeAllSync(fd: number, data: Uint8Array): void {
  let offset = 0;
  let pause = 1;
  while (offset < data.length) {
    try {
      offset += writeSync(fd, data, offset, data.length - offset);
      pause = 1;
    } catch (e) {
      if (!isEagain(e)) throw e;
      pauseSync(pause);
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
    }
  }
}

let sharedScratch: Buffer | undefined;

/**
 * Reads `fd` to its end. Stops as soon as more than `maxBytes` have arrived and returns undefined, so that
 * an endless source (/dev/zero, a FIFO fed forever) costs at most `maxBytes` of memory. `sizeHint` (the
 * size fstat gave for a regular file) lets a file be read into one buffer of its size, kept as the result
 * when the file has not grown; it is only a first guess, since a file can change while it is read.
 */
export function readAllSync(fd: number, maxBytes: number, sizeHint = 0): Buffer | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  let pause = 1;
  // One byte over the hint, so that a file that grew shows in the first read.
  let own: Buffer | undefined =
    sizeHint > 0 ? Buffer.allocUnsafe(Math.min(sizeHint, maxBytes) + 1) : undefined;
  for (;;) {
    // After the first read, one scratch buffer serves every read (each read is copied out of it), so a small
    // file does not cost a fresh 1 MiB allocation.
    const scratch = own ?? (sharedScratch ??= Buffer.allocUnsafe(CHUNK_BYTES));
    let n: number;
    try {
      n = readSync(fd, scratch, 0, Math.min(scratch.length, maxBytes + 1 - total), null);
      pause = 1;
    } catch (e) {
      if (!isEagain(e)) throw e;
      pauseSync(pause);
      pause = Math.min(pause * 2, MAX_PAUSE_MS);
      continue;
    }
    if (n === 0) break;
    total += n;
    if (total > maxBytes) return undefined;
    chunks.push(scratch === own ? own.subarray(0, n) : Buffer.from(scratch.subarray(0, n)));
    own = undefined;
  }
  if (chunks.length === 1) return chunks[0];
  return Buffer.concat(chunks, total);
}
