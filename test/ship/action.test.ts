/**
 * The GitHub Action (action.yml) run locally: its steps are read from the file, `${{ … }}` expressions are
 * evaluated as GitHub would (inputs with their defaults, github.action_path, steps.<id>.outputs from
 * $GITHUB_OUTPUT), and each `run:` is executed with bash against the built CLI. So an input renamed in
 * action.yml, or a flag the CLI no longer has, fails here rather than in a user's workflow.
 * The install step (npm ci in the action's checkout) runs once, with npm replaced by a stand-in; otherwise
 * the test uses this checkout's build.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CLI, ROOT } from '../support/paths.js';
import { runCli } from '../support/cli.js';
import { assertValid } from '../reporting/sarif-schema.js';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  shell?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
  'working-directory'?: string;
}
interface Action {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

interface Context {
  inputs: Record<string, string>;
  steps: Record<string, { outputs: Record<string, string> }>;
}

/** One expression: the few forms action.yml may use. Anything else fails the test. */
function evaluate(expr: string, ctx: Context): string {
  const e = expr.trim();
  let m = /^inputs\.([\w-]+)$/.exec(e);
  if (m) {
    assert.ok(m[1] in action.inputs, `action.yml uses undeclared input '${m[1]}'`);
    return ctx.inputs[m[1]];
  }
  if (e === 'github.action_path') return ROOT;
  m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
  if (m) {
    assert.ok(
      action.runs.steps.some((s) => s.id === m![1]),
      `no step with id '${m[1]}'`,
    );
    return ctx.steps[m[1]]?.outputs[m[2]] ?? '';
  }
  m = /^([\w.-]+) == '([^']*)'$/.exec(e);
  if (m) return String(evaluate(m[1], ctx) === m[2]);
  throw new Error(`action.yml: expression the test cannot evaluate: ${expr}`);
}

/** A string with `${{ … }}` inside it. */
const substitute = (s: string, ctx: Context) => s.replace(/\$\{\{(.*?)\}\}/g, (_, e) => evaluate(e, ctx));

interface RunResult {
  /** The exit code of the step that failed, 0 if none. */
  code: number;
  failedStep?: string;
  log: string;
  outputs: Record<string, string>;
  /** `uses:` steps that would run, with their inputs evaluated. */
  used: { uses: string; with: Record<string, string> }[];
}

/**
 * Runs the action. The install step runs only with `npmStub`: a folder holding a stand-in `npm` that logs
 * its calls (the real one would reinstall this checkout's dependencies).
 */
function runAction(inputs: Record<string, string>, workspace: string, npmStub?: string): RunResult {
  const given = Object.keys(inputs).filter((k) => !(k in action.inputs));
  assert.deepEqual(given, [], 'inputs the action does not declare');
  const ctx: Context = { inputs: {}, steps: {} };
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.required && inputs[name] === undefined) throw new Error(`input ${name} is required`);
    ctx.inputs[name] = inputs[name] ?? spec.default ?? '';
  }
  const result: RunResult = { code: 0, log: '', outputs: {}, used: [] };
  const temp = mkdtempSync(join(tmpdir(), 'iamwright-action-step-'));
  for (const [i, step] of action.runs.steps.entries()) {
    if (step.id === 'install' && !npmStub) continue;
    // An `if:` without a status function means success() && it; steps stop at the first failure.
    if (step.if !== undefined && evaluate(step.if.replace(/^\$\{\{|\}\}$/g, ''), ctx) !== 'true') continue;
    if (step.uses) {
      const w = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(v, ctx)]));
      result.used.push({ uses: step.uses, with: w });
      continue;
    }
    assert.equal(step.shell, 'bash', `step ${step.id}: shell`);
    const outputFile = join(temp, `output-${i}`);
    writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      IAMWRIGHT_DB: '',
      IAMWRIGHT_HOME: join(temp, 'home'),
      NO_COLOR: '1',
      ...(npmStub ? { PATH: `${npmStub}:${process.env.PATH}` } : {}),
    };
    for (const [k, v] of Object.entries(step.env ?? {})) env[k] = substitute(v, ctx);
    const cwd = step['working-directory'] ? substitute(step['working-directory'], ctx) : workspace;
    // GitHub's own command line for `shell: bash`.
    const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run ?? ''], {
      cwd,
      env,
      encoding: 'utf8',
    });
    result.log += r.stdout + r.stderr;
    const outputs: Record<string, string> = {};
    for (const line of readFileSync(outputFile, 'utf8').split('\n')) {
      const at = line.indexOf('=');
      if (at > 0) outputs[line.slice(0, at)] = line.slice(at + 1);
    }
    if (step.id) ctx.steps[step.id] = { outputs };
    if (r.status !== 0) {
      result.code = r.status ?? -1;
      result.failedStep = step.id;
      break;
    }
  }
  for (const [name, o] of Object.entries(action.outputs)) result.outputs[name] = substitute(o.value, ctx);
  return result;
}

