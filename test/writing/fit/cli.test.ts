/**
 * write-policy --fit and `iamwright size` as a user meets them, on the bundled database; and the console
 * examples of the docs, run as written, so that the sizes they show are real.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { policySize } from '../../../src/util/policy-size.js';
import type { PolicyDocument } from '../../../src/writing/types.js';
import { runCli, type CliResult } from '../../support/cli.js';
import { CLI, ROOT } from '../../support/paths.js';

const DB = join(ROOT, 'data', 'db');
const EXAMPLE = join(ROOT, 'docs', 'examples', 'data-pipeline.yml');

function cli(args: string[], opts: { input?: string; cwd?: string } = {}): CliResult {
  return runCli(args, { ...opts, env: { IAMWRIGHT_DB: DB } });
}

function withDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-fit-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lines = (text: string) => text.trimEnd().split('\n');

test('write-policy --fit managed: the example, over 6,144 as written, fits in one policy', () => {
  const plain = cli(['write-policy', '-i', EXAMPLE]);
  assert.equal(plain.code, 0, plain.stderr);
  const written = JSON.parse(plain.stdout) as PolicyDocument;
  assert.ok(policySize(written, 'iam') > 6144);
  const r = cli(['write-policy', '-i', EXAMPLE, '--fit', 'managed']);
  assert.equal(r.code, 0, r.stderr);
  const fitted = JSON.parse(r.stdout) as PolicyDocument;
  assert.ok(!Array.isArray(fitted) && policySize(fitted, 'iam') <= 6144);
  assert.equal(r.stdout, JSON.stringify(fitted, null, 4) + '\n', 'written as write-policy writes');
  assert.equal(lines(r.stderr).length, 1);
  assert.match(
    r.stderr,
    /^iamwright: fit: [\d,]+ characters as written, .*: within the quota of a managed policy/,
  );
});

test('write-policy --fit: a policy within the quota is written byte for byte as without --fit', () => {
  const template = 'mode: crud\nread: [arn:aws:s3:::my-bucket/*]\n';
  const plain = cli(['write-policy'], { input: template });
  for (const quota of ['managed', 'role-inline', 'user-inline', '4000']) {
    const r = cli(['write-policy', '--fit', quota], { input: template });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, plain.stdout, quota);
    assert.equal(r.stderr, '', quota);
  }
});

test('write-policy --fit N: several policies as one JSON array (YAML list, Terraform list), each within N', () => {
  const r = cli(['write-policy', '-i', EXAMPLE, '--fit', '2048']);
  assert.equal(r.code, 0, r.stderr);
  const parts = JSON.parse(r.stdout) as PolicyDocument[];
  assert.ok(Array.isArray(parts) && parts.length > 1);
  for (const p of parts) assert.ok(policySize(p, 'iam') <= 2048);
  assert.match(r.stderr, new RegExp(`split into ${parts.length} policies of `));
  const yaml = cli(['write-policy', '-i', EXAMPLE, '--fit', '2048', '--fmt', 'yaml']);
  assert.deepEqual(parseYaml(yaml.stdout), parts);
  const tf = cli(['write-policy', '-i', EXAMPLE, '--fit', '2048', '--fmt', 'terraform']);
  assert.deepEqual(
    (JSON.parse(tf.stdout) as { policy: string }[]).map((t) => JSON.parse(t.policy) as unknown),
    parts,
  );
});

test('write-policy --fit scp: compact JSON, its bytes within 5,120 as uploaded', () => {
  const r = cli(['write-policy', '-i', EXAMPLE, '--fit', 'scp']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(lines(r.stdout).length, 1);
  const bytes = Buffer.byteLength(r.stdout.trimEnd(), 'utf8');
  assert.ok(bytes <= 5120, `${bytes}`);
  assert.equal(bytes, policySize(JSON.parse(r.stdout), 'organizations'));
});

test('write-policy --fit user-inline: one clear line with the sizes, no policy', () => {
  const r = cli(['write-policy', '-i', EXAMPLE, '--fit', 'user-inline']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(lines(r.stderr).length, 1);
  assert.match(
    r.stderr,
    /^iamwright: .*data-pipeline\.yml: the policy does not fit in the quota of a user's inline policies \(2,048 characters, whitespace not counted\): [\d,]+ characters as written, [\d,]+ with statements merged, [\d,]+ with wildcards; .*splitting cannot help/,
  );
});

test('write-policy --fit --out-dir: one file per policy, made whole; an older file is named', () => {
  withDir((dir) => {
    const out = join(dir, 'made', 'here');
    const r = cli(['write-policy', '-i', EXAMPLE, '--fit', '2048', '--out-dir', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const files = readdirSync(out).sort();
    assert.ok(files.length > 1 && files.every((f, i) => f === `data-pipeline-${i + 1}.json`), files.join());
    for (const f of files)
      assert.ok(policySize(JSON.parse(readFileSync(join(out, f), 'utf8')), 'iam') <= 2048);
    assert.match(r.stderr, new RegExp(`wrote ${files.length} policies: .*data-pipeline-1\\.json`));
    // Fewer policies now: the extra file from before is pointed out, not silently left.
    const again = cli(['write-policy', '-i', EXAMPLE, '--fit', 'managed', '--out-dir', out]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /warning: .*data-pipeline-2\.json is not from this run \(it made 1\)/);
    // From stdin the files are policy-N.
    const stdin = cli(['write-policy', '--fit', '2048', '--out-dir', dir], {
      input: readFileSync(EXAMPLE, 'utf8'),
    });
    assert.equal(stdin.code, 0, stdin.stderr);
    assert.ok(existsSync(join(dir, 'policy-1.json')));
  });
});

test('write-policy --fit / --out-dir misuse: one line, no policy', () => {
  withDir((dir) => {
    const cases: [string[], RegExp][] = [
      [['--out-dir', dir], /--out-dir goes with --fit/],
      [
        ['--fit', 'huge'],
        /unknown quota 'huge'; allowed: managed, role-inline, user-inline, group-inline, scp, or a number/,
      ],
      [['--fit', '0'], /unknown quota '0'/],
    ];
    for (const [args, message] of cases) {
      const r = cli(['write-policy', '-i', EXAMPLE, ...args]);
      assert.notEqual(r.code, 0, args.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.equal(lines(r.stderr).length, 1, r.stderr);
    }
    // A file where the folder should be.
    writeFileSync(join(dir, 'file'), 'x');
    const r = cli(['write-policy', '-i', EXAMPLE, '--fit', '2048', '--out-dir', join(dir, 'file')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^iamwright: cannot write to --out-dir '.*file': it is a file, not a folder\n$/);
  });
});

test('size: each policy against each quota, at the boundaries, as table and JSON', () => {
  withDir((dir) => {
    /** A policy whose compact JSON is exactly `length` characters. */
    const ofLength = (length: number): PolicyDocument => {
      const build = (pad: number): PolicyDocument => ({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'A',
            Effect: 'Allow',
            Action: ['s3:GetObject'],
            Resource: [`arn:aws:s3:::${'a'.repeat(pad)}`],
          },
        ],
      });
      return build(length - JSON.stringify(build(0)).length);
    };
    writeFileSync(join(dir, 'at.json'), JSON.stringify(ofLength(6144), null, 2));
    writeFileSync(join(dir, 'over.json'), JSON.stringify(ofLength(6145), null, 8));
    const r = cli(['size', 'at.json', 'over.json', '--fmt', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const [at, over] = JSON.parse(r.stdout) as {
      policy: string;
      characters: number;
      quotas: { quota: string; fits: boolean; size: number; limit: number }[];
    }[];
    assert.deepEqual([at.policy, at.characters, over.characters], ['at.json', 6144, 6145]);
    const managed = (x: typeof at) => x.quotas.find((q) => q.quota === 'managed');
    assert.deepEqual([managed(at)?.fits, managed(over)?.fits], [true, false]);
    assert.deepEqual(
      at.quotas.map((q) => [q.quota, q.limit, q.fits]),
      [
        ['managed', 6144, true],
        ['role-inline', 10240, true],
        ['user-inline', 2048, false],
        ['group-inline', 5120, false],
        ['scp', 5120, false],
      ],
    );
    const table = cli(['size', 'at.json', 'over.json'], { cwd: dir });
    assert.equal(table.code, 0, table.stderr);
    const [header, , atRow, overRow] = lines(table.stdout);
    assert.match(
      header,
      /^policy\s+characters\s+bytes\s+managed 6,144\s+role-inline 10,240\s+user-inline 2,048\s+group-inline 5,120\s+scp 5,120 bytes$/,
    );
    assert.match(
      atRow,
      /^at\.json\s+6,144\s+6,144\s+0 left\s+4,096 left\s+over by 4,096\s+over by 1,024\s+over by 1,024$/,
    );
    assert.match(overRow, /^over\.json\s+6,145\s+6,145\s+over by 1\s/);
  });
});

