/**
 * Property tests of conditions in templates, on random templates over the bundled database (seeded:
 * IAMWRIGHT_FC_SEED / IAMWRIGHT_FC_RUNS explore further):
 *
 * - each (action, resource) a scope of the template grants (the entries outside groups, each group) is in
 *   a statement carrying exactly the conditions asked for it: the template's, its access level's (the
 *   level the database gives the action) and its group's; and every (action, resource) of the policy is
 *   there for such a reason: no action of a scope appears with other conditions, or none;
 * - `--minimize` keeps that, per condition, and never merges across conditions;
 * - fitting a conditioned policy never grants an action the unfitted one does not, nor drops one, per
 *   resource and condition, both sides expanded against the database, and keeps every condition.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { openDatabase } from '../../../src/database/store.js';
import { bundledDatabasePath } from '../../../src/database/select.js';
import type { IamDatabase } from '../../../src/database/database.js';
import { actionIndex } from '../../../src/querying/expand.js';
import { lookupGlobalKey } from '../../../src/querying/condition-global-keys.js';
import { UserError } from '../../../src/util/errors.js';
import { policySize } from '../../../src/util/policy-size.js';
import { fitPolicy } from '../../../src/writing/fit/fit.js';
import { parseFitQuota } from '../../../src/writing/fit/quota.js';
import { writePolicy } from '../../../src/writing/policy/write.js';
import { parseTemplate } from '../../../src/writing/template/parse.js';
import type { PolicyDocument } from '../../../src/writing/types.js';

const SEED = Number(process.env.IAMWRIGHT_FC_SEED ?? 20261130);
const RUNS = Number(process.env.IAMWRIGHT_FC_RUNS ?? 60);
const params = { seed: SEED, numRuns: RUNS };

let cached: IamDatabase | undefined;
const database = (): IamDatabase => (cached ??= openDatabase(bundledDatabasePath()));

type Block = Record<string, Record<string, string | string[]>>;

/** Conditions on global keys: every action supports them, so none is split off. */
const BLOCKS: Block[] = [
  { Bool: { 'aws:SecureTransport': 'true' } },
  { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } },
  { StringEquals: { 'aws:PrincipalTag/team': 'data' } },
  { StringLike: { 'aws:userid': 'AIDA*' }, NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
  { DateLessThan: { 'aws:CurrentTime': '2027-01-01T00:00:00Z' } },
];
/** Only for the template as a whole and per level, so that no key meets itself under one operator. */
const OUTER: Block[] = [
  { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::123456789012:role/ci-*' } },
  { StringEqualsIfExists: { 'aws:RequestedRegion': 'eu-west-1' } },
];
const LEVEL_KEYS = ['read', 'write', 'list', 'tagging', 'permissions-management'] as const;
const LEVEL_OF: Record<string, (typeof LEVEL_KEYS)[number]> = {
  Read: 'read',
  Write: 'write',
  List: 'list',
  Tagging: 'tagging',
  'Permissions management': 'permissions-management',
};

const ARNS = [
  'arn:aws:s3:::assets',
  'arn:aws:s3:::assets/*',
  'arn:aws:sqs:eu-west-1:123456789012:ingest',
  'arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab',
  'arn:aws:dynamodb:eu-west-1:123456789012:table/orders',
  'arn:aws:iam::123456789012:role/deployer',
  'arn:aws:ssm:eu-west-1:123456789012:parameter/app/*',
];

function actionsOf(prefix: string): string[] {
  const svc = database().service(prefix);
  assert.ok(svc, prefix);
  return svc.actions.map((a) => `${svc.prefix}:${a.name}`);
}

const ACTIONS = ['s3', 'sqs', 'kms', 'ssm', 'ec2'].flatMap(actionsOf);

/** A condition block as its meaning: operators and keys sorted. */
function canonical(block: unknown): string {
  if (block === undefined) return '';
  const b = block as Block;
  return JSON.stringify(
    Object.keys(b)
      .sort()
      .map((op) => [
        op,
        Object.keys(b[op])
          .sort()
          .map((k) => [k, b[op][k]]),
      ]),
  );
}

function merge(...blocks: (Block | undefined)[]): Block | undefined {
  const out: Block = {};
  for (const b of blocks) for (const [op, keys] of Object.entries(b ?? {})) out[op] = { ...out[op], ...keys };
  return Object.keys(out).length > 0 ? out : undefined;
}

interface Generated {
  mode: 'crud' | 'actions';
  all?: Block;
  byLevel: Partial<Record<(typeof LEVEL_KEYS)[number], Block>>;
  plain: { level: (typeof LEVEL_KEYS)[number]; entries: string[] }[];
  groups: { level: (typeof LEVEL_KEYS)[number]; entries: string[]; conditions: Block }[];
}

const level = fc.constantFrom(...LEVEL_KEYS);

function generated(mode: 'crud' | 'actions'): fc.Arbitrary<Generated> {
  const entries = fc.uniqueArray(fc.constantFrom(...(mode === 'crud' ? ARNS : ACTIONS)), {
    minLength: 1,
    maxLength: 3,
  });
  return fc.record({
    mode: fc.constant(mode),
    all: fc.option(fc.constantFrom(...OUTER), { nil: undefined }),
    byLevel: fc.dictionary(level, fc.constantFrom(...OUTER), { maxKeys: 2 }),
    plain: fc.array(fc.record({ level, entries }), { maxLength: 2 }),
    groups: fc.array(fc.record({ level, entries, conditions: fc.constantFrom(...BLOCKS) }), {
      minLength: 1,
      maxLength: 3,
    }),
  });
}

/** A template in the file's shape, with or without its conditions. */
function templateData(
  g: Generated,
  conditions: boolean,
  only?: ReadonlySet<number> | 'plain',
): Record<string, unknown> {
  const data: Record<string, unknown> = { mode: g.mode };
  if (conditions && g.all) data.conditions = g.all;
  if (conditions && Object.keys(g.byLevel).length > 0) data['access-level-conditions'] = g.byLevel;
  // A template key of the whole template and the same key of a level would meet: keep them apart.
  if (g.all && Object.keys(g.byLevel).length > 0 && conditions) {
    const allKeys = new Set(Object.values(g.all).flatMap((k) => Object.keys(k)));
    for (const [lv, b] of Object.entries(g.byLevel)) {
      if (Object.values(b).some((k) => Object.keys(k).some((x) => allKeys.has(x))))
        delete (data['access-level-conditions'] as Record<string, unknown>)[lv];
    }
  }
  const add = (key: string, entry: unknown) => {
    const list = (data[key] ??= []) as unknown[];
    list.push(entry);
  };
  const key = (lv: string) => (g.mode === 'actions' ? 'actions' : lv);
  if (only === undefined || only === 'plain')
    for (const p of g.plain) for (const e of p.entries) add(key(p.level), e);
  g.groups.forEach((grp, i) => {
    if (only !== undefined && (only === 'plain' || !only.has(i))) return;
    if (conditions)
      add(key(grp.level), {
        [g.mode === 'actions' ? 'actions' : 'arns']: grp.entries,
        conditions: grp.conditions,
      });
    else for (const e of grp.entries) add(key(grp.level), e);
  });
  if (g.mode === 'actions') data.actions ??= [];
  return data;
}

function write(data: Record<string, unknown>, minimize?: number): PolicyDocument {
  return writePolicy(database(), parseTemplate(stringify(data), 't.yml'), { minimize });
}

/** `action\0resource` pairs a policy grants, full action names (the policy is written without minimize). */
function pairs(p: PolicyDocument): Set<string> {
  return new Set(
    p.Statement.flatMap((s) => s.Action.flatMap((a) => s.Resource.map((r) => `${a}\u0000${r}`))),
  );
}

function levelOf(action: string): string | undefined {
  const [prefix, name] = action.split(':');
  const record = database().service(prefix)?.action(name);
  return record ? LEVEL_OF[record.accessLevel] : undefined;
}

/**
 * The conditions each (action, resource) may carry: per scope, the pairs that scope grants when written
 * alone without conditions, with the condition the template asks for each. A scope is the entries outside
 * groups, or the groups of one condition together (docs/templates.md: they are derived as one list).
 */
function expected(g: Generated, data: Record<string, unknown>): Map<string, Set<string>> {
  const byLevel = (data['access-level-conditions'] ?? {}) as Record<string, Block>;
  const all = data.conditions as Block | undefined;
  const out = new Map<string, Set<string>>();
  const scopes: { only: ReadonlySet<number> | 'plain'; group?: Block }[] = [{ only: 'plain' }];
  const byCondition = new Map<string, Set<number>>();
  g.groups.forEach((grp, i) => {
    const id = canonical(grp.conditions);
    const set = byCondition.get(id);
    if (set) set.add(i);
    else {
      const only = new Set([i]);
      byCondition.set(id, only);
      scopes.push({ only, group: grp.conditions });
    }
  });
  for (const scope of scopes) {
    let alone: PolicyDocument;
    try {
      alone = write(templateData(g, false, scope.only));
    } catch (e) {
      if (e instanceof UserError) continue; // e.g. an actions list left empty
      throw e;
    }
    for (const pair of pairs(alone)) {
      const action = pair.slice(0, pair.indexOf('\u0000'));
      const lv = levelOf(action);
      const condition = canonical(merge(all, lv ? byLevel[lv] : undefined, scope.group));
      const set = out.get(pair) ?? new Set();
      set.add(condition);
      out.set(pair, set);
    }
  }
  return out;
}

function checkPlacement(g: Generated): void {
  const data = templateData(g, true);
  const policy = write(data);
  const want = expected(g, data);
  const got = new Map<string, Set<string>>();
  for (const s of policy.Statement) {
    for (const a of s.Action) {
      for (const r of s.Resource) {
        const pair = `${a}\u0000${r}`;
        const c = canonical(s.Condition);
        assert.ok(
          want.get(pair)?.has(c),
          `${s.Sid}: ${a} on ${r} with condition ${c || 'none'}; asked for: ${[...(want.get(pair) ?? [])].join(' | ') || 'nothing'}`,
        );
        const set = got.get(pair) ?? new Set();
        set.add(c);
        got.set(pair, set);
      }
    }
  }
  for (const [pair, conditions] of want) {
    for (const c of conditions) {
      assert.ok(
        got.get(pair)?.has(c),
        `${pair.replace('\u0000', ' on ')} asked with ${c || 'no condition'} is not granted so`,
      );
    }
  }
  assert.equal(new Set(policy.Statement.map((s) => s.Sid)).size, policy.Statement.length, 'Sids are unique');
}

for (const mode of ['crud', 'actions'] as const) {
  test(`${mode} mode: every condition asked for is on every statement of its actions, and only there`, () => {
    fc.assert(fc.property(generated(mode), checkPlacement), params);
  });
}

/** (action id, resource, condition) triples a policy grants, its entries expanded against the database. */
function triples(policies: readonly PolicyDocument[]): Set<string> {
  const index = actionIndex(database());
  const out = new Set<string>();
  for (const p of policies)
    for (const s of p.Statement)
      for (const a of s.Action)
        for (const id of index.expand(a).ids)
          for (const r of s.Resource) out.add(`${id}\u0000${r}\u0000${canonical(s.Condition)}`);
  return out;
}

test('--minimize keeps each action with its conditions and merges only statements of equal conditions', () => {
  fc.assert(
    fc.property(generated('crud'), (g) => {
      const data = templateData(g, true);
      const full = write(data);
      const minimized = write(data, 0);
      // Allow keeps policy_sentry's answer, which may drop an action: never one that is not in the full policy.
      const wanted = triples([full]);
      for (const t of triples([minimized])) assert.ok(wanted.has(t), t);
      const seen = new Set<string>();
      for (const s of minimized.Statement) {
        const key = `${canonical(s.Condition)}\u0000${JSON.stringify(s.Resource)}`;
        assert.ok(!seen.has(key), `${s.Sid}: two statements on the same resources with the same condition`);
        seen.add(key);
      }
    }),
    params,
  );
});

test('fitting a conditioned policy grants exactly what it granted, with its conditions, within the quota', () => {
  const quota = fc.constantFrom('managed', '1500', '2500', 'scp');
  fc.assert(
    fc.property(fc.oneof(generated('crud'), generated('actions')), quota, (g, q) => {
      const policy = write(templateData(g, true));
      const fitQuota = parseFitQuota(q);
      let policies: PolicyDocument[];
      try {
        policies = fitPolicy(database(), policy, fitQuota).policies;
      } catch (e) {
        if (e instanceof UserError && /does not fit/.test(e.message)) return; // said so, nothing written
        throw e;
      }
      assert.deepEqual(triples(policies), triples([policy]));
      for (const p of policies) assert.ok(policySize(p, fitQuota.unit) <= fitQuota.limit);
      const conditions = (ps: PolicyDocument[]) =>
        new Set(ps.flatMap((p) => p.Statement.map((s) => canonical(s.Condition))));
      assert.deepEqual(conditions(policies), conditions([policy]));
    }),
    { ...params, numRuns: Math.max(10, Math.floor(RUNS / 2)) },
  );
});

/** Service condition keys of the database, each with an operator and a value its type takes. */
function serviceKeyBlocks(): Block[] {
  const forType: Record<string, [string, string]> = {
    string: ['StringEquals', 'value'],
    arn: ['ArnLike', 'arn:aws:s3:::example*'],
    numeric: ['NumericLessThan', '100'],
    bool: ['Bool', 'true'],
    date: ['DateLessThan', '2027-01-01T00:00:00Z'],
    ipaddress: ['IpAddress', '10.0.0.0/8'],
  };
  const out: Block[] = [];
  for (const prefix of ['s3', 'sqs', 'kms', 'ssm', 'ec2']) {
    const keys = database().service(prefix)?.conditionKeys ?? [];
    for (const k of keys) {
      if (keys.filter((o) => o.name.toLowerCase() === k.name.toLowerCase()).length > 1) continue;
      const multi = /^arrayof/i.test(k.type);
      const form = forType[k.type.replace(/^arrayof/i, '').toLowerCase()];
      if (!form) continue;
      const name = k.name.replace(/(\$\{[^}]*\}|<[^>]*>|tag-key)$/, 'team');
      if (/[$<]/.test(name)) continue;
      out.push({ [`${multi ? 'ForAnyValue:' : ''}${form[0]}`]: { [name]: [form[1]] } });
    }
  }
  return out;
}

