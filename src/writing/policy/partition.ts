/**
 * The partition a policy is written for: `--partition` (WriteOptions.partition), else the template's
 * `partition:` key, else none. With one chosen, the ARNs iamwright writes itself (the database's
 * `arn:${Partition}:...` formats that actions mode grants on) are written in it, and every ARN the template
 * gives must be in it: a policy for `aws-cn` naming `arn:aws:...` resources would grant nothing there.
 * Without one, output is as it always was: formats keep `${Partition}`.
 */
import {
  PARTITION_PLACEHOLDER,
  partitionFieldCovers,
  requirePartition,
  type Partition,
} from '../../querying/partitions.js';
import { UserError } from '../../util/errors.js';
import { ACCESS_LEVEL_KEYS, STS_KEYS } from '../template/keys.js';
import type { PolicyDocument, Template, WriteOptions } from '../types.js';
import { arnPartition } from './names.js';

/** The chosen partition, checked; undefined when neither the options nor the template name one. */
export function choosePartition(template: Template, options: WriteOptions): Partition | undefined {
  if (options.partition !== undefined) return requirePartition(options.partition, 'partition');
  if (template.partition !== undefined) return requirePartition(template.partition, 'partition');
  return undefined;
}

/**
 * Throws when an ARN of the template is in another partition than `partition`. Called after the ARNs
 * were checked (shape, known partition), so each has a partition field.
 */
export function requireSamePartition(template: Template, partition: Partition): void {
  if (template.mode !== 'crud') return;
  const lists: [string, string[]][] = [
    ...Object.entries(ACCESS_LEVEL_KEYS).map(([key, field]): [string, string[]] => [key, template[field]]),
    ...Object.entries(STS_KEYS).map(([key, field]): [string, string[]] => [
      `sts ${key}`,
      template.sts[field],
    ]),
  ];
  for (const [where, arns] of lists) {
    for (const arn of arns) {
      const field = arnPartition(arn);
      if (partitionFieldCovers(field, partition)) continue;
      throw new UserError(
        `${where}: ARN '${arn}' is in partition '${field}', but the policy is written for '${partition}'; ` +
          `write the ARN in '${partition}' or choose another partition`,
      );
    }
  }
}

/** The policy with `${Partition}` in its resource ARNs replaced by `partition`. */
export function placePartition(policy: PolicyDocument, partition: Partition): PolicyDocument {
  const prefix = `arn:${PARTITION_PLACEHOLDER}:`;
  return {
    ...policy,
    Statement: policy.Statement.map((s) => ({
      ...s,
      Resource: s.Resource.map((r) =>
        r.startsWith(prefix) ? `arn:${partition}:${r.slice(prefix.length)}` : r,
      ),
    })),
  };
}
