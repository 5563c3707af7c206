/**
 * direct.ts reads plain command lines without commander. Whatever it reads, commander must read the same
 * way: the same command, the same options object (keys in the same order), the same arguments and the same
 * --db. Random command lines over write-policy's options and the query tables' options, spelt every way,
 * with bad values, repeats, missing mandatory options and stray words, are given to both; commander is the
 * reference. A line direct.ts declines is commander's alone, so declining is always allowed; the examples
 * check that the plain lines are not declined.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CommanderError, type Command } from 'commander';
import { buildProgram } from '../../src/cli/program.js';
import { COMMANDS } from '../../src/cli/commands/table.js';
import { DIRECT_COMMANDS } from '../../src/cli/commands/direct-table.js';
import { WRITE_POLICY_DIRECT } from '../../src/cli/commands/write-policy-direct.js';
import { QUERY_DIRECT } from '../../src/cli/commands/query-direct.js';
import { directCommand, parseDirect as parse } from '../../src/cli/direct.js';
import { optionFlags, type OptionSpec } from '../../src/cli/option-spec.js';
import { idleContext } from '../support/cli.js';
import { UserError } from '../../src/util/errors.js';

const SEED = Number(process.env.IAMWRIGHT_FC_SEED ?? 20261201);
const RUNS = Number(process.env.IAMWRIGHT_FC_RUNS ?? 400);

const ctx = idleContext;

type Read =
  | { kind: 'read'; command: string; db: string | undefined; args: string[]; opts: [string, unknown][] }
  | { kind: 'refused'; why: string };

/**
 * How commander reads argv: which direct-table command's action runs and what it is given, or that
 * commander refuses the line (or runs another command).
 */
function commanderReads(argv: string[]): Read {
  const program = buildProgram(ctx, '0.0.0', COMMANDS, argv);
  let read: Read | undefined;
  for (const name of Object.keys(DIRECT_COMMANDS)) {
    let command: Command | undefined = program;
    for (const word of name.split(' ')) command = command?.commands.find((c) => c.name() === word);
    command?.action((...given: unknown[]) => {
      // commander hands the action its arguments (write-policy's one variadic), the options, the command.
      const args = given.length > 2 ? (given[0] as string[]) : [];
      const opts = given[given.length - 2] as Record<string, unknown>;
      read = {
        kind: 'read',
        command: name,
        db: program.opts<{ db?: string }>().db,
        args,
        opts: Object.entries(opts),
      };
    });
  }
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return { kind: 'refused', why: e.code };
    // The root check of `--db ''`: after reading, before the command; main() makes it in both ways.
    if (e instanceof UserError && /--db is empty/.test(e.message)) {
      return { kind: 'refused', why: '--db is empty' };
    }
    throw e;
  }
  return read ?? { kind: 'refused', why: 'another command ran' };
}

/** direct.ts's reading: the command directCommand loads for the line, then parseDirect. */
async function read(argv: string[]) {
  const command = await directCommand(argv, DIRECT_COMMANDS);
  return command && parse(argv, command);
}

async function directReads(argv: string[]): Promise<Read | undefined> {
  const run = await read(argv);
  if (!run) return undefined;
  // main() checks --db before running either reading: an empty one is refused the same way in both.
  if (run.db === '') return { kind: 'refused', why: '--db is empty' };
  return {
    kind: 'read',
    command: run.command.name,
    db: run.db,
    args: run.args,
    opts: Object.entries(run.opts),
  };
}

// Every spelling of every write-policy option, and words that are not options or are not write-policy's.
/** Every spelling of the options: `--long` and, where there is one, `-s`. */
const spellings = (options: readonly OptionSpec[]) =>
  options.flatMap((spec) => {
    const f = optionFlags(spec.flags);
    return [`--${f.long}`, ...(f.short ? [`-${f.short}`] : [])];
  });