/** A repository with a good policy, a bad one (an unknown action) and a risky one. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-action-'));
  const policy = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
  mkdirSync(join(dir, 'policies'));
  mkdirSync(join(dir, 'more'));
  writeFileSync(
    join(dir, 'policies', 'good.json'),
    policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' }),
  );
  writeFileSync(
    join(dir, 'more', 'bad.json'),
    policy({ Effect: 'Allow', Action: 's3:GetObjekt', Resource: 'arn:aws:s3:::my-bucket/*' }),
  );
  writeFileSync(
    join(dir, 'more', 'risky.json'),
    policy({ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' }),
  );
  return dir;
}

test('action.yml: a composite action with the inputs the README documents', () => {
  assert.equal(action.runs.using, 'composite');
  assert.deepEqual(Object.keys(action.inputs).sort(), ['command', 'fail-on', 'paths', 'sarif', 'sarif-file']);
  const install = action.runs.steps.find((s) => s.id === 'install');
  assert.equal(install?.['working-directory'], '${{ github.action_path }}');
  assert.match(install?.run ?? '', /^npm ci\b/m);
  const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
  assert.ok(upload, 'an upload-sarif step');
  // Every input is used by some step, and the README's example names only declared inputs.
  const text = readFileSync(join(ROOT, 'action.yml'), 'utf8');
  for (const name of Object.keys(action.inputs)) assert.match(text, new RegExp(`inputs\\.${name}\\b`), name);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const example = /uses: [\w-]+\/iamwright@[^\n]*\n\s+with:\n((?:\s{8,}[\w-]+:.*\n)+)/.exec(readme);
  assert.ok(example, 'the README shows a workflow using the action');
  for (const m of example[1].matchAll(/^\s+([\w-]+):/gm)) assert.ok(m[1] in action.inputs, m[1]);
});

test('action.yml: every flag its steps pass exists in the CLI help of lint (and of analyze)', (t) => {
  const flags = new Set<string>();
  // Every long option in the steps that run iamwright (the install step runs npm, not iamwright).
  for (const s of action.runs.steps.filter((x) => x.id !== 'install')) {
    for (const f of (s.run ?? '').matchAll(/(?<![\w-])--[a-z][\w-]*/g)) flags.add(f[0]);
  }
  assert.deepEqual([...flags].sort(), ['--fail-on', '--fmt', '--out']);
  const lint = runCli(['lint', '--help']).stdout;
  for (const f of flags) assert.match(lint, new RegExp(`\\s${f}\\b`), `lint --help lacks ${f}`);
  assert.match(lint, /"sarif"/);
  const analyze = runCli(['analyze', '--help']).stdout;
  assert.match(analyze, /\s--fail-on\b/);
  if (!/sarif/.test(analyze)) t.diagnostic('analyze --help has no sarif yet: analyze + sarif is not checked');
  else for (const f of flags) assert.match(analyze, new RegExp(`\\s${f}\\b`), `analyze --help lacks ${f}`);
});

