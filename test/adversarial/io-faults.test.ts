/**
 * I/O faults at the edges, as a user meets them: a full disk, a stdout that cannot be written, FIFOs whose
 * reader reads everything or stops early, symbolic links and devices as output files, odd output paths,
 * stdin that arrives slowly or never ends, and folders that cannot be read. Every failure must be one line
 * `iamwright: ...` on stderr with the right exit code: never a stack trace, never exit 0 with output lost.
 * (Red-team findings 01, 03, 06, 09, 16, 21, 23, 28, 33, 34, 40.)
 *
 * Runs the built CLI (npm run build first) on the bundled database. POSIX only: sh, mkfifo, /dev/full.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess, type StdioOptions } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../support/paths.js';

const posix = process.platform !== 'win32';
const skipNoFull = !existsSync('/dev/full') && 'no /dev/full here';
const skipPosix = !posix && 'needs sh and mkfifo';

const work = mkdtempSync(join(tmpdir(), 'iamwright-io-faults-'));
chmodSync(work, 0o755); // the unprivileged run of the folder test must get in
const ENV: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', IAMWRIGHT_HOME: join(work, 'home') };
delete ENV.IAMWRIGHT_DB;

function file(name: string, content: string): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

const template = file(
  'crud.yml',
  'mode: crud\nname: io\nread:\n  - arn:aws:s3:::io-bucket/*\nwrite:\n  - arn:aws:sqs:us-east-1:123456789012:io-queue\n',
);
const policy = file(
  'policy.json',
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['s3:Get*', 'iam:PassRole'], Resource: '*' }],
  }),
);
/** Expands to every action: about 1 MB, far over a pipe's 64 KiB buffer. */
const everything = file(
  'everything.json',
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }),
);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI with its stdout as given (a pipe by default) and `input` on stdin. */
function iw(args: string[], options: { stdout?: 'pipe' | 'ignore' | number; input?: string } = {}): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    stdio: ['pipe', options.stdout ?? 'pipe', 'pipe'],
    input: options.input ?? '',
    env: ENV,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024, // a JSON export is about 10 MB
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr };
}

