/** `db export --format sqlite`: the database as one SQLite file, written with sql.js (WASM, no native addon). */
import { createRequire } from 'node:module';
import type { IamDatabase } from '../database.js';
import { SQLITE_SCHEMA, SQLITE_SCHEMA_VERSION } from './sqlite-schema.js';

/** Builds the SQLite image of `db` (see docs/database-schema.md). */
export async function exportSqlite(db: IamDatabase): Promise<Uint8Array> {
  const require = createRequire(import.meta.url);
  const initSqlJs = require('sql.js') as typeof import('sql.js');
  const SQL = await initSqlJs();
  const sql = new SQL.Database();
  try {
    sql.run('PRAGMA foreign_keys = ON;');
    sql.run(SQLITE_SCHEMA);
    sql.run('BEGIN');
    const meta = sql.prepare('INSERT INTO meta VALUES (?, ?)');
    const m = db.meta;
    const metaRows: [string, string][] = [
      ['sqlite_schema_version', String(SQLITE_SCHEMA_VERSION)],
      ['schema_version', m.schemaVersion],
      ['build_date', m.buildDate ?? ''],
      ['built_from', m.builtFrom ?? ''],
      ['overrides_file', m.overridesFile ?? ''],
      ['overrides_applied', JSON.stringify(m.overridesApplied)],
    ];
    for (const row of metaRows) meta.run(row);
    meta.free();
    const svc = sql.prepare('INSERT INTO services VALUES (?, ?, ?)');
    const act = sql.prepare('INSERT INTO actions VALUES (?, ?, ?, ?, ?, ?)');
    const art = sql.prepare('INSERT INTO action_resource_types VALUES (?, ?, ?, ?, ?)');
    const ack = sql.prepare('INSERT OR IGNORE INTO action_condition_keys VALUES (?, ?, ?, ?, ?)');
    const dep = sql.prepare('INSERT OR IGNORE INTO dependent_actions VALUES (?, ?, ?, ?, ?)');
    const rt = sql.prepare('INSERT INTO resource_types VALUES (?, ?, ?, ?)');
    const rtk = sql.prepare('INSERT OR IGNORE INTO resource_type_condition_keys VALUES (?, ?, ?, ?)');
    const ck = sql.prepare('INSERT INTO condition_keys VALUES (?, ?, ?, ?, ?)');
    for (const service of db.allServices()) {
      const r = service.record;
      svc.run([r.prefix, r.name, r.authorizationUrl]);
      r.actions.forEach((a, i) => {
        act.run([r.prefix, a.name, i, a.description, a.accessLevel, a.apiDocumentationLink]);
        a.resourceTypes.forEach((t, k) => {
          art.run([r.prefix, a.name, k, t.resourceType, t.required ? 1 : 0]);
          t.conditionKeys.forEach((c, n) => ack.run([r.prefix, a.name, t.resourceType, n, c]));
          t.dependentActions.forEach((d, n) => dep.run([r.prefix, a.name, t.resourceType, n, d]));
        });
      });
      r.resourceTypes.forEach((t, i) => {
        rt.run([r.prefix, t.name, i, t.arn]);
        t.conditionKeys.forEach((c, n) => rtk.run([r.prefix, t.name, n, c]));
      });
      r.conditionKeys.forEach((c, i) => ck.run([r.prefix, c.name, i, c.description, c.type]));
    }
    for (const s of [svc, act, art, ack, dep, rt, rtk, ck]) s.free();
    sql.run('COMMIT');
    return sql.export();
  } finally {
    sql.close();
  }
}
