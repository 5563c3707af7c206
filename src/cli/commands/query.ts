/**
 * `iamwright query action-table|arn-table|condition-table|service-table`: policy_sentry's query command,
 * with the same options and (in --fmt json) the same data; `query operation-table` is iamwright's own. The querying code and the formatter load only
 * when a table is queried, and only the services asked about are read from the database.
 */
import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { helpOrUnknownCommand } from '../unknown-command.js';

type Fmt = 'table' | 'json' | 'yaml' | 'csv';

interface CommonOptions {
  service: string;
  name?: string;
  fmt: Fmt;
}
interface ActionTableOptions extends CommonOptions {
  accessLevel?: string;
  condition?: string;
  resourceType?: string;
}
interface ArnTableOptions extends CommonOptions {
  listArnTypes?: boolean;
}

/** How a result is laid out in the tabular formats (see src/util/format/rows.ts). */
interface Layout {
  listHeader?: string;
  keyHeader?: string;
  valueHeader?: string;
}

const ACCESS_LEVELS = ['read', 'write', 'list', 'tagging', 'permissions-management'];

function fmtOption(): Option {
  return new Option('--fmt <format>', 'output format: table for people; json, yaml or csv for programs')
    .choices(['table', 'json', 'yaml', 'csv'])
    .default('table');
}

function serviceOption(what: string): Option {
  return new Option('-s, --service <prefix>', what).makeOptionMandatory();
}

/** policy_sentry's --verbose sets its log level; accepted (and ignored) so that its command lines still run. */
function verboseOption(): Option {
  return new Option('-v, --verbose <level>').hideHelp();
}

async function emit(ctx: CliContext, data: unknown, fmt: Fmt, layout: Layout = {}): Promise<void> {
  const { render } = await import('../../util/format/index.js');
  // Only a table is fitted to the terminal (asking loads node:tty, which a JSON answer can do without).
  const width = fmt === 'table' ? (await import('../../util/io/output.js')).stdoutColumns() : undefined;
  ctx.out(
    render(data, fmt, {
      ...layout,
      indent: 4, // as policy_sentry, so its outputs and ours diff cleanly
      width,
    }),
  );
}

/**
 * An action's details for people: per action a heading (name, access level, description, API link), then
 * its rows as a table of resource type ARN format, condition keys and dependent actions.
 */
async function actionDataTable(
  rows: readonly import('../../querying/index.js').ActionDataRow[],
): Promise<string> {
  const { render, wrapText } = await import('../../util/format/index.js');
  const { stdoutColumns } = await import('../../util/io/output.js');
  const width = stdoutColumns() ?? 120;
  const blocks: string[] = [];
  for (const action of [...new Set(rows.map((r) => r.action))]) {
    const own = rows.filter((r) => r.action === action);
    const head = [`${action} (${own[0].access_level})`, ...wrapText(own[0].description, width)];
    if (own[0].api_documentation_link) head.push(own[0].api_documentation_link);
    const table = render(own, 'table', {
      columns: ['resource_arn_format', 'condition_keys', 'dependent_actions'],
      width,
    });
    blocks.push(`${head.join('\n')}\n\n${table}`);
  }
  return blocks.length ? blocks.join('\n') : '(no matching actions)\n';
}

/**
 * AWS service prefixes are lower case. policy_sentry finds nothing for `S3`; rather than answer with an
 * empty list, say what was meant (see requireLowerCasePrefix).
 */
async function checkServicePrefix(
  ctx: CliContext,
  service: string,
  alsoAccepted: string[] = [],
): Promise<void> {
  if (service === service.toLowerCase()) return;
  const { requireLowerCasePrefix } = await import('../../querying/names.js');
  requireLowerCasePrefix(ctx.database(), service, alsoAccepted);
}

/**
 * An empty value (`--name ''`, often an unset shell variable) names nothing. policy_sentry took it as no
 * filter at all and answered for the whole service; say what is missing instead.
 */
async function checkNotEmpty(values: Record<string, string | undefined>): Promise<void> {
  const empty = Object.entries(values).find(([, v]) => v !== undefined && v.trim() === '');
  if (empty) {
    const { UserError } = await import('../../util/errors.js');
    throw new UserError(`option ${empty[0]} is empty: give a value or leave the option out`);
  }
}

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

