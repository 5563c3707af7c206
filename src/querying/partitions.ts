/**
 * AWS partitions: the second field of every ARN. The database writes its ARN formats with the placeholder
 * `${Partition}`, and an ARN matches a format whatever its partition (arn-match.ts never compares it), so
 * an `aws-cn` or `aws-iso-b` ARN is matched exactly as an `aws` one. What is checked here is that a
 * partition is one AWS has, so that a typo (`arn:asw:...`) is an error rather than a policy naming
 * resources that cannot exist.
 */
import { didYouMean, UserError } from '../util/errors.js';
import { hasWildcard, matchesWildcard } from '../util/wildcard.js';

/** Every AWS partition: commercial, China, GovCloud (US), the ISO partitions, and the European Sovereign Cloud. */
export const PARTITIONS = [
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
] as const;
export type Partition = (typeof PARTITIONS)[number];

/** The database's placeholder for the partition in its ARN formats. */
export const PARTITION_PLACEHOLDER = '${Partition}';

export function isPartition(value: unknown): value is Partition {
  return typeof value === 'string' && (PARTITIONS as readonly string[]).includes(value);
}

/** `value` as a Partition; otherwise a UserError naming `where` and listing the partitions. */
export function requirePartition(value: unknown, where: string): Partition {
  if (isPartition(value)) return value;
  const shown = typeof value === 'string' ? `'${value}'` : String(value);
  const hint = typeof value === 'string' ? didYouMean(value, PARTITIONS) : '';
  throw new UserError(`${where}: unknown partition ${shown}; allowed: ${PARTITIONS.join(', ')}${hint}`);
}

/** IAM compares ARNs with case (unlike action names), so partition patterns are matched with case too. */
function matchesWithCase(pattern: string, value: string): boolean {
  return matchesWildcard(pattern, value, { caseSensitive: true });
}

/**
 * Is `field` (the partition field of a user's ARN) acceptable: a partition, the database's placeholder,
 * or a wildcard pattern that matches at least one partition (`aws*`, `*`)?
 */
export function isPartitionField(field: string): boolean {
  if (isPartition(field) || field === PARTITION_PLACEHOLDER) return true;
  return hasWildcard(field) && PARTITIONS.some((p) => matchesWithCase(field, p));
}

/** Does the partition field of an ARN cover `partition` (equal, the placeholder, or a matching wildcard)? */
export function partitionFieldCovers(field: string, partition: Partition): boolean {
  if (field === PARTITION_PLACEHOLDER) return true;
  return hasWildcard(field) ? matchesWithCase(field, partition) : field === partition;
}
