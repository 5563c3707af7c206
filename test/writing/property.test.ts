/**
 * Property tests of write-policy: random templates over the database's own ARN formats, checked against
 * what the database says (not against policy_sentry's answers). Seeded, so a failure reproduces; set
 * IAMWRIGHT_FC_SEED / IAMWRIGHT_FC_RUNS to explore further.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFORMANCE, KIT_DB, hasConformance } from '../support/paths.js';
import { parseTemplate } from '../../src/writing/template/parse.js';
import { openDatabase } from '../../src/database/store.js';
import { bundledDatabasePath } from '../../src/database/select.js';
import type { IamDatabase } from '../../src/database/database.js';
import type { ActionRecord, Service } from '../../src/database/index.js';
import { writePolicy } from '../../src/writing/policy/write.js';
import { PolicyBuilder } from '../../src/writing/builder.js';
import { matchesWildcard } from '../../src/util/wildcard.js';
import { UserError } from '../../src/util/errors.js';
import type { ActionsTemplate, CrudTemplate, PolicyDocument, Template } from '../../src/writing/types.js';

/** The kit's database when present (the one the reference answers were made with), else the bundled one. */
const DB_PATH = hasConformance ? KIT_DB : bundledDatabasePath();
const SKIP = !existsSync(DB_PATH) && 'needs the kit database or the bundled data/db';
const SKIP_KIT = !hasConformance && 'needs ../shared/conformance (policy_sentry answers)';
const SEED = Number(process.env.IAMWRIGHT_FC_SEED ?? 20260614);
const RUNS = Number(process.env.IAMWRIGHT_FC_RUNS ?? 60);
const params = { seed: SEED, numRuns: RUNS };

const LEVELS = ['read', 'write', 'list', 'tagging', 'permissionsManagement'] as const;
const LEVEL_NAMES = {
  read: 'Read',
  write: 'Write',
  list: 'List',
  tagging: 'Tagging',
  permissionsManagement: 'Permissions management',
};
const STS_ACTIONS = {
  assumeRole: 'sts:AssumeRole',
  assumeRoleWithSaml: 'sts:AssumeRoleWithSAML',
  assumeRoleWithWebIdentity: 'sts:AssumeRoleWithWebIdentity',
};

/** What the tests need from the database, gathered once. */
interface Facts {
  db: IamDatabase;
  prefixes: string[];
  formats: { prefix: string; arn: string }[];
  actions: string[];
}

let facts: Facts | undefined;
function load(): Facts {
  if (facts) return facts;
  const db = openDatabase(DB_PATH);
  const services = db.allServices();
  const formats = services.flatMap((s) =>
    s.resourceTypes
      // Only formats whose service part is a database prefix make ARNs the engine can place: not a
      // placeholder (arn:${Partition}:${Vendor}:...), not route53-recovery-control (no such prefix).
      .filter((r) => r.arn.startsWith('arn:') && db.hasService(r.arn.split(':')[2]))
      .map((r) => ({ prefix: s.prefix, arn: r.arn })),
  );
  const actions = services.flatMap((s) => s.actions.map((a) => `${s.prefix}:${a.name}`));
  facts = { db, prefixes: services.map((s) => s.prefix), formats, actions };
  return facts;
}

// ---- facts about actions and ARNs, straight from the records ----

function split(action: string): [Service | undefined, ActionRecord | undefined] {
  const [prefix, name] = action.split(':');
  const service = load().db.service(prefix);
  return [service, service?.action(name)];
}

/** ARN formats of the action's resource types ('' rows and undefined types left out). */
function arnFormats(action: string): string[] {
  const [service, record] = split(action);
  if (!service || !record) return [];
  return record.resourceTypes
    .filter((r) => r.resourceType !== '')
    .map((r) => service.resourceType(r.resourceType)?.arn)
    .filter((a): a is string => !!a && a !== '*');
}

/**
 * policy_sentry places an action by its ARN formats and finds the resource type back from the format, so
 * a resource type is reachable only if its format names the action's own service (not vpce's ec2 ARNs, not
 * backup's arn:${Partition}:${Vendor}:...) and no earlier resource type of the service has the same format
 * (rtbfabric's ResponderGateway shares RequesterGateway's). Actions with no reachable type are dropped.
 */
