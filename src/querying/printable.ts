/**
 * User values echoed in messages (template entries, library arguments): a message is one line on a
 * terminal, so unsafe characters are escaped (util/printable.ts, the one rule for that) and a long value is
 * cut short.
 */
import { escapeUnsafe } from '../util/printable.js';

/** Longest value shown in full; longer ones keep their start and say how long they were. */
const SHOWN_CHARS = 120;

/** `text` with every control character written as an escape (`\n`, `\u0000`), for a one-line message. */
export const printable = escapeUnsafe;

/** A value as messages quote it: printable, and at most about SHOWN_CHARS characters. */
export function shown(value: string): string {
  const text = printable(value);
  if (text.length <= SHOWN_CHARS) return text;
  // By code point, so that a cut never splits a character in two.
  return `${Array.from(text).slice(0, SHOWN_CHARS).join('')}... (${value.length} characters)`;
}
