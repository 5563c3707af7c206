/**
 * Starter templates for `create-template`: every key present, with a comment saying what it holds. Lists
 * start as `[]` rather than policy_sentry's `- ''` placeholder: entries added under a `- ''` line would be
 * ignored (a list that begins with an empty entry is, see normalize.ts), while entries added under `[]` are
 * a YAML error that names the line. Either way the unfilled template is valid, here and in policy_sentry,
 * and gives an empty policy.
 */
import { UserError } from '../../util/errors.js';
import { writeOutput } from '../../util/io/output.js';

export const TEMPLATE_TYPES = ['crud', 'actions'] as const;
export type TemplateType = (typeof TEMPLATE_TYPES)[number];

const ACTIONS_TEMPLATE = `# iamwright write-policy template, actions mode: list the IAM actions you need; each one is granted on
# the ARN formats of the resource types it acts on (or on "*" when it takes none).
mode: actions
# A name for your own reference.
name: ''
# Allow (the default) or Deny; case-sensitive.
# effect: Deny
# The AWS partition, to write the ARN formats in it (left out, they keep \${Partition}): aws, aws-cn,
# aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f or aws-eusc.
# partition: aws-cn
# service:ActionName, one per line instead of [], e.g.
#   actions:
#   - s3:GetObject
#   - kms:Decrypt
actions: []
`;

const CRUD_TEMPLATE = `# iamwright write-policy template, crud mode: list resource ARNs under the access levels you need, and
# iamwright grants exactly the actions of that level that act on those resources.
# Fill a section by replacing its [] with one "- value" line per entry, e.g.
#   read:
#   - arn:aws:s3:::my-bucket
#   - arn:aws:s3:::my-bucket/*
# Sections left as [] add nothing.
mode: crud
# A name for your own reference.
name: ''
# Allow (the default) or Deny; case-sensitive.
# effect: Deny
# The AWS partition the ARNs below must be in, when the policy is for one: aws, aws-cn, aws-us-gov,
# aws-iso, aws-iso-b, aws-iso-e, aws-iso-f or aws-eusc.
# partition: aws-cn

# Resource ARNs by access level (arn:partition:service:region:account:resource)
read: []
write: []
list: []
tagging: []
permissions-management: []

# Actions that cannot be limited to a resource; they are granted on "*".
wildcard-only:
  # Single actions, e.g. ec2:DescribeInstances (actions that do take a resource ARN are left out)
  single-actions: []
  # Every such action of a service at one access level; service prefixes, e.g. s3 or ec2
  service-read: []
  service-write: []
  service-list: []
  service-tagging: []
  service-permissions-management: []

# Actions to grant on "*" even though they could be limited to a resource, e.g. s3:GetObject
skip-resource-constraints: []

# Actions to leave out of the result; wildcards allowed, e.g. kms:Delete*
exclude-actions: []

# Roles this policy may assume, by role ARN, e.g. arn:aws:iam::123456789012:role/deployer
sts:
  assume-role: []
  assume-role-with-saml: []
  assume-role-with-web-identity: []
`;

/** The text of a starter template. */
export function templateText(type: TemplateType): string {
  return type === 'crud' ? CRUD_TEMPLATE : ACTIONS_TEMPLATE;
}

/** Reads a template type case-insensitively; throws a UserError listing the allowed ones. */
export function parseTemplateType(value: string): TemplateType {
  const t = value.trim().toLowerCase();
  if ((TEMPLATE_TYPES as readonly string[]).includes(t)) return t as TemplateType;
  throw new UserError(`unknown template type '${value}'; allowed: ${TEMPLATE_TYPES.join(', ')} (any case)`);
}

export interface WriteTemplateFileOptions {
  /** Replace a file that exists already. Default: false (refuse, leaving it untouched). */
  force?: boolean;
}

/**
 * Writes a starter template to `path` (`-`: stdout) through the one output writer (src/util/io/output.ts);
 * returns the absolute path written. Any failure is a UserError, e.g. `cannot write t.yml: it exists
 * already; use --force to overwrite it` or `... no space left on device`.
 */
export function writeTemplateFile(
  path: string,
  type: TemplateType,
  options: WriteTemplateFileOptions = {},
): string {
  return writeOutput(path, templateText(type), {
    exclusive: !options.force,
    existsHint: 'use --force to overwrite it',
  }).path;
}
