/**
 * Policy output formats. JSON is written exactly as policy_sentry prints it (4-space indent, non-ASCII
 * characters escaped, a newline at the end), so outputs can be compared byte for byte.
 */
import { argumentError } from '../querying/arguments.js';
import type { PolicyDocument } from './types.js';

export const POLICY_FORMATS = ['json', 'yaml', 'terraform'] as const;
export type PolicyFormat = (typeof POLICY_FORMATS)[number];

/** Escapes every non-ASCII UTF-16 unit as \uXXXX, as Python's json module does by default. */
export function asciiOnly(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One-line JSON with a space after `,` and `:` (Python's json.dumps default layout). */
export function spacedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(spacedJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${spacedJson(v)}`);
    return `{${entries.join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** The policy as text in `format`, ending with a newline. */
export async function renderPolicy(policy: PolicyDocument, format: PolicyFormat = 'json'): Promise<string> {
  if (!(POLICY_FORMATS as readonly unknown[]).includes(format)) {
    throw argumentError('renderPolicy', 'format', `one of ${POLICY_FORMATS.join(', ')}`, format);
  }
  const statements = (policy as Partial<PolicyDocument> | null)?.Statement;
  if (policy === null || typeof policy !== 'object' || !Array.isArray(statements)) {
    throw argumentError('renderPolicy', 'policy', 'a policy document (with a Statement list)', policy);
  }
  switch (format) {
    case 'json':
      return asciiOnly(JSON.stringify(policy, null, 4)) + '\n';
    case 'terraform':
      return asciiOnly(spacedJson({ policy: asciiOnly(spacedJson(policy)) })) + '\n';
    case 'yaml': {
      // Loaded only when asked for: keeps the common JSON path's start-up small.
      const { stringify } = await import('yaml');
      // YAML 1.1 rules, as PyYAML reads it: quotes strings such as '2012-10-17' that 1.1 would take for dates.
      return stringify(policy, { version: '1.1', indentSeq: false, lineWidth: 0, singleQuote: true });
    }
  }
}
