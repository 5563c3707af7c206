/**
 * Reading the ARNs of a statement's Resource / NotResource for lint: `arn:partition:service:region:account:resource`.
 *
 * Placeholders: a policy variable (`${aws:username}`) or a placeholder from infrastructure code
 * (CloudFormation `${AWS::AccountId}`, a Terraform unknown the input layer wrote as `${...}`) stands for
 * whatever it will be replaced by. Each `${...}` is read as a wildcard for its part of the ARN, never as an
 * error of its own; and an ARN whose shape a placeholder hides (one that starts with a placeholder, or has
 * too few fields once placeholders are read as wildcards) is not judged at all.
 */
import type { ParsedArn } from '../querying/arn-match.js';
import type { Token } from './resource-glob.js';

const PLACEHOLDER = /\$\{[^}]*\}/g;

/** An ARN cut into its six parts, with each `${...}` replaced by `*`. */
export interface LintArn {
  /** The value as written. */
  text: string;
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth `:`. */
  resource: string;
  /** The value held a `${...}` placeholder. */
  placeholder: boolean;
  /** Matching state kept with the ARN (it is cached, as are its readings): see resource-formats.ts. */
  memo?: { parsed?: ParsedArn; tokens?: Token[]; accepted?: WeakMap<object, boolean> };
}

/** What reading a Resource value gave. */
export type ArnReading =
  | { kind: 'star' }
  | { kind: 'arn'; arn: LintArn }
  /** Not an ARN: `reason` completes "Resource 'x' is not an ARN: ...". */
  | { kind: 'invalid'; reason: string }
  /** A placeholder hides the shape; nothing can be said. */
  | { kind: 'unjudged' };

const cache = new Map<string, ArnReading>();
const CACHE_LIMIT = 20_000;

/** Reads one Resource / NotResource value. Results are cached: policies repeat the same ARNs. */
export function readArn(value: string): ArnReading {
  let hit = cache.get(value);
  if (!hit) {
    hit = readUncached(value);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(value, hit);
  }
  return hit;
}

function readUncached(value: string): ArnReading {
  if (value === '*') return { kind: 'star' };
  const placeholder = value.includes('${');
  const masked = placeholder ? value.replace(PLACEHOLDER, '*') : value;
  if (value.trim() !== value) return { kind: 'invalid', reason: 'it has white space at its start or end' };
  if (value.startsWith('${')) return { kind: 'unjudged' };
  if (!masked.startsWith('arn:')) {
    const lower = masked.toLowerCase().startsWith('arn:');
    return {
      kind: 'invalid',
      reason: lower
        ? "it must start with 'arn:' in lower case"
        : 'it must be "*" or start with \'arn:\' (arn:partition:service:region:account:resource)',
    };
  }
  const fields = masked.split(':');
  if (fields.length < 6) {
    if (placeholder) return { kind: 'unjudged' };
    return {
      kind: 'invalid',
      reason: `it has ${fields.length} of the 6 fields of arn:partition:service:region:account:resource`,
    };
  }
  const [, partition, service, region, account] = fields;
  const resource = fields.slice(5).join(':');
  // An empty resource part is accepted by IAM (and found in AWS managed policies); it names nothing,
  // which resources/resource-mismatch reports.
  if (service === '') return { kind: 'invalid', reason: 'its service part (the third field) is empty' };
  if (service !== service.toLowerCase()) {
    return { kind: 'invalid', reason: `its service '${service}' must be in lower case` };
  }
  return { kind: 'arn', arn: { text: value, partition, service, region, account, resource, placeholder } };
}

/** Does an ARN part (possibly with wildcards) name exactly one value, so that it can be judged? */
export function isLiteral(part: string): boolean {
  return !part.includes('*') && !part.includes('?');
}
