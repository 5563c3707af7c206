// Which source wins, on a database written by hand: the Service Reference's operations, then the reviewed
// exceptions, then API links, then action names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  databaseFromRecords,
  recordFromServiceReference,
  type ServiceRecord,
  type ServiceReferenceDocument,
} from '../../src/database/index.js';
import { OperationMap } from '../../src/querying/operations.js';
import { parseOperationExceptions } from '../../src/querying/operations-exceptions.js';
import { ROOT } from '../support/paths.js';

const link = (op: string) => `https://docs.example/API/API_${op}.html`;
const action = (name: string, apiDocumentationLink = '') => ({
  name,
  description: '',
  accessLevel: 'Read' as const,
  apiDocumentationLink,
  resourceTypes: [],
});

const shop: ServiceRecord = {
  prefix: 'shop',
  name: 'Example Shop',
  authorizationUrl: '',
  actions: [
    action('GetOrder', link('GetOrder')),
    action('ReadOrders', link('ListOrders')), // linked under another name
    action('PlaceOrder', link('CreateOrder')),
    action('ChargeCard', link('CreateOrder')), // a second action on CreateOrder: neither named like it
    action('Ship'), // no link
    action('Refund', link('RefundOrder')),
  ],
  resourceTypes: [],
  conditionKeys: [],
};

const withReference: ServiceRecord = {
  ...shop,
  prefix: 'shopsr',
  operations: [
    { name: 'GetOrder', actions: ['shopsr:ReadOrders', 'IAM:passrole'] }, // beats the API link
    { name: 'ListOrders', actions: [] }, // no actions listed: the next source decides
  ],
  actions: shop.actions.map((a) => ({ ...a })),
};

const iam: ServiceRecord = {
  prefix: 'iam',
  name: 'IAM',
  authorizationUrl: '',
  actions: [action('PassRole')],
  resourceTypes: [],
  conditionKeys: [],
};

const exceptions = parseOperationExceptions(
  `
event-sources:
  store.example.com:
    service: shop
    reason: test
sdk-names:
  ShopClient:
    service: shop
    reason: test
  Gone:
    service: nosuch
    reason: a service this database lacks
operations:
  shop:
    CreateOrder:
      actions: [shop:PlaceOrder, shop:ChargeCard]
      reason: an order is placed and charged
    Refund:
      actions: [shop:Ship]
      reason: overrides the action's own name
    Vanish:
      actions: [shop:NoSuchAction]
      reason: names an action the database lacks
  shopsr:
    GetOrder:
      actions: [shopsr:GetOrder]
      reason: loses to the Service Reference
`,
  'test-exceptions.yml',
);

const db = databaseFromRecords([shop, withReference, iam]);
const map = new OperationMap(db, { exceptions });

test('API link, then action name', () => {
  assert.deepEqual(map.lookup('shop', 'GetOrder'), {
    service: 'shop',
    operation: 'GetOrder',
    actions: ['shop:GetOrder'],
    source: 'api-link',
  });
  assert.deepEqual(map.lookup('shop', 'ListOrders')?.actions, ['shop:ReadOrders']);
  assert.equal(map.lookup('shop', 'ListOrders')?.source, 'api-link');
  assert.deepEqual(map.lookup('shop', 'Ship'), {
    service: 'shop',
    operation: 'Ship',
    actions: ['shop:Ship'],
    source: 'action-name',
  });
  // The action linked under another name is also reachable by its own.
  assert.equal(map.lookup('shop', 'ReadOrders')?.source, 'action-name');
});

test('a reviewed exception beats links and names, and carries its reason', () => {
  assert.deepEqual(map.lookup('shop', 'CreateOrder'), {
    service: 'shop',
    operation: 'CreateOrder',
    actions: ['shop:PlaceOrder', 'shop:ChargeCard'],
    source: 'exception',
    reason: 'an order is placed and charged',
  });
  assert.deepEqual(map.lookup('shop', 'refund')?.actions, ['shop:Ship']);
  // Not left as ambiguous: the exception decided it.
  assert.deepEqual(map.ambiguous('shop'), []);
});

