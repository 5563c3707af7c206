import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Registers `write-policy`. (To be written.) */
export function registerWritePolicy(_program: Command, _ctx: CliContext): void {}
