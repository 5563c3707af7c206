/**
 * URLs the updater is given (--base-url, --service-reference-url, the links of an index): checked up front,
 * and with their credentials taken out. A mirror behind HTTP Basic authentication is given as
 * `https://user:password@mirror/`; fetch refuses such URLs, and printing one would leak the password. So the
 * credentials become an Authorization header sent to that URL's origin only, and the URL that is fetched,
 * printed and stored (in the page cache and the database's meta) has none.
 */
import { UserError } from '../../util/errors.js';
import { redactCredentials } from '../../util/redact.js';

/** HTTP Basic credentials for one origin (scheme, host and port). */
export interface OriginAuth {
  origin: string;
  /** The Authorization header's value. */
  header: string;
}

export interface SourceUrl {
  /** The URL without credentials. */
  href: string;
  /** The credentials it carried, if any. */
  auth?: OriginAuth;
}

/** Why `value` cannot be fetched, or the URL split from its credentials. */
export function splitUrl(value: string): SourceUrl | { problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: 'is not a URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { problem: `is not an http:// or https:// URL` };
  }
  if (!url.username && !url.password) return { href: url.href };
  let user: string;
  let password: string;
  try {
    user = decodeURIComponent(url.username);
    password = decodeURIComponent(url.password);
  } catch {
    return { problem: 'has credentials that are not valid percent-encoding' };
  }
  const header = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  url.username = '';
  url.password = '';
  return { href: url.href, auth: { origin: url.origin, header } };
}

/**
 * Checks a URL option; `option` names it in the message (`--base-url` on the command line, `baseUrl` in the
 * library). The value is shown with its credentials hidden.
 */
export function parseSourceUrl(value: string, option: string): SourceUrl {
  const split = splitUrl(value);
  if ('problem' in split) throw new UserError(`${option}: '${redactCredentials(value)}' ${split.problem}`);
  return split;
}
