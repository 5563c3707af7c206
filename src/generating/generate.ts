/**
 * generate: observed calls in (CloudTrail files and folders, exports, SQL rows, call lists), a crud template
 * or the exact policy out, with a report of everything that could not be used.
 */
import type { IamDatabase } from '../database/database.js';
import { OperationMap } from '../querying/operations.js';
import { UserError } from '../util/errors.js';
import type { PolicyDocument } from '../writing/types.js';
import { exactPolicy, renderTemplate } from './output.js';
import { readCallsFile } from './read-calls.js';
import {
  listInput,
  mergePart,
  planParts,
  readEntries,
  type PartInput,
  type PartResult,
} from './input-parts.js';
import type { EventSink } from './read-events.js';
import { CallResolver } from './resolve.js';
import { Tally, type CallFilter } from './tally.js';
import type { InputProblem } from './types.js';

export interface GenerateOptions extends CallFilter {
  /** What the paths hold: CloudTrail (files, folders, exports, SQL output) or call lists. */
  from: 'cloudtrail' | 'calls';
  /** Put `*` in place of object keys, ids and timestamps in ARNs. Default false. */
  generalize?: boolean;
  /** The operation map. Default: a new OperationMap over the database. */
  operations?: OperationMap;
  /**
   * Called with each input problem, in input order (default: collected only); with `parallel`, a part's
   * problems come when the part is merged.
   */
  onProblem?: (p: InputProblem) => void;
  /**
   * Read a large CloudTrail input in up to `jobs` parts at once (input-parts.ts planParts): `run` reads
   * each part elsewhere (a worker thread opening the same database) and answers with readPart's result;
   * this thread merges them in input order. Default: everything on this thread, as when the input is too
   * small to gain from threads. Call lists are always read here.
   */
  parallel?: { jobs: number; run: (part: PartInput) => Promise<PartResult> };
}

export interface GenerateResult {
  tally: Tally;
  problems: InputProblem[];
  files: number;
  notApiCalls: number;
  /** Calls that went into the output (granted or refused). */
  used: number;
  /** The crud template text. */
  template(name?: string): string;
  /** The exact policy. */
  policy(): PolicyDocument;
  /** The report lines for stderr (without the `iamwright: ` prefix). */
  report(): string[];
}