function placeable(action: string): boolean {
  const [service, record] = split(action);
  if (!service || !record) return false;
  return record.resourceTypes.some((row) => {
    const type = service.resourceType(row.resourceType);
    if (!type || row.resourceType === '' || !same(type.arn.split(':')[2] ?? '', service.prefix)) return false;
    return same(service.resourceTypes.find((r) => r.arn === type.arn)?.name ?? '', type.name);
  });
}

function hasBlankRow(action: string): boolean {
  return split(action)[1]?.resourceTypes.some((r) => r.resourceType === '') ?? false;
}

function dependentsOf(action: string): string[] {
  return split(action)[1]?.resourceTypes.flatMap((r) => r.dependentActions) ?? [];
}

/**
 * Could `arn` fall under the database ARN `format`? A deliberate superset of policy_sentry's matching (same
 * service, and every literal segment of the format's resource part present), so that it never rejects a
 * placement the real matcher allows.
 */
function mayMatch(arn: string, format: string): boolean {
  const a = arn.split(':');
  const f = format.split(':');
  if (a[2] !== f[2]) return false;
  const segments = a.slice(5).join(':').split(/[:/]/);
  if (segments.length > 1 && segments[0] === '*') return true;
  const lower = new Set(segments.map((s) => s.toLowerCase()));
  return f
    .slice(5)
    .join(':')
    .split(/[:/]/)
    .every((e) => e === '' || e.includes('${') || lower.has(e.toLowerCase()));
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const includesAction = (list: Iterable<string>, action: string): boolean =>
  [...list].some((x) => same(x, action));

// ---- generators ----

const token = fc.stringMatching(/^[a-z][a-z0-9-]{1,10}$/);

/** A concrete ARN from a database format, placeholders filled with plausible values. */
function arnArb(): fc.Arbitrary<string> {
  return fc.constantFrom(...load().formats).chain(({ arn }) => {
    const holes = arn.match(/\$\{[^}]+\}/g) ?? [];
    return fc.tuple(...holes.map(() => token)).map((values) => {
      let i = 0;
      return arn.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
        const v = values[i++];
        if (name === 'Partition') return 'aws';
        if (name === 'Region') return 'us-east-1';
        if (name === 'Account') return '123456789012';
        return v;
      });
    });
  });
}

const list = <T>(arb: fc.Arbitrary<T>, max: number): fc.Arbitrary<T[]> => fc.array(arb, { maxLength: max });

function crudArb(): fc.Arbitrary<CrudTemplate> {
  const { prefixes, actions } = load();
  const action = fc.constantFrom(...actions);
  const service = fc.constantFrom(...prefixes);
  const role = token.map((n) => `arn:aws:iam::123456789012:role/${n}`);
  return fc.record({
    mode: fc.constant('crud' as const),
    name: fc.constant('prop'),
    effect: fc.constantFrom('Allow' as const, 'Deny' as const),
    read: list(arnArb(), 3),
    write: list(arnArb(), 3),
    list: list(arnArb(), 2),
    tagging: list(arnArb(), 2),
    permissionsManagement: list(arnArb(), 2),
    wildcardOnly: fc.record({
      singleActions: list(action, 3),
      serviceRead: list(service, 1),
      serviceWrite: list(service, 1),
      serviceList: list(service, 1),
      serviceTagging: list(service, 1),
      servicePermissionsManagement: list(service, 1),
    }),
    skipResourceConstraints: list(action, 2),
    excludeActions: list(
      fc.oneof(
        action,
        action.map((a) => `${a.split(':')[0]}:${a.split(':')[1].slice(0, 3)}*`),
      ),
      2,
    ),
    sts: fc.record({
      assumeRole: list(role, 2),
      assumeRoleWithSaml: list(role, 1),
      assumeRoleWithWebIdentity: list(role, 1),
    }),
  });
}

function actionsArb(): fc.Arbitrary<ActionsTemplate> {
  return fc.record({
    mode: fc.constant('actions' as const),
    name: fc.constant('prop'),
    effect: fc.constantFrom('Allow' as const, 'Deny' as const),
    actions: fc.uniqueArray(fc.constantFrom(...load().actions), { minLength: 1, maxLength: 6 }),
  });
}

// ---- the properties ----

const allActions = (p: PolicyDocument): string[] => p.Statement.flatMap((s) => s.Action);

