import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Registers the `db-update` subcommand(s) under `db`. (To be written.) */
export function registerDbUpdate(_db: Command, _ctx: CliContext): void {}
