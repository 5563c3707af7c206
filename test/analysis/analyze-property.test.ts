// Property: the analyzer agrees with a plain reference written here with string sets, on random policies
// over a synthetic database large enough that both of its paths run (small grants id by id, large ones as
// bit sets).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { databaseFromRecords, ACCESS_LEVELS } from '../../src/database/index.js';
import type { AccessLevel, ServiceRecord } from '../../src/database/index.js';
import { PolicyAnalyzer, RISK_CATEGORIES, type RiskCategory } from '../../src/analysis/index.js';
import { matchesWildcard } from '../../src/util/wildcard.js';

const VERBS = ['Get', 'Put', 'List', 'Tag', 'Delete', 'Describe', 'Create', 'Update'];
const NOUNS = ['Thing', 'Widget', 'Policy', 'Key', 'Role'];
const records: ServiceRecord[] = Array.from({ length: 24 }, (_, s) => ({
  prefix: `svc${s}`,
  name: `Service ${s}`,
  authorizationUrl: '',
  actions: VERBS.flatMap((verb, v) =>
    NOUNS.map((noun, n) => ({
      name: `${verb}${noun}`,
      description: '',
      accessLevel: ACCESS_LEVELS[(s + v + n) % ACCESS_LEVELS.length],
      apiDocumentationLink: '',
      resourceTypes: [],
    })),
  ),
  resourceTypes: [],
  conditionKeys: [],
}));
const db = databaseFromRecords(records);
const all = records.flatMap((r) =>
  r.actions.map((a) => ({ name: `${r.prefix}:${a.name}`, level: a.accessLevel })),
);
// A fixed, spread-out choice of risky actions per category.
const risky = Object.fromEntries(
  RISK_CATEGORIES.map((c, i) => [c, all.filter((_, k) => k % (7 + i) === i).map((a) => a.name)]),
) as Record<RiskCategory, string[]>;
const analyzer = new PolicyAnalyzer(db, { riskyActions: risky, notActionScope: 'all-services' });

const patternArb = fc.oneof(
  fc.constantFrom(...all.map((a) => a.name)),
  fc.constantFrom('*', '*:Get*', 'svc1*:*', 'svc3:*', '*:*Policy', 'svc?:Put*', '*:List*', 'svc2:?et*'),
  fc.tuple(fc.nat(23), fc.constantFrom(...VERBS)).map(([s, v]) => `svc${s}:${v}*`),
);
const statementArb = fc.record({
  effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  not: fc.boolean(),
  patterns: fc.array(patternArb, { minLength: 1, maxLength: 4 }),
});

interface Stmt {
  effect: string;
  not: boolean;
  patterns: string[];
}

/** The reference: sets of names, every rule spelt out. Denies here are unconditional on `*`. */
function reference(statements: Stmt[]) {
  const covered = (st: Stmt) => {
    const hit = all.filter((a) => st.patterns.some((p) => matchesWildcard(p, a.name))).map((a) => a.name);
    return st.not ? all.map((a) => a.name).filter((n) => !hit.includes(n)) : hit;
  };
  const denied = new Set(statements.filter((s) => s.effect === 'Deny').flatMap(covered));
  const granted = new Set<string>();
  const findings = new Set<string>();
  statements.forEach((st, i) => {
    if (st.effect !== 'Allow') return;
    for (const name of covered(st)) {
      if (denied.has(name)) continue;
      granted.add(name);
      const by = st.not
        ? `NotAction ${st.patterns.join(', ')}`
        : st.patterns.find((p) => matchesWildcard(p, name));
      for (const c of RISK_CATEGORIES) if (risky[c].includes(name)) findings.add(`${i} ${c} ${by} ${name}`);
    }
  });
  const counts = Object.fromEntries(ACCESS_LEVELS.map((l) => [l, 0])) as Record<AccessLevel, number>;
  for (const a of all) if (granted.has(a.name)) counts[a.level]++;
  return { counts, findings: [...findings].sort() };
}

test('the analyzer agrees with a set-based reference on random policies', () => {
  fc.assert(
    fc.property(fc.array(statementArb, { minLength: 1, maxLength: 5 }), (statements) => {
      const doc = {
        Statement: statements.map((s) => ({
          Effect: s.effect,
          [s.not ? 'NotAction' : 'Action']: s.patterns,
          Resource: '*',
        })),
      };
      const got = analyzer.analyze(doc);
      const want = reference(statements);
      assert.deepEqual(got.accessLevels, want.counts);
      const findings = got.findings.flatMap((f) =>
        f.actions.map((a) => `${f.statementIndex} ${f.category} ${f.pattern} ${a}`),
      );
      assert.deepEqual(findings.sort(), want.findings);
    }),
    { numRuns: 300, seed: 4242 },
  );
});
