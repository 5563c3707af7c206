/**
 * The commands whose start-up is measured against bare node, for the CLI's second, smaller entry
 * (src/cli/fast.ts): a run of one of them loads only their code, not the linter, analysis and generator.
 * Each is set up exactly as in the full table (table.ts).
 */
import type { CommandTable } from '../program.js';
import { registerQuery } from './query.js';
import { registerWritePolicy } from './write-policy.js';

export const FAST_COMMANDS: CommandTable = [
  [['query'], registerQuery],
  [['write-policy'], registerWritePolicy],
];
