import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimizeActions } from '../../src/writing/minimize.js';
import { openDatabase } from '../../src/database/store.js';
import { CONFORMANCE, KIT_DB } from '../support/paths.js';
import { fixtureDb } from './fixture-db.js';

// The fixture's store actions: GetBucket, GetObject, GetObjectAcl, PutObject, DeleteBucket, ListBuckets,
// ListAllThings, TagThing.

test('the shortest prefix that no unwanted action starts with, lower case, sorted, without repeats', () => {
  const db = fixtureDb();
  assert.deepEqual(minimizeActions(db, ['store:GetObject', 'store:GetObjectAcl']), ['store:geto*']);
  assert.deepEqual(minimizeActions(db, ['store:PutObject', 'store:GetBucket']), ['store:getb*', 'store:p*']);
  assert.deepEqual(minimizeActions(db, ['store:ListBuckets', 'store:ListAllThings']), ['store:l*']);
});

test('an action that starts another, unwanted action stays whole', () => {
  assert.deepEqual(minimizeActions(fixtureDb(), ['store:GetObject']), ['store:getobject']);
});

test('minChars keeps at least that many characters before the *', () => {
  const db = fixtureDb();
  assert.deepEqual(minimizeActions(db, ['store:PutObject'], { minChars: 4 }), ['store:puto*']);
  // a name shorter than minChars cannot be shortened
  assert.deepEqual(minimizeActions(db, ['store:PutObject'], { minChars: 40 }), ['store:putobject']);
  assert.deepEqual(minimizeActions(db, ['store:PutObject'], { minChars: null }), ['store:p*']);
});

test('actions of unknown services are shortened as far as possible (nothing to collide with)', () => {
  assert.deepEqual(minimizeActions(fixtureDb(), ['other:DoThing']), ['other:d*']);
});

test('wildcards from an earlier pass survive a second pass', () => {
  const db = fixtureDb();
  const once = minimizeActions(db, ['store:GetObject', 'store:GetObjectAcl', 'store:GetBucket']);
  assert.deepEqual(once, ['store:g*']);
  assert.deepEqual(minimizeActions(db, once), once);
});

const LIBRARY = join(CONFORMANCE, 'library', 'minimize.json');

test(
  'policy_sentry minimize answers (kit library)',
  { skip: !existsSync(LIBRARY) && 'kit library absent' },
  () => {
    const db = openDatabase(KIT_DB);
    const cases = JSON.parse(readFileSync(LIBRARY, 'utf8')) as {
      desired: string[];
      minchars: number | null;
      result: string[];
    }[];
    assert.equal(cases.length, 60);
    for (const c of cases)
      assert.deepEqual(
        minimizeActions(db, c.desired, { minChars: c.minchars }),
        c.result,
        c.desired.join(' '),
      );
  },
);
