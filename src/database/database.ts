import { Service } from './service.js';
import type { DatabaseLocation, DatabaseMeta, ServiceRecord, ServiceSummary } from './types.js';

/**
 * The IAM database as every layer sees it. Services load on first use, so a command that touches two
 * services reads only those two. Prefixes are compared without regard to case.
 */
export interface IamDatabase {
  readonly meta: DatabaseMeta;
  readonly location: DatabaseLocation;
  /** Every service's prefix, name and page URL, without loading action data. Sorted by prefix. */
  listServices(): readonly ServiceSummary[];
  hasService(prefix: string): boolean;
  /** The service with this prefix, or undefined. */
  service(prefix: string): Service | undefined;
  /** Every service, loaded. Costs a full read of the database. */
  allServices(): Service[];
}

/** Reads one service record by its exact (lower-case) prefix. */
export type ServiceReader = (prefix: string) => ServiceRecord;

/** An IamDatabase over an index and a reader that loads services lazily and caches them. */
export class LazyDatabase implements IamDatabase {
  private readonly summaries: readonly ServiceSummary[];
  private readonly byLower = new Map<string, ServiceSummary>();
  private readonly loaded = new Map<string, Service>();

  constructor(
    readonly meta: DatabaseMeta,
    readonly location: DatabaseLocation,
    summaries: readonly ServiceSummary[],
    private readonly read: ServiceReader,
  ) {
    this.summaries = [...summaries].sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
    for (const s of this.summaries) this.byLower.set(s.prefix.toLowerCase(), s);
  }

  listServices(): readonly ServiceSummary[] {
    return this.summaries;
  }

  hasService(prefix: string): boolean {
    return this.byLower.has(prefix.toLowerCase());
  }

  service(prefix: string): Service | undefined {
    const summary = this.byLower.get(prefix.toLowerCase());
    if (!summary) return undefined;
    let svc = this.loaded.get(summary.prefix);
    if (!svc) {
      svc = new Service(this.read(summary.prefix));
      this.loaded.set(summary.prefix, svc);
    }
    return svc;
  }

  allServices(): Service[] {
    return this.summaries.map((s) => this.service(s.prefix) as Service);
  }
}

/** Counts of a set of service records, as stored in a database's meta. */
export function countRecords(records: readonly ServiceRecord[]): DatabaseMeta['counts'] {
  let actions = 0;
  let resourceTypes = 0;
  let conditionKeys = 0;
  for (const r of records) {
    actions += r.actions.length;
    resourceTypes += r.resourceTypes.length;
    conditionKeys += r.conditionKeys.length;
  }
  return { services: records.length, actions, resourceTypes, conditionKeys };
}

/** A database held in memory, e.g. just built, or handed in by a library user. */
export function databaseFromRecords(
  records: readonly ServiceRecord[],
  meta: Partial<DatabaseMeta> = {},
  location: DatabaseLocation = { kind: 'memory', path: '', reason: 'built in memory' },
): IamDatabase {
  const byPrefix = new Map(records.map((r) => [r.prefix, r]));
  const fullMeta: DatabaseMeta = {
    schemaVersion: meta.schemaVersion ?? '1',
    overridesApplied: meta.overridesApplied ?? [],
    counts: meta.counts ?? countRecords(records),
    ...meta,
  };
  return new LazyDatabase(
    fullMeta,
    location,
    records.map((r) => ({ prefix: r.prefix, name: r.name, authorizationUrl: r.authorizationUrl })),
    (prefix) => byPrefix.get(prefix) as ServiceRecord,
  );
}