/** The CLI run by `sh -c SCRIPT`, where "$@" is the command: for redirections and limits. */
function sh(script: string, args: string[], env: NodeJS.ProcessEnv = {}, stdio?: StdioOptions): Run {
  const r = spawnSync('sh', ['-c', script, 'sh', process.execPath, CLI, ...args], {
    stdio: stdio ?? ['ignore', 'pipe', 'pipe'],
    env: { ...ENV, ...env },
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr };
}

/** Exactly one line on stderr, `line` (or matching it), no stack trace, and exit `code`. */
function assertOneLine(r: Run, code: number, line: string | RegExp): void {
  assert.doesNotMatch(r.stderr, /^\s+at |node:internal|internal error/m, 'no stack trace');
  const lines = r.stderr.split('\n');
  assert.equal(lines.pop(), '', `stderr ends with a newline: ${JSON.stringify(r.stderr)}`);
  assert.equal(lines.length, 1, `one line on stderr: ${JSON.stringify(r.stderr)}`);
  if (typeof line === 'string') assert.equal(lines[0], line);
  else assert.match(lines[0], line);
  assert.equal(r.code, code, r.stderr);
}

let fifoCount = 0;
function fifo(): string {
  const path = join(work, `fifo-${++fifoCount}`);
  const r = spawnSync('mkfifo', [path]);
  assert.equal(r.status, 0, 'mkfifo');
  return path;
}

/** A process reading `path`: all of it into `copy`, or 100 bytes and then closing. */
function reader(path: string, mode: 'all' | 'early', copy = '/dev/null'): ChildProcess {
  const script = mode === 'all' ? 'exec cat "$1" > "$2"' : 'exec head -c 100 "$1" > /dev/null';
  return spawn('sh', ['-c', script, 'sh', path, copy], { stdio: 'ignore' });
}

/** Waits for `child` to end; kills it (by its PID) if it is still waiting after `ms`. */
function ended(child: ChildProcess, ms = 20_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill(), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A crud-free actions template over all of ec2's actions: a policy of well over 64 KiB. */
function bigTemplate(): string {
  const r = iw(['query', 'action-table', '-s', 'ec2', '--fmt', 'json']);
  assert.equal(r.code, 0, r.stderr);
  const names = JSON.parse(r.stdout) as string[];
  assert.ok(names.length > 500);
  return file('big.yml', `mode: actions\nactions:\n${names.map((n) => `  - ${n}\n`).join('')}`);
}

// Commands whose product is stdout.
const STDOUT_COMMANDS: [string, string[], number][] = [
  ['write-policy', ['write-policy', '-i', template], 0],
  ['query', ['query', 'action-table', '-s', 's3'], 0],
  ['expand', ['expand', policy], 0],
  ['analyze --fmt json', ['analyze', policy, '--fmt', 'json'], 0],
  ['db export --out -', ['db', 'export', '--format', 'json', '--out', '-'], 0],
  ['create-template -o -', ['create-template', '-t', 'crud', '-o', '-'], 0],
  ['--help', ['--help'], 0],
];

for (const [name, args, okCode] of STDOUT_COMMANDS) {
  test(`${name}: a full disk on stdout is one line and exit 1 (#09)`, { skip: skipNoFull }, () => {
    const full = openSync('/dev/full', 'w');
    try {
      assertOneLine(iw(args, { stdout: full }), 1, 'iamwright: cannot write stdout: no space left on device');
    } finally {
      closeSync(full);
    }
  });

  test(`${name}: stdout to a file holds what a pipe gets, exit ${okCode}`, () => {
    const piped = iw(args);
    assert.equal(piped.code, okCode, piped.stderr);
    assert.ok(piped.stdout.length > 0);
    const out = join(work, `stdout-${name.replace(/\W+/g, '-')}`);
    const fd = openSync(out, 'w');
    try {
      const r = iw(args, { stdout: fd });
      assert.equal(r.code, okCode, r.stderr);
      assert.doesNotMatch(r.stderr, /cannot write/);
    } finally {
      closeSync(fd);
    }
    assert.equal(readFileSync(out, 'utf8'), piped.stdout);
  });
}

test('a stdout open only for reading is one line and exit 1 (EBADF)', () => {
  const fd = openSync(template, 'r');
  try {
    for (const args of [
      ['write-policy', '-i', template],
      ['expand', policy],
    ]) {
      assertOneLine(iw(args, { stdout: fd }), 1, 'iamwright: cannot write stdout: not open for writing');
    }
  } finally {
    closeSync(fd);
  }
});

test('a stdout discarded by the caller (stdio ignore, Python DEVNULL) is success, not an error', () => {
  // Node reopens a closed stdout (`>&-`) on /dev/null exactly as a caller's 'ignore' does, so the two look
  // the same from inside; a caller that discards the output must not get a failure for it.
  const r = iw(['write-policy', '-i', template], { stdout: 'ignore' });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
});

test(
  'stdout to a FIFO whose reader reads everything: complete output, exit 0',
  { skip: skipPosix },
  async () => {
    for (const args of [
      ['write-policy', '-i', template],
      ['expand', everything],
      ['query', 'action-table', '-s', 's3'],
    ]) {
      const expected = iw(args).stdout;
      const path = fifo();
      const copy = `${path}.copy`;
      const r1 = reader(path, 'all', copy);
      const r = sh('exec "$@" > "$IW_FIFO"', args, { IW_FIFO: path });
      await ended(r1);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '');
      assert.equal(readFileSync(copy, 'utf8'), expected);
    }
  },
);

test(
  'stdout to a FIFO whose reader stops early: quiet, exit 141 as for SIGPIPE, no trace',
  { skip: skipPosix },
  async () => {
    for (const args of [
      ['expand', everything],
      ['write-policy', '-i', bigTemplate()],
      ['db', 'export', '--format', 'json', '--out', '-'],
    ]) {
      const path = fifo();
      const early = reader(path, 'early');
      const r = sh('exec "$@" > "$IW_FIFO"', args, { IW_FIFO: path });
      await ended(early);
      assert.equal(r.code, 141, `${args[0]}: ${r.stderr}`);
      // The export's summary and write-policy's warnings are expected; nothing else (no write error).
      const other = r.stderr.split('\n').filter((l) => l && !/^wrote |^iamwright: warning: /.test(l));
      assert.deepEqual(other, [], 'nothing but the export summary and warnings');
    }
  },
);

test('stdout through a pipe that head closes: quiet, exit 141', { skip: skipPosix }, () => {
  const r = spawnSync(
    'bash',
    [
      '-c',
      '"$@" | head -c 10 >/dev/null; exit "${PIPESTATUS[0]}"',
      'bash',
      process.execPath,
      CLI,
      'expand',
      everything,
    ],
    { env: ENV, encoding: 'utf8' },
  );
  assert.equal(r.status, 141, r.stderr);
  assert.equal(r.stderr, '');
});

test(
  'db export --out FIFO: written into (never replaced) when read; one line when the reader stops',
  { skip: skipPosix },
  async () => {
    const regular = join(work, 'export-regular.json');
    const ok = iw(['db', 'export', '--format', 'json', '--out', regular]);
    assert.equal(ok.code, 0, ok.stderr);

    const path = fifo();
    const copy = join(work, 'export-fifo.copy');
    const r1 = reader(path, 'all', copy);
    const r = iw(['db', 'export', '--format', 'json', '--out', path]);
    await ended(r1);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(lstatSync(path).isFIFO(), 'still a FIFO');
    assert.equal(readFileSync(copy, 'utf8'), readFileSync(regular, 'utf8'));

    const early = reader(path, 'early');
    const bad = iw(['db', 'export', '--format', 'json', '--out', path]);
    await ended(early);
    assertOneLine(bad, 1, `iamwright: cannot write ${path}: the reader closed the pipe`);
    assert.ok(lstatSync(path).isFIFO(), 'still a FIFO');
  },
);

test('create-template -o FIFO --force writes the template into it', { skip: skipPosix }, async () => {
  const path = fifo();
  const copy = join(work, 'template-fifo.copy');
  const r1 = reader(path, 'all', copy);
  const r = iw(['create-template', '-t', 'actions', '-o', path, '--force']);
  await ended(r1);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(lstatSync(path).isFIFO());
  assert.equal(readFileSync(copy, 'utf8'), iw(['create-template', '-t', 'actions', '-o', '-']).stdout);
});

test('a symbolic link as --out / -o: the link stays, its target is written (#03)', () => {
  const target = file('link-target.json', 'old\n');
  chmodSync(target, 0o640);
  const link = join(work, 'link.json');
  symlinkSync(target, link);
  const r = iw(['db', 'export', '--format', 'json', '--out', link]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(readlinkSync(link), target);
  assert.equal((JSON.parse(readFileSync(target, 'utf8')) as { format: string }).format, 'iamwright-db');
  assert.equal(statSync(target).mode & 0o777, 0o640, 'the file keeps its mode');

  const tplTarget = file('tpl-target.yml', 'mine\n');
  const tplLink = join(work, 'tpl-link.yml');
  symlinkSync(tplTarget, tplLink);
  const refused = iw(['create-template', '-t', 'crud', '-o', tplLink]);
  assertOneLine(
    refused,
    1,
    `iamwright: cannot write ${tplLink}: it exists already; use --force to overwrite it`,
  );
  assert.equal(readFileSync(tplTarget, 'utf8'), 'mine\n');
  const forced = iw(['create-template', '-t', 'crud', '-o', tplLink, '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(readlinkSync(tplLink), tplTarget);
  assert.equal(readFileSync(tplTarget, 'utf8'), iw(['create-template', '-t', 'crud', '-o', '-']).stdout);

  // A link to a file not made yet is written through: the file appears, the link stays a link.
  const dangling = join(work, 'dangling.yml');
  symlinkSync(join(work, 'made-through-link.yml'), dangling);
  const through = iw(['create-template', '-t', 'crud', '-o', dangling, '--force']);
  assert.equal(through.code, 0, through.stderr);
  assert.ok(lstatSync(dangling).isSymbolicLink());
  assert.ok(existsSync(join(work, 'made-through-link.yml')));
});

test(
  'a link to a full device as --out: one line, exit 1, link and device untouched (#03, #16)',
  { skip: skipNoFull },
  () => {
    const link = join(work, 'full-link');
    symlinkSync('/dev/full', link);
    for (const args of [
      ['db', 'export', '--format', 'json', '--out', link],
      ['create-template', '-t', 'crud', '-o', link, '--force'],
    ]) {
      assertOneLine(iw(args), 1, `iamwright: cannot write ${link}: no space left on device`);
      assert.equal(readlinkSync(link), '/dev/full');
      assert.ok(statSync('/dev/full').isCharacterDevice());
    }
  },
);

test(
  'a character device as --out is written into, never replaced by a file (#03, #16)',
  { skip: (process.getuid?.() !== 0 || !posix) && 'needs root for mknod' },
  () => {
    const dev = join(work, 'fakefull');
    const made = spawnSync('mknod', ['-m', '666', dev, 'c', '1', '7']);
    if (made.status !== 0) return; // no mknod in this container: the link test above covers the write
    for (const args of [
      ['db', 'export', '--format', 'json', '--out', dev],
      ['create-template', '-t', 'crud', '-o', dev, '--force'],
    ]) {
      assertOneLine(iw(args), 1, `iamwright: cannot write ${dev}: no space left on device`);
      assert.ok(lstatSync(dev).isCharacterDevice(), 'still a device');
    }
  },
);

test("--out - is stdout, not a file named '-' (#03)", () => {
  const dir = mkdtempSync(join(work, 'dash-'));
  const r = spawnSync(process.execPath, [CLI, 'db', 'export', '--format', 'json', '--out', '-'], {
    cwd: dir,
    env: ENV,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal((JSON.parse(r.stdout) as { format: string }).format, 'iamwright-db');
  assert.match(r.stderr, /^wrote stdout \(json: \d+ services, \d+ actions\)\n$/);
  assert.deepEqual(readdirSync(dir), []);
});

test(
  'a full disk under a regular --out file: one line, the old file kept, no temp file left (#40)',
  { skip: skipPosix },
  () => {
    // `ulimit -f` makes any write past the limit fail (EFBIG) without root or a small file system.
    const dir = mkdtempSync(join(work, 'efbig-'));
    const out = join(dir, 'x.json');
    writeFileSync(out, 'previous export\n');
    const r = sh('ulimit -f 1 && exec "$@"', ['db', 'export', '--format', 'json', '--out', out]);
    assertOneLine(r, 1, `iamwright: cannot write ${out}: file too large`);
    assert.equal(readFileSync(out, 'utf8'), 'previous export\n');
    assert.deepEqual(readdirSync(dir), ['x.json']);

    const fresh = join(dir, 'new.json');
    assertOneLine(
      sh('ulimit -f 1 && exec "$@"', ['db', 'export', '--format', 'sqlite', '--out', fresh]),
      1,
      `iamwright: cannot write ${fresh}: file too large`,
    );
    assert.deepEqual(readdirSync(dir), ['x.json']);

    // create-template: neither a half template nor the refused one's file stays.
    const tpl = join(dir, 't.yml');
    assertOneLine(
      sh('ulimit -f 1 && exec "$@"', ['create-template', '-t', 'crud', '-o', tpl]),
      1,
      `iamwright: cannot write ${tpl}: file too large`,
    );
    assert.deepEqual(readdirSync(dir), ['x.json']);
    // The same commands without the limit succeed: the fault was the disk, not the command.
    assert.equal(iw(['create-template', '-t', 'crud', '-o', tpl]).code, 0);
    assert.equal(iw(['db', 'export', '--format', 'json', '--out', out]).code, 0);
    assert.deepEqual(readdirSync(dir).sort(), ['t.yml', 'x.json']);
  },
);

test('odd output paths: empty, trailing slash, a folder, a missing folder (#34)', () => {
  const dir = mkdtempSync(join(work, 'odd-'));
  assertOneLine(
    iw(['create-template', '-t', 'crud', '-o', '']),
    1,
    'iamwright: -o is empty; give a file name, or - for stdout',
  );
  assertOneLine(
    iw(['db', 'export', '--format', 'json', '--out', '']),
    1,
    'iamwright: --out is empty; give a file name, or - for stdout',
  );
  const slash = join(dir, 'new.yml/');
  assertOneLine(
    iw(['create-template', '-t', 'crud', '-o', slash]),
    1,
    `iamwright: cannot write ${slash}: not a file name (it ends with '/')`,
  );
  assertOneLine(
    iw(['create-template', '-t', 'crud', '-o', dir, '--force']),
    1,
    `iamwright: cannot write ${dir}: it is a folder`,
  );
  const missing = join(dir, 'nope', 'x.json');
  assertOneLine(
    iw(['db', 'export', '--format', 'json', '--out', missing]),
    1,
    `iamwright: cannot write ${missing}: its folder does not exist`,
  );
  assert.deepEqual(readdirSync(dir), []);
  // An ordinary name in the same folder is fine.
  assert.equal(iw(['create-template', '-t', 'crud', '-o', join(dir, 'new.yml')]).code, 0);
});

// ---- input ----

test('write-policy -i - reads the template from stdin, like no -i (#33)', () => {
  const expected = iw(['write-policy', '-i', template]);
  assert.equal(expected.code, 0, expected.stderr);
  const text = readFileSync(template, 'utf8');
  for (const args of [['write-policy', '-i', '-'], ['write-policy']]) {
    const r = iw(args, { input: text });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, expected.stdout);
  }
  // A file named '-' is still reachable as ./-.
  const dir = mkdtempSync(join(work, 'dashfile-'));
  writeFileSync(join(dir, '-'), text);
  const r = spawnSync(process.execPath, [CLI, 'write-policy', '-i', './-'], {
    cwd: dir,
    env: ENV,
    encoding: 'utf8',
  });
  assert.equal(r.stdout, expected.stdout);
});

test('a template that arrives in parts on a slow pipe is read whole (#01)', { skip: skipPosix }, () => {
  const text = readFileSync(bigTemplate(), 'utf8');
  const expected = iw(['write-policy', '-i', join(work, 'big.yml')]).stdout;
  const half = text.length >> 1;
  const a = file('part-a.yml', text.slice(0, half));
  const b = file('part-b.yml', text.slice(half));
  const r = sh('(cat "$IW_A"; sleep 0.3; cat "$IW_B") | "$@"', ['write-policy'], { IW_A: a, IW_B: b });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, expected);
});

test(
  'a template on a NON-BLOCKING stdin that arrives in parts is read whole (#01: was EAGAIN)',
  { skip: skipPosix },
  async () => {
    // The pipe's O_NONBLOCK belongs to the pipe, not to a process: here the test sets it, as any process
    // sharing the pipe may. The CLI gets the FIFO as fd 3 made fd 0 (node resets 0-2 to blocking, not 3).
    const text = readFileSync(template, 'utf8');
    const expected = iw(['write-policy', '-i', template]).stdout;
    const half = text.length >> 1;
    const a = file('nb-a.yml', text.slice(0, half));
    const b = file('nb-b.yml', text.slice(half));
    const path = fifo();
    const readEnd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const writeEnd = openSync(path, constants.O_WRONLY);
    const writer = spawn('sh', ['-c', 'cat "$1"; sleep 0.5; cat "$2"', 'sh', a, b], {
      stdio: ['ignore', writeEnd, 'ignore'],
    });
    closeSync(writeEnd); // the writer's copy is the last: its exit is the end of the input
    const r = sh('exec "$@" <&3 3<&-', ['write-policy'], {}, ['ignore', 'pipe', 'pipe', readEnd]);
    closeSync(readEnd);
    await ended(writer);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, expected);
  },
);

test(
  'endless input (/dev/zero) is refused at the size limit, one line (#21)',
  { skip: !existsSync('/dev/zero') && 'no /dev/zero' },
  () => {
    assertOneLine(
      iw(['write-policy', '-i', '/dev/zero']),
      1,
      "iamwright: cannot read template '/dev/zero': input is over the 256.0 MiB limit",
    );
    assertOneLine(iw(['expand', '/dev/zero']), 1, 'iamwright: /dev/zero: input is over the 256.0 MiB limit');
  },
);

test('a file over the size limit is refused by its size, before reading (#21)', () => {
  const big = join(work, 'sparse.yml');
  writeFileSync(big, '');
  truncateSync(big, 300 * 1024 * 1024); // sparse: no disk used
  assertOneLine(
    iw(['write-policy', '-i', big]),
    1,
    `iamwright: cannot read template '${big}': file is 300.0 MiB, over the 256.0 MiB limit`,
  );
  assertOneLine(iw(['analyze', big]), 1, `iamwright: ${big}: file is 300.0 MiB, over the 256.0 MiB limit`);
  assertOneLine(
    iw(['analyze', policy, '--exclusions-file', big]),
    1,
    `iamwright: cannot read exclusions file ${big}: file is 300.0 MiB, over the 256.0 MiB limit`,
  );
});

// ---- folders and options ----

/** How to run a command without root's right to read anything: directly, or setpriv to nobody. */
function unprivileged(): string[] | undefined {
  if (process.getuid?.() !== 0) return [];
  const r = spawnSync('setpriv', ['--version']);
  return r.status === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : undefined;
}

test(
  'analyze: an unreadable subfolder is an error for that path; the rest is analysed (#06)',
  {
    skip: (!posix || unprivileged() === undefined) && 'needs a non-root user (or setpriv)',
  },
  () => {
    const prefix = unprivileged() ?? [];
    const d = mkdtempSync(join(work, 'tree-'));
    mkdirSync(join(d, 'sub'));
    writeFileSync(
      join(d, 'ok.json'),
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
      }),
    );
    writeFileSync(join(d, 'sub', 'risky.json'), readFileSync(policy));
    chmodSync(d, 0o755);
    chmodSync(join(d, 'sub', 'risky.json'), 0o644);
    const run = (args: string[]) => {
      const [cmd, ...rest] = [...prefix, process.execPath, CLI, ...args];
      const r = spawnSync(cmd, rest, {
        env: { ...ENV, IAMWRIGHT_HOME: join(work, 'no-home') },
        encoding: 'utf8',
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    };

    // Readable: both files analysed, the risky one fails the gate.
    chmodSync(join(d, 'sub'), 0o755);
    const readable = run(['analyze', d, '--fmt', 'json', '--fail-on', 'all']);
    assert.equal(readable.code, 2, readable.stderr);
    assert.equal(readable.stderr, '');

    chmodSync(join(d, 'sub'), 0o000);
    try {
      const r = run(['analyze', d, '--fmt', 'json', '--fail-on', 'all']);
      assertOneLine(r, 1, `iamwright: ${join(d, 'sub')}: permission denied`);
      const report = JSON.parse(r.stdout) as { policies: { file: string }[] };
      assert.deepEqual(
        report.policies.map((p) => p.file),
        [join(d, 'ok.json')],
      );

      chmodSync(d, 0o000);
      assertOneLine(run(['analyze', d]), 1, `iamwright: ${d}: permission denied`);
    } finally {
      chmodSync(d, 0o755);
      chmodSync(join(d, 'sub'), 0o755);
    }
  },
);

test('expand FOLDER is an error naming it; expand FILE works (#23)', () => {
  const d = mkdtempSync(join(work, 'expand-'));
  writeFileSync(join(d, 'a.json'), readFileSync(policy));
  writeFileSync(join(d, 'b.json'), readFileSync(policy));
  assertOneLine(
    iw(['expand', d]),
    1,
    `iamwright: ${d}: expand takes one policy file; use analyze for folders`,
  );
  const one = iw(['expand', join(d, 'a.json')]);
  assert.equal(one.code, 0, one.stderr);
  assert.match(one.stdout, /"iam:PassRole"/);
});

test("--db '' is an error, like other empty options; --db PATH is used (#28)", () => {
  for (const args of [
    ['--db', '', 'db', 'info'],
    ['--db', ' ', 'write-policy', '-i', template],
  ]) {
    assertOneLine(
      iw(args),
      1,
      'iamwright: option --db is empty: give a database path or leave the option out',
    );
  }
  const exported = join(work, 'db-option.json');
  assert.equal(iw(['db', 'export', '--format', 'json', '--out', exported]).code, 0);
  const r = iw(['--db', exported, 'db', 'info']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /given with --db/);
});
