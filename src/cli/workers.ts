/**
 * Worker threads for commands that split a large input over the machine's cores (lint, generate).
 *
 * A worker runs the same entry as the process that started it (bin/iamwright.cjs, or dist/cli.js), told its
 * task by the IAMWRIGHT_WORKER variable: the one-file CLI bundle then needs no second entry, and the worker
 * loads through the same code cache. The entry checks that variable rather than node:worker_threads, whose
 * require costs about 2 ms of every start-up. A worker opens its own database (the same one, by the same
 * --db and environment): an opened database cannot cross threads.
 */
// Static: a dynamic import() of a built-in fails inside the bundle, which V8 runs as a plain script.
import { isMainThread, parentPort, Worker, workerData, type ResourceLimits } from 'node:worker_threads';
import { UserError } from '../util/errors.js';

/** The environment variable that names a worker's task. */
export const WORKER_ENV = 'IAMWRIGHT_WORKER';

/** What every task gets: how to open the database the main thread uses, and the task's own input. */
export interface WorkerInput<T> {
  dbPath?: string;
  input: T;
}

type Task = (data: WorkerInput<unknown>, env: NodeJS.ProcessEnv) => Promise<unknown>;

/** The tasks a worker can run, each loaded only in the worker that runs it. */
const TASKS: Record<string, () => Promise<Task>> = {
  generate: () => import('./commands/generate-worker.js').then((m) => m.generateTask),
  lint: () => import('./commands/lint-worker.js').then((m) => m.lintTask),
};

/** Runs this worker's task on its workerData and posts the result (or the error) to the main thread. */
export async function runWorker(task: string): Promise<number> {
  const load = TASKS[task];
  if (isMainThread || !parentPort || !load) {
    process.stderr.write(
      `iamwright: ${WORKER_ENV}=${task} is for iamwright's own worker threads: unset it\n`,
    );
    return 2;
  }
  try {
    const run = await load();
    parentPort.postMessage({ ok: true, result: await run(workerData as WorkerInput<unknown>, process.env) });
  } catch (e) {
    const err = e as Error;
    parentPort.postMessage({
      ok: false,
      user: e instanceof UserError,
      message: err.message,
      stack: err.stack,
    });
  }
  return 0;
}

/**
 * Runs `task` on `input` in a worker thread started from `entry` (the CLI's own entry file). Resolves to the
 * task's result; rejects with the task's error (a UserError stays one), or when the worker dies.
 */
export async function runInWorker<T, R>(
  entry: string,
  task: string,
  data: WorkerInput<T>,
  env: NodeJS.ProcessEnv,
  /** The worker's heap sizes (default: V8's); one that outgrows them rejects with ERR_WORKER_OUT_OF_MEMORY. */
  limits?: ResourceLimits,
): Promise<R> {
  const worker: Worker = new Worker(entry, {
    argv: [],
    env: { ...env, [WORKER_ENV]: task },
    workerData: data,
    resourceLimits: limits,
    // The worker writes nothing of its own: its answer comes back as a message.
    stdout: true,
  });
  return new Promise<R>((resolve, reject) => {
    let settled = false;
    worker.once(
      'message',
      (m: { ok: boolean; result?: R; user?: boolean; message?: string; stack?: string }) => {
        settled = true;
        if (m.ok) resolve(m.result as R);
        else if (m.user) reject(new UserError(m.message ?? 'worker failed'));
        else reject(Object.assign(new Error(m.message), { stack: m.stack }));
        void worker.terminate();
      },
    );
    worker.once('error', (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`${task} worker stopped (exit ${code}) before it answered`));
      settled = true;
    });
  });
}
