/**
 * Where a JSON path points in a JSON text, found by scanning the text instead of building its source tree:
 * a policy file with a finding or two needs a few offsets, and a scan that skips every value off the path
 * allocates nothing. The answer is offsetOf(jsonSourceTree(text), path) (see source-tree.ts; a test holds
 * the two together): an object member's key, a list item's first character, and for a path that leaves
 * the document, the deepest point it reached. Only for text JSON.parse has accepted.
 */
import type { JsonPath } from '../types.js';
// Skip what the source tree skips, so that both give the same offsets.
import { isSpace } from './source-tree.js';

function skipSpace(text: string, i: number): number {
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The offset just past the string literal whose opening quote is at `i`. */
function stringEnd(text: string, i: number): number {
  for (i++; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    i += c === 0x5c ? 2 : 1;
  }
  return text.length;
}

/** The offset just past the value starting at `i` (a string, a number or literal, or a whole object or list). */
function valueEnd(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return stringEnd(text, i);
  if (c !== 0x7b && c !== 0x5b) {
    while (i < text.length) {
      const d = text.charCodeAt(i);
      if (d === 0x2c || d === 0x7d || d === 0x5d || isSpace(d)) break;
      i++;
    }
    return i;
  }
  let depth = 0;
  while (i < text.length) {
    const d = text.charCodeAt(i);
    if (d === 0x22) {
      i = stringEnd(text, i);
      continue;
    }
    if (d === 0x7b || d === 0x5b) depth++;
    else if ((d === 0x7d || d === 0x5d) && --depth === 0) return i + 1;
    i++;
  }
  return i;
}

/** Is the string literal from `start` (its opening quote) to `end` (past its closing quote) the key `key`? */
function keyIs(text: string, start: number, end: number, key: string): boolean {
  for (let j = start + 1; j < end - 1; j++) {
    // An escape: compare the key as read.
    if (text.charCodeAt(j) === 0x5c) return JSON.parse(text.slice(start, end)) === key;
  }
  return end - start - 2 === key.length && text.startsWith(key, start + 1);
}

/** offsetOf(jsonSourceTree(text), path), by one forward scan per level of the path. */
export function jsonOffsetAt(text: string, path: JsonPath): number {
  let i = skipSpace(text, 0);
  let at = i;
  for (const step of path) {
    const c = text.charCodeAt(i);
    if (c === 0x7b && typeof step === 'string') {
      // The last member named `step` counts, as JSON.parse keeps the last: read the whole object.
      let found = -1;
      let foundValue = -1;
      i = skipSpace(text, i + 1);
      if (text.charCodeAt(i) !== 0x7d) {
        for (;;) {
          i = skipSpace(text, i);
          const keyStart = i;
          const keyEnd = stringEnd(text, i);
          i = skipSpace(text, keyEnd) + 1; // past the colon
          i = skipSpace(text, i);
          if (keyIs(text, keyStart, keyEnd, step)) {
            found = keyStart;
            foundValue = i;
          }
          i = skipSpace(text, valueEnd(text, i));
          if (text.charCodeAt(i) !== 0x2c) break;
          i++;
        }
      }
      if (found < 0) break;
      at = found;
      i = foundValue;
    } else if (c === 0x5b && typeof step === 'number' && step >= 0) {
      i = skipSpace(text, i + 1);
      if (text.charCodeAt(i) === 0x5d) break;
      let n = 0;
      while (n < step) {
        i = skipSpace(text, valueEnd(text, i));
        if (text.charCodeAt(i) !== 0x2c) break;
        i = skipSpace(text, i + 1);
        n++;
      }
      if (n < step) break;
      at = i;
    } else break;
  }
  return at;
}
