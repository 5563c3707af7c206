/**
 * The limits every reader of user files applies (templates, policies, authorization details, CloudFormation,
 * Terraform plans, CloudTrail logs, databases given by path), so that hostile or runaway input gets the same
 * clear refusal everywhere instead of exhausting memory or time. Each limit is far above real input.
 */
export const INPUT_LIMITS = {
  /** Largest input read, in bytes: authorization details of a large account run to tens of MB. */
  maxBytes: 256 * 1024 * 1024,
  /** Deepest nesting of lists and maps: policies nest 5 or 6 levels, CloudFormation a dozen. */
  maxDepth: 64,
  /** Most entries in one list or map (statements, actions, ARNs in a template section...). */
  maxItems: 1_000_000,
} as const;

/** `12.3 MiB`, or `900 bytes` below one MiB: sizes in messages. */
export function describeSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
