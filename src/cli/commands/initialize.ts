import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Registers `initialize`. (To be written.) */
export function registerInitialize(_program: Command, _ctx: CliContext): void {}
