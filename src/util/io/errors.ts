/** System errors of reads and writes, in words for one-line messages (never a bare code such as ENOSPC). */

const WORDS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  EPIPE: 'the reader closed the pipe',
  ENXIO: 'no such device or address',
  ENODEV: 'no such device',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ETXTBSY: 'the file is busy',
  EBUSY: 'the file is busy',
  EEXIST: 'it exists already',
  EINVAL: 'not supported here',
};

/**
 * What went wrong, in words: `no space left on device`. `op` says which side a bad descriptor (EBADF) was
 * on: a stdout that is closed or opened read-only is `not open for writing`.
 */
export function describeIoError(e: unknown, op: 'read' | 'write'): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EBADF') return op === 'write' ? 'not open for writing' : 'not open for reading';
  if (code !== undefined && WORDS[code]) return WORDS[code];
  // Node's own text for the rest: "EXDEV: cross-device link not permitted, rename 'a' -> 'b'" -> the middle.
  const message = e instanceof Error ? e.message : String(e);
  const words = /^[A-Z][A-Z0-9_]*: ([^,]+)/.exec(message)?.[1];
  return words ?? (code ? `${message} (${code})` : message);
}
