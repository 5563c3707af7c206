/** The `query` tables as direct.ts runs them: `query NAME`, with options and no arguments. */
import type { DirectCommand } from '../direct.js';
import { QUERY_TABLES } from './query-run.js';

/** By name, as in the direct table. */
export const QUERY_DIRECT: Readonly<Record<string, DirectCommand>> = Object.fromEntries(
  QUERY_TABLES.map((table): [string, DirectCommand] => [
    `query ${table.name}`,
    {
      name: `query ${table.name}`,
      options: table.options,
      arguments: 'none',
      run: (ctx, _args, opts) => table.run(ctx, opts),
    },
  ]),
);
