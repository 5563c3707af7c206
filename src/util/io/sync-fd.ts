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

/**
 * Reads `fd` to its end. Stops as soon as more than `maxBytes` have arrived and returns undefined, so that
 * an endless source (/dev/zero, a FIFO fed forever) costs at most `maxBytes` of memory.
 */
export function readAllSync(fd: number, maxBytes: number): Buffer | undefined {
  const chunks: Buffer[] = [];
  const scratch = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1));
  let total = 0;
  let pause = 1;
  for (;;) {
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
    // Copied out of the scratch buffer: keeping slices of fresh 1 MiB buffers would hold 1 MiB per small read.
    chunks.push(Buffer.from(scratch.subarray(0, n)));
    total += n;
    if (total > maxBytes) return undefined;
  }
  return Buffer.concat(chunks, total);
}
