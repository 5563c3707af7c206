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
  /**
   * The names of a service's actions in the page's order, read more cheaply than the whole service where
   * the store allows; undefined for an unknown service. Optional for other implementations: callers fall
   * back to `service(prefix).actions`.
   */
  actionNames?(prefix: string): readonly string[] | undefined;
}

/** Reads one service record by its exact (lower-case) prefix. */
export type ServiceReader = (prefix: string) => ServiceRecord;

/** Reads a service's action names by its exact prefix; undefined when only the whole record can tell. */
export type ActionNameReader = (prefix: string) => string[] | undefined;

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
    private readonly readNames?: ActionNameReader,
  ) {
    // Listed by prefix. An index (encodeIndex) is sorted already: only a list given out of order is copied
    // and sorted. Of prefixes that differ only in case, the last in sorted order answers a lookup.
    let sorted = true;
    for (let i = 1; i < summaries.length && sorted; i++)
      sorted = summaries[i - 1].prefix < summaries[i].prefix;
    this.summaries = sorted
      ? summaries
      : [...summaries].sort((a, b) => (a.prefix < b.prefix ? -1 : a.prefix > b.prefix ? 1 : 0));
    for (let i = 0; i < this.summaries.length; i++) {
      this.byLower.set(this.summaries[i].prefix.toLowerCase(), this.summaries[i]);
    }
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

  actionNames(prefix: string): readonly string[] | undefined {
    const summary = this.byLower.get(prefix.toLowerCase());
    if (!summary) return undefined;
    const loaded = this.loaded.get(summary.prefix);
    if (loaded) return loaded.actions.map((a) => a.name);
    return this.readNames?.(summary.prefix) ?? this.service(summary.prefix)?.actions.map((a) => a.name);
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
