import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Registers the `db-export` subcommand(s) under `db`. (To be written.) */
export function registerDbExport(_db: Command, _ctx: CliContext): void {}
