/**
 * The commands whose usual command lines are read without commander (direct.ts): write-policy, the one
 * whose start-up is measured with a policy to write. Their options are the same data commander sets up.
 */
import type { DirectTable } from '../direct.js';
import { WRITE_POLICY_OPTIONS } from './write-policy-options.js';
import { runWritePolicy, type WritePolicyCliOptions } from './write-policy-run.js';

export const DIRECT_COMMANDS: DirectTable = {
  'write-policy': {
    options: WRITE_POLICY_OPTIONS,
    run: (ctx, args, opts) => runWritePolicy(ctx, args, opts as unknown as WritePolicyCliOptions),
  },
};