test('size: lists, Terraform, stdin; a bad file is reported and the others are still measured', () => {
  withDir((dir) => {
    const p = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 's3:*', Resource: '*' }] };
    writeFileSync(join(dir, 'parts.json'), JSON.stringify([p, p]));
    writeFileSync(join(dir, 'tf.json'), JSON.stringify({ policy: JSON.stringify(p) }));
    writeFileSync(join(dir, 'broken.json'), '{"Version": ');
    writeFileSync(join(dir, 'other.json'), '{"name": "not a policy"}');
    const r = cli(
      ['size', 'parts.json', 'broken.json', 'missing.json', 'tf.json', 'other.json', '-', '--fmt', 'json'],
      {
        cwd: dir,
        input: JSON.stringify(p),
      },
    );
    assert.equal(r.code, 1);
    const measured = JSON.parse(r.stdout) as { policy: string; characters: number }[];
    const size = JSON.stringify(p).length;
    assert.deepEqual(
      measured.map((m) => [m.policy, m.characters]),
      [
        ['parts.json #1', size],
        ['parts.json #2', size],
        ['tf.json', size],
        ['<stdin>', size],
      ],
    );
    const errors = lines(r.stderr);
    assert.equal(errors.length, 3, r.stderr);
    assert.match(errors[0], /^iamwright: broken\.json: not JSON \(/);
    assert.match(errors[1], /^iamwright: missing\.json: no such file/);
    assert.match(
      errors[2],
      /^iamwright: other\.json: not a policy: expected an object with Version and Statement/,
    );
  });
});