export async function generate(
  db: IamDatabase,
  paths: readonly string[],
  options: GenerateOptions,
): Promise<GenerateResult> {
  if (paths.length === 0) throw new UserError('generate: give at least one file or folder to read');
  const map = options.operations ?? new OperationMap(db);
  const resolver = new CallResolver(db, map, { generalize: options.generalize });
  const tally = new Tally(resolver, {
    principal: options.principal,
    since: options.since,
    until: options.until,
  });
  const problems: InputProblem[] = [];
  const sink: EventSink = {
    call: (c) => tally.add(c),
    problem: (p) => {
      problems.push(p);
      options.onProblem?.(p);
    },
    counts: { files: 0, notApiCalls: 0 },
  };
  if (options.from === 'calls') {
    for (const path of paths) await readCallsFile(path, sink);
  } else {
    const parallel = options.parallel && options.parallel.jobs > 1 ? options.parallel : undefined;
    const entries = listInput(paths, parallel !== undefined);
    const parts = parallel ? planParts(entries, parallel.jobs) : [entries];
    if (parts.length === 1) {
      await readEntries(entries, sink);
    } else {
      // This thread only merges: reading a share itself would grow its heap as much as a worker's, and
      // the one heap V8 lets grow unbounded (the main thread's) is what would set the peak memory.
      const { principal, since, until, generalize } = options;
      const { exceptions } = map;
      const read = parts.map((part) =>
        parallel!.run({ entries: part, principal, since, until, generalize, exceptions }),
      );
      // Each is awaited below, in order; until then a failure must not count as unhandled.
      for (const p of read) p.catch(() => {});
      for (const p of read) mergePart(tally, sink, await p);
    }
  }
  const header = (): string[] => {
    const lines = [
      `from ${callsRead(tally, sink.counts.files)}; ${usedCalls(tally).toLocaleString('en-US')} used`,
    ];
    if (options.principal) lines.push(`principal: ${options.principal}`);
    if (options.since !== undefined) lines.push(`since: ${new Date(options.since).toISOString()}`);
    if (options.until !== undefined) lines.push(`until: ${new Date(options.until).toISOString()}`);
    return lines;
  };
  return {
    tally,
    problems,
    files: sink.counts.files,
    notApiCalls: sink.counts.notApiCalls,
    used: usedCalls(tally),
    template: (name = 'generated') => renderTemplate(tally, { lines: header(), name }),
    policy: () => exactPolicy(db, tally),
    report: () => reportLines(tally, problems, sink.counts.files, sink.counts.notApiCalls),
  };
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function callsRead(tally: Tally, files: number): string {
  return `${plural(tally.calls, 'call')} in ${plural(files, 'file')}`;
}

/** `a (3), b (1)`, most first, at most 10 named. */
function counted(m: Map<string, number>): string {
  const sorted = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown = sorted.slice(0, 10).map(([k, n]) => `${k} (${n.toLocaleString('en-US')})`);
  return shown.join(', ') + (sorted.length > 10 ? ` and ${sorted.length - 10} more` : '');
}

function total(m: Map<string, number>): number {
  let n = 0;
  for (const v of m.values()) n += v;
  return n;
}

/** Most refused actions named on stderr; the template lists every refused call. */
const REFUSED_SHOWN = 20;

/** One line per refused action: `refused: s3:PutObject on arn:... (3 events)`, or on N resources. */
function refusedSummary(tally: Tally): string[] {
  const names = [...tally.denied.keys()].sort();
  const lines = names.slice(0, REFUSED_SHOWN).map((name) => {
    const uses = tally.denied.get(name)!;
    const n = total(uses.resources);
    const where =
      uses.resources.size === 1
        ? `on ${[...uses.resources.keys()][0]}`
        : `on ${plural(uses.resources.size, 'resource')}`;
    return `refused: ${name} ${where} (${plural(n, 'call')})`;
  });
  if (names.length > REFUSED_SHOWN)
    lines.push(`refused: ${names.length - REFUSED_SHOWN} more actions (the template lists them all)`);
  return lines;
}

/** Calls that went into the output (granted or refused). */
function usedCalls(tally: Tally): number {
  return tally.calls - tally.filteredOut - total(tally.unknownServices) - total(tally.unknownOperations);
}

/** Everything said on stderr after a run: problems first, then what was left out, then a summary. */
export function reportLines(
  tally: Tally,
  problems: InputProblem[],
  files: number,
  notApiCalls: number,
): string[] {
  const lines = problems.map((p) => `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`);
  if (tally.unknownServices.size > 0) {
    lines.push(
      `${plural(total(tally.unknownServices), 'call')} of unknown services left out: ${counted(tally.unknownServices)}`,
    );
  }
  if (tally.unknownOperations.size > 0) {
    lines.push(
      `${plural(total(tally.unknownOperations), 'call')} of unknown operations left out: ${counted(tally.unknownOperations)}`,
    );
  }
  const unknownResource = new Map<string, number>();
  for (const u of tally.granted.values())
    if (u.unknownResource > 0) unknownResource.set(u.action.name, u.unknownResource);
  if (unknownResource.size > 0) {
    lines.push(
      `${plural(total(unknownResource), 'call')} did not show ${total(unknownResource) === 1 ? 'its' : 'their'} resource, so ${unknownResource.size === 1 ? 'this action is' : 'these actions are'} granted on "*": ${counted(unknownResource)}`,
    );
  }
  lines.push(...refusedSummary(tally));
  if (tally.withoutTime > 0)
    lines.push(`${plural(tally.withoutTime, 'call')} without a time left out by --since/--until`);
  const used =
    tally.calls - tally.filteredOut - total(tally.unknownServices) - total(tally.unknownOperations);
  let summary = `read ${plural(tally.calls, 'call')} in ${plural(files, 'file')}; used ${used.toLocaleString('en-US')}`;
  if (tally.filteredOut > 0) summary += `, ${tally.filteredOut.toLocaleString('en-US')} filtered out`;
  if (notApiCalls > 0) summary += `; ${plural(notApiCalls, 'non-API-call record')} skipped`;
  if (problems.length > 0) summary += `; ${plural(problems.length, 'input problem')}`;
  lines.push(summary);
  return lines;
}
