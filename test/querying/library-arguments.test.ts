// The querying layer's public functions called wrongly from JavaScript: a UserError naming the function and
// the argument, never a TypeError from inside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as q from '../../src/querying/index.js';
import { UserError } from '../../src/util/errors.js';
import { fixtureDb } from './fixture.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- these calls break the types on purpose
type Loose = any;
const db = fixtureDb();
const Q = q as Loose;

function rejects(call: () => unknown, message: RegExp): void {
  assert.throws(call, (e: unknown) => {
    assert.ok(e instanceof UserError, `not a UserError: ${String(e)}`);
    assert.match(e.message, message);
    return true;
  });
}

test('each query function names itself and the bad argument', () => {
  const cases: [string, unknown[], RegExp][] = [
    ['actionData', [db, null, null], /^actionData: service must be a string, not null$/],
    ['actionData', [db, 'shop', 7], /^actionData: actionName must be a string, not a number \(7\)$/],
    [
      'expandActions',
      [db, null],
      /^expandActions: patterns must be a string or a list of strings, not null$/,
    ],
    ['expandActions', [db, ['shop:*', 3]], /^expandActions: patterns\[1\] must be a string, not a number/],
    [
      'expandActionPattern',
      [db, undefined],
      /^expandActionPattern: pattern must be a string, not undefined$/,
    ],
    [
      'complementActions',
      [db, 'shop:Get*', { scope: 'everything' }],
      /^complementActions: options\.scope must be/,
    ],
    ['complementActions', [db, 'shop:Get*', null], /^complementActions: options must be an options object/],
    ['actionMatches', [null, 'shop:GetOrder'], /^actionMatches: pattern must be a string, not null$/],
    ['findActions', [db, null], /^findActions: service must be a string, not null$/],
    ['findActions', [db, 'shop', { accessLevel: 1 }], /^findActions: filter\.accessLevel must be a string/],
    ['findActions', [db, 'shop', 'read'], /^findActions: filter must be an options object/],
    [
      'actionsWithAccessLevel',
      [db, 'shop', null],
      /^actionsWithAccessLevel: accessLevel must be a string, not null$/,
    ],
    ['actionsWithResourceType', [db, 'shop', undefined], /^actionsWithResourceType: resourceType must be/],
    [
      'actionsMatchingConditionKey',
      [db, 'shop', {}],
      /^actionsMatchingConditionKey: conditionKey must be a string, not an object$/,
    ],
    [
      'wildcardOnlyActions',
      [db, 'shop', 3],
      /^wildcardOnlyActions: accessLevel must be a string \(or left out\)/,
    ],
    ['arnFormatsForService', [db, null], /^arnFormatsForService: service must be a string/],
    ['resourceTypeDetails', [db, 'shop', null], /^resourceTypeDetails: resourceType must be a string/],
    ['conditionKeyDetails', [db, 'shop', null], /^conditionKeyDetails: key must be a string/],
    ['dependentActions', [db, [null]], /^dependentActions: actions\[0\] must be a string, not null$/],
    ['requireService', [db, 5], /^requireService: prefix must be a string/],
    ['requireAction', [null, 'GetOrder'], /^requireAction: svc must be a service/],
    ['parseAccessLevel', [null], /^parseAccessLevel: text must be a string, not null$/],
    [
      'serviceList',
      [null],
      /^serviceList: db must be a database \(from openDatabase or selectDatabase\), not null$/,
    ],
    ['servicePrefixes', [{}], /^servicePrefixes: db must be a database/],
    ['isAllServices', [db, null], /^isAllServices: service must be a string/],
  ];
  for (const [fn, args, message] of cases) rejects(() => Q[fn](...args), message);
});

test('the same functions still answer good calls', () => {
  assert.ok(q.actionData(db, 'shop', 'GetOrder').shop.length > 0);
  assert.ok(q.expandActions(db, 'shop:Get*').actions.length > 0);
  assert.ok(q.complementActions(db, ['shop:Get*'], { scope: 'named-services' }).actions.length > 0);
  assert.ok(q.wildcardOnlyActions(db, 'shop').length > 0);
  assert.equal(q.actionMatches('shop:get*', 'shop:GetOrder'), true);
});
