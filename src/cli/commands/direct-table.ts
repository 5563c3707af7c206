/**
 * The commands whose plain command lines are read without commander (direct.ts): write-policy and the
 * query tables, whose start-up is measured. Their options are the data commander sets up too.
 */
import type { DirectCommand, DirectTable } from '../direct.js';

/** The query tables by subcommand (query-run.ts's list, named here so that nothing loads until one runs). */
const QUERY_TABLE_NAMES = [
  'action-table',
  'arn-table',
  'condition-table',
  'service-table',
  'operation-table',
];

export const DIRECT_COMMANDS: DirectTable = {
  'write-policy': () => import('./write-policy-direct.js').then((m) => m.WRITE_POLICY_DIRECT),
  ...Object.fromEntries(
    QUERY_TABLE_NAMES.map((table): [string, () => Promise<DirectCommand>] => [
      `query ${table}`,
      () => import('./query-direct.js').then((m) => m.QUERY_DIRECT[`query ${table}`]),
    ]),
  ),
};
