/**
 * Text from user files (Sids, action names, file names) on its way to a terminal or a CI log. A control
 * character there can recolour or clear the screen, forge a line of a table (a line break), or issue a CI
 * workflow command; bidirectional overrides can reorder what is shown. Such characters are written as
 * escapes instead, so what is shown is what the file holds.
 */

/** C0 and C1 controls, DEL, the Unicode line and paragraph separators, and bidirectional marks and overrides. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(c: string): string {
  return SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Does `text` hold a character that must not reach a terminal as it is? */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/**
 * `text` with every unsafe character written as an escape (`\n`, `\u001b`), for messages made of our words
 * and the user's. Text without such characters is returned unchanged.
 */
export function escapeUnsafe(text: string): string {
  return UNSAFE.test(text) ? text.replace(UNSAFE_ALL, escapeOne) : text;
}

/** The unsafe characters JSON.stringify leaves as they are (it escapes C0 controls itself). */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text made by JSON.stringify, with the unsafe characters it leaves (DEL, C1, separators, bidirectional)
 * escaped as `\uXXXX`: still valid JSON meaning the same, and its line breaks (indentation) are kept.
 */
export function escapeJsonText(json: string): string {
  return json.replace(UNSAFE_IN_JSON, escapeOne);
}

/** `text` in double quotes, with quotes and backslashes escaped as in JSON and every unsafe character escaped. */
export function quoted(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&').replace(UNSAFE_ALL, escapeOne)}"`;
}

/**
 * A name as it is, or, when it holds an unsafe character, quoted (see `quoted`: `"\u001b[31mRED"`), so that
 * a reader sees the name was escaped and where it ends.
 */
export function printableName(name: string): string {
  return UNSAFE.test(name) ? quoted(name) : name;
}
