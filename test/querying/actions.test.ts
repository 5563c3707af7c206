import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  actionsForService,
  actionsMatchingConditionKey,
  actionsWithAccessLevel,
  actionsWithResourceType,
  actionsWithResourceTypeAndAccessLevel,
  findActions,
  serviceList,
  wildcardOnlyActions,
} from '../../src/querying/index.js';
import { UserError } from '../../src/util/errors.js';
import { fixtureDb, trackingDb } from './fixture.js';

const db = fixtureDb();

test('all actions of a service, in page order, whatever the case of the prefix', () => {
  const expected = [
    'shop:GetOrder',
    'shop:CreateOrder',
    'shop:ListOrders',
    'shop:TagOrder',
    'shop:GetCart',
    'shop:PrintReceipt',
    'shop:PutShopPolicy',
  ];
  assert.deepEqual(actionsForService(db, 'shop'), expected);
  assert.deepEqual(actionsForService(db, 'SHOP'), expected);
});

test('an unknown service is a UserError suggesting the close prefix', () => {
  assert.throws(
    () => actionsForService(db, 'shp'),
    (e: unknown) => e instanceof UserError && /'shop'/.test(e.message),
  );
});

test('actions at an access level, in either spelling', () => {
  assert.deepEqual(actionsWithAccessLevel(db, 'shop', 'Read'), [
    'shop:GetOrder',
    'shop:GetCart',
    'shop:PrintReceipt',
  ]);
  assert.deepEqual(actionsWithAccessLevel(db, 'shop', 'read'), [
    'shop:GetOrder',
    'shop:GetCart',
    'shop:PrintReceipt',
  ]);
  assert.deepEqual(actionsWithAccessLevel(db, 'shop', 'permissions-management'), ['shop:PutShopPolicy']);
  assert.deepEqual(actionsWithAccessLevel(db, 'shop', 'Permissions management'), ['shop:PutShopPolicy']);
  assert.deepEqual(actionsWithAccessLevel(db, 'pay', 'Tagging'), []);
  assert.throws(
    () => actionsWithAccessLevel(db, 'shop', 'delete'),
    /unknown access level 'delete'.*permissions-management/,
  );
});

test('actions on a resource type: any case, including one only the actions table cites', () => {
  assert.deepEqual(actionsWithResourceType(db, 'shop', 'order'), [
    'shop:GetOrder',
    'shop:CreateOrder',
    'shop:TagOrder',
  ]);
  assert.deepEqual(actionsWithResourceType(db, 'shop', 'ORDER'), [
    'shop:GetOrder',
    'shop:CreateOrder',
    'shop:TagOrder',
  ]);
  assert.deepEqual(actionsWithResourceType(db, 'shop', 'receipt'), ['shop:PrintReceipt']);
  assert.throws(
    () => actionsWithResourceType(db, 'shop', 'ordr'),
    /unknown resource type 'ordr' for service shop; did you mean 'order'/,
  );
});

test('resource type * means actions that take no resource type', () => {
  assert.deepEqual(actionsWithResourceType(db, 'shop', '*'), ['shop:ListOrders', 'shop:PutShopPolicy']);
  assert.deepEqual(wildcardOnlyActions(db, 'shop'), ['shop:ListOrders', 'shop:PutShopPolicy']);
  assert.deepEqual(wildcardOnlyActions(db, 'shop', 'List'), ['shop:ListOrders']);
  assert.deepEqual(wildcardOnlyActions(db, 'shop', 'Read'), []);
});

test('resource type and access level together', () => {
  assert.deepEqual(actionsWithResourceTypeAndAccessLevel(db, 'shop', 'order', 'Write'), ['shop:CreateOrder']);
  assert.deepEqual(actionsWithResourceTypeAndAccessLevel(db, 'shop', 'cart', 'read'), ['shop:GetCart']);
  assert.deepEqual(actionsWithResourceTypeAndAccessLevel(db, 'shop', '*', 'permissions-management'), [
    'shop:PutShopPolicy',
  ]);
});

test('actions supporting a condition key look at the actions table only', () => {
  // TagOrder acts on `order`, whose resource type has shop:Channel, but its own rows do not list it.
  assert.deepEqual(actionsMatchingConditionKey(db, 'shop', 'shop:Channel'), [
    'shop:GetOrder',
    'shop:CreateOrder',
  ]);
  assert.deepEqual(actionsMatchingConditionKey(db, 'shop', 'SHOP:channel'), [
    'shop:GetOrder',
    'shop:CreateOrder',
  ]);
  // A concrete tag names the documented template key.
  assert.deepEqual(actionsMatchingConditionKey(db, 'shop', 'aws:RequestTag/team'), [
    'shop:CreateOrder',
    'shop:TagOrder',
  ]);
  assert.deepEqual(actionsMatchingConditionKey(db, 'shop', 'shop:Unused'), []);
  assert.throws(
    () => actionsMatchingConditionKey(db, 'shop', 'shop:Chanel'),
    /unknown condition key 'shop:Chanel'.*'shop:Channel'/,
  );
});

test('filters combine', () => {
  assert.deepEqual(findActions(db, 'shop', { accessLevel: 'Read', conditionKey: 'shop:Channel' }), [
    'shop:GetOrder',
  ]);
  assert.deepEqual(findActions(db, 'shop', { resourceType: 'order', conditionKey: 'aws:TagKeys' }), [
    'shop:TagOrder',
  ]);
});

test('service `all` covers every service, in prefix order', () => {
  assert.deepEqual(actionsWithAccessLevel(db, 'all', 'Write'), ['pay:Authorize', 'shop:CreateOrder']);
  assert.deepEqual(wildcardOnlyActions(db, 'all'), [
    'pay:Authorize',
    'shop:ListOrders',
    'shop:PutShopPolicy',
  ]);
  // A resource type or condition key applies where a service defines it...
  assert.deepEqual(actionsWithResourceType(db, 'all', 'payment'), ['pay:GetPayment']);
  assert.deepEqual(actionsMatchingConditionKey(db, 'all', 'pay:Currency'), ['pay:GetPayment']);
  // ...and one no service defines is an error, not an empty answer.
  assert.throws(
    () => actionsWithResourceType(db, 'all', 'nothing'),
    /no service has the resource type 'nothing'/,
  );
});

test('a query reads only the services it names', () => {
  const { db: lazy, reads } = trackingDb();
  assert.equal(serviceList(lazy).length, 2);
  assert.deepEqual(reads, []);
  actionsWithAccessLevel(lazy, 'shop', 'Read');
  actionsMatchingConditionKey(lazy, 'SHOP', 'shop:Channel');
  assert.deepEqual(reads, ['shop']);
  actionsForService(lazy, 'all');
  assert.deepEqual(reads, ['shop', 'pay']);
});
