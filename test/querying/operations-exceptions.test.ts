// The reviewed exceptions file: every name in it exists in the bundled database, and a malformed file is
// refused with one line naming the file and the key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/database/index.js';
import {
  bundledOperationExceptions,
  loadOperationExceptions,
  parseOperationExceptions,
} from '../../src/querying/operations-exceptions.js';
import { OperationMap } from '../../src/querying/operations.js';
import { UserError } from '../../src/util/errors.js';
import { ROOT } from '../support/paths.js';

const db = openDatabase(join(ROOT, 'data', 'db'));
const bundled = bundledOperationExceptions();

test('every action of the bundled exceptions exists in the bundled database, spelled as it spells it', () => {
  let count = 0;
  for (const [prefix, ops] of bundled.operations) {
    assert.ok(db.hasService(prefix), `operations.${prefix}: no such service`);
    for (const e of ops.values()) {
      for (const full of e.actions) {
        count++;
        const [p, name] = full.split(':');
        const action = db.service(p)?.action(name);
        assert.ok(action, `operations.${prefix}.${e.operation}: ${full} is not in the database`);
        assert.equal(
          full,
          `${p}:${action.name}`,
          `operations.${prefix}.${e.operation}: spell it ${action.name}`,
        );
      }
    }
  }
  assert.ok(count >= 40, String(count));
});

test('every bundled exception is in the map, as the file says', () => {
  const map = new OperationMap(db);
  for (const [prefix, ops] of bundled.operations) {
    for (const e of ops.values()) {
      const entry = map.lookup(prefix, e.operation);
      assert.equal(entry?.source, 'exception', `${prefix} ${e.operation}`);
      assert.deepEqual(entry?.actions, e.actions);
      assert.equal(entry?.reason, e.reason);
    }
  }
});

test('every bundled exception changes what the links and names alone would give, or adds to them', () => {
  const none = new OperationMap(db, { exceptions: parseOperationExceptions('', 'empty.yml') });
  const redundant: string[] = [];
  for (const [prefix, ops] of bundled.operations) {
    for (const e of ops.values()) {
      const without = none.lookup(prefix, e.operation);
      if (without && JSON.stringify(without.actions) === JSON.stringify(e.actions)) {
        redundant.push(`${prefix} ${e.operation} (${without.source})`);
      }
    }
  }
  // The example stays on purpose: it guards the most common S3 call against a change of link.
  assert.deepEqual(redundant, ['s3 ListObjectsV2 (api-link)']);
});

test('every event source and SDK name maps to a service of the bundled database', () => {
  for (const [section, entries] of [
    ['event-sources', bundled.eventSources],
    ['sdk-names', bundled.sdkNames],
  ] as const) {
    assert.ok(entries.size > 0, section);
    for (const e of entries.values()) {
      assert.ok(db.hasService(e.service), `${section}.${e.name}: no service '${e.service}'`);
      assert.ok(e.reason.length > 10, `${section}.${e.name}: give a reason`);
    }
  }
});

test('SDK names listed are ones the plain rule (prefix without hyphens) gets wrong', () => {
  const prefixes = new Map(db.listServices().map((s) => [s.prefix.replace(/-/g, ''), s.prefix]));
  for (const e of bundled.sdkNames.values()) {
    const plain = prefixes.get(e.name.toLowerCase().replace(/[^a-z0-9]/g, ''));
    assert.notEqual(plain, e.service, `sdk-names.${e.name} is not needed: the plain rule gives ${plain}`);
  }
});

function refused(text: string): string {
  try {
    parseOperationExceptions(text, 'my.yml');
  } catch (e) {
    assert.ok(e instanceof UserError, String(e));
    assert.doesNotMatch(e.message, /\n/);
    return e.message;
  }
  return 'accepted';
}

test('a malformed file is refused with the file and the key', () => {
  assert.equal(refused(''), 'accepted');
  assert.match(refused('operations: ['), /^my\.yml: not valid YAML: /);
  assert.equal(
    refused('services: {}'),
    "my.yml: unknown key 'services' (allowed: event-sources, sdk-names, operations, operation-verbs)",
  );
  assert.equal(
    refused('operations: {s3: {HeadObject: {actions: [s3:GetObject]}}}'),
    'my.yml: operations.s3.HeadObject.reason: expected a non-empty string',
  );
  assert.equal(
    refused('operations: {s3: {HeadObject: {actions: [GetObject], reason: r}}}'),
    "my.yml: operations.s3.HeadObject.actions: 'GetObject' is not prefix:Action",
  );
  assert.equal(
    refused('operations: {s3: {HeadObject: {actions: [], reason: r}}}'),
    'my.yml: operations.s3.HeadObject.actions: expected a non-empty list of prefix:Action',
  );
  assert.equal(
    refused('operations: {s3: {Head-Object: {actions: [s3:GetObject], reason: r}}}'),
    'my.yml: operations.s3.Head-Object: an operation name is letters and digits',
  );
  assert.equal(
    refused(
      'operations: {s3: {HeadObject: {actions: [s3:GetObject], reason: r}, headobject: {actions: [s3:GetObject], reason: r}}}',
    ),
    'my.yml: operations.s3.headobject: listed twice',
  );
  assert.equal(
    refused('event-sources: {monitoring.amazonaws.com: {service: Cloud Watch, reason: r}}'),
    "my.yml: event-sources.monitoring.amazonaws.com.service: 'cloud watch' is not a service prefix",
  );
  assert.equal(
    refused('sdk-names: {CloudWatchLogs: logs}'),
    'my.yml: sdk-names.CloudWatchLogs: expected a mapping with service and reason',
  );
  assert.equal(
    refused('[1, 2]'),
    'my.yml: (top level): expected a mapping with event-sources, sdk-names, operations and operation-verbs',
  );
});

test('a file that cannot be read is one line naming it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opmap-'));
  assert.throws(
    () => loadOperationExceptions(join(dir, 'missing.yml')),
    (e: unknown) => e instanceof UserError && /^cannot read .*missing\.yml: /.test(e.message),
  );
  const file = join(dir, 'ok.yml');
  writeFileSync(file, 'operations: {s3: {HeadObject: {actions: [s3:GetObject], reason: r}}}\n');
  assert.equal(
    loadOperationExceptions(file).operations.get('s3')?.get('headobject')?.operation,
    'HeadObject',
  );
});

test('every verb rule names an action of the bundled database', () => {
  assert.ok(bundled.verbs.size > 0);
  for (const [prefix, rule] of bundled.verbs) {
    assert.ok(db.hasService(prefix), `operation-verbs.${prefix}: no such service`);
    for (const [verb, full] of rule.verbs) {
      const [p, name] = full.split(':');
      assert.ok(
        db.service(p)?.action(name),
        `operation-verbs.${prefix}.${verb}: ${full} is not in the database`,
      );
    }
  }
});

test('a malformed verb rule is refused', () => {
  assert.equal(
    refused('operation-verbs: {apigateway: {verbs: {get: apigateway:GET}, reason: r}}'),
    'my.yml: operation-verbs.apigateway.verbs.get: a verb is one capitalised word (Get, Create)',
  );
  assert.equal(
    refused('operation-verbs: {apigateway: {verbs: {Get: GET}, reason: r}}'),
    "my.yml: operation-verbs.apigateway.verbs.Get: 'GET' is not prefix:Action",
  );
  assert.equal(
    refused('operation-verbs: {apigateway: {verbs: {Get: apigateway:GET}}}'),
    'my.yml: operation-verbs.apigateway.reason: expected a non-empty string',
  );
});
