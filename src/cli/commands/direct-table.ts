/**
 * The commands whose plain command lines are read without commander (direct.ts): write-policy, whose
 * start-up with a policy to write is measured. Their options are the data commander sets up too.
 */
import type { DirectTable } from '../direct.js';

export const DIRECT_COMMANDS: DirectTable = {
  'write-policy': () => import('./write-policy-direct.js').then((m) => m.WRITE_POLICY_DIRECT),
};
