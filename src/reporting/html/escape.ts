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
