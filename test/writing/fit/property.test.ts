/**
 * Property tests of write-policy --fit on random policies over the bundled database: whatever the quota,
 * the fitted policies grant (or deny) exactly the actions the policy did, per effect, condition and
 * resource, both sides expanded with src/querying/expand.ts; every policy is within the quota; and when
 * nothing fits the error says why. Seeded, so a failure reproduces; IAMWRIGHT_FC_SEED / IAMWRIGHT_FC_RUNS
 * explore further.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { openDatabase } from '../../../src/database/store.js';
import { bundledDatabasePath } from '../../../src/database/select.js';
import type { IamDatabase } from '../../../src/database/database.js';
import { actionIndex } from '../../../src/querying/expand.js';
import { UserError } from '../../../src/util/errors.js';
import { policySize } from '../../../src/util/policy-size.js';
import { fitPolicy } from '../../../src/writing/fit/fit.js';
import { parseFitQuota, type FitQuota } from '../../../src/writing/fit/quota.js';
import { writePolicy } from '../../../src/writing/policy/write.js';
import type { PolicyDocument, PolicyStatement } from '../../../src/writing/types.js';
import { parseTemplate } from '../../../src/writing/template/parse.js';

const SEED = Number(process.env.IAMWRIGHT_FC_SEED ?? 20261130);
const RUNS = Number(process.env.IAMWRIGHT_FC_RUNS ?? 150);
const params = { seed: SEED, numRuns: RUNS };

let db: IamDatabase | undefined;
function database(): IamDatabase {
  db ??= openDatabase(bundledDatabasePath());
  return db;
}

/** Services with many actions sharing long prefixes, where wildcards have much to shorten. */
const SERVICES = ['s3', 'ec2', 'kms', 'iam', 'dynamodb', 'sqs', 'logs', 'lambda'];

function actionsOf(prefix: string): string[] {
  const svc = database().service(prefix);
  assert.ok(svc, prefix);
  return svc.actions.map((a) => `${svc.prefix}:${a.name}`);
}

const RESOURCES = [
  '*',
  'arn:aws:s3:::logs',
  'arn:aws:s3:::logs/*',
  'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  'arn:aws:dynamodb:eu-west-1:123456789012:table/orders',
  'arn:aws:sqs:eu-west-1:123456789012:ingest',
  'arn:aws-cn:logs:cn-north-1:123456789012:log-group:/pipeline/*',
  'arn:aws:iam::123456789012:role/deployer',
];
const CONDITIONS = [undefined, { Bool: { 'aws:SecureTransport': 'true' } }];

/** An action entry: a name, a name in other case, a wildcard of the service, or one the database lacks. */
function entry(prefix: string): fc.Arbitrary<string> {
  const names = actionsOf(prefix);
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.constantFrom(...names).map((n) => n.toLowerCase()) },
    { weight: 1, arbitrary: fc.constantFrom(`${prefix}:Get*`, `${prefix}:*Tag*`, `${prefix}:List?*`) },
    { weight: 1, arbitrary: fc.constant(`${prefix}:NotAnActionOfTheDatabase`) },
  );
}

/**
 * An action with every action whose name starts with its name (s3:GetObject, s3:GetObjectAcl...): the
 * sets where minimizing, at a minimum length equal to the first name's, writes that name without `*`.
 */
function family(prefix: string): fc.Arbitrary<string[]> {
  const names = actionsOf(prefix);
  const lower = names.map((n) => n.toLowerCase());
  const roots = names.filter((n, i) => lower.some((o, j) => j !== i && o.startsWith(lower[i])));
  if (roots.length === 0) return fc.constant([]);
  return fc
    .constantFrom(...roots)
    .map((root) => names.filter((n) => n.toLowerCase().startsWith(root.toLowerCase())));
}

const statement: fc.Arbitrary<Omit<PolicyStatement, 'Sid'> & { Condition?: unknown }> = fc
  .record({
    services: fc.uniqueArray(fc.constantFrom(...SERVICES), { minLength: 1, maxLength: 2 }),
    effect: fc.constantFrom('Allow' as const, 'Deny' as const),
    resources: fc.uniqueArray(fc.constantFrom(...RESOURCES), { minLength: 1, maxLength: 3 }),
    condition: fc.constantFrom(...CONDITIONS),
  })
  .chain(({ services, effect, resources, condition }) =>
    fc
      .tuple(
        fc.array(fc.oneof(...services.map(entry)), { minLength: 1, maxLength: 40 }),
        fc.option(fc.oneof(...services.map(family)), { nil: [] as string[] }),
      )
      .map(([some, related]) => ({
        Effect: effect,
        Action: [...some, ...related],
        Resource: resources,
        ...(condition ? { Condition: condition } : {}),
      })),
  );