/** Actions that may be placed on a resource ARN for what the template asked, by crud rules. */
function crudAllows(t: CrudTemplate, action: string, arn: string): boolean {
  const level = split(action)[1]?.accessLevel;
  for (const key of LEVELS) {
    if (!t[key].includes(arn)) continue;
    // An action of the requested level on a resource type the ARN may match...
    if (level === LEVEL_NAMES[key] && arnFormats(action).some((f) => mayMatch(arn, f))) return true;
    // ...or a dependent action of one, on the same resource type.
    const [service] = split(action);
    const parents = service?.actions.filter(
      (b) =>
        b.accessLevel === LEVEL_NAMES[key] &&
        includesAction(dependentsOf(`${service.prefix}:${b.name}`), action),
    );
    if (parents?.some((b) => arnFormats(`${service!.prefix}:${b.name}`).some((f) => mayMatch(arn, f))))
      return true;
  }
  return (Object.keys(STS_ACTIONS) as (keyof typeof STS_ACTIONS)[]).some(
    (k) => t.sts[k].includes(arn) && same(STS_ACTIONS[k], action),
  );
}

/** Every action the template could bring in before exclusions, whose dependents may go on '*'. */
function candidateParents(t: Template): string[] {
  if (t.mode === 'actions') {
    // Each action's ARN formats are looked up as ARNs, which brings in (then drops) the actions of the
    // service the format names, whose dependents stay: kafka:UpdateTopic's put kafka-cluster:* on '*'.
    const services = t.actions.flatMap((a) => arnFormats(a).map((f) => load().db.service(f.split(':')[2])));
    return [
      ...t.actions,
      ...services.flatMap((sv) => sv?.actions.map((b) => `${sv.prefix}:${b.name}`) ?? []),
    ];
  }
  const out = [...t.wildcardOnly.singleActions, ...t.skipResourceConstraints];
  const { serviceRead, serviceWrite, serviceList, serviceTagging, servicePermissionsManagement } =
    t.wildcardOnly;
  for (const prefix of [
    ...serviceRead,
    ...serviceWrite,
    ...serviceList,
    ...serviceTagging,
    ...servicePermissionsManagement,
  ]) {
    const service = load().db.service(prefix);
    for (const b of service?.actions ?? []) out.push(`${service!.prefix}:${b.name}`);
  }
  for (const key of LEVELS) {
    for (const arn of t[key]) {
      const service = load().db.service(arn.split(':')[2]);
      for (const b of service?.actions ?? []) {
        const name = `${service!.prefix}:${b.name}`;
        if (arnFormats(name).some((f) => mayMatch(arn, f))) out.push(name);
      }
    }
  }
  return out;
}

function checkPlainPolicy(t: Template, p: PolicyDocument): void {
  const skip = t.mode === 'crud' ? t.skipResourceConstraints : [];
  const dependents = new Set(
    candidateParents(t)
      .flatMap(dependentsOf)
      .map((a) => a.toLowerCase()),
  );
  // Actions on ARNs with no '*' anywhere: policy_sentry treats an ARN format containing '*' (dms's
  // migration-project:*) like Resource '*' when it drops '*' duplicates, so those may repeat on '*'.
  const onArn = new Set(
    p.Statement.filter((s) => !s.Resource.some((r) => r.includes('*'))).flatMap((s) =>
      s.Action.map((a) => a.toLowerCase()),
    ),
  );
  for (const s of p.Statement) {
    assert.equal(s.Effect, t.effect, `${s.Sid}: effect`);
    assert.ok(s.Action.length > 0 && s.Resource.length > 0, `${s.Sid}: empty statement`);
    for (const action of s.Action) {
      assert.ok(!action.includes('*'), `${s.Sid}: wildcard action ${action} without minimize`);
      assert.ok(split(action)[1], `${s.Sid}: ${action} is not in the database`);
      if (t.mode === 'crud') {
        for (const pattern of t.excludeActions)
          assert.ok(!matchesWildcard(pattern, action), `${action} was excluded by ${pattern}`);
      }
      if (s.Resource.includes('*')) {
        assert.deepEqual(s.Resource, ['*'], `${s.Sid}: '*' beside ARNs`);
        const unconstrained = arnFormats(action).length === 0;
        // Actions mode: an action with a row without resource type (action-level condition keys) that found
        // no ARN statement (its ARN format names another service, say) stays on '*', as in policy_sentry.
        const unplaced = t.mode === 'actions' && hasBlankRow(action) && !onArn.has(action.toLowerCase());
        if (t.mode === 'actions') {
          assert.ok(!onArn.has(action.toLowerCase()), `${s.Sid}: ${action} is on '*' and on ARNs`);
        }
        assert.ok(
          unconstrained || unplaced || includesAction(skip, action) || dependents.has(action.toLowerCase()),
          `${s.Sid}: ${action} on '*' although it takes resource ARNs and was not asked for that way`,
        );
      } else if (t.mode === 'crud') {
        for (const arn of s.Resource)
          assert.ok(crudAllows(t, action, arn), `${s.Sid}: ${action} on ${arn} was not asked for`);
      } else {
        // actions mode: resources are ARN formats of the actions asked for, of a type this action acts on
        const formats = new Set(t.actions.flatMap(arnFormats));
        for (const arn of s.Resource) {
          assert.ok(formats.has(arn), `${s.Sid}: ${arn} is not an ARN format of an action asked for`);
          assert.ok(
            arnFormats(action).some((f) => mayMatch(arn, f)),
            `${s.Sid}: ${action} does not act on ${arn}`,
          );
        }
      }
    }
  }
  if (t.mode === 'actions') {
    // Nothing asked for is lost, nothing else is added but dependents; except, as in policy_sentry, an
    // action none of whose resource types can be placed (see placeable()) is left out.
    const got = new Set(allActions(p).map((a) => a.toLowerCase()));
    const unplaceable = (a: string): boolean => !hasBlankRow(a) && !placeable(a);
    for (const a of t.actions)
      assert.ok(got.has(a.toLowerCase()) || unplaceable(a), `${a} missing from the policy`);
    for (const a of got)
      assert.ok(includesAction(t.actions, a) || dependents.has(a), `${a} was not asked for`);
  }
}

