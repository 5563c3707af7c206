/** Runs the built CLI as a user would, capturing its output. */
import { spawnSync } from 'node:child_process';
import { CLI } from './paths.js';

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
