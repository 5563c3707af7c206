/**
 * The downloaded pages, kept under $IAMWRIGHT_HOME/pages with the validators (ETag, Last-Modified) AWS sent,
 * so that the next update asks "changed since?" and gets a 304 for every page that did not change.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Validators } from './http.js';

/** The validators file beside the pages. */
export const CACHE_STATE_FILE = 'cache-state.json';

interface CacheState {
  /** The base URL the pages came from: pages from another mirror are not revalidated against it. */
  baseUrl: string;
  pages: Record<string, Validators>;
  /** The documents the index listed at the last commit, in its order. */
  listed?: string[];
  /** The database version last built from exactly these pages, and their names. */
  built?: { version: string; pages: string[]; inputs: string };
}

export class PageCache {
  private state: CacheState;

  constructor(
    readonly dir: string,
    baseUrl: string,
  ) {
    let state: CacheState = { baseUrl, pages: {} };
    try {
      const read = JSON.parse(readFileSync(join(dir, CACHE_STATE_FILE), 'utf8')) as CacheState;
      if (read.baseUrl === baseUrl && read.pages && typeof read.pages === 'object') state = read;
    } catch {
      // No or unreadable state: every page is fetched unconditionally, which is always correct.
    }
    this.state = state;
  }

  /** The base URL the pages held under `dir` came from, when the cache says. */
  static recordedBaseUrl(dir: string): string | undefined {
    try {
      const read = JSON.parse(readFileSync(join(dir, CACHE_STATE_FILE), 'utf8')) as Partial<CacheState>;
      return typeof read.baseUrl === 'string' ? read.baseUrl : undefined;
    } catch {
      return undefined;
    }
  }

  /** Validators for a page we hold a copy of; none when the copy is missing. */
  validators(name: string): Validators | undefined {
    const v = this.state.pages[name];
    return v && existsSync(join(this.dir, name)) ? v : undefined;
  }

  /** Names of the pages the index listed last time and that we hold, for a build without network. */
  names(): string[] {
    return (this.state.listed ?? Object.keys(this.state.pages)).filter((n) => this.has(n)).sort();
  }

  /** New validators for the copy we hold (its content was confirmed unchanged). */
  setValidators(name: string, validators: Validators): void {
    this.state.pages[name] = validators;
  }

  /** Records what the index lists now, and forgets (and deletes) pages it no longer lists. */
  retain(listed: readonly string[]): void {
    const keep = new Set(listed);
    this.state.listed = [...listed];
    for (const name of Object.keys(this.state.pages)) {
      if (keep.has(name)) continue;
      delete this.state.pages[name];
      rmSync(join(this.dir, name), { force: true });
    }
  }

  /**
   * Whether database `version` was built from exactly the pages `names`, as they are held now, with the same
   * other inputs (`inputs`: a fingerprint of the overrides applied).
   */
  builtFrom(version: string, names: readonly string[], inputs: string): boolean {
    const b = this.state.built;
    return (
      b !== undefined &&
      b.version === version &&
      b.inputs === inputs &&
      [...names].sort().join('\n') === b.pages.join('\n')
    );
  }

  markBuilt(version: string, names: readonly string[], inputs: string): void {
    this.state.built = { version, pages: [...names].sort(), inputs };
  }

  read(name: string): string {
    return readFileSync(join(this.dir, name), 'utf8');
  }

  has(name: string): boolean {
    return existsSync(join(this.dir, name));
  }

  /** Stores a page (write beside, then rename: a killed update never leaves half a page). */
  write(name: string, body: string, validators: Validators): void {
    mkdirSync(this.dir, { recursive: true });
    const tmp = join(this.dir, `.${name}.tmp-${process.pid}`);
    writeFileSync(tmp, body);
    renameSync(tmp, join(this.dir, name));
    this.state.pages[name] = validators;
    delete this.state.built;
  }

  /** Persists the validators; called after the downloads, so a crash only costs re-downloads. */
  save(): void {
    mkdirSync(this.dir, { recursive: true });
    const tmp = join(this.dir, `.${CACHE_STATE_FILE}.tmp-${process.pid}`);
    writeFileSync(tmp, JSON.stringify(this.state, null, 1));
    renameSync(tmp, join(this.dir, CACHE_STATE_FILE));
  }
}
