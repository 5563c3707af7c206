/**
 * Statement ids. A statement groups the actions of one service, access level and resource type, and is
 * named after them: `SsmReadParameter`, `S3PermissionsmanagementBucket`.
 */

/** The statement for actions that can only be granted on `*` (and dependent actions). */
export const WILDCARD_SID = 'MultMultNone';
/** The statement for the template's `skip-resource-constraints` actions. */
export const SKIP_SID = 'SkipResourceConstraints';

const NOT_ALPHANUMERIC = /[^A-Za-z0-9]+/g;

/** Upper-cases the first character and lower-cases the rest: `SecurityGroup` -> `Securitygroup`. */
function capitalized(word: string): string {
  const chars = Array.from(word);
  if (chars.length === 0) return '';
  return chars[0].toUpperCase() + chars.slice(1).join('').toLowerCase();
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Keeps letters and digits of any script (Unicode-aware, as policy_sentry's isalnum test is). */
export function lettersAndDigits(text: string): string {
  // ASCII text (the usual case) skips the Unicode-aware expression, which is slow to compile.
  return isAscii(text) ? text.replace(/[^A-Za-z0-9]/g, '') : text.replace(/[^\p{L}\p{N}]/gu, '');
}

/** `{Service}{AccessLevel}{ResourceType}`, each part reduced to letters and digits and capitalized. */
export function statementId(service: string, accessLevel: string, resourceType: string): string {
  return (
    capitalized(lettersAndDigits(service)) +
    capitalized(accessLevel.replace(NOT_ALPHANUMERIC, '')) +
    capitalized(resourceType.replace(NOT_ALPHANUMERIC, ''))
  );
}
