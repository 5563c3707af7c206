/**
 * `iamwright generate --from-cloudtrail PATH... | --from-calls FILE...`: a crud template (default) or the
 * exact policy (--policy) from what an application was seen doing. Input problems are reported on stderr,
 * one line each, and the rest is used; the exit code is then 1 (the output stands for the readable input).
 */
import { availableParallelism } from 'node:os';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { CliContext } from '../context.js';
import { jobsOption } from './jobs-option.js';
import { UserError } from '../../util/errors.js';
import type { GenerateOptions } from '../../generating/generate.js';
import type { PartInput, PartResult } from '../../generating/input-parts.js';

interface GenerateFlags {
  fromCloudtrail?: string[];
  fromCalls?: string[];
  principal?: string;
  since?: number;
  until?: number;
  policy?: boolean;
  generalize?: boolean;
  fmt: 'json' | 'yaml' | 'terraform';
  name?: string;
  jobs?: number;
}

/**
 * `--since` / `--until`: a date (`2026-01-31`, midnight UTC) or a date and time with a zone
 * (`2026-01-31T12:00:00Z`, `...+02:00`). A time without a zone is refused: it would be read in the local
 * zone of whoever runs the command.
 */
export function parseWhen(value: string): number {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const dateTime =
    /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(value);
  const m = date ?? dateTime;
  // Date.parse takes 2026-02-31 for March 3rd: the day must exist in its month.
  const dayExists = m !== null && Number(m[3]) >= 1 && Number(m[3]) <= daysIn(Number(m[1]), Number(m[2]));
  const t = dayExists ? Date.parse(date ? `${value}T00:00:00Z` : value) : NaN;
  if (Number.isNaN(t)) {
    throw new InvalidArgumentError(
      'expected a date (2026-01-31, midnight UTC) or a date and time with a zone (2026-01-31T12:00:00Z)',
    );
  }
  return t;
}

function daysIn(year: number, month: number): number {
  return month < 1 || month > 12 ? 0 : new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `--principal`: an ARN (a user, a role, an assumed-role session...), compared exactly. */
function principalOption(value: string): string {
  if (/^arn:[^:]+:(iam|sts)::\d{12}:.+/.test(value)) return value;
  throw new InvalidArgumentError(
    'expected an IAM or STS ARN, e.g. arn:aws:iam::111122223333:role/app or arn:aws:sts::111122223333:assumed-role/app/session',
  );
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export function registerGenerate(program: Command, ctx: CliContext): void {
  program
    .command('generate')
    .description(
      'Generate a crud template (or with --policy the policy) from CloudTrail events or a list of SDK calls',
    )
    .argument('[paths...]', 'more files or folders for the --from-* option given')
    .option(
      '--from-cloudtrail <path>',
      'CloudTrail log files (.json, .json.gz), folders as CloudTrail writes them to S3, JSON-lines exports, or the CSV/JSON-lines output of the SQL in docs/generate.md; repeatable',
      collect,
    )
    .option(
      '--from-calls <file>',
      'one call a line: s3:GetObject ARN..., S3.GetObject, or iamlive CSM JSON lines; - for stdin; repeatable',
      collect,
    )
    .option(
      '--principal <arn>',
      'keep the calls of this identity ARN, or of the sessions of this role ARN',
      principalOption,
    )
    .option(
      '--since <when>',
      'keep the calls at or after this date (2026-01-31, from midnight UTC) or date and time with a zone (2026-01-31T12:00:00Z)',
      parseWhen,
    )
    .option(
      '--until <when>',
      'keep the calls at or before this date (midnight UTC) or date and time with a zone',
      parseWhen,
    )
    .option(
      '--policy',
      'write the policy (exactly the actions seen, on their resources) instead of a template',
    )
    .option('--generalize', 'put * in place of object keys, ids and timestamps in ARNs (bucket/*)')
    .addOption(
      new Option('--fmt <format>', 'policy format with --policy')
        .choices(['json', 'yaml', 'terraform'])
        .default('json'),
    )
    .option('--name <name>', "the template's name: (default: generated)")
    .option(
      '--jobs <n>',
      'read a large CloudTrail input on up to n threads; 1: on one thread (default: one per core, worker threads only when the input is large enough to gain from them)',
      jobsOption(256),
    )
    .action(async (rest: string[], flags: GenerateFlags) => {
      process.exitCode = await runGenerate(ctx, rest, flags);
    });
}

async function runGenerate(ctx: CliContext, rest: string[], flags: GenerateFlags): Promise<number> {
  const cloudtrail = flags.fromCloudtrail ?? [];
  const calls = flags.fromCalls ?? [];
  if (cloudtrail.length > 0 && calls.length > 0) {
    throw new UserError(
      'generate: give --from-cloudtrail or --from-calls, not both (run generate once for each)',
    );
  }
  if (cloudtrail.length === 0 && calls.length === 0) {
    throw new UserError('generate: say what to read: --from-cloudtrail PATH... or --from-calls FILE');
  }
  if (flags.since !== undefined && flags.until !== undefined && flags.since > flags.until) {
    throw new UserError('generate: --since is after --until: no call can be in between');
  }
  if (flags.fmt !== 'json' && !flags.policy) {
    throw new UserError('generate: --fmt goes with --policy (the template is always YAML)');
  }
  const from = cloudtrail.length > 0 ? 'cloudtrail' : 'calls';
  const paths = [...(from === 'cloudtrail' ? cloudtrail : calls), ...rest];
  const [{ generate }, { renderPolicy }] = await Promise.all([
    import('../../generating/generate.js'),
    import('../../writing/render.js'),
  ]);
  const result = await generate(ctx.database(), paths, {
    from,
    principal: flags.principal,
    since: flags.since,
    until: flags.until,
    generalize: flags.generalize,
    parallel: parallelOf(ctx, flags.jobs),
  });
  const report = () => {
    for (const line of result.report()) ctx.err(`iamwright: generate: ${line}\n`);
  };
  if (result.tally.granted.size === 0) {
    // An empty template or policy would read as "this principal needs nothing".
    report();
    ctx.err(
      result.used === 0
        ? 'iamwright: generate: no usable call in the input: nothing written\n'
        : 'iamwright: generate: every call was refused, so there is nothing to grant: nothing written\n',
    );
    return 1;
  }
  ctx.out(flags.policy ? await renderPolicy(result.policy(), flags.fmt) : result.template(flags.name));
  report();
  return result.problems.length > 0 ? 1 : 0;
}

/** Worker threads for generate, when the CLI runs from its entry file (not in-process, as tests call it). */
function parallelOf(ctx: CliContext, jobs: number | undefined): GenerateOptions['parallel'] {
  const entry = ctx.workerEntry;
  if (entry === undefined) return undefined;
  return {
    jobs: jobs ?? availableParallelism(),
    run: async (part) => {
      const [{ runInWorker }, { heapLimitMb, readPart }] = await Promise.all([
        import('../workers.js'),
        import('../../generating/input-parts.js'),
      ]);
      try {
        return await runInWorker<PartInput, PartResult>(
          entry,
          'generate',
          { dbPath: ctx.dbPath(), input: part },
          ctx.env,
          // A young generation of 16 MB keeps two readers' peak RSS near one thread's: over the bench's
          // 1M events, 185 MB (one thread: 177 MB); 245 MB with 32 MB, 270 MB with V8's default.
          { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: heapLimitMb(part) },
        );
      } catch (e) {
        // A file far larger than its estimate: read that part here, where the heap may grow.
        if ((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY')
          return readPart(ctx.database(), part);
        throw e;
      }
    },
  };
}
