import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Registers `db`. (To be written.) */
export function registerDb(_program: Command, _ctx: CliContext): void {}
