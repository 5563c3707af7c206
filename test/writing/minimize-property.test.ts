/**
 * Property tests of minimizing, judged by the project's own expansion of IAM patterns (src/querying/expand.ts),
 * not by minimize.ts's reasoning: a minimized list never matches an action the full list does not, and for
 * Deny it matches every one it does. Random subsets of actions that share long prefixes (where policy_sentry's
 * rule drops actions), over the bundled database. Seeded; IAMWRIGHT_FC_SEED / IAMWRIGHT_FC_RUNS explore further.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { existsSync } from 'node:fs';
import { openDatabase } from '../../src/database/store.js';
import { bundledDatabasePath } from '../../src/database/select.js';
import type { IamDatabase } from '../../src/database/database.js';
import { expandActions } from '../../src/querying/expand.js';
import { minimizeActionsDetailed } from '../../src/writing/minimize.js';
import { writePolicy } from '../../src/writing/policy/write.js';
import type { Effect, PolicyDocument } from '../../src/writing/types.js';

const DB_PATH = bundledDatabasePath();
const SKIP = !existsSync(DB_PATH) && 'needs the bundled data/db';
const SEED = Number(process.env.IAMWRIGHT_FC_SEED ?? 20261130);
const RUNS = Number(process.env.IAMWRIGHT_FC_RUNS ?? 300);

/** Services with many actions that begin other actions (GetParameter/GetParameters/GetParametersByPath...). */
const SERVICES = ['ssm', 'kms', 'ec2', 's3', 'kafka', 'iam', 'connect', 'dynamodb', 'glue', 'sagemaker'];

let cached: { db: IamDatabase; names: Map<string, string[]> } | undefined;
function load(): NonNullable<typeof cached> {
  if (cached) return cached;
  const db = openDatabase(DB_PATH);
  const names = new Map<string, string[]>();
  for (const prefix of SERVICES) {
    const svc = db.service(prefix);
    if (svc) names.set(prefix, [...new Set(svc.actions.map((a) => `${svc.prefix}:${a.name}`))].sort());
  }
  cached = { db, names };
  return cached;
}

/**
 * Actions of one service under a common stem (a random prefix of a random action), a random part of
 * them, plus a few from anywhere in the chosen services: names that start one another are frequent.
 */
function actionSetArb(): fc.Arbitrary<string[]> {
  const { names } = load();
  const services = [...names.keys()];
  return fc
    .record({
      service: fc.constantFrom(...services),
      pick: fc.nat(),
      stemLength: fc.nat({ max: 40 }),
      keep: fc.array(fc.boolean(), { minLength: 200, maxLength: 200 }),
      extra: fc.array(fc.tuple(fc.constantFrom(...services), fc.nat()), { maxLength: 3 }),
    })
    .map(({ service, pick, stemLength, keep, extra }) => {
      const all = names.get(service) as string[];
      const seed = all[pick % all.length];
      const colon = seed.indexOf(':');
      const stem = seed.slice(0, colon + 1 + Math.min(stemLength, seed.length - colon - 1)).toLowerCase();
      const family = all.filter((a) => a.toLowerCase().startsWith(stem));
      const chosen = family.filter((_, i) => keep[i % keep.length]);
      for (const [s, n] of extra) {
        const list = names.get(s) as string[];
        chosen.push(list[n % list.length]);
      }
      return chosen.length > 0 ? [...new Set(chosen)] : [seed];
    });
}

const effectArb = fc.constantFrom<Effect>('Allow', 'Deny');

function expanded(db: IamDatabase, patterns: readonly string[]): Set<string> {
  const e = expandActions(db, patterns);
  assert.deepEqual(
    e.unknown.map((u) => u.pattern),
    [],
    'every minimized entry matches something',
  );
  return new Set(e.actions);
}

const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();

test(
  'minimizing never adds an action; for Deny it never loses one; the dropped list is exact',
  { skip: SKIP },
  () => {
    const { db } = load();
    fc.assert(
      fc.property(actionSetArb(), fc.integer({ min: 0, max: 16 }), effectArb, (actions, minChars, effect) => {
        const full = expanded(db, actions);
        const result = minimizeActionsDetailed(db, actions, { minChars, keepEvery: effect === 'Deny' });
        const min = expanded(db, result.actions);
        assert.deepEqual(minus(min, full), [], 'added by minimizing');
        const lost = minus(full, min);
        if (effect === 'Deny') assert.deepEqual(lost, [], 'a Deny lost actions');
        else
          assert.deepEqual(
            result.dropped,
            lost.map((a) => a.toLowerCase()),
            'dropped names exactly what is lost',
          );
      }),
      { seed: SEED, numRuns: RUNS },
    );
  },
);

/** Per resource, the actions a policy's statements match there, by the project's expansion. */
function grants(db: IamDatabase, p: PolicyDocument): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const s of p.Statement) {
    const actions = expandActions(db, s.Action).actions;
    for (const r of s.Resource) {
      const set = out.get(r) ?? new Set<string>();
      for (const a of actions) set.add(a);
      out.set(r, set);
    }
  }
  return out;
}

test(
  'write-policy --minimize: per resource, never more than the full policy; for Deny exactly the same',
  { skip: SKIP },
  () => {
    const { db } = load();
    fc.assert(
      fc.property(actionSetArb(), fc.integer({ min: 0, max: 16 }), effectArb, (actions, minimize, effect) => {
        const t = { mode: 'actions' as const, name: '', effect, actions };
        const fullPolicy = writePolicy(db, t);
        const warnings: string[] = [];
        const minPolicy = writePolicy(db, t, { minimize, onWarning: (w) => warnings.push(w) });
        const full = grants(db, fullPolicy);
        const min = grants(db, minPolicy);
        assert.deepEqual([...min.keys()].sort(), [...full.keys()].sort(), 'same resources');
        let lostAny = false;
        for (const [resource, wanted] of full) {
          const got = min.get(resource) as Set<string>;
          assert.deepEqual(minus(got, wanted), [], `${resource}: added by minimizing`);
          const lost = minus(wanted, got);
          if (effect === 'Deny') assert.deepEqual(lost, [], `${resource}: a Deny lost actions`);
          for (const a of lost) {
            lostAny = true;
            assert.ok(
              warnings.some((w) => w.startsWith('minimize:') && w.includes(a)),
              `${a} lost without a warning`,
            );
          }
        }
        assert.equal(
          warnings.some((w) => w.startsWith('minimize:')),
          lostAny,
          'a minimize warning exactly when something is lost',
        );
      }),
      { seed: SEED, numRuns: Math.ceil(RUNS / 2) },
    );
  },
);
