/**
 * Splitting a large CloudTrail input into parts read on several threads. The input is listed first, in the
 * order one reader would take it (files, and the problems met while listing folders); each part is a
 * contiguous run of that list, read into a tally of its own, and the parts' tallies and problems are merged
 * in input order: the result, report and "first" examples are those of reading everything in one go.
 */
import { statSync } from 'node:fs';
import type { IamDatabase } from '../database/database.js';
import { OperationMap } from '../querying/operations.js';
import type { OperationExceptions } from '../querying/operations-exceptions.js';
import { eventFiles, readEventFile, type EventSink } from './read-events.js';
import { CallResolver } from './resolve.js';
import { Tally, type CallFilter, type TallyData } from './tally.js';
import type { InputProblem } from './types.js';

/** One step of the input, in order: a file to read, or a problem met while listing the paths. */
export type InputEntry = { file: string; weight?: number } | { problem: InputProblem };

/** What a part's reader needs: its entries, and the options that change what a call adds to the tally. */
export interface PartInput extends CallFilter {
  entries: InputEntry[];
  generalize?: boolean;
  /**
   * The operation exceptions of the main thread's map (default: the bundled ones). Sent rather than read
   * again: parsing the bundled YAML takes a worker about 0.2 s, a copy of it 5 ms.
   */
  exceptions?: OperationExceptions;
}

/** A part as read: plain data, so that it can come back from a worker thread. */
export interface PartResult {
  tally: TallyData;
  problems: InputProblem[];
  files: number;
  notApiCalls: number;
}

/**
 * The least estimated text a part must hold to be worth a thread of its own: a worker takes about
 * 0.1 s to start and open the database, and this much CloudTrail JSON takes about 0.3 s to read.
 */
export const MIN_PART_WEIGHT = 16 * 1024 * 1024;
/** gzip shrinks CloudTrail JSON about 10 to 20 times: a .gz file weighs sixteen times its size. */
const GZIP_RATIO = 16;

/** The files the paths stand for, in reading order; with `weigh`, each with its estimated text size. */
export function listInput(paths: readonly string[], weigh: boolean): InputEntry[] {
  const entries: InputEntry[] = [];
  const sink: EventSink = {
    call: () => {},
    problem: (problem) => entries.push({ problem }),
    counts: { files: 0, notApiCalls: 0 },
  };
  for (const path of paths) {
    for (const file of eventFiles(path, sink))
      entries.push(weigh ? { file, weight: weightOf(file) } : { file });
  }
  return entries;
}

function weightOf(file: string): number {
  if (file === '-') return 0;
  try {
    return statSync(file).size * (/\.gz$/i.test(file) ? GZIP_RATIO : 1);
  } catch {
    return 0; // reported when it is read
  }
}

/**
 * The entries cut into at most `jobs` contiguous parts of about equal weight, each at least
 * MIN_PART_WEIGHT; one part (no thread started) when the input is small or reads stdin, which only the
 * main thread can read.
 */
export function planParts(entries: InputEntry[], jobs: number): InputEntry[][] {
  let total = 0;
  let files = 0;
  for (const e of entries) {
    if (!('file' in e)) continue;
    if (e.file === '-') return [entries];
    total += e.weight ?? 0;
    files++;
  }
  const parts = Math.min(Math.floor(jobs), Math.floor(total / MIN_PART_WEIGHT), files);
  if (!(parts > 1)) return [entries];
  const out: InputEntry[][] = Array.from({ length: parts }, () => []);
  let before = 0;
  for (const e of entries) {
    const weight = 'file' in e ? (e.weight ?? 0) : 0;
    // An entry goes to the part its middle falls in, so that no part is left empty by a heavy neighbour.
    const at = Math.min(parts - 1, Math.floor(((before + weight / 2) / total) * parts));
    out[at].push(e);
    before += weight;
  }
  return out.filter((p) => p.length > 0);
}

/**
 * The old-generation heap (MB) a worker reading the part is held to. Reading holds one file at a time (its
 * text and parsed records, a few times the text) over the database and the tally (about 15 MB). The bound
 * is a safety net: V8 grows a worker's old generation far less than this as it reads 1 MB files. A worker
 * that still runs out is an error the caller can handle (the CLI reads that part again itself).
 */
export function heapLimitMb(part: PartInput): number {
  let largest = 0;
  for (const e of part.entries) if ('file' in e) largest = Math.max(largest, e.weight ?? 0);
  return Math.max(128, 64 + Math.ceil((largest / (1024 * 1024)) * 8));
}

/** Reads the entries, in order, into the sink. */
export async function readEntries(entries: readonly InputEntry[], sink: EventSink): Promise<void> {
  for (const e of entries) {
    if ('file' in e) await readEventFile(e.file, sink);
    else sink.problem(e.problem);
  }
}

/** Reads one part into a tally of its own (what a worker thread runs). */
export async function readPart(db: IamDatabase, input: PartInput): Promise<PartResult> {
  const map = new OperationMap(db, input.exceptions ? { exceptions: input.exceptions } : {});
  const resolver = new CallResolver(db, map, { generalize: input.generalize });
  const tally = new Tally(resolver, { principal: input.principal, since: input.since, until: input.until });
  const problems: InputProblem[] = [];
  const sink: EventSink = {
    call: (c) => tally.add(c),
    problem: (p) => problems.push(p),
    counts: { files: 0, notApiCalls: 0 },
  };
  await readEntries(input.entries, sink);
  return { tally: tally.toData(), problems, ...sink.counts };
}

/** Adds a part read elsewhere to the tally and sink of the parts before it. */
export function mergePart(tally: Tally, sink: EventSink, part: PartResult): void {
  tally.merge(part.tally);
  sink.counts.files += part.files;
  sink.counts.notApiCalls += part.notApiCalls;
  for (const p of part.problems) sink.problem(p);
}
