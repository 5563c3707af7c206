import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionData, dependentActions } from '../../src/querying/index.js';
import { UserError } from '../../src/util/errors.js';
import { fixtureDb } from './fixture.js';

const db = fixtureDb();
const ORDER_ARN = 'arn:${Partition}:shop:${Region}:${Account}:order/${OrderId}';
const CART_ARN = 'arn:${Partition}:shop:${Region}:${Account}:cart/${CartId}';

test('one row per resource type: its ARN format and keys, then the action-level keys; dependents gathered', () => {
  const common = {
    action: 'shop:CreateOrder',
    description: 'Grants permission to place an order',
    access_level: 'Write',
    api_documentation_link: 'https://example.invalid/CreateOrder',
    dependent_actions: ['shop:GetCart', 'pay:Authorize'],
  };
  assert.deepEqual(actionData(db, 'shop', 'CreateOrder'), {
    shop: [
      // shop:Channel is both the resource type's and the action's: listed once.
      {
        ...common,
        resource_arn_format: ORDER_ARN,
        condition_keys: ['aws:ResourceTag/${TagKey}', 'shop:Channel', 'aws:RequestTag/${TagKey}'],
      },
      {
        ...common,
        resource_arn_format: CART_ARN,
        condition_keys: ['aws:RequestTag/${TagKey}', 'shop:Channel'],
      },
      { ...common, resource_arn_format: '*', condition_keys: ['aws:RequestTag/${TagKey}', 'shop:Channel'] },
    ],
  });
});

test('names in any case give the canonical spellings', () => {
  const data = actionData(db, 'SHOP', 'createorder');
  assert.deepEqual(Object.keys(data), ['shop']);
  assert.equal(data.shop[0].action, 'shop:CreateOrder');
});

test('a resource type missing from the resource table has ARN format *', () => {
  assert.deepEqual(
    actionData(db, 'shop', 'PrintReceipt').shop.map((r) => [r.resource_arn_format, r.condition_keys]),
    [['*', []]],
  );
});

test('an action without resource type rows still gets one row', () => {
  const rows = actionData(db, 'shop', 'PutShopPolicy').shop;
  assert.equal(rows.length, 1);
  assert.equal(rows[0].resource_arn_format, '*');
  assert.equal(rows[0].access_level, 'Permissions management');
});

test('wildcards give the rows of every matching action, without regard to case', () => {
  const actions = (name: string) => actionData(db, 'shop', name).shop.map((r) => r.action);
  assert.deepEqual(actions('Get*'), ['shop:GetOrder', 'shop:GetOrder', 'shop:GetCart']);
  assert.deepEqual(actions('get*'), ['shop:GetOrder', 'shop:GetOrder', 'shop:GetCart']);
  assert.deepEqual(actions('*Order'), [
    'shop:GetOrder',
    'shop:GetOrder',
    'shop:CreateOrder',
    'shop:CreateOrder',
    'shop:CreateOrder',
    'shop:TagOrder',
    'shop:TagOrder',
  ]);
  assert.deepEqual(actionData(db, 'shop', 'Zap*'), { shop: [] });
});

test('an unknown action is a UserError suggesting close names', () => {
  assert.throws(
    () => actionData(db, 'shop', 'GetOrdr'),
    (e: unknown) =>
      e instanceof UserError && e.message === "unknown action 'shop:GetOrdr'; did you mean 'GetOrder'?",
  );
  assert.throws(() => actionData(db, 'nosuch', 'GetOrder'), UserError);
});

test('dependent actions of several actions, without repeats', () => {
  assert.deepEqual(dependentActions(db, ['shop:CreateOrder', 'shop:GetOrder']), [
    'shop:GetCart',
    'pay:Authorize',
  ]);
  assert.deepEqual(dependentActions(db, ['SHOP:createorder', 'pay:Authorize']), [
    'shop:GetCart',
    'pay:Authorize',
  ]);
  assert.deepEqual(dependentActions(db, ['shop:GetOrder']), []);
  assert.throws(
    () => dependentActions(db, ['shopCreateOrder']),
    /not an action name of the form service:Action/,
  );
  assert.throws(() => dependentActions(db, ['shop:Nope']), /unknown action 'shop:Nope'/);
});
