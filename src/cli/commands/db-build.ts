import type { Command } from 'commander';
import type { CliContext } from '../context.js';

/** Registers the `db-build` subcommand(s) under `db`. (To be written.) */
export function registerDbBuild(_db: Command, _ctx: CliContext): void {}