test('lint with SARIF: the report is written and valid, upload gets it, and the verdict fails the job', () => {
  const ws = workspace();
  // The report's folder is made when missing.
  const ok = runAction(
    {
      paths: 'policies/good.json\n  more/bad.json',
      sarif: 'true',
      'sarif-file': 'out/scan/lint.sarif',
      'fail-on': 'error',
    },
    ws,
  );
  assert.equal(ok.failedStep, 'verdict', ok.log);
  assert.equal(ok.code, 2);
  assert.equal(ok.outputs['exit-code'], '2');
  assert.equal(ok.outputs['sarif-file'], 'out/scan/lint.sarif');
  assert.deepEqual(
    ok.used.map((u) => u.uses.split('@')[0]),
    ['github/codeql-action/upload-sarif'],
  );
  assert.equal(ok.used[0].with.sarif_file, 'out/scan/lint.sarif');
  assert.equal(ok.used[0].with.category, 'iamwright-lint');
  const sarif = JSON.parse(readFileSync(join(ws, 'out', 'scan', 'lint.sarif'), 'utf8'));
  assertValid(sarif);
  const uris = sarif.runs[0].results.map(
    (x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
      x.locations[0].physicalLocation.artifactLocation.uri,
  );
  assert.ok(
    uris.some((u: string) => u.endsWith('more/bad.json')),
    JSON.stringify(uris),
  );
  assert.ok(!uris.some((u: string) => u.endsWith('good.json')), JSON.stringify(uris));
});

test('lint without SARIF: the table goes to the log, nothing is uploaded, good policies pass', () => {
  const ws = workspace();
  const good = runAction({ paths: 'policies' }, ws);
  assert.equal(good.code, 0, good.log);
  assert.deepEqual(good.used, []);
  assert.equal(good.outputs['exit-code'], '0');
  assert.equal(good.outputs['sarif-file'], '');
  const bad = runAction({ paths: 'policies more/bad.json' }, ws);
  assert.equal(bad.failedStep, 'verdict');
  assert.match(bad.log, /more\/bad\.json/);
  assert.match(bad.log, /GetObjekt/);
  // fail-on is passed through: with none, findings do not fail the job.
  assert.equal(runAction({ paths: 'more/bad.json', 'fail-on': 'none' }, ws).code, 0);
});

test('paths are split on white space and never expanded by the shell', () => {
  const ws = workspace();
  writeFileSync(join(ws, 'policies', 'x.txt'), 'not json');
  const r = runAction({ paths: 'policies/*.json' }, ws);
  assert.equal(r.outputs['exit-code'], '1', r.log);
  assert.match(r.log, /policies\/\*\.json/);
  const empty = runAction({ paths: '  \n ' }, ws);
  assert.equal(empty.failedStep, 'run');
  assert.match(empty.log, /::error::iamwright action: paths is empty/);
});

test('analyze: fail-on categories are passed through', () => {
  const ws = workspace();
  const quiet = runAction({ paths: 'more/risky.json', command: 'analyze' }, ws);
  assert.equal(quiet.code, 0, quiet.log);
  assert.match(quiet.log, /PassRole/);
  const gated = runAction(
    { paths: 'more/risky.json', command: 'analyze', 'fail-on': 'privilege-escalation' },
    ws,
  );
  assert.equal(gated.failedStep, 'verdict', gated.log);
  assert.equal(gated.outputs['exit-code'], '2');
});

test('analyze with SARIF', (t) => {
  if (!/sarif/.test(runCli(['analyze', '--help']).stdout)) {
    t.skip('analyze has no --fmt sarif in this build');
    return;
  }
  const ws = workspace();
  const r = runAction({ paths: 'more', command: 'analyze', sarif: 'true', 'fail-on': 'all' }, ws);
  assert.equal(r.failedStep, 'verdict', r.log);
  assert.equal(r.used[0].with.category, 'iamwright-analyze');
  assertValid(JSON.parse(readFileSync(join(ws, 'iamwright.sarif'), 'utf8')));
});

test('bad inputs stop the action with one error line', () => {
  const ws = workspace();
  const cmd = runAction({ paths: 'policies', command: 'expand' }, ws);
  assert.equal(cmd.failedStep, 'run');
  assert.match(cmd.log, /^::error::iamwright action: command must be lint or analyze, got 'expand'$/m);
  const sarif = runAction({ paths: 'policies', sarif: 'yes' }, ws);
  assert.match(sarif.log, /^::error::iamwright action: sarif must be true or false, got 'yes'$/m);
  assert.ok(existsSync(CLI));
});

test("the install step checks the Node.js version and runs npm ci in the action's checkout", () => {
  const ws = workspace();
  const stub = mkdtempSync(join(tmpdir(), 'iamwright-npm-stub-'));
  const log = join(stub, 'calls.log');
  writeFileSync(join(stub, 'npm'), `#!/bin/sh\necho "$PWD $*" >> '${log}'\n`, { mode: 0o755 });
  const r = runAction({ paths: 'policies' }, ws, stub);
  assert.equal(r.code, 0, r.log);
  // The build is there already (dist/cli-main.cjs), so only npm ci; in the action's folder, not the workspace.
  assert.equal(readFileSync(log, 'utf8'), `${ROOT.replace(/\/$/, '')} ci --no-audit --no-fund\n`);
});
