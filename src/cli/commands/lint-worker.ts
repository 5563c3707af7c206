/**
 * `lint` over several threads: the listed inputs split into contiguous runs, the first linted on the main
 * thread and each other in a worker thread (see ../workers.ts), the parts merged back in order, so that the
 * report is the one a single thread makes. Workers are used only where they pay (see planLintThreads).
 */
import { selectDatabase } from '../../database/select.js';
import type { IamDatabase } from '../../database/database.js';
import type { LintInputRef } from '../../linting/inputs/index.js';
import { lintInputs, type LintFilesOptions, type LintPart } from '../../linting/lint-files.js';
import { runInWorker, type WorkerInput } from '../workers.js';

/*
 * When workers pay, measured on the AWS managed policies (1,641 files) on 2 cores: a worker costs about
 * 0.45 s of CPU and 60-100 MB before it has linted much (the bundle, its own database, and above all the
 * code V8 compiles and optimizes anew in every thread), while a warm thread lints a policy file in about
 * 1 ms. And V8's own background threads (optimizing compiler, GC) already take about 1.5 s of CPU in a run
 * on one thread, most of a second core: on 2 cores, 2 threads were slower than 1 (median 4.1 s against
 * 3.1 s on the busy machine; CPU +1 s). So the automatic choice leaves one core to V8 and gives a thread
 * only a run long enough to outweigh its start.
 */
/** Fewer inputs than this are linted on one thread unless --jobs says otherwise. */
export const MIN_FILES_FOR_WORKERS = 1000;
/** At least this many inputs per thread in the automatic choice: about 0.5 s of linting, the worker's start. */
export const MIN_FILES_PER_THREAD = 500;
/**
 * The main thread's run, relative to a worker's: it starts at once (a worker loads the CLI and its
 * database first), so its share is somewhat larger.
 */
export const MAIN_THREAD_SHARE = 1.15;

/** What a lint worker gets: its run of inputs and the options that decide the findings. */
export interface LintTaskInput {
  inputs: LintInputRef[];
  options: Pick<LintFilesOptions, 'policyType' | 'checks' | 'skipChecks'>;
}

/** The worker's side: opens the database the main thread uses and lints its run. */
export async function lintTask(data: WorkerInput<unknown>, env: NodeJS.ProcessEnv): Promise<LintPart> {
  const { inputs, options } = data.input as LintTaskInput;
  return Promise.resolve(lintInputs(selectDatabase({ dbPath: data.dbPath, env }), inputs, options));
}

/**
 * How many threads to lint `inputs` on (1: this one only). `jobs`: what --jobs asked for, taken as asked
 * (undefined: automatic, at most `cores` - 1, see above); stdin can be read on the main thread only, so an
 * input `-` keeps it all there.
 */
export function planLintThreads(
  inputs: readonly LintInputRef[],
  jobs: number | undefined,
  cores: number,
): number {
  if (inputs.some((r) => r.path === '-')) return 1;
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, inputs.length));
  if (inputs.length < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(cores - 1, Math.floor(inputs.length / MIN_FILES_PER_THREAD)));
}

/**
 * `inputs` in `threads` contiguous runs, in order, the first (the main thread's) `mainShare` times as long
 * as each other; none empty.
 */
export function splitLintInputs<T>(
  inputs: readonly T[],
  threads: number,
  mainShare = MAIN_THREAD_SHARE,
): T[][] {
  const n = Math.max(1, Math.min(threads, inputs.length));
  if (n === 1) return [inputs.slice()];
  const unit = inputs.length / (mainShare + n - 1);
  const runs: T[][] = [];
  let start = 0;
  for (let i = 0; i < n; i++) {
    // Each run keeps at least one input, and leaves at least one for each run after it.
    const wanted = Math.round(mainShare * unit + i * unit);
    const end =
      i === n - 1 ? inputs.length : Math.min(inputs.length - (n - 1 - i), Math.max(start + 1, wanted));
    runs.push(inputs.slice(start, end));
    start = end;
  }
  return runs;
}

/**
 * Lints `inputs` on `threads` threads: workers started from `entry` take the later runs while this thread
 * lints the first; the parts come back in input order.
 */
export async function lintOnThreads(
  db: IamDatabase,
  inputs: readonly LintInputRef[],
  options: LintTaskInput['options'],
  threads: number,
  worker: { entry: string; dbPath?: string; env: NodeJS.ProcessEnv },
): Promise<LintPart[]> {
  const [own, ...others] = splitLintInputs(inputs, threads);
  // Started first, so that they load while this thread lints.
  const pending = others.map((run) =>
    runInWorker<LintTaskInput, LintPart>(
      worker.entry,
      'lint',
      { dbPath: worker.dbPath, input: { inputs: run, options } },
      worker.env,
    ),
  );
  // A rejection is awaited below; until then it must not count as unhandled.
  for (const p of pending) p.catch(() => undefined);
  const first = lintInputs(db, own, options);
  return [first, ...(await Promise.all(pending))];
}
