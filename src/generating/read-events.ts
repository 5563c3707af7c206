/**
 * Reading CloudTrail events from files and folders, streaming, so that memory stays bounded whatever the
 * size of the input:
 * - CloudTrail log files, `{"Records": [...]}`, plain or gzipped, and folders laid out as CloudTrail writes
 *   them to S3 (AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/*.json.gz), read one file at a time;
 * - JSON lines (CloudTrail Lake and Athena exports, one record a line), read line by line;
 * - CSV with a header row (the output of docs/generate.md's SQL), read row by row with csv-parse.
 * A bad file or line is reported (InputProblem) and the rest is read.
 */
import { closeSync, openSync, readdirSync, readSync, statSync, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createGunzip, gunzipSync } from 'node:zlib';
import { Readable } from 'node:stream';
import { describeIoError } from '../util/io/errors.js';
import { describeSize, INPUT_LIMITS } from '../util/limits.js';
import { callOfRecord, callOfRow } from './record.js';
import type { InputProblem, ObservedCall } from './types.js';

export interface ReadCounts {
  files: number;
  /** Records read that are events of another kind (AwsServiceEvent, Insights...). */
  notApiCalls: number;
}

export interface EventSink {
  call(call: ObservedCall): void;
  problem(p: InputProblem): void;
  counts: ReadCounts;
}

/** Extensions read when walking a folder; a file named on the command line is read whatever its name. */
const EVENT_FILE = /\.(json|jsonl|ndjson|csv)(\.gz)?$|\.gz$/i;
/** CloudTrail writes digest files and Insights beside the logs; they hold no API calls. */
const SKIPPED_FOLDERS = new Set(['CloudTrail-Digest', 'CloudTrail-Insight']);

/** The files a path stands for: itself, or the event files under a folder, in name order. */
export function eventFiles(path: string, sink: EventSink): string[] {
  let isDir: boolean;
  try {
    isDir = path !== '-' && statSync(path).isDirectory();
  } catch (e) {
    sink.problem({ file: path, message: `cannot read it: ${describeIoError(e, 'read')}` });
    return [];
  }
  if (!isDir) return [path];
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      sink.problem({ file: dir, message: `cannot read the folder: ${describeIoError(e, 'read')}` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(e.name)) walk(p);
      } else if (EVENT_FILE.test(e.name)) out.push(p);
    }
  };
  walk(path);
  return out;
}

function isGzipName(file: string): boolean {
  return /\.gz$/i.test(file);
}

function isLineFormat(file: string): 'jsonl' | 'csv' | undefined {
  const bare = file.replace(/\.gz$/i, '');
  if (/\.(jsonl|ndjson)$/i.test(bare)) return 'jsonl';
  if (/\.csv$/i.test(bare)) return 'csv';
  return undefined;
}

/** A gzip error in words: the usual one is a file cut short. */
function gzipProblem(e: unknown): string {
  const err = e as { code?: string; message?: string };
  if (err.code === 'Z_BUF_ERROR' || /unexpected end/i.test(err.message ?? '')) {
    return 'truncated gzip (unexpected end of file)';
  }
  return `not valid gzip (${err.message ?? String(e)})`;
}

/** Reads one file (or stdin for `-`) into the sink. */
export async function readEventFile(file: string, sink: EventSink): Promise<void> {
  sink.counts.files++;
  const lines = isLineFormat(file);
  if (lines) return readStreamed(file, lines, sink);
  let bytes: Buffer;
  try {
    bytes = readWhole(file);
  } catch (e) {
    const why = e instanceof TooLarge ? e.reason : describeIoError(e, 'read');
    sink.problem({ file, message: `cannot read it: ${why}; the file was skipped` });
    return;
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: INPUT_LIMITS.maxBytes });
    } catch (e) {
      sink.problem({ file, message: `${gzipProblem(e)}; the file was skipped` });
      return;
    }
  } else if (isGzipName(file)) {
    sink.problem({ file, message: 'not gzip although named .gz; the file was skipped' });
    return;
  }
  readJsonText(file, bytes.toString('utf8'), sink);
}

class TooLarge extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function readWhole(file: string): Buffer {
  if (file === '-') {
    const chunks: Buffer[] = [];
    const buf = Buffer.alloc(1 << 16);
    let total = 0;
    for (;;) {
      let n: number;
      try {
        n = readSync(0, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as { code?: string }).code === 'EAGAIN') continue;
        if ((e as { code?: string }).code === 'EOF') break;
        throw e;
      }
      if (n === 0) break;
      total += n;
      if (total > INPUT_LIMITS.maxBytes)
        throw new TooLarge(`input is over the ${describeSize(INPUT_LIMITS.maxBytes)} limit`);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  }
  const fd = openSync(file, 'r');
  try {
    const size = statSync(file).size;
    if (size > INPUT_LIMITS.maxBytes) {
      throw new TooLarge(
        `file is ${describeSize(size)}, over the ${describeSize(INPUT_LIMITS.maxBytes)} limit`,
      );
    }
    const out = Buffer.allocUnsafe(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, out, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    return out.subarray(0, at);
  } finally {
    closeSync(fd);
  }
}

/**
 * A whole JSON text: a CloudTrail log file (`{"Records": [...]}`), one record, a list of records, or JSON
 * lines in a file not named .jsonl (Athena's UNLOAD writes such files).
 */
export function readJsonText(file: string, text: string, sink: EventSink): void {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    if (text.trimStart().startsWith('{') && text.includes('\n')) return readLines(file, text, sink);
    sink.problem({
      file,
      message:
        'not JSON (expected a CloudTrail log file {"Records": [...]} or JSON lines); the file was skipped',
    });
    return;
  }
  const records = Array.isArray(doc)
    ? doc
    : typeof doc === 'object' && doc !== null && Array.isArray((doc as { Records?: unknown }).Records)
      ? (doc as { Records: unknown[] }).Records
      : typeof doc === 'object' && doc !== null && 'eventSource' in doc
        ? [doc]
        : undefined;
  if (!records) {
    sink.problem({ file, message: 'not a CloudTrail log (no "Records" list); the file was skipped' });
    return;
  }
  let bad = 0;
  for (let i = 0; i < records.length; i++) {
    const r: unknown = records[i];
    // Let each record go once read: what a garbage collection finds alive mid-file (and copies, and
    // promotes) is then the records still to read, not the whole file.
    records[i] = undefined;
    const v = callOfRecord(r);
    if (v === 'not-a-record') bad++;
    else if (v === 'not-an-api-call') sink.counts.notApiCalls++;
    else sink.call(v);
  }
  if (bad > 0) {
    sink.problem({
      file,
      message: `${bad} of ${records.length} records are not CloudTrail events (no eventSource and eventName); they were skipped`,
    });
  }
}

