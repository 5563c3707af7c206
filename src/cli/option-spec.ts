/**
 * A command's options as data, without commander: program.ts sets them up in commander (help, errors),
 * and direct.ts reads plain command lines with them without loading commander at all. One list for both,
 * so that the two cannot drift apart.
 */

/** One option, as commander's `new Option(flags, description)` and its settings take it. */
export interface OptionSpec {
  /** commander's flags: `-i, --input-file <file>` (a value), `--audit` (none), `-m, --minimize [n]` (optional). */
  flags: string;
  description: string;
  /** Turns the text given into the value; throws OptionValueError saying what is allowed. Default: the text. */
  parse?: (value: string) => unknown;
  /** The values allowed. Default: any. (Not with `parse`: commander keeps only one of the two.) */
  choices?: readonly string[];
  /** The value when the option is not given. Default: none (the key is absent). */
  default?: unknown;
  /** Left out of `--help` (policy_sentry's spellings, kept so that its command lines run). Default: false. */
  hidden?: boolean;
  /**
   * The command cannot run without it: commander refuses a command line that leaves it out, and direct.ts
   * leaves such a line to commander, for its message. Default: false.
   */
  mandatory?: boolean;
  /**
   * A command line with this option is always read by commander, never by direct.ts: for an option whose
   * command listens to it being set (write-policy's --minimize lengths). Default: false.
   */
  commanderOnly?: boolean;
}

/** A value an option cannot take; its message says what it can (commander shows it after its own words). */
export class OptionValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OptionValueError';
  }
}

/** The parts of an option's flags: its long and short names and whether it takes a value. */
export interface OptionFlags {
  /** Without the dashes: `input-file`. */
  long: string;
  /** Without the dash: `i`; undefined when there is none. */
  short?: string;
  /** `required`: `<value>`; `optional`: `[value]`; `none`: a switch. */
  value: 'required' | 'optional' | 'none';
  /** The key of the value in the options object, as commander names it: `inputFile`, `minimize_length`. */
  key: string;
}

/** Reads flags of the forms this CLI uses: `--long`, `-s, --long`, each with `<value>` or `[value]` or none. */
export function optionFlags(flags: string): OptionFlags {
  // String operations rather than a pattern: a run reads a dozen flags, and compiling a regular expression
  // costs more than that.
  const parts = flags.split(' ');
  let short: string | undefined;
  if (parts.length > 1 && parts[0].length === 3 && parts[0][0] === '-' && parts[0][2] === ',') {
    short = parts.shift()?.[1];
  }
  const [name, value, ...more] = parts;
  const long = name.startsWith('--') ? name.slice(2) : '';
  const enclosed = (open: string, close: string) =>
    value.length > 2 && value[0] === open && value.endsWith(close);
  const kind =
    value === undefined
      ? 'none'
      : enclosed('<', '>')
        ? 'required'
        : enclosed('[', ']')
          ? 'optional'
          : undefined;
  if (!long || long.startsWith('-') || more.length || kind === undefined) {
    throw new Error(`option flags not understood: ${flags}`);
  }
  // commander's attribute name: camel case at each dash (an underscore stays).
  let key = '';
  for (const [i, word] of long.split('-').entries())
    key += i === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1);
  return { long, short, value: kind, key };
}
