/** Runs ../shared/conformance/check.py over the built CLI for some groups, as a node:test case. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLI, CONFORMANCE, hasConformance } from './paths.js';

export function conformanceTest(groups: string[]): void {
  const name = `policy_sentry conformance: ${groups.join(', ')}`;
  if (!hasConformance) {
    test(name, { skip: '../shared/conformance is absent' }, () => {});
    return;
  }
  test(name, () => {
    const r = spawnSync(
      'python3',
      [
        join(CONFORMANCE, 'check.py'),
        '--show',
        '40',
        '--only',
        groups.join(','),
        '--',
        process.execPath,
        CLI,
      ],
      {
        encoding: 'utf8',
      },
    );
    const summary = r.stdout.trim().split('\n').at(-1) ?? '';
    assert.match(summary, /^\d+ passed, 0 failed/, r.stdout + r.stderr);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
}
