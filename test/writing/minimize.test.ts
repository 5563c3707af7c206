import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { droppedActions, minimizeActions, minimizeActionsDetailed } from '../../src/writing/minimize.js';
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

test('a wanted action that is the prefix found for another is written bare, dropping the other (parity)', () => {
  // At 9 characters, 'store:getobject' is the first prefix of GetObjectAcl that only wanted actions start
  // with, and it is wanted itself: policy_sentry writes it without '*', so GetObjectAcl is matched no more.
  const db = fixtureDb();
  const want = ['store:GetObject', 'store:GetObjectAcl'];
  assert.deepEqual(minimizeActionsDetailed(db, want, { minChars: 9 }), {
    actions: ['store:getobject'],
    dropped: ['store:getobjectacl'],
  });
  // At 4 characters the prefix is no action: nothing dropped.
  assert.deepEqual(minimizeActionsDetailed(db, want, { minChars: 4 }), {
    actions: ['store:geto*'],
    dropped: [],
  });
});

test('keepEvery names the dropped actions again, so the result matches exactly what was asked', () => {
  const db = fixtureDb();
  const want = ['store:GetObject', 'store:GetObjectAcl'];
  assert.deepEqual(minimizeActionsDetailed(db, want, { minChars: 9, keepEvery: true }), {
    actions: ['store:getobject', 'store:getobjectacl'],
    dropped: ['store:getobjectacl'],
  });
  // Nothing dropped: keepEvery changes nothing.
  assert.deepEqual(minimizeActions(db, want, { minChars: 4, keepEvery: true }), ['store:geto*']);
});

test('droppedActions: what a list matched that the other no longer does, wildcards expanded', () => {
  const db = fixtureDb();
  assert.deepEqual(droppedActions(db, ['store:GetObject', 'store:GetObjectAcl'], ['store:getobject']), [
    'store:getobjectacl',
  ]);
  assert.deepEqual(droppedActions(db, ['store:getobject*'], ['store:getobject']), ['store:getobjectacl']);
  assert.deepEqual(droppedActions(db, ['store:GetObjectAcl'], ['store:geto*']), []);
  assert.deepEqual(droppedActions(db, ['store:GetObjectAcl'], ['store:get?bjecta?l']), []);
  // Names the database does not have match nothing, so nothing is lost with them.
  assert.deepEqual(droppedActions(db, ['store:Nope', 'other:Thing'], []), []);
});

test('patterns other than a trailing * are kept as given: shortening them could widen them', () => {
  const db = fixtureDb();
  // 'store:get?' would be safe as a literal prefix (no action starts with '?'), but as a pattern
  // 'store:get?*' would match every Get action.
  assert.deepEqual(minimizeActions(db, ['store:get?bject']), ['store:get?bject']);
  assert.deepEqual(minimizeActions(db, ['*:getobject', '*']), ['*', '*:getobject']);
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