test('an exception naming an action the database lacks is dropped, not invented', () => {
  assert.equal(map.lookup('shop', 'Vanish'), undefined);
});

test("the Service Reference's operations win; one without actions falls through", () => {
  assert.deepEqual(map.lookup('shopsr', 'GetOrder'), {
    service: 'shopsr',
    operation: 'GetOrder',
    actions: ['shopsr:ReadOrders', 'iam:PassRole'], // other services' actions, in the database's spelling
    source: 'service-reference',
  });
  assert.equal(map.lookup('shopsr', 'ListOrders')?.source, 'api-link');
});

test('without the exception, two actions on one operation leave it undecided', () => {
  const bare = new OperationMap(db, {
    exceptions: parseOperationExceptions('', 'empty.yml'),
  });
  assert.equal(bare.lookup('shop', 'CreateOrder'), undefined);
  assert.deepEqual(bare.ambiguous('shop'), [
    { service: 'shop', operation: 'CreateOrder', candidates: ['shop:PlaceOrder', 'shop:ChargeCard'] },
  ]);
  assert.equal(bare.serviceForEventSource('store.example.com'), undefined);
});

test('event sources and SDK names from the exceptions, only when the database has the service', () => {
  assert.equal(map.serviceForEventSource('store.example.com'), 'shop');
  assert.equal(map.serviceForEventSource('shop.amazonaws.com'), 'shop');
  assert.equal(map.serviceForSdkName('ShopClient'), 'shop');
  assert.equal(map.serviceForSdkName('Shop'), 'shop');
  assert.equal(map.serviceForSdkName('Gone'), undefined);
});

test('services are read when first asked about', () => {
  const reads: string[] = [];
  const tracked = databaseFromRecords([shop, withReference, iam]);
  const service = tracked.service.bind(tracked);
  tracked.service = (prefix: string) => {
    reads.push(prefix.toLowerCase());
    return service(prefix);
  };
  const m = new OperationMap(tracked, { exceptions });
  m.lookup('shop', 'GetOrder');
  m.lookup('shop', 'Ship');
  assert.ok(!reads.includes('shopsr'), reads.join());
});

test('called wrongly from JavaScript: a UserError naming the function and the argument', () => {
  const loose = OperationMap as unknown as new (...args: unknown[]) => OperationMap;
  assert.throws(() => new loose(null), /^UserError: OperationMap: db must be a database/);
  assert.throws(() => new loose(db, 'strict'), /^UserError: OperationMap: options must be an options object/);
  assert.throws(
    () => new loose(db, { exceptions: { operations: {} } }),
    /^UserError: OperationMap: options\.exceptions must be exceptions from loadOperationExceptions/,
  );
});

test('a record built from a Service Reference document (the fixture of the update tests)', () => {
  const doc = JSON.parse(
    readFileSync(join(ROOT, 'test', 'fixtures', 'update', 'service-reference', 'launchwizard.json'), 'utf8'),
  ) as ServiceReferenceDocument;
  const record = recordFromServiceReference(doc, 'https://example.invalid/launchwizard.json');
  const sr = databaseFromRecords([record, iam]);
  const m = new OperationMap(sr, { exceptions: parseOperationExceptions('', 'empty.yml') });
  // The document lists CreateDeployment with two authorized actions, one of another service.
  assert.deepEqual(m.lookup('launchwizard', 'createdeployment'), {
    service: 'launchwizard',
    operation: 'CreateDeployment',
    actions: ['launchwizard:CreateDeployment', 'iam:PassRole'],
    source: 'service-reference',
  });
  // ListDeployments is listed without actions, and no action of the document bears its name.
  assert.equal(m.lookup('launchwizard', 'ListDeployments'), undefined);
  // An action the operations leave out is still reachable by its name.
  assert.equal(m.lookup('launchwizard', 'DeleteApp')?.source, 'action-name');
});
