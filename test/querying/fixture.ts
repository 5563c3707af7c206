/**
 * A two-service database written by hand for the query tests. `shop` is shaped like a real page: resource
 * types with their own condition keys, action-level condition keys on the row without a resource type,
 * dependent actions on one row only, an action citing a resource type its table lacks (`Receipt`), and
 * actions that take no resource type.
 */
import {
  databaseFromRecords,
  LazyDatabase,
  type IamDatabase,
  type ServiceRecord,
} from '../../src/database/index.js';

const row = (
  resourceType: string,
  conditionKeys: string[] = [],
  dependentActions: string[] = [],
  required = resourceType !== '',
) => ({
  resourceType,
  required,
  conditionKeys,
  dependentActions,
});

export const shop: ServiceRecord = {
  prefix: 'shop',
  name: 'Example Shop',
  authorizationUrl: 'https://example.invalid/list_shop.html',
  actions: [
    {
      name: 'GetOrder',
      description: 'Grants permission to read an order',
      accessLevel: 'Read',
      apiDocumentationLink: 'https://example.invalid/GetOrder',
      resourceTypes: [row('order'), row('', ['shop:Channel'])],
    },
    {
      name: 'CreateOrder',
      description: 'Grants permission to place an order',
      accessLevel: 'Write',
      apiDocumentationLink: 'https://example.invalid/CreateOrder',
      resourceTypes: [
        row('order', [], ['shop:GetCart', 'pay:Authorize']),
        row('cart', [], ['pay:Authorize']),
        row('', ['aws:RequestTag/${TagKey}', 'shop:Channel']),
      ],
    },
    {
      name: 'ListOrders',
      description: 'Grants permission to list orders',
      accessLevel: 'List',
      apiDocumentationLink: '',
      resourceTypes: [row('')],
    },
    {
      name: 'TagOrder',
      description: 'Grants permission to tag an order',
      accessLevel: 'Tagging',
      apiDocumentationLink: '',
      resourceTypes: [row('order'), row('', ['aws:RequestTag/${TagKey}', 'aws:TagKeys'])],
    },
    {
      name: 'GetCart',
      description: 'Grants permission to read a cart',
      accessLevel: 'Read',
      apiDocumentationLink: '',
      resourceTypes: [row('cart')],
    },
    {
      name: 'PrintReceipt',
      description: 'Grants permission to print a receipt',
      accessLevel: 'Read',
      apiDocumentationLink: '',
      resourceTypes: [row('Receipt')],
    },
    {
      name: 'PutShopPolicy',
      description: 'Grants permission to set the shop policy',
      accessLevel: 'Permissions management',
      apiDocumentationLink: '',
      resourceTypes: [],
    },
  ],
  resourceTypes: [
    {
      name: 'order',
      arn: 'arn:${Partition}:shop:${Region}:${Account}:order/${OrderId}',
      conditionKeys: ['aws:ResourceTag/${TagKey}', 'shop:Channel'],
    },
    { name: 'cart', arn: 'arn:${Partition}:shop:${Region}:${Account}:cart/${CartId}', conditionKeys: [] },
  ],
  conditionKeys: [
    { name: 'aws:RequestTag/${TagKey}', description: 'Filters by tags in the request', type: 'String' },
    { name: 'aws:ResourceTag/${TagKey}', description: 'Filters by tags of the resource', type: 'String' },
    { name: 'aws:TagKeys', description: 'Filters by tag keys in the request', type: 'ArrayOfString' },
    { name: 'shop:Channel', description: 'Filters by sales channel', type: 'String' },
    { name: 'shop:Unused', description: 'Documented, cited by no action', type: 'Bool' },
  ],
};

export const pay: ServiceRecord = {
  prefix: 'pay',
  name: 'Example Payments',
  authorizationUrl: 'https://example.invalid/list_pay.html',
  actions: [
    {
      name: 'Authorize',
      description: 'Grants permission to authorize a payment',
      accessLevel: 'Write',
      apiDocumentationLink: '',
      resourceTypes: [row('')],
    },
    {
      name: 'GetPayment',
      description: 'Grants permission to read a payment',
      accessLevel: 'Read',
      apiDocumentationLink: '',
      resourceTypes: [row('payment', ['pay:Currency'])],
    },
  ],
  resourceTypes: [{ name: 'payment', arn: 'arn:${Partition}:pay:::payment/${PaymentId}', conditionKeys: [] }],
  conditionKeys: [{ name: 'pay:Currency', description: 'Filters by currency', type: 'String' }],
};

export function fixtureDb(): IamDatabase {
  return databaseFromRecords([shop, pay]);
}

/** The fixture database, recording which services it had to read. */
export function trackingDb(): { db: IamDatabase; reads: string[] } {
  const reads: string[] = [];
  const byPrefix = new Map([shop, pay].map((r) => [r.prefix, r]));
  const db = new LazyDatabase(
    {
      schemaVersion: '1',
      overridesApplied: [],
      counts: { services: 2, actions: 9, resourceTypes: 3, conditionKeys: 6 },
    },
    { kind: 'memory', path: '', reason: 'test' },
    [shop, pay].map((r) => ({ prefix: r.prefix, name: r.name, authorizationUrl: r.authorizationUrl })),
    (prefix) => {
      reads.push(prefix);
      return byPrefix.get(prefix) as ServiceRecord;
    },
  );
  return { db, reads };
}
