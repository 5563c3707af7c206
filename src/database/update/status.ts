/** What `db info` shows, and the notices that keep the database in use from being a surprise. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IamDatabase } from '../database.js';
import { bundledDatabasePath, iamwrightHome, localDatabaseProblem } from '../select.js';
import { openDatabase } from '../store.js';
import type { AppliedOverride, DatabaseCounts, DatabaseLocation } from '../types.js';
import { interruptedUpdateNotice } from './marker.js';
import { redactCredentials } from '../../util/redact.js';

export interface DatabaseInfo {
  location: DatabaseLocation;
  schemaVersion: string;
  buildDate: string | null;
  builtFrom: string | null;
  counts: DatabaseCounts;
  overridesFile: string | null;
  overridesApplied: AppliedOverride[];
  /** Notices about the database in use (stale, interrupted update). */
  notices: string[];
}

export function databaseInfo(db: IamDatabase, env: NodeJS.ProcessEnv = process.env): DatabaseInfo {
  return {
    location: db.location,
    schemaVersion: db.meta.schemaVersion,
    buildDate: db.meta.buildDate ?? null,
    // Databases built before URLs were cleaned of credentials may hold a password here.
    builtFrom: db.meta.builtFrom === undefined ? null : redactCredentials(db.meta.builtFrom),
    counts: db.meta.counts,
    overridesFile: db.meta.overridesFile ?? null,
    overridesApplied: db.meta.overridesApplied ?? [],
    notices: databaseNotices(db, env),
  };
}

/** The bundled database's build date, when it exists and says. */
function bundledBuildDate(path: string): string | undefined {
  if (!existsSync(join(path, 'index.json'))) return undefined;
  try {
    return openDatabase(path).meta.buildDate;
  } catch {
    return undefined;
  }
}

/**
 * A local database built before the bundled one means the package was upgraded but the local copy was not:
 * the local one still wins, so say so. Only for the local database: one given with --db or IAMWRIGHT_DB was
 * asked for explicitly.
 */
export function staleLocalNotice(
  db: IamDatabase,
  bundledPath: string = bundledDatabasePath(),
): string | undefined {
  if (db.location.kind !== 'local') return undefined;
  const bundled = bundledBuildDate(bundledPath);
  const local = db.meta.buildDate;
  if (!bundled || !local || Date.parse(local) >= Date.parse(bundled)) return undefined;
  return (
    `using the local database at ${db.location.path} built ${local}, older than the bundled one (${bundled}); ` +
    `run 'iamwright db update' to refresh it, or remove it to use the bundled one`
  );
}

export function databaseNotices(db: IamDatabase, env: NodeJS.ProcessEnv = process.env): string[] {
  const notices: string[] = [];
  const stale = staleLocalNotice(db);
  if (stale) notices.push(stale);
  // A broken local database must not be skipped in silence: the user believes it is the one in use.
  if (db.location.kind === 'bundled') {
    const broken = localDatabaseProblem(env);
    if (broken) notices.push(broken);
  }
  // An update of the local database that died matters when the local (or, failing it, the bundled) one is used.
  if (db.location.kind === 'local' || db.location.kind === 'bundled') {
    const interrupted = interruptedUpdateNotice(iamwrightHome(env));
    if (interrupted) notices.push(interrupted);
  }
  return notices;
}

/** `db info` as text; the overrides applied are listed one by one only when asked (there are ~150). */
export function formatInfo(info: DatabaseInfo, options: { listOverrides?: boolean } = {}): string {
  const c = info.counts;
  const lines = [
    `database:        ${info.location.path || '(in memory)'}`,
    `source:          ${info.location.kind} (${info.location.reason})`,
    `schema version:  ${info.schemaVersion}`,
    `built:           ${info.buildDate ?? 'unknown'}${info.builtFrom ? ` from ${info.builtFrom}` : ''}`,
    `services:        ${c.services}`,
    `actions:         ${c.actions}`,
    `resource types:  ${c.resourceTypes}`,
    `condition keys:  ${c.conditionKeys}`,
    `overrides:       ${info.overridesFile === null ? 'none' : (info.overridesFile ?? 'unknown')} (${info.overridesApplied.length} applied)`,
  ];
  if (options.listOverrides) {
    for (const o of info.overridesApplied) lines.push(`  ${o.prefix}:${o.action}: ${o.from} -> ${o.to}`);
  }
  return lines.join('\n') + '\n';
}
