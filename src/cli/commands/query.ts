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

/** The examples each table's help shows after its options. */
const EXAMPLES: Readonly<Record<string, string>> = {
  'action-table': ACTION_EXAMPLES,
  'arn-table': ARN_EXAMPLES,
  'condition-table': CONDITION_EXAMPLES,
  'operation-table': OPERATION_EXAMPLES,
};

export function registerQuery(program: Command, ctx: CliContext): void {
  const query = program
    .command('query')
    .description(
      'Query the IAM database: actions, resource types (ARNs), condition keys, services, and the actions API ' +
        'operations need.',
    );
  for (const table of QUERY_TABLES) {
    const command = query.command(table.name).description(table.description);
    addOptions(command, table.options);
    if (Object.hasOwn(EXAMPLES, table.name)) command.addHelpText('after', EXAMPLES[table.name]);
    command.action((opts: Record<string, unknown>) => table.run(ctx, opts));
  }
  // `query` alone: its usage; `query nosuchtable`: an error naming the tables.
  helpOrUnknownCommand(query);
}
