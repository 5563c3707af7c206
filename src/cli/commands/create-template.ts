import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Registers `create-template`. (To be written.) */
export function registerCreateTemplate(_program: Command, _ctx: CliContext): void {}
