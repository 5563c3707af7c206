/**
 * .github/workflows/refresh-database.yml against the script it runs: it is scheduled and can be run by hand,
 * it passes only options the script takes, and it reads only the outputs the script writes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../support/paths.js';

interface Step {
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}
const workflow = parse(readFileSync(join(ROOT, '.github', 'workflows', 'refresh-database.yml'), 'utf8')) as {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: unknown };
  jobs: Record<string, { steps: Step[] }>;
};
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
const refresh = steps.find((s) => s.run?.includes('scripts/refresh-database.mjs'));
const script = readFileSync(join(ROOT, 'scripts', 'refresh-database.mjs'), 'utf8');

test('weekly and on demand', () => {
  assert.equal(workflow.on.schedule?.length, 1);
  // minute hour day-of-month month day-of-week: one day of the week.
  assert.match(workflow.on.schedule?.[0].cron ?? '', /^\d+ \d+ \* \* [0-6]$/);
  assert.ok('workflow_dispatch' in workflow.on);
});

test('the options the workflow passes are options of the script', () => {
  assert.ok(refresh?.id, 'the refresh step has an id, for its outputs');
  const flags = [...(refresh.run ?? '').matchAll(/(?<![\w-])--[a-z][\w-]*/g)].map((m) => m[0]);
  assert.deepEqual(flags.sort(), ['--base-url', '--body']);
  // The script refuses an unknown option before doing anything; these get as far as checking --db.
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-wf-'));
  const r = spawnSync(
    process.execPath,
    [
      join(ROOT, 'scripts', 'refresh-database.mjs'),
      ...flags.flatMap((f) => [f, 'http://127.0.0.1:9/x']),
      '--db',
      dir,
    ],
    { encoding: 'utf8' },
  );
  assert.equal(r.status, 1);
  assert.match(r.stderr, /is not an iamwright database/);
  const unknown = spawnSync(process.execPath, [join(ROOT, 'scripts', 'refresh-database.mjs'), '--bogus'], {
    encoding: 'utf8',
  });
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /^refresh-database: Unknown option '--bogus'/);
});

test('the outputs the workflow reads are outputs the script writes; the pull request carries its text', () => {
  const used = new Set<string>();
  const text = JSON.stringify(steps);
  for (const m of text.matchAll(new RegExp(`steps\\.${refresh?.id}\\.outputs\\.([\\w-]+)`, 'g')))
    used.add(m[1]);
  const written = /appendFileSync\(\s*process\.env\.GITHUB_OUTPUT,\s*`([^`]*)`/.exec(script)?.[1] ?? '';
  const writes = new Set([...written.matchAll(/(?:^|\\n)([\w-]+)=/g)].map((m) => m[1]));
  assert.deepEqual([...used].sort(), ['body', 'changed', 'date']);
  for (const o of used) assert.ok(writes.has(o), `the script writes no output '${o}'`);
  const pr = steps.find((s) => s.uses?.startsWith('peter-evans/create-pull-request@'));
  assert.equal(pr?.if, `steps.${refresh?.id}.outputs.changed == 'true'`);
  assert.equal(pr?.with?.['body-path'], `\${{ steps.${refresh?.id}.outputs.body }}`);
  assert.equal(pr?.with?.['add-paths'], 'data/db');
});
