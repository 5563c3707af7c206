/** The `query` tables as direct.ts runs them: their options as commander has them, and what they do. */
import type { CliContext } from '../context.js';
import type { DirectCommand } from '../direct.js';
import type { OptionSpec } from '../option-spec.js';
import {
  ACTION_TABLE_OPTIONS,
  ARN_TABLE_OPTIONS,
  CONDITION_TABLE_OPTIONS,
  OPERATION_TABLE_OPTIONS,
  SERVICE_TABLE_OPTIONS,
  runActionTable,
  runArnTable,
  runConditionTable,
  runOperationTable,
  runServiceTable,
  type ActionTableOptions,
  type ArnTableOptions,
  type CommonOptions,
} from './query-run.js';

/** A table: `query NAME`, which takes options and no arguments. */
function table<O>(
  name: string,
  options: readonly OptionSpec[],
  run: (ctx: CliContext, opts: O) => Promise<void>,
): DirectCommand {
  return {
    name: `query ${name}`,
    options,
    arguments: 'none',
    run: (ctx, _args, opts) => run(ctx, opts as O),
  };
}

/** By name, as in the direct table. */
export const QUERY_DIRECT: Readonly<Record<string, DirectCommand>> = Object.fromEntries(
  [
    table<ActionTableOptions>('action-table', ACTION_TABLE_OPTIONS, runActionTable),
    table<ArnTableOptions>('arn-table', ARN_TABLE_OPTIONS, runArnTable),
    table<CommonOptions>('condition-table', CONDITION_TABLE_OPTIONS, runConditionTable),
    table<CommonOptions>('service-table', SERVICE_TABLE_OPTIONS, runServiceTable),
    table<CommonOptions>('operation-table', OPERATION_TABLE_OPTIONS, runOperationTable),
  ].map((command) => [command.name, command]),
);
