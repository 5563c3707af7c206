/**
 * The `generate` task of a worker thread (see ../workers.ts): reads one part of a large CloudTrail input
 * against the same database as the main thread, and answers with the part's tally and problems.
 */
import type { WorkerInput } from '../workers.js';
import { selectDatabase } from '../../database/select.js';
import { readPart, type PartInput, type PartResult } from '../../generating/input-parts.js';

export async function generateTask(data: WorkerInput<unknown>, env: NodeJS.ProcessEnv): Promise<PartResult> {
  const db = selectDatabase({ dbPath: data.dbPath, env });
  return readPart(db, data.input as PartInput);
}