test('service keys: each statement carries only keys all its actions support (or, without split, the error names the key), and lint finds no error', async () => {
  const { lintPolicy } = await import('../../../src/linting/lint.js');
  const blocks = serviceKeyBlocks();
  assert.ok(blocks.length > 100, `${blocks.length} service keys`);
  /** Every key an action lists, on any row or resource type of it (lower case). */
  const listed = (action: string): Set<string> => {
    const [prefix, name] = action.split(':');
    const svc = database().service(prefix);
    const record = svc?.action(name);
    const out = new Set<string>();
    for (const row of record?.resourceTypes ?? []) {
      for (const k of row.conditionKeys) out.add(k.toLowerCase());
      for (const k of svc?.resourceType(row.resourceType)?.conditionKeys ?? []) out.add(k.toLowerCase());
    }
    return out;
  };
  const supports = (action: string, key: string): boolean =>
    [...listed(action)].some((k) => {
      const cut = ['$', '<', 'tag-key'].map((p) => k.indexOf(p)).find((i) => i > 0);
      return cut === undefined ? k === key.toLowerCase() : key.toLowerCase().startsWith(k.slice(0, cut));
    });
  const g = fc.record({
    mode: fc.constantFrom('crud' as const, 'actions' as const),
    level,
    plain: fc.uniqueArray(fc.constantFrom(...ACTIONS), { maxLength: 2 }),
    arns: fc.uniqueArray(fc.constantFrom(...ARNS), { minLength: 1, maxLength: 3 }),
    actions: fc.uniqueArray(fc.constantFrom(...ACTIONS), { minLength: 1, maxLength: 4 }),
    block: fc.constantFrom(...blocks),
    tls: fc.boolean(),
    split: fc.boolean(),
  });
  fc.assert(
    fc.property(g, (x) => {
      const data: Record<string, unknown> = { mode: x.mode };
      if (x.split) data['unsupported-condition-keys'] = 'split';
      if (x.tls) data.conditions = { Bool: { 'aws:SecureTransport': 'true' } };
      if (x.mode === 'actions') data.actions = [...x.plain, { actions: x.actions, conditions: x.block }];
      else data[x.level] = [{ arns: x.arns, conditions: x.block }];
      let policy: PolicyDocument;
      try {
        policy = writePolicy(database(), parseTemplate(stringify(data), 't.yml'), { onWarning: () => {} });
      } catch (e) {
        // Without split, an unsupported key is the error, naming the key; nothing else may fail.
        const key = Object.keys(Object.values(x.block)[0])[0];
        assert.ok(!x.split && e instanceof UserError, String(e));
        assert.ok(e.message.includes(`condition key '${key}' is not supported by `), e.message);
        return;
      }
      // An ARN no action of its level applies to grants nothing; an empty policy is lint's error of its own.
      fc.pre(policy.Statement.length > 0);
      for (const s of policy.Statement) {
        const keys = Object.values((s.Condition ?? {}) as Block).flatMap((k) => Object.keys(k));
        for (const key of keys) {
          // Global keys (aws:..., and the cross-service ones AWS lists with them) go everywhere.
          if (lookupGlobalKey(key).kind === 'key') continue;
          for (const a of s.Action) assert.ok(supports(a, key), `${s.Sid}: ${a} does not list ${key}`);
        }
      }
      const errors = lintPolicy(database(), policy).filter((f) => f.severity === 'error');
      assert.deepEqual(errors, []);
    }),
    params,
  );
});
