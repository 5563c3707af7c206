/** write-policy as direct.ts runs it: its options as commander has them, and what it does. */
import type { DirectCommand } from '../direct.js';
import { WRITE_POLICY_OPTIONS } from './write-policy-options.js';
import { runWritePolicy, type WritePolicyCliOptions } from './write-policy-run.js';

export const WRITE_POLICY_DIRECT: DirectCommand = {
  name: 'write-policy',
  options: WRITE_POLICY_OPTIONS,
  arguments: 'variadic',
  run: (ctx, args, opts) => runWritePolicy(ctx, args, opts as unknown as WritePolicyCliOptions),
};