/** Actions (or patterns) granted on each resource, over all statements. */
function byResource(p: PolicyDocument): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of p.Statement) for (const r of s.Resource) out.set(r, [...(out.get(r) ?? []), ...s.Action]);
  return out;
}

/**
 * Minimizing may regroup statements, but on every resource the patterns must grant exactly what the plain
 * policy grants there: nothing lost, nothing else of the database gained.
 */
function checkMinimized(plain: PolicyDocument, min: PolicyDocument, effect: 'Allow' | 'Deny'): void {
  const wantedBy = byResource(plain);
  const patternsBy = byResource(min);
  assert.deepEqual([...patternsBy.keys()].sort(), [...wantedBy.keys()].sort(), 'same resources');
  for (const [resource, wanted] of wantedBy) {
    const patterns = patternsBy.get(resource) ?? [];
    for (const a of wanted) {
      // Kept from policy_sentry for Allow (exact-output cases depend on it): a full name kept without '*'
      // (kms:disablekey at --minimize 10) is taken to cover longer names it begins, which are lost (and
      // named in a warning). Never for Deny: a Deny that stops denying an action is a broader policy.
      const shadowed =
        effect === 'Allow' &&
        patterns.some((p) => !p.includes('*') && a.toLowerCase().startsWith(p.toLowerCase()));
      assert.ok(
        shadowed || patterns.some((p) => matchesWildcard(p, a)),
        `${resource}: ${a} lost by minimizing`,
      );
    }
    for (const pattern of patterns) {
      const service = load().db.service(pattern.split(':')[0]);
      for (const a of service?.actions.map((r) => `${service.prefix}:${r.name}`) ?? []) {
        if (matchesWildcard(pattern, a)) {
          assert.ok(includesAction(wanted, a), `${resource}: ${pattern} also grants ${a}`);
        }
      }
    }
  }
}

test(
  'crud templates: actions exist, sit on ARNs they act on at the asked level, * only where due, stable',
  { skip: SKIP },
  () => {
    fc.assert(
      fc.property(crudArb(), (t) => {
        const p = writePolicy(load().db, t);
        checkPlainPolicy(t, p);
        assert.deepEqual(writePolicy(load().db, structuredClone(t)), p, 'same template, same policy');
      }),
      params,
    );
  },
);

test('actions templates: every action asked for, on its own ARN formats or *, stable', { skip: SKIP }, () => {
  fc.assert(
    fc.property(actionsArb(), (t) => {
      const p = writePolicy(load().db, t);
      checkPlainPolicy(t, p);
      assert.equal(JSON.stringify(writePolicy(load().db, t)), JSON.stringify(p));
    }),
    params,
  );
});

