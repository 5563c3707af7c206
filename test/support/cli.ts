/** Runs the built CLI as a user would, capturing its output. */
import { spawnSync } from 'node:child_process';
import { CLI } from './paths.js';
import type { CliContext } from '../../src/cli/context.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  opts: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {},
): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    input: opts.input ?? '',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    cwd: opts.cwd,
    encoding: 'utf8',
    // Large reports (SARIF of hundreds of files) are over the default 1 MB, which would kill the run.
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A CLI context for setting up and parsing the command tree in-process: no database, output dropped. */
export const idleContext: CliContext = {
  env: {},
  database: () => {
    throw new Error('not used');
  },
  dbPath: () => undefined,
  out: () => {},
  err: () => {},
};