/** The ```console blocks of a markdown file: each `$ command` and the lines it prints. */
function consoleBlocks(file: string): { command: string; output: string[] }[][] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/```console\n([\s\S]*?)```/g)].map((m) => {
    const steps: { command: string; output: string[] }[] = [];
    for (const line of m[1].trimEnd().split('\n')) {
      if (line.startsWith('$ ')) steps.push({ command: line.slice(2), output: [] });
      else steps.at(-1)?.output.push(line);
    }
    return steps;
  });
}

test('the --fit and size examples of README.md and docs/write-policy.md print what they show', () => {
  const blocks = [...consoleBlocks('README.md'), ...consoleBlocks('docs/write-policy.md')];
  assert.ok(blocks.flat().length >= 6, 'the examples were found');
  // One folder for all, in order: a block may measure the files an earlier one wrote.
  withDir((dir) => {
    mkdirSync(join(dir, 'docs', 'examples'), { recursive: true });
    copyFileSync(EXAMPLE, join(dir, 'docs', 'examples', 'data-pipeline.yml'));
    for (const steps of blocks) {
      for (const { command, output } of steps) {
        // As a shell runs it, with `iamwright` (or `npx iamwright`) being the built CLI and stderr shown.
        const script = `iamwright() { "${process.execPath}" "${CLI}" "$@"; }\nnpx() { shift; iamwright "$@"; }\n{ ${command}; } 2>&1`;
        const r = spawnSync('bash', ['-c', script], {
          cwd: dir,
          encoding: 'utf8',
          env: { ...process.env, IAMWRIGHT_DB: DB, NO_COLOR: '1' },
        });
        assert.deepEqual(r.stdout === '' ? [] : lines(r.stdout), output, `$ ${command}`);
      }
    }
  });
});
