/**
 * Everything a risk report holds came from users' files (policy names, Sids, statements, file names), so
 * every piece of text reaches the page through these functions and nothing else.
 */
import { escapeUnsafe } from '../../util/printable.js';

const ENTITY: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in element content and in a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITY[c]);
}

/**
 * A one-line value from the user (a name, a Sid, an ARN): control characters and bidirectional overrides
 * are shown as escapes, so the page shows what the file holds and cannot be reordered, then HTML-escaped.
 */
export function text(value: string | number): string {
  return escapeHtml(escapeUnsafe(String(value)));
}

// Bidirectional marks and overrides survive JSON.stringify; they only occur inside JSON strings there.
const BIDI = /[\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** A JSON value as indented text (not yet HTML-escaped), with bidirectional controls written as \u escapes. */
export function jsonText(value: unknown): string {
  const json = JSON.stringify(value, null, 2) ?? 'null';
  return json.replace(BIDI, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