test('minimize shortens without losing or adding actions', { skip: SKIP }, () => {
  fc.assert(
    fc.property(fc.oneof(actionsArb(), crudArb()), fc.integer({ min: 0, max: 8 }), (t, n) => {
      const plain = writePolicy(load().db, t);
      let min: PolicyDocument;
      try {
        min = writePolicy(load().db, t, { minimize: n });
      } catch (e) {
        // Minimizing with skip-resource-constraints crashes policy_sentry; a clean error is accepted there.
        if (e instanceof UserError && t.mode === 'crud' && t.skipResourceConstraints.length > 0) return;
        throw e;
      }
      checkMinimized(plain, min, t.effect);
    }),
    { ...params, numRuns: Math.ceil(RUNS / 3) },
  );
});

test('PolicyBuilder.render is writePolicy over toTemplate, with the effect override', { skip: SKIP }, () => {
  const { db } = load();
  const b = new PolicyBuilder()
    .read(['arn:aws:s3:::my-bucket'])
    .wildcardOnly({ singleActions: ['s3:ListAllMyBuckets'] });
  const p = b.render(db);
  assert.deepEqual(p, writePolicy(db, b.toTemplate()));
  assert.ok(p.Statement.length > 0 && p.Statement.every((s) => s.Effect === 'Allow'));
  const denied = b.render(db, { effect: 'Deny' });
  assert.deepEqual(
    denied.Statement.map((s) => ({ ...s, Effect: 'Allow' })),
    p.Statement,
  );
  assert.ok(denied.Statement.every((s) => s.Effect === 'Deny'));
  assert.equal(b.toTemplate().effect, 'Allow', 'the override does not change the builder');
  assert.deepEqual(b.render(db, { minimize: 0 }), writePolicy(db, b.toTemplate(), { minimize: 0 }));
});

test(
  'the checks above hold for policy_sentry’s own answers in the kit (so they judge rules, not our output)',
  { skip: SKIP_KIT },
  () => {
    const cases = JSON.parse(readFileSync(join(CONFORMANCE, 'cases', 'MANIFEST.json'), 'utf8')).cases as {
      kind: string;
      argv: string[];
      input?: string;
      stdin?: string;
      stdout: string;
      check: string;
    }[];
    const plainByInput = new Map<string, PolicyDocument>();
    const minimized: [string, PolicyDocument][] = [];
    let checked = 0;
    for (const c of cases) {
      const input = c.input ?? c.stdin;
      if (c.kind !== 'write-policy' || c.check !== 'exact-stdout' || !input) continue;
      const dir = join(CONFORMANCE, 'cases');
      const t = parseTemplate(readFileSync(join(dir, input), 'utf8'), input);
      const expected = JSON.parse(readFileSync(join(dir, c.stdout), 'utf8')) as PolicyDocument;
      if (c.argv.some((a) => a.startsWith('--minimize') || a === '-m')) {
        minimized.push([input, expected]);
        continue;
      }
      try {
        checkPlainPolicy(t, expected);
      } catch (e) {
        throw new Error(`${input}: ${(e as Error).message}`);
      }
      plainByInput.set(input, expected);
      checked++;
    }
    for (const [input, min] of minimized) {
      const plain = plainByInput.get(input);
      try {
        if (plain) checkMinimized(plain, min, plain.Statement[0]?.Effect ?? 'Allow');
      } catch (e) {
        throw new Error(`${input} minimized: ${(e as Error).message}`);
      }
    }
    assert.ok(checked >= 20, `only ${checked} kit answers checked`);
  },
);

test('templates round-trip: builder YAML parses back to the same template', { skip: SKIP }, () => {
  fc.assert(
    fc.property(fc.oneof(crudArb(), actionsArb()), (t) => {
      assert.deepEqual(parseTemplate(PolicyBuilder.fromTemplate(t).toYaml(), 'rt.yml'), structuredClone(t));
    }),
    params,
  );
});

test('the template schema accepts every action name and ARN format of the database', { skip: SKIP }, () => {
  const { actions, formats, prefixes } = load();
  const arns = formats.map((f) => f.arn.replace(/\$\{[^}]+\}/g, 'x'));
  const t = parseTemplate(
    [
      'mode: crud',
      'read:',
      ...arns.map((a) => `- '${a}'`),
      'wildcard-only:',
      '  single-actions:',
      ...actions.map((a) => `  - ${a}`),
      '  service-read:',
      ...prefixes.map((p) => `  - ${p}`),
    ].join('\n'),
    'all.yml',
  );
  assert.ok(t.mode === 'crud');
  assert.equal(t.read.length, arns.length);
  assert.equal(t.wildcardOnly.singleActions.length, actions.length);
});
