import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Registers `query`. (To be written.) */
export function registerQuery(_program: Command, _ctx: CliContext): void {}
