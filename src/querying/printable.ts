/**
 * User values echoed in messages (template entries, library arguments): a message is one line on a
 * terminal, so control characters (a NUL, a newline or an escape sequence inside a quoted YAML string) are
 * shown escaped, never written raw, and a long value is cut short.
 */

/** C0 and C1 controls, DEL, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** Longest value shown in full; longer ones keep their start and say how long they were. */
const SHOWN_CHARS = 120;

/** `text` with every control character written as an escape (`\n`, `\u0000`), for a one-line message. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => {
    const named = ({ '\n': '\\n', '\r': '\\r', '\t': '\\t' } as Record<string, string>)[c];
    return named ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** A value as messages quote it: printable, and at most about SHOWN_CHARS characters. */
export function shown(value: string): string {
  const text = printable(value);
  if (text.length <= SHOWN_CHARS) return text;
  // By code point, so that a cut never splits a character in two.
  return `${Array.from(text).slice(0, SHOWN_CHARS).join('')}... (${value.length} characters)`;
}
