/**
 * Reads a plain command line without commander: `[--db PATH] COMMAND [OPTIONS] [ARGS...]` for a command of
 * a direct table (COMMAND may be a subcommand: `query action-table`), with the command's options as data
 * (option-spec.ts). Loading and setting up commander is about an eighth of what a write-policy run adds to
 * node's own start, and most command lines are this plain.
 *
 * This is a recognizer of that one shape, not a second parser: each word is an option alone (`--name`,
 * `--name=value`, `-n`), an option's value, or an argument. Anything else is declined (undefined) and
 * commander reads the command line as it always did, with its help and its messages: an option given
 * twice, `--`, grouped or glued short options (`-ab`, `-ifile`), a value that starts with a dash, an
 * unknown option, a value outside an option's choices or that its parser refuses, a mandatory option left
 * out, arguments to a command that takes none, help and version flags, root options other than `--db` or
 * after the command word. A command line read here gives the command exactly the options and arguments
 * commander gives it (test/cli/direct.test.ts compares the two on random command lines). Node's
 * util.parseArgs would do the reading, but compiling it costs a run more than commander's set-up saves.
 */
import type { CliContext } from './context.js';
import { optionFlags, OptionValueError, type OptionSpec } from './option-spec.js';

/** A command that can be run without commander: its options and what it does. */
export interface DirectCommand {
  /** Its words on the command line: `write-policy`, `query action-table`. */
  name: string;
  /** All its options, as commander has them (defaults come from here too). */
  options: readonly OptionSpec[];
  /** What follows its options: one optional variadic (`[files...]`), or nothing (commander refuses any). */
  arguments: 'variadic' | 'none';
  /** Runs it; `args` are its arguments. */
  run(ctx: CliContext, args: string[], opts: Record<string, unknown>): Promise<void>;
}

/**
 * The commands that can be run without commander, by name (their words, as in DirectCommand), each loaded
 * only when its name is the one given: a run of another command reads nothing more than its words.
 */
export type DirectTable = Readonly<Record<string, () => Promise<DirectCommand>>>;

/** A command line read without commander. */
export interface DirectRun {
  command: DirectCommand;
  /** The root option `--db`, when given. */
  db?: string;
  args: string[];
  /** What commander would hand the command's action: defaults, then the options given. */
  opts: Record<string, unknown>;
}

/** The command of the table that `argv` names, loaded, when its root options are plain (`--db` alone). */
export async function directCommand(
  argv: readonly string[],
  table: DirectTable,
): Promise<DirectCommand | undefined> {
  const root = plainRoot(argv);
  if (!root) return undefined;
  const word = argv[root.at];
  if (Object.hasOwn(table, word)) return table[word]();
  // A subcommand: the command word and the next one.
  const sub = root.at + 1 < argv.length ? `${word} ${argv[root.at + 1]}` : undefined;
  return sub !== undefined && Object.hasOwn(table, sub) ? table[sub]() : undefined;
}

/**
 * The root part of `argv` when it is plain (one `--db` at most): where the command word is, and the
 * database given; undefined otherwise.
 */
function plainRoot(argv: readonly string[]): { at: number; db?: string } | undefined {
  let i = 0;
  let db: string | undefined;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    if (db !== undefined) return undefined;
    if (argv[i] === '--db' && i + 1 < argv.length && !argv[i + 1].startsWith('-')) db = argv[++i];
    else if (argv[i].startsWith('--db=')) db = argv[i].slice('--db='.length);
    else return undefined;
  }
  return i < argv.length ? { at: i, ...(db !== undefined ? { db } : {}) } : undefined;
}

interface Known {
  spec: OptionSpec;
  key: string;
  takesValue: boolean;
}

/**
 * The command line read, or undefined when it is for commander to read (see above); `command` is the one
 * directCommand gave for it.
 */
export function parseDirect(argv: readonly string[], command: DirectCommand): DirectRun | undefined {
  const root = plainRoot(argv);
  if (!root) return undefined;
  const { db } = root;
  // The command's words, as directCommand found them.
  const words = command.name.split(' ');
  for (let w = 0; w < words.length; w++) if (argv[root.at + w] !== words[w]) return undefined;
  const at = root.at + words.length - 1;

  const known = new Map<string, Known>();
  const opts: Record<string, unknown> = {};
  for (const spec of command.options) {
    const flags = optionFlags(spec.flags);
    // commander sets defaults first, in the order the options were set up; values given replace them there.
    if (spec.default !== undefined) opts[flags.key] = spec.default;
    // An optional value (`[n]`) is for commander to read: whether the next word is its value is its rule.
    if (spec.commanderOnly || flags.value === 'optional') continue;
    const entry = { spec, key: flags.key, takesValue: flags.value === 'required' };
    known.set(`--${flags.long}`, entry);
    if (flags.short) known.set(`-${flags.short}`, entry);
  }
  const seen = new Set<OptionSpec>();
  const args: string[] = [];
  for (let i = at + 1; i < argv.length; i++) {
    const word = argv[i];
    if (word.length < 2 || word[0] !== '-') {
      args.push(word); // an argument ('' and '-' included)
      continue;
    }
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const entry = known.get(eq < 0 ? word : word.slice(0, eq));
    if (!entry || seen.has(entry.spec)) return undefined;
    seen.add(entry.spec);
    if (!entry.takesValue) {
      if (eq >= 0) return undefined;
      opts[entry.key] = true;
      continue;
    }
    let text: string;
    if (eq >= 0) text = word.slice(eq + 1);
    else if (i + 1 < argv.length && !argv[i + 1].startsWith('-')) text = argv[++i];
    else return undefined;
    const spec = entry.spec;
    if (spec.choices && !spec.choices.includes(text)) return undefined;
    try {
      opts[entry.key] = spec.parse ? spec.parse(text) : text;
    } catch (e) {
      if (e instanceof OptionValueError) return undefined;
      throw e;
    }
  }
  // Commander's errors, in its words: a mandatory option left out (or one only commander reads), arguments to
  // a command that takes none.
  for (const spec of command.options) if (spec.mandatory && !seen.has(spec)) return undefined;
  if (args.length && command.arguments === 'none') return undefined;
  return { command, ...(db !== undefined ? { db } : {}), args, opts };
}
