/**
 * The commands whose plain command lines are read without commander (direct.ts): write-policy and the
 * query tables, whose start-up is measured. Their options are the data commander sets up too.
 */
import type { DirectCommand, DirectTable } from '../direct.js';

const query = (name: string) => (): Promise<DirectCommand> =>
  import('./query-direct.js').then((m) => m.QUERY_DIRECT[name]);

export const DIRECT_COMMANDS: DirectTable = {
  'write-policy': () => import('./write-policy-direct.js').then((m) => m.WRITE_POLICY_DIRECT),
  'query action-table': query('query action-table'),
  'query arn-table': query('query arn-table'),
  'query condition-table': query('query condition-table'),
  'query service-table': query('query service-table'),
  'query operation-table': query('query operation-table'),
};
