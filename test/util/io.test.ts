// src/util/io: the reader of user input and the writer of output files, called as a library.
// (The CLI's use of them under faults is test/adversarial/io-faults.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
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
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { isatty } from 'node:tty';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../src/util/errors.js';
import { describeIoError } from '../../src/util/io/errors.js';
import { isTerminal, OutputError, writeOutput } from '../../src/util/io/output.js';
import { InputError, readInputText } from '../../src/util/io/read-input.js';

const posix = process.platform !== 'win32';
const dir = mkdtempSync(join(tmpdir(), 'iamwright-io-'));

function inputError(reason: string | RegExp) {
  return (e: unknown) =>
    e instanceof InputError && (typeof reason === 'string' ? e.reason === reason : reason.test(e.reason));
}

function fifo(name: string): string {
  const path = join(dir, name);
  assert.equal(spawnSync('mkfifo', [path]).status, 0);
  return path;
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test('system errors are described in words; a bad descriptor by its side', () => {
  assert.equal(describeIoError({ code: 'ENOSPC' }, 'write'), 'no space left on device');
  assert.equal(describeIoError({ code: 'ENOENT' }, 'read'), 'no such file or folder');
  assert.equal(describeIoError({ code: 'EBADF' }, 'write'), 'not open for writing');
  assert.equal(describeIoError({ code: 'EBADF' }, 'read'), 'not open for reading');
  // A code without words of ours: Node's own text, without the code and the call.
  const exdev = Object.assign(new Error("EXDEV: cross-device link not permitted, rename 'a' -> 'b'"), {
    code: 'EXDEV',
  });
  assert.equal(describeIoError(exdev, 'write'), 'cross-device link not permitted');
  assert.equal(describeIoError(new Error('odd'), 'read'), 'odd');
});

test('the size limit: a file of exactly the limit is read, one byte more is refused by its size', () => {
  const exact = join(dir, 'exact.txt');
  writeFileSync(exact, 'x'.repeat(1000));
  assert.equal(readInputText(exact, { maxBytes: 1000 }).length, 1000);
  writeFileSync(exact, 'x'.repeat(1001));
  assert.throws(
    () => readInputText(exact, { maxBytes: 1000 }),
    inputError('file is 1001 bytes, over the 1000 bytes limit'),
  );
});

test(
  'an endless FIFO is refused once the limit is passed, holding at most the limit',
  { skip: !posix },
  async () => {
    const path = fifo('endless');
    const yes = spawn('sh', ['-c', 'exec yes > "$1"', 'sh', path], { stdio: 'ignore' });
    const done = new Promise((resolve) => yes.once('exit', resolve));
    try {
      assert.throws(
        () => readInputText(path, { maxBytes: 1024 * 1024 }),
        inputError('input is over the 1.0 MiB limit'),
      );
    } finally {
      yes.kill(); // also ends by SIGPIPE once the FIFO is closed
      await done;
    }
  },
);

test('a FIFO that delivers exactly the limit is read whole', { skip: !posix }, async () => {
  const path = fifo('exact');
  const content = file('exact-src.txt', 'y'.repeat(300_000));
  const writer = spawn('sh', ['-c', 'cat "$2" > "$1"', 'sh', path, content], { stdio: 'ignore' });
  const done = new Promise((resolve) => writer.once('exit', resolve));
  assert.equal(readInputText(path, { maxBytes: 300_000 }), readFileSync(content, 'utf8'));
  await done;
});

test('missing files, folders and empty paths are refused in words; - reads the stdin descriptor', () => {
  assert.throws(() => readInputText(join(dir, 'nope.yml')), inputError('no such file or folder'));
  assert.throws(() => readInputText(dir), inputError('it is a folder'));
  assert.throws(() => readInputText(''), inputError('the path is empty'));
  const err = (() => {
    try {
      readInputText(join(dir, 'nope.yml'));
    } catch (e) {
      return e as InputError;
    }
  })();
  assert.ok(err instanceof UserError);
  assert.equal(err?.message, `cannot read ${join(dir, 'nope.yml')}: no such file or folder`);

  const fd = openSync(file('stdin.txt', 'from the descriptor\n'), 'r');
  try {
    assert.equal(readInputText('-', { stdinFd: fd }), 'from the descriptor\n');
  } finally {
    closeSync(fd);
  }
});

test('writeOutput: a new file, then a replaced one that keeps its mode, with no temp file left', () => {
  const out = mkdtempSync(join(dir, 'out-'));
  const path = join(out, 'a.json');
  assert.deepEqual(writeOutput(path, 'one\n'), { kind: 'file', path });
  assert.equal(readFileSync(path, 'utf8'), 'one\n');
  chmodSync(path, 0o600);
  writeOutput(path, new Uint8Array([0x74, 0x77, 0x6f]));
  assert.equal(readFileSync(path, 'utf8'), 'two');
  assert.equal(statSync(path).mode & 0o777, 0o600);
  assert.deepEqual(readdirSync(out), ['a.json']);
});

test('writeOutput exclusive: refuses anything that exists, with the hint, leaving it as it was', () => {
  const out = mkdtempSync(join(dir, 'excl-'));
  const path = join(out, 't.yml');
  writeOutput(path, 'first\n', { exclusive: true });
  assert.throws(
    () => writeOutput(path, 'second\n', { exclusive: true, existsHint: 'use --force to overwrite it' }),
    (e: unknown) =>
      e instanceof OutputError &&
      e.message === `cannot write ${path}: it exists already; use --force to overwrite it`,
  );
  assert.equal(readFileSync(path, 'utf8'), 'first\n');
  const link = join(out, 'dangling.yml');
  symlinkSync(join(out, 'nowhere.yml'), link);
  assert.throws(() => writeOutput(link, 'x', { exclusive: true }), /it exists already/);
  assert.deepEqual(readdirSync(out).sort(), ['dangling.yml', 't.yml']);
});

test('writeOutput follows a symbolic link: the target is replaced, the link stays', () => {
  const out = mkdtempSync(join(dir, 'link-'));
  mkdirSync(join(out, 'real'));
  const target = join(out, 'real', 'db.json');
  writeFileSync(target, 'old');
  const link = join(out, 'db.json');
  symlinkSync(join('real', 'db.json'), link);
  const written = writeOutput(link, 'new');
  assert.equal(written.path, target);
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.equal(readlinkSync(link), join('real', 'db.json'));
  assert.equal(readFileSync(target, 'utf8'), 'new');
  assert.deepEqual(readdirSync(join(out, 'real')), ['db.json']);

  // A link to a file not made yet: the file is made where the link points.
  const dangling = join(out, 'later.json');
  symlinkSync(join('real', 'later.json'), dangling);
  assert.deepEqual(writeOutput(dangling, 'made'), { kind: 'file', path: join(out, 'real', 'later.json') });
  assert.ok(lstatSync(dangling).isSymbolicLink());
  assert.equal(readFileSync(join(out, 'real', 'later.json'), 'utf8'), 'made');
  assert.deepEqual(readdirSync(join(out, 'real')).sort(), ['db.json', 'later.json']);
});

test('writeOutput refuses folders, sockets, empty paths and trailing slashes', { skip: !posix }, async () => {
  const out = mkdtempSync(join(dir, 'refuse-'));
  assert.throws(
    () => writeOutput(out, 'x'),
    (e: unknown) => e instanceof OutputError && e.reason === 'it is a folder',
  );
  assert.throws(
    () => writeOutput('', 'x', { option: '--out' }),
    /^UserError: --out is empty; give a file name, or - for stdout$/,
  );
  assert.throws(() => writeOutput(join(out, 'x.yml/'), 'x'), /not a file name \(it ends with '\/'\)/);
  const sock = join(out, 's.sock');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(sock, resolve));
  try {
    assert.throws(
      () => writeOutput(sock, 'x'),
      (e: unknown) => e instanceof OutputError && e.reason === 'it is a socket',
    );
    assert.ok(lstatSync(sock).isSocket());
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
  assert.deepEqual(readdirSync(out), []);
});

test('isTerminal: a terminal is one; a pipe, a file and /dev/null are not, as isatty says', () => {
  const check = (what: string, fd: number, expected: boolean) => {
    try {
      assert.equal(isTerminal(fd), expected, what);
      assert.equal(isatty(fd), expected, `${what} (isatty)`);
    } finally {
      closeSync(fd);
    }
  };
  check('/dev/null', openSync('/dev/null', 'r'), false);
  check('a file', openSync(fileURLToPath(import.meta.url), 'r'), false);
  if (existsSync('/dev/ptmx')) check('a terminal (/dev/ptmx)', openSync('/dev/ptmx', 'r+'), true);
  const output = fileURLToPath(new URL('../../src/util/io/output.ts', import.meta.url));
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      `import { isTerminal } from ${JSON.stringify(output)}; console.log(isTerminal(1));`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
  );
  assert.equal(r.stdout.trim(), 'false', 'a pipe');
  assert.equal(isTerminal(9999), false, 'a closed descriptor');
});
