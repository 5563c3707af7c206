/**
 * What the `query` tables do once their command line is read, by commander (query.ts) or directly
 * (direct.ts), and their options as data (option-spec.ts) for both: no commander here, so that a plain
 * query never loads it. The querying code and the formatter load only when a table is queried, and only
 * the services asked about are read from the database.
 */
import type { CliContext } from '../context.js';
import type { OptionSpec } from '../option-spec.js';

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

const ACCESS_LEVELS = ['read', 'write', 'list', 'tagging', 'permissions-management'];

const FMT: OptionSpec = {
  flags: '--fmt <format>',
  description: 'output format: table for people; json, yaml or csv for programs',
  choices: ['table', 'json', 'yaml', 'csv'],
  default: 'table',
};

/** policy_sentry's --verbose sets its log level; accepted (and ignored) so that its command lines still run. */
const VERBOSE: OptionSpec = { flags: '-v, --verbose <level>', description: '', hidden: true };

const service = (description: string): OptionSpec => ({
  flags: '-s, --service <prefix>',
  description,
  mandatory: true,
});

const ACTION_TABLE_OPTIONS: readonly OptionSpec[] = [
  service('service prefix, e.g. s3, or all for every service'),
  {
    flags: '-n, --name <action>',
    description: 'an action to describe, e.g. GetObject (wildcards allowed: Get*)',
  },
  {
    flags: '-a, --access-level <level>',
    description: 'only actions at this access level',
    choices: ACCESS_LEVELS,
  },
  {
    flags: '-c, --condition <key>',
    description: 'only actions supporting this condition key, e.g. s3:x-amz-acl',
  },
  {
    flags: '-r, --resource-type <type>',
    description: 'only actions on this resource type, e.g. object; * = actions without one',
  },
  FMT,
  VERBOSE,
];

const ARN_TABLE_OPTIONS: readonly OptionSpec[] = [
  service('service prefix, e.g. s3'),
  { flags: '-n, --name <type>', description: 'a resource type to describe, e.g. object' },
  { flags: '-l, --list-arn-types', description: 'list resource type names with their ARN formats' },
  FMT,
  VERBOSE,
];

const CONDITION_TABLE_OPTIONS: readonly OptionSpec[] = [
  service('service prefix, e.g. s3'),
  {
    flags: '-n, --name <key>',
    description: 'a condition key to describe, e.g. s3:x-amz-acl or aws:ResourceTag/owner',
  },
  FMT,
  VERBOSE,
];

const SERVICE_TABLE_OPTIONS: readonly OptionSpec[] = [FMT, VERBOSE];

const OPERATION_TABLE_OPTIONS: readonly OptionSpec[] = [
  service('service prefix, e.g. s3'),
  {
    flags: '-n, --name <operation>',
    description: 'an operation, e.g. ListObjectsV2 (wildcards allowed: List*)',
  },
  FMT,
];

/** How a result is laid out in the tabular formats (see src/util/format/rows.ts). */
interface Layout {
  listHeader?: string;
  keyHeader?: string;
  valueHeader?: string;
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

async function runActionTable(ctx: CliContext, opts: ActionTableOptions): Promise<void> {
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
}

async function runArnTable(ctx: CliContext, opts: ArnTableOptions): Promise<void> {
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
}

async function runConditionTable(ctx: CliContext, opts: CommonOptions): Promise<void> {
  await checkNotEmpty({ '--service': opts.service, '--name': opts.name });
  await checkServicePrefix(ctx, opts.service);
  const q = await import('../../querying/index.js');
  const db = ctx.database();
  if (opts.name !== undefined) {
    await emit(ctx, q.conditionKeyDetails(db, opts.service, opts.name), opts.fmt, { keyHeader: 'field' });
  } else {
    await emit(ctx, q.conditionKeysForService(db, opts.service), opts.fmt, { listHeader: 'condition_key' });
  }
}

async function runServiceTable(ctx: CliContext, opts: { fmt: Fmt }): Promise<void> {
  const q = await import('../../querying/index.js');
  await emit(ctx, q.serviceList(ctx.database()), opts.fmt);
}

async function runOperationTable(ctx: CliContext, opts: CommonOptions): Promise<void> {
  await checkNotEmpty({ '--service': opts.service, '--name': opts.name });
  await checkServicePrefix(ctx, opts.service);
  const { operationTable } = await import('../../querying/operations-table.js');
  const rows = operationTable(ctx.database(), opts.service, opts.name);
  if (opts.fmt === 'table' && rows.length === 0) ctx.out('(no matching operations)\n');
  else await emit(ctx, rows, opts.fmt);
}

/** A query table as both readers run it: its subcommand name, its options, and what it does. */
export interface QueryTable {
  /** The subcommand: `action-table`. */
  name: string;
  /** What `query --help` says of it. */
  description: string;
  options: readonly OptionSpec[];
  /** Runs it on the options read (commander's object, or direct.ts's, which is the same). */
  run(ctx: CliContext, opts: Record<string, unknown>): Promise<void>;
}

function queryTable<O>(
  name: string,
  description: string,
  options: readonly OptionSpec[],
  run: (ctx: CliContext, opts: O) => Promise<void>,
): QueryTable {
  return { name, description, options, run: (ctx, opts) => run(ctx, opts as O) };
}

/** The tables, in the order `query --help` lists them. */
export const QUERY_TABLES: readonly QueryTable[] = [
  queryTable<ActionTableOptions>(
    'action-table',
    'Query the actions of a service: all of them, by access level, resource type (* = none) or condition ' +
      'key, or one action in detail (--name).',
    ACTION_TABLE_OPTIONS,
    runActionTable,
  ),
  queryTable<ArnTableOptions>(
    'arn-table',
    'Query the resource types of a service: their ARN formats (the default), names (-l), or one in detail (--name).',
    ARN_TABLE_OPTIONS,
    runArnTable,
  ),
  queryTable<CommonOptions>(
    'condition-table',
    'Query the condition keys of a service: all of them, or one in detail (--name).',
    CONDITION_TABLE_OPTIONS,
    runConditionTable,
  ),
  queryTable<CommonOptions>(
    'service-table',
    'List the services in the database: prefix and name.',
    SERVICE_TABLE_OPTIONS,
    runServiceTable,
  ),
  queryTable<CommonOptions>(
    'operation-table',
    'Map API operations (CloudTrail event names, SDK calls) of a service to the IAM actions they need, ' +
      'with where each entry came from.',
    OPERATION_TABLE_OPTIONS,
    runOperationTable,
  ),
];