const policy: fc.Arbitrary<PolicyDocument> = fc
  .array(statement, { minLength: 1, maxLength: 14 })
  .map((statements) => ({
    Version: '2012-10-17',
    Statement: statements.map((s, i) => ({ Sid: `S${i}`, ...s }) as PolicyStatement),
  }));

const quota: fc.Arbitrary<FitQuota> = fc.oneof(
  fc.constantFrom('managed', 'role-inline', 'user-inline', 'group-inline', 'scp').map(parseFitQuota),
  fc.integer({ min: 150, max: 5000 }).map((n) => parseFitQuota(String(n))),
);

type Grants = Map<string, Set<string>>;

/**
 * What policies grant: per effect, condition and resource, the actions of the database their entries
 * match (expanded), and the entries the database does not know, as written (lower case).
 */
function grants(policies: readonly PolicyDocument[]): Grants {
  const index = actionIndex(database());
  const out: Grants = new Map();
  for (const p of policies) {
    for (const s of p.Statement as (PolicyStatement & { Condition?: unknown })[]) {
      for (const r of s.Resource) {
        const key = `${s.Effect} ${JSON.stringify(s.Condition ?? null)} ${r}`;
        let set = out.get(key);
        if (!set) out.set(key, (set = new Set()));
        for (const a of s.Action) {
          const { ids } = index.expand(a);
          if (ids.length === 0) set.add(`unknown ${a.toLowerCase()}`);
          for (const id of ids) set.add(index.names[id]);
        }
      }
    }
  }
  return out;
}

function sorted(g: Grants): [string, string[]][] {
  return [...g]
    .map(([k, v]): [string, string[]] => [k, [...v].sort()])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

test('fitting grants and denies exactly the same actions, and every policy is within the quota', () => {
  let fitted = 0;
  let split = 0;
  let refused = 0;
  fc.assert(
    // A minimum wildcard length (--minimize N) makes policy_sentry's lossy rule fire often.
    fc.property(policy, quota, fc.integer({ min: 0, max: 14 }), (p, q, minimize) => {
      let result: ReturnType<typeof fitPolicy>;
      try {
        result = fitPolicy(database(), p, q, { minimize });
      } catch (e) {
        // Refused only with a reason: an inline quota, or a statement too large to cut.
        assert.ok(e instanceof UserError, String(e));
        assert.match(
          e.message,
          /^the policy does not fit in the quota of .*(splitting cannot help|cannot be split either)/,
        );
        if (!q.shared) assert.match(e.message, /with one action \(.+\) on one resource is/);
        refused++;
        return;
      }
      const { policies } = result;
      for (const part of policies)
        assert.ok(policySize(part, q.unit) <= q.limit, `${policySize(part, q.unit)} > ${q.limit}`);
      assert.deepEqual(sorted(grants(policies)), sorted(grants([p])));
      if (policySize(p, q.unit) <= q.limit) assert.equal(policies[0], p, 'within the quota: unchanged');
      else fitted++;
      if (policies.length > 1) split++;
    }),
    params,
  );
  // The generator reaches every outcome; otherwise the property says little.
  assert.ok(fitted > 0 && split > 0 && refused > 0, `fitted ${fitted}, split ${split}, refused ${refused}`);
});

test('fitting a written policy: the same actions per resource, Allow and Deny, crud and actions mode', () => {
  const arns = fc.uniqueArray(fc.constantFrom(...RESOURCES.filter((r) => r !== '*')), {
    minLength: 1,
    maxLength: 6,
  });
  const template = fc.record({
    effect: fc.constantFrom('Allow', 'Deny'),
    read: arns,
    write: arns,
    actions: fc.uniqueArray(fc.constantFrom(...SERVICES.flatMap(actionsOf)), { minLength: 1, maxLength: 30 }),
    mode: fc.constantFrom('crud', 'actions'),
  });
  fc.assert(
    fc.property(template, quota, (t, q) => {
      const text =
        t.mode === 'crud'
          ? `mode: crud\neffect: ${t.effect}\nread: ${JSON.stringify(t.read)}\nwrite: ${JSON.stringify(t.write)}\n`
          : `mode: actions\neffect: ${t.effect}\nactions: ${JSON.stringify(t.actions)}\n`;
      const written = writePolicy(database(), parseTemplate(text, 't.yml'));
      let policies: PolicyDocument[];
      try {
        policies = fitPolicy(database(), written, q).policies;
      } catch (e) {
        assert.ok(e instanceof UserError, String(e));
        return;
      }
      for (const part of policies) assert.ok(policySize(part, q.unit) <= q.limit);
      assert.deepEqual(sorted(grants(policies)), sorted(grants([written])));
    }),
    { ...params, numRuns: Math.max(10, Math.floor(RUNS / 3)) },
  );
});
