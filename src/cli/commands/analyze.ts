import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Registers `analyze`. (To be written.) */
export function registerAnalyze(_program: Command, _ctx: CliContext): void {}
