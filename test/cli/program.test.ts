/**
 * The command tree is set up only for the command a run names (program.ts): that command must come out
 * exactly as in the full tree, and the table of commands must name every command the full tree has.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Command } from 'commander';
import { buildProgram as build, invokedCommand } from '../../src/cli/program.js';
import { COMMANDS } from '../../src/cli/commands/table.js';
import { FAST_COMMANDS } from '../../src/cli/commands/fast-table.js';
import type { CliContext } from '../../src/cli/context.js';
import { idleContext } from '../support/cli.js';

const buildProgram = (c: CliContext, v: string, argv: string[] = []) => build(c, v, COMMANDS, argv);

const ctx = idleContext;

/** Every command's help, subcommands included, by its path of names. */
function helps(cmd: Command, path = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of cmd.commands) {
    const p = `${path} ${c.name()}`.trim();
    out.set(p, c.helpInformation());
    for (const [k, v] of helps(c, p)) out.set(k, v);
  }
  return out;
}

test('the command table names every command of the full tree, in its order', () => {
  const full = buildProgram(ctx, '0.0.0');
  assert.deepStrictEqual(
    full.commands.map((c) => c.name()),
    COMMANDS.flatMap(([names]) => names),
  );
});

test('a run that names a command sets up that command as the full tree has it, and no other', () => {
  const full = helps(buildProgram(ctx, '0.0.0'));
  for (const [names] of COMMANDS) {
    for (const name of names) {
      const only = buildProgram(ctx, '0.0.0', ['--db', 'x', name, '--help']);
      assert.deepStrictEqual(
        only.commands.map((c) => c.name()),
        names,
      );
      for (const [path, help] of helps(only)) assert.equal(help, full.get(path), path);
    }
  }
});

test('help, a bare run and an unknown word set up every command', () => {
  const all = COMMANDS.flatMap(([names]) => names);
  for (const argv of [[], ['--help'], ['help', 'query'], ['qurey'], ['--db', 'query']]) {
    assert.deepStrictEqual(
      buildProgram(ctx, '0.0.0', argv).commands.map((c) => c.name()),
      all,
      argv.join(' '),
    );
  }
});

test('the command word is the first word that is not a root option', () => {
  assert.equal(invokedCommand(['query', 'action-table']), 'query');
  assert.equal(invokedCommand(['--db', 'lint', 'query']), 'query');
  assert.equal(invokedCommand(['--db=lint', 'size']), 'size');
  assert.equal(invokedCommand(['-h']), undefined);
  assert.equal(invokedCommand(['--', 'lint']), 'lint');
});

test('the fast entry sets up its commands exactly as the full CLI does', () => {
  const full = helps(buildProgram(ctx, '0.0.0'));
  for (const [names] of FAST_COMMANDS) {
    for (const name of names) {
      const fast = build(ctx, '0.0.0', FAST_COMMANDS, [name]);
      for (const [path, help] of helps(fast)) assert.equal(help, full.get(path), path);
    }
  }
});