const optionWords = spellings(WRITE_POLICY_DIRECT.options);
const values = [
  'json',
  'yaml',
  'terraform',
  'JSON',
  'aws',
  'aws-cn',
  'aws-us-gov',
  'mars',
  'managed',
  'inline',
  '4096',
  '0',
  '12',
  '-1',
  'info',
  'DEBUG',
  'loud',
  'error',
  'split',
  't.yml',
  'a b',
  '',
  '-',
  '-x',
  '--',
  'x=y',
];
const word = fc.oneof(
  fc.constantFrom(...optionWords),
  fc.constantFrom(...optionWords).chain((o) => fc.constantFrom(...values).map((v) => `${o}=${v}`)),
  fc.constantFrom(...values),
  fc.constantFrom(
    '-h',
    '--help',
    '-V',
    '--db',
    '--db=x',
    '-ab',
    '-it.yml',
    '--unknown',
    'write-policy',
    'query',
  ),
  fc.string({ maxLength: 6 }),
);
const root = fc.oneof(
  fc.constant([] as string[]),
  fc.constantFrom(...values).map((v) => ['--db', v]),
  fc.constantFrom(...values).map((v) => [`--db=${v}`]),
  fc.constantFrom(['-h'], ['--version'], ['--db'], ['--db', 'a', '--db', 'b'], ['--', 'x']),
);
const commandLine = fc
  .tuple(
    root,
    fc.constantFrom('write-policy', 'write-policy', 'write-policy', 'query', 'lint'),
    fc.array(word, { maxLength: 7 }),
  )
  .map(([r, name, rest]) => [...r, name, ...rest]);

// The query tables: every spelling of their options (each table's own and the others'), their values.
const queryOptionWords = [
  ...new Set(Object.values(QUERY_DIRECT).flatMap((command) => spellings(command.options))),
];
const queryValues = [
  's3',
  'ec2',
  'all',
  'S3',
  'read',
  'Read',
  'permissions-management',
  'table',
  'json',
  'csv',
  'xml',
  'GetObject',
  'Get*',
  '*',
  's3:x-amz-acl',
  '',
  '-',
  '-x',
  '--',
  'x=y',
];
const queryWord = fc.oneof(
  fc.constantFrom(...queryOptionWords),
  fc.constantFrom(...queryOptionWords),
  fc.constantFrom(...queryOptionWords).chain((o) => fc.constantFrom(...queryValues).map((v) => `${o}=${v}`)),
  fc.constantFrom(...queryValues),
  fc.constantFrom('-h', '--help', '--db', '-sec2', 'extra', 'action-table'),
);
/** Every spelling of a table's own options. */
const ownWords = (name: string) => spellings(QUERY_DIRECT[`query ${name}`]?.options ?? []);
// Mostly the table's own options with values, as people write them, the service first where the table has
// one; now and then any query option or stray word.
const queryLine = fc
  .constantFrom('action-table', 'arn-table', 'condition-table', 'service-table', 'operation-table', 'nosuch')
  .chain((table) => {
    const own = ownWords(table);
    const pair = fc.tuple(fc.constantFrom(...own, '--fmt'), fc.constantFrom(...queryValues));
    return fc.tuple(
      root,
      fc.constant(table),
      own.includes('--service')
        ? fc.option(fc.tuple(fc.constantFrom('-s', '--service'), fc.constantFrom('s3', 'ec2', 'all', 'S3')), {
            freq: 4,
          })
        : fc.constant(null),
      fc.array(
        fc.oneof(
          pair,
          pair,
          pair,
          queryWord.map((w) => [w]),
        ),
        { maxLength: 4 },
      ),
    );
  })
  .map(([r, table, svc, rest]) => [...r, 'query', table, ...(svc ?? []), ...rest.flat()]);

test('a command line read without commander is read exactly as commander reads it', async () => {
  const direct = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(fc.oneof(commandLine, queryLine), async (argv) => {
      const mine = await directReads(argv);
      if (!mine) return;
      const name = mine.kind === 'read' ? mine.command : mine.why;
      direct.set(name, (direct.get(name) ?? 0) + 1);
      assert.deepStrictEqual(commanderReads(argv), mine, JSON.stringify(argv));
    }),
    { seed: SEED, numRuns: RUNS },
  );
  // Not a property of nothing: a good share of the random lines is plain enough to be read directly, for
  // write-policy and for each query table.
  for (const name of Object.keys(DIRECT_COMMANDS)) {
    assert.ok(
      (direct.get(name) ?? 0) >= RUNS / 200,
      `only ${direct.get(name) ?? 0} ${name} lines read directly`,
    );
  }
});

test('plain write-policy lines are read directly, with the options commander would give', async () => {
  assert.deepStrictEqual((await read(['write-policy', '-i', 't.yml']))?.opts, {
    fmt: 'json',
    inputFile: 't.yml',
  });
  const run = await read([
    '--db',
    'd',
    'write-policy',
    '--input-file=t.yml',
    '--fmt',
    'yaml',
    '--audit',
    '--partition',
    'aws-cn',
  ]);
  assert.equal(run?.db, 'd');
  assert.deepStrictEqual(run?.args, []);
  assert.deepStrictEqual(run?.opts, { fmt: 'yaml', inputFile: 't.yml', audit: true, partition: 'aws-cn' });
  assert.deepStrictEqual((await read(['write-policy', '--check', 'a.yml', 'b.yml']))?.args, [
    'a.yml',
    'b.yml',
  ]);
  assert.equal((await read(['write-policy', '-v', 'INFO', '-i', 'x']))?.opts.verbose, 'info');
});

