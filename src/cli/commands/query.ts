/**
 * `iamwright query action-table|arn-table|condition-table|service-table`: policy_sentry's query command,
 * with the same options and (in --fmt json) the same data; `query operation-table` is iamwright's own.
 * Set up here in commander (help, unusual command lines); what each table does, and its options, are in
 * query-run.ts, which direct.ts also runs without commander.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { addOptions } from '../program.js';
import { helpOrUnknownCommand } from '../unknown-command.js';
import { QUERY_TABLES } from './query-run.js';

const ACTION_EXAMPLES = `
Examples:
  iamwright query action-table -s s3 -a write               s3 actions at the Write access level
  iamwright query action-table -s s3 -r object -a read      Read actions on the object resource type
  iamwright query action-table -s ssm -r '*'                actions that only work on "Resource": "*"
  iamwright query action-table -s s3 -c s3:x-amz-acl        actions supporting a condition key
  iamwright query action-table -s kms -n GenerateDataKey    one action, a row per resource type`;

const ARN_EXAMPLES = `
Examples:
  iamwright query arn-table -s s3 -l          resource type names and ARN formats
  iamwright query arn-table -s s3 -n object   one resource type and its condition keys`;

const OPERATION_EXAMPLES = `
Examples:
  iamwright query operation-table -s s3                     every S3 operation, its actions and their source
  iamwright query operation-table -s s3 -n ListObjectsV2    one operation (any case; wildcards allowed: List*)
  iamwright query operation-table -s lambda -n Invoke --fmt json

Sources, first that knows an operation wins: service-reference (the database has AWS's Service Reference
operations), exception (data/operations/exceptions.yml, reviewed), api-link (the action's API
documentation link names the operation), action-name (the action's own name). See docs/operations.md.`;

const CONDITION_EXAMPLES = `
Examples:
  iamwright query condition-table -s ec2 -n ec2:ResourceTag/owner   a tag key names its template`;

/** Each table's help: what it does, and examples after its options. */
const HELP: Record<string, { description: string; examples?: string }> = {
  'action-table': {
    description:
      'Query the actions of a service: all of them, by access level, resource type (* = none) or condition ' +
      'key, or one action in detail (--name).',
    examples: ACTION_EXAMPLES,
  },
  'arn-table': {
    description:
      'Query the resource types of a service: their ARN formats (the default), names (-l), or one in detail (--name).',
    examples: ARN_EXAMPLES,
  },
  'condition-table': {
    description: 'Query the condition keys of a service: all of them, or one in detail (--name).',
    examples: CONDITION_EXAMPLES,
  },
  'service-table': { description: 'List the services in the database: prefix and name.' },
  'operation-table': {
    description:
      'Map API operations (CloudTrail event names, SDK calls) of a service to the IAM actions they need, ' +
      'with where each entry came from.',
    examples: OPERATION_EXAMPLES,
  },
};

export function registerQuery(program: Command, ctx: CliContext): void {
  const query = program
    .command('query')
    .description(
      'Query the IAM database: actions, resource types (ARNs), condition keys, services, and the actions API ' +
        'operations need.',
    );
  for (const table of QUERY_TABLES) {
    const help = HELP[table.name];
    const command = query.command(table.name).description(help.description);
    addOptions(command, table.options);
    if (help.examples) command.addHelpText('after', help.examples);
    command.action((opts: Record<string, unknown>) => table.run(ctx, opts));
  }
  // `query` alone: its usage; `query nosuchtable`: an error naming the tables.
  helpOrUnknownCommand(query);
}
