import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { registerDbBuild } from './db-build.js';
import { registerDbExport } from './db-export.js';
import { registerDbInfo } from './db-info.js';
import { registerDbUpdate } from './db-update.js';

/** Registers `db` and its subcommands: build, export, info, update, rollback, diff. */
export function registerDb(program: Command, ctx: CliContext): void {
  const db = program.command('db').description('Build, inspect, export and update the IAM database.');
  registerDbBuild(db, ctx);
  registerDbExport(db, ctx);
  registerDbInfo(db, ctx);
  registerDbUpdate(db, ctx);
}