test('plain query lines are read directly, with the options commander would give', async () => {
  const run = await read(['query', 'action-table', '--service', 'ec2', '--fmt', 'json']);
  assert.equal(run?.command.name, 'query action-table');
  assert.deepStrictEqual(run?.opts, { fmt: 'json', service: 'ec2' });
  assert.deepStrictEqual(
    (await read(['--db', 'd', 'query', 'action-table', '-s', 's3', '-n', 'GetObject', '-a', 'read']))?.opts,
    { fmt: 'table', service: 's3', name: 'GetObject', accessLevel: 'read' },
  );
  assert.deepStrictEqual((await read(['query', 'arn-table', '-s', 's3', '-l']))?.opts, {
    fmt: 'table',
    service: 's3',
    listArnTypes: true,
  });
  assert.deepStrictEqual((await read(['query', 'service-table']))?.opts, { fmt: 'table' });
  assert.equal(
    (await read(['query', 'operation-table', '-s', 'lambda']))?.command.name,
    'query operation-table',
  );
  assert.equal(
    (await read(['query', 'condition-table', '-s', 'ec2']))?.command.name,
    'query condition-table',
  );
});

test('everything less plain is left to commander', async () => {
  for (const argv of [
    ['write-policy', '-m', '-i', 'x'], // an optional value: commander's rule decides
    ['write-policy', '--minimize_length', '3'], // its length is noted as it is set
    ['write-policy', '-i', 'a', '-i', 'b'],
    ['write-policy', '--', '-i'],
    ['write-policy', '-h'],
    ['write-policy', '-i', '-'],
    ['write-policy', '-ix'],
    ['write-policy', '--audit=yes'],
    ['write-policy', '--fmt', 'xml'],
    ['write-policy', '--partition', 'mars'],
    ['write-policy', '-i', 'x', '--db', 'd'],
    ['--version'],
    ['--db', 'a', '--db', 'b', 'write-policy'],
    ['query', 'action-table'], // no --service: commander's message
    ['query', 'action-table', '-s', 's3', 'extra'], // an argument where none is taken
    ['query', '--db', 'd', 'action-table', '-s', 's3'],
    ['query', 'service-table', '-s', 's3'], // another table's option
    ['query'],
    [],
  ]) {
    assert.equal(await read(argv), undefined, argv.join(' '));
  }
});

test('option flags are read as commander reads them', () => {
  assert.deepStrictEqual(optionFlags('-i, --input-file <file>'), {
    long: 'input-file',
    short: 'i',
    value: 'required',
    key: 'inputFile',
  });
  assert.deepStrictEqual(optionFlags('--minimize_length <chars>'), {
    long: 'minimize_length',
    short: undefined,
    value: 'required',
    key: 'minimize_length',
  });
  assert.equal(optionFlags('-m, --minimize [chars]').value, 'optional');
  assert.equal(optionFlags('--unsupported-condition-keys <choice>').key, 'unsupportedConditionKeys');
  assert.equal(optionFlags('--audit').value, 'none');
  assert.throws(() => optionFlags('-i --input-file'), /not understood/);
});

test('the direct table gives a command for its words after plain root options, and nothing else', async () => {
  for (const argv of [
    ['write-policy', '-i', 'x'],
    ['--db', 'd', 'write-policy'],
    ['--db=d', 'write-policy'],
  ]) {
    assert.equal(await directCommand(argv, DIRECT_COMMANDS), WRITE_POLICY_DIRECT, argv.join(' '));
  }
  for (const argv of [
    ['query', 'action-table', '-s', 's3'],
    ['--db', 'd', 'query', 'action-table'],
  ]) {
    assert.equal(
      await directCommand(argv, DIRECT_COMMANDS),
      QUERY_DIRECT['query action-table'],
      argv.join(' '),
    );
  }
  for (const argv of [
    ['query'],
    ['query', '-s', 's3', 'action-table'],
    ['query', 'nosuch-table'],
    ['action-table'],
    ['-h', 'write-policy'],
    ['--db', '-x', 'write-policy'],
    ['--db'],
    [],
  ]) {
    assert.equal(await directCommand(argv, DIRECT_COMMANDS), undefined, argv.join(' '));
  }
});
