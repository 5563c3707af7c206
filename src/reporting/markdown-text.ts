/**
 * Text from users' files on its way into GitHub-flavoured markdown (a pull-request comment). A name could
 * otherwise open a link, start a table cell, close a <details>, mention a team (`@org/team` notifies
 * people) or end a code block; each function here is for one context of the document.
 */
import { escapeUnsafe } from '../util/printable.js';

/** `@` followed by a zero-width space: GitHub no longer reads it as a mention, readers see the same text. */
const AT = '@&#8203;';

/**
 * Free text in markdown (a table cell, a list item, a heading): every ASCII punctuation character is
 * backslash-escaped (CommonMark allows it for all of them), `<`, `>` and `&` become entities, and line
 * breaks are shown as `\n` so a value stays on its row.
 */
export function mdText(value: string | number): string {
  return escapeUnsafe(String(value)).replace(/[!-/:-@[-`{-~]/g, (c) => {
    if (c === '<') return '&lt;';
    if (c === '>') return '&gt;';
    if (c === '&') return '&amp;';
    if (c === '@') return AT;
    return `\\${c}`;
  });
}

/** Text inside raw HTML (a <summary>): markdown is not read there, so only HTML escaping (and mentions). */
export function htmlText(value: string | number): string {
  return escapeUnsafe(String(value)).replace(/[&<>"'@]/g, (c) =>
    c === '@'
      ? AT
      : c === '&'
        ? '&amp;'
        : c === '<'
          ? '&lt;'
          : c === '>'
            ? '&gt;'
            : c === '"'
              ? '&quot;'
              : '&#39;',
  );
}

/**
 * An identifier (ARN, action, Sid, file) as a code span: nothing inside is read as markdown, mentions
 * included. The fence is one backtick longer than any run inside. In a table cell `|` is escaped, which
 * GitHub undoes inside code spans there (and only there).
 */
export function mdCode(value: string, inTable = false): string {
  const plain = escapeUnsafe(value);
  // A table row is cut into cells before anything else is read, pairing backslashes as it goes: a
  // backslash of the value's own before a `|` would pair with the one escaping it, and the `|` would end
  // the cell. No code span can hold that text; escaped free text can.
  if (inTable && /\\\|/.test(plain)) return mdText(value);
  const s = inTable ? plain.replace(/\|/g, '\\|') : plain;
  if (s === '') return '` `';
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each end when both ends have one (unless all are spaces): pad to keep them.
  const pad =
    s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ') && s.trim() !== '')
      ? ' '
      : '';
  return `${fence}${pad}${s}${pad}${fence}`;
}

/** A fenced code block whose fence no line of `body` can close. */
export function mdFence(body: string, info = ''): string {
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${body}\n${fence}`;
}
