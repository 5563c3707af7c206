import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Registers the `db-info` subcommand(s) under `db`. (To be written.) */
export function registerDbInfo(_db: Command, _ctx: CliContext): void {}