/** JSON lines already in memory. */
function readLines(file: string, text: string, sink: EventSink): void {
  const state = new LineState(file, sink);
  let from = 0;
  while (from < text.length) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    state.line(text.slice(from, end));
    from = end + 1;
  }
  state.end();
}

/** Counts a file's lines and its bad ones, and reports the first bad one by number, then how many in all. */
export class LineTally {
  n = 0;
  bad = 0;
  firstBad?: { line: number; why: string };
  constructor(
    readonly file: string,
    readonly sink: EventSink,
  ) {}

  fail(why: string): void {
    this.bad++;
    this.firstBad ??= { line: this.n, why };
  }

  end(): void {
    if (!this.firstBad) return;
    const more = this.bad > 1 ? ` (${this.bad} such lines in all, skipped)` : ' (skipped)';
    this.sink.problem({ file: this.file, line: this.firstBad.line, message: `${this.firstBad.why}${more}` });
  }
}

/** JSON lines: each line one record. */
class LineState extends LineTally {
  line(raw: string): void {
    this.n++;
    const text = raw.trim();
    if (text === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.fail('not JSON');
      return;
    }
    this.record(value);
  }

  record(value: unknown): void {
    const v = callOfRecord(value);
    if (v === 'not-a-record')
      this.fail('not a CloudTrail event or a row of the generate SQL (no event source and name)');
    else if (v === 'not-an-api-call') this.sink.counts.notApiCalls++;
    else this.sink.call(v);
  }
}

/**
 * The file (stdin for `-`) as a stream, gunzipped on the way when its name ends in `.gz`; undefined, and
 * reported to the sink, when it cannot be opened.
 */
export async function openStream(file: string, sink: EventSink): Promise<Readable | undefined> {
  let source: Readable;
  try {
    source = file === '-' ? process.stdin : createReadStream(file);
    if (file !== '-')
      await new Promise<void>((ok, fail) => source.once('open', () => ok()).once('error', fail));
  } catch (e) {
    sink.problem({ file, message: `cannot read it: ${describeIoError(e, 'read')}` });
    return undefined;
  }
  const stream = isGzipName(file) ? source.pipe(createGunzip()) : source;
  if (stream !== source) source.on('error', (e) => stream.destroy(e));
  return stream;
}

/** Calls `line` with each line of the stream's text, the last one too when no line break ends it. */
export async function forEachLine(stream: Readable, line: (raw: string) => void): Promise<void> {
  let rest = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    const text = rest + chunk;
    let from = 0;
    for (;;) {
      const end = text.indexOf('\n', from);
      if (end < 0) break;
      line(text.slice(from, end));
      from = end + 1;
    }
    rest = text.slice(from);
  }
  if (rest !== '') line(rest);
}

/** JSON lines or CSV, streamed (gunzipped on the way when the file is gzip). */
async function readStreamed(file: string, format: 'jsonl' | 'csv', sink: EventSink): Promise<void> {
  const stream = await openStream(file, sink);
  if (!stream) return;
  const state = new LineState(file, sink);
  try {
    if (format === 'jsonl') {
      await forEachLine(stream, (raw) => state.line(raw));
    } else {
      const { parse } = await import('csv-parse');
      const parser = stream.pipe(
        parse({ columns: true, skip_empty_lines: true, bom: true, relax_column_count: false, trim: true }),
      );
      stream.on('error', (e) => parser.destroy(e));
      for await (const row of parser as AsyncIterable<Record<string, string>>) {
        state.n++;
        const v = callOfRow(row);
        if (v === 'not-a-record') state.fail('no event_source and event_name columns');
        else if (v === 'not-an-api-call') sink.counts.notApiCalls++;
        else sink.call(v);
      }
    }
  } catch (e) {
    state.end();
    const err = e as { code?: string; message?: string };
    const why = err.code?.startsWith('Z_')
      ? gzipProblem(e)
      : err.code?.startsWith('CSV_')
        ? `not valid CSV (${err.message ?? ''})`
        : `cannot read it: ${describeIoError(e, 'read')}`;
    sink.problem({ file, message: `${why}; the ${state.n} lines before it were read` });
    return;
  }
  state.end();
}
