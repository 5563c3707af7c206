/**
 * `iamwright size POLICY...`: each policy's size, counted as AWS counts it (src/util/policy-size.ts),
 * against each quota. A file may hold one policy, a list of them (`write-policy --fit` output) or
 * Terraform's `{"policy": "..."}`; one bad file is reported and the others are still measured.
 */
import { Option, type Command } from 'commander';
import type { CliContext } from '../context.js';

/** Exit code when some input could not be measured (the others still are). */
export const EXIT_INPUT_ERROR = 1;

interface SizeFlags {
  fmt: 'table' | 'json';
}

export function registerSize(program: Command, ctx: CliContext): void {
  program
    .command('size')
    .description(
      'Print the size of policies against the IAM and Organizations quotas (managed, role-inline, ' +
        'user-inline, group-inline, scp), counted as AWS counts them.',
    )
    .argument(
      '<policy...>',
      'policy JSON files (a policy, a list of policies, or {"policy": "..."}), or - for stdin',
    )
    .addOption(new Option('--fmt <format>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText(
      'after',
      '\nIAM quotas count characters without the whitespace outside strings; the scp quota counts the bytes\n' +
        'of the policy as stored: these are the bytes of its compact JSON, which is what to upload.\n',
    )
    .action(async (files: string[], flags: SizeFlags) => {
      process.exitCode = await runSize(ctx, files, flags);
    });
}

/** One policy found in an input, named for the output. */
interface Measured {
  policy: string;
  document: unknown;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The policies a parsed file holds; a message when it holds none. */
function policiesIn(data: unknown, name: string): Measured[] | string {
  const one = (value: unknown, label: string): Measured | string => {
    if (isObject(value) && typeof value.policy === 'string' && Object.keys(value).length === 1) {
      try {
        return { policy: label, document: JSON.parse(value.policy) as unknown };
      } catch (e) {
        return `its "policy" string is not JSON (${firstLine(e)})`;
      }
    }
    if (isObject(value) && ('Statement' in value || 'Version' in value))
      return { policy: label, document: value };
    return 'not a policy: expected an object with Version and Statement, a list of them, or {"policy": "<JSON>"}';
  };
  if (!Array.isArray(data)) {
    const m = one(data, name);
    return typeof m === 'string' ? m : [m];
  }
  if (data.length === 0) return 'an empty list: no policy to measure';
  const out: Measured[] = [];
  for (const [i, value] of data.entries()) {
    const m = one(value, `${name} #${i + 1}`);
    if (typeof m === 'string') return `item ${i + 1}: ${m}`;
    out.push(m);
  }
  return out;
}

function firstLine(e: unknown): string {
  return String((e as Error).message ?? e).split('\n')[0];
}

export async function runSize(ctx: CliContext, files: string[], flags: SizeFlags): Promise<number> {
  const [{ InputError, readInputText }, { checkQuotas, groupDigits: n, POLICY_QUOTAS }, { render }, output] =
    await Promise.all([
      import('../../util/io/read-input.js'),
      import('../../util/policy-size.js'),
      import('../../util/format/index.js'),
      import('../../util/io/output.js'),
    ]);
  /** The policies of one input, or why there are none. */
  const read = (file: string, name: string): Measured[] | string => {
    let text: string;
    try {
      text = readInputText(file);
    } catch (e) {
      if (e instanceof InputError) return e.reason;
      throw e;
    }
    let data: unknown;
    try {
      data = JSON.parse(text) as unknown;
    } catch (e) {
      return `not JSON (${firstLine(e)})`;
    }
    return policiesIn(data, name);
  };
  let code = 0;
  const measured: Measured[] = [];
  for (const file of files) {
    const name = file === '-' ? '<stdin>' : file;
    const found = read(file, name);
    if (typeof found === 'string') {
      ctx.err(`iamwright: ${name}: ${found}\n`);
      code = EXIT_INPUT_ERROR;
    } else measured.push(...found);
  }
  const results = measured.map((m) => ({ policy: m.policy, ...checkQuotas(m.document) }));
  if (flags.fmt === 'json') {
    ctx.out(render(results, 'json'));
    return code;
  }
  if (results.length === 0) return code;
  const names = Object.keys(POLICY_QUOTAS) as (keyof typeof POLICY_QUOTAS)[];
  const header = (q: keyof typeof POLICY_QUOTAS) =>
    `${q} ${n(POLICY_QUOTAS[q].limit)}${POLICY_QUOTAS[q].unit === 'organizations' ? ' bytes' : ''}`;
  const rows = results.map((r) => {
    const row: Record<string, string> = { policy: r.policy, characters: n(r.characters), bytes: n(r.bytes) };
    for (const c of r.quotas) {
      row[header(c.quota)] = c.fits ? `${n(c.limit - c.size)} left` : `over by ${n(c.size - c.limit)}`;
    }
    return row;
  });
  // A terminal's width; piped, one line a policy.
  const width = output.stdoutColumns() ?? 10_000;
  ctx.out(render(rows, 'table', { columns: ['policy', 'characters', 'bytes', ...names.map(header)], width }));
  return code;
}
