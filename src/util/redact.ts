/**
 * Credentials in URLs (`https://user:password@mirror/`) must never reach a terminal, a CI log or a file
 * iamwright writes. Everything that prints or stores a URL a user gave passes it through here.
 */

/**
 * The user-info part of every `scheme://user:password@` in `text`, replaced by `***`. Works on free text
 * (error messages from the network layer, lines of a report) and on strings that are not valid URLs. The
 * user-info ends at the last `@` before the host, as URL parsers read it, so a password holding an `@`
 * is hidden whole.
 */
export function redactCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi, '$1***@');
}

/** Whether `url` carries a user name or password. */
export function hasCredentials(url: string): boolean {
  return redactCredentials(url) !== url;
}