export function registerQuery(program: Command, ctx: CliContext): void {
  const query = program
    .command('query')
    .description(
      'Query the IAM database: actions, resource types (ARNs), condition keys, services, and the actions API ' +
        'operations need.',
    );

  query
    .command('action-table')
    .description(
      'Query the actions of a service: all of them, by access level, resource type (* = none) or condition ' +
        'key, or one action in detail (--name).',
    )
    .addOption(serviceOption('service prefix, e.g. s3, or all for every service'))
    .option('-n, --name <action>', 'an action to describe, e.g. GetObject (wildcards allowed: Get*)')
    .addOption(
      new Option('-a, --access-level <level>', 'only actions at this access level').choices(ACCESS_LEVELS),
    )
    .option('-c, --condition <key>', 'only actions supporting this condition key, e.g. s3:x-amz-acl')
    .option(
      '-r, --resource-type <type>',
      'only actions on this resource type, e.g. object; * = actions without one',
    )
    .addOption(fmtOption())
    .addOption(verboseOption())
    .addHelpText('after', ACTION_EXAMPLES)
    .action(async (opts: ActionTableOptions) => {
      await checkNotEmpty({
        '--service': opts.service,
        '--name': opts.name,
        '--condition': opts.condition,
        '--resource-type': opts.resourceType,
      });
      await checkServicePrefix(ctx, opts.service, ['all']);
      const q = await import('../../querying/index.js');
      const db = ctx.database();
      const filter = {
        accessLevel: opts.accessLevel,
        resourceType: opts.resourceType,
        conditionKey: opts.condition,
      };
      const filtered =
        filter.accessLevel !== undefined ||
        filter.resourceType !== undefined ||
        filter.conditionKey !== undefined;
      const all = q.isAllServices(db, opts.service);
      if (opts.name !== undefined) {
        if (all) {
          const { UserError } = await import('../../util/errors.js');
          throw new UserError(
            '--name describes an action of one service: give its prefix with --service, not all',
          );
        }
        const data = q.actionData(db, opts.service, opts.name);
        if (filtered) {
          // --name with filters: the named actions (a wildcard may name several) that also pass them.
          const keep = new Set(q.findActions(db, opts.service, filter));
          for (const prefix of Object.keys(data))
            data[prefix] = data[prefix].filter((row) => keep.has(row.action));
        }
        if (opts.fmt === 'table') ctx.out(await actionDataTable(Object.values(data).flat()));
        else await emit(ctx, data, opts.fmt);
      } else if (all && !filtered) {
        await emit(ctx, q.servicePrefixes(db), opts.fmt, { listHeader: 'prefix' });
      } else {
        await emit(ctx, q.findActions(db, opts.service, filter), opts.fmt, { listHeader: 'action' });
      }
    });

  query
    .command('arn-table')
    .description(
      'Query the resource types of a service: their ARN formats (the default), names (-l), or one in detail (--name).',
    )
    .addOption(serviceOption('service prefix, e.g. s3'))
    .option('-n, --name <type>', 'a resource type to describe, e.g. object')
    .option('-l, --list-arn-types', 'list resource type names with their ARN formats')
    .addOption(fmtOption())
    .addOption(verboseOption())
    .addHelpText('after', ARN_EXAMPLES)
    .action(async (opts: ArnTableOptions) => {
      await checkNotEmpty({ '--service': opts.service, '--name': opts.name });
      await checkServicePrefix(ctx, opts.service);
      const q = await import('../../querying/index.js');
      const db = ctx.database();
      if (opts.name !== undefined) {
        await emit(ctx, q.resourceTypeDetails(db, opts.service, opts.name), opts.fmt, { keyHeader: 'field' });
      } else if (opts.listArnTypes) {
        await emit(ctx, q.resourceTypesForService(db, opts.service), opts.fmt, {
          keyHeader: 'resource_type',
          valueHeader: 'arn_format',
        });
      } else {
        await emit(ctx, q.arnFormatsForService(db, opts.service), opts.fmt, { listHeader: 'arn_format' });
      }
    });

  query
    .command('condition-table')
    .description('Query the condition keys of a service: all of them, or one in detail (--name).')
    .addOption(serviceOption('service prefix, e.g. s3'))
    .option('-n, --name <key>', 'a condition key to describe, e.g. s3:x-amz-acl or aws:ResourceTag/owner')
    .addOption(fmtOption())
    .addOption(verboseOption())
    .addHelpText('after', CONDITION_EXAMPLES)
    .action(async (opts: CommonOptions) => {
      await checkNotEmpty({ '--service': opts.service, '--name': opts.name });
      await checkServicePrefix(ctx, opts.service);
      const q = await import('../../querying/index.js');
      const db = ctx.database();
      if (opts.name !== undefined) {
        await emit(ctx, q.conditionKeyDetails(db, opts.service, opts.name), opts.fmt, { keyHeader: 'field' });
      } else {
        await emit(ctx, q.conditionKeysForService(db, opts.service), opts.fmt, {
          listHeader: 'condition_key',
        });
      }
    });

  query
    .command('service-table')
    .description('List the services in the database: prefix and name.')
    .addOption(fmtOption())
    .addOption(verboseOption())
    .action(async (opts: { fmt: Fmt }) => {
      const q = await import('../../querying/index.js');
      await emit(ctx, q.serviceList(ctx.database()), opts.fmt);
    });

  query
    .command('operation-table')
    .description(
      'Map API operations (CloudTrail event names, SDK calls) of a service to the IAM actions they need, ' +
        'with where each entry came from.',
    )
    .addOption(serviceOption('service prefix, e.g. s3'))
    .option('-n, --name <operation>', 'an operation, e.g. ListObjectsV2 (wildcards allowed: List*)')
    .addOption(fmtOption())
    .addHelpText('after', OPERATION_EXAMPLES)
    .action(async (opts: CommonOptions) => {
      await checkNotEmpty({ '--service': opts.service, '--name': opts.name });
      await checkServicePrefix(ctx, opts.service);
      const { operationTable } = await import('../../querying/operations-table.js');
      const rows = operationTable(ctx.database(), opts.service, opts.name);
      if (opts.fmt === 'table' && rows.length === 0) ctx.out('(no matching operations)\n');
      else await emit(ctx, rows, opts.fmt);
    });

  // `query` alone: its usage; `query nosuchtable`: an error naming the tables.
  helpOrUnknownCommand(query);
}
