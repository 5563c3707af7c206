/**
 * Writing fitted policies. One policy is written as renderPolicy writes it; several as one list (a JSON
 * array, a YAML sequence, a JSON array of Terraform's `{"policy": ...}`).
 *
 * `compact` (for the Organizations quota, which counts the policy as stored, whitespace included) writes
 * the JSON without whitespace and with its characters as they are, so that the text uploaded is exactly
 * the text counted; in the Terraform format the policy string is that compact JSON. YAML is unchanged.
 */
import { asciiOnly, renderPolicy, spacedJson, type PolicyFormat } from '../render.js';
import type { PolicyDocument } from '../types.js';

export interface FittedRenderOptions {
  /** Compact JSON, as counted for an Organizations quota. Default false (as renderPolicy writes). */
  compact?: boolean;
}

/** The policy as its Terraform `policy` string. */
function policyString(policy: PolicyDocument, compact: boolean): string {
  return compact ? JSON.stringify(policy) : asciiOnly(spacedJson(policy));
}

/** One policy as text in `format`, ending with a newline. */
export async function renderFittedPolicy(
  policy: PolicyDocument,
  format: PolicyFormat,
  options: FittedRenderOptions = {},
): Promise<string> {
  if (!options.compact || format === 'yaml') return renderPolicy(policy, format);
  if (format === 'json') return `${JSON.stringify(policy)}\n`;
  return `${asciiOnly(spacedJson({ policy: policyString(policy, true) }))}\n`;
}

/** Several policies as one list in `format` (one policy: as renderFittedPolicy), ending with a newline. */
export async function renderFittedPolicies(
  policies: readonly PolicyDocument[],
  format: PolicyFormat,
  options: FittedRenderOptions = {},
): Promise<string> {
  if (policies.length === 1) return renderFittedPolicy(policies[0], format, options);
  const compact = options.compact === true;
  switch (format) {
    case 'json':
      // Compact: one policy a line, each ready to upload as it stands.
      return compact
        ? `[\n${policies.map((p) => JSON.stringify(p)).join(',\n')}\n]\n`
        : `${asciiOnly(JSON.stringify(policies, null, 4))}\n`;
    case 'terraform':
      return `${asciiOnly(spacedJson(policies.map((p) => ({ policy: policyString(p, compact) }))))}\n`;
    case 'yaml': {
      const { stringify } = await import('yaml');
      return stringify(policies, { version: '1.1', indentSeq: false, lineWidth: 0, singleQuote: true });
    }
  }
}
