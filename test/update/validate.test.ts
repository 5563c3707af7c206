/** The update's validation on its own: per-service losses, and refusal messages that stay one short line. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  describeProblem,
  serviceLosses,
  validateUpdate,
  type ValidationInput,
} from '../../src/database/update/validate.js';
import type { ServiceRecord } from '../../src/database/types.js';

/** A service with `actions` actions (A0, A1...), `resources` resource types and `keys` condition keys. */
function service(prefix: string, actions: number | string[], resources = 0, keys = 0): ServiceRecord {
  const names = typeof actions === 'number' ? Array.from({ length: actions }, (_, i) => `A${i}`) : actions;
  return {
    prefix,
    name: prefix,
    authorizationUrl: '',
    actions: names.map((name) => ({
      name,
      description: '',
      accessLevel: 'Read',
      apiDocumentationLink: '',
      resourceTypes: [],
    })),
    resourceTypes: Array.from({ length: resources }, (_, i) => ({
      name: `r${i}`,
      arn: '',
      conditionKeys: [],
    })),
    conditionKeys: Array.from({ length: keys }, (_, i) => ({
      name: `${prefix}:k${i}`,
      description: '',
      type: '',
    })),
  };
}

const base: ValidationInput = {
  failures: [],
  pages: [],
  parseFailures: [],
  newCounts: { services: 0, actions: 0, resourceTypes: 0, conditionKeys: 0 },
};

test('a service that loses half its actions is a problem, though the whole database barely shrinks', () => {
  const old = [service('s3', 168), ...Array.from({ length: 400 }, (_, i) => service(`svc${i}`, 50))];
  const now = [service('s3', 84), ...old.slice(1)];
  const { problems } = validateUpdate({
    ...base,
    oldServices: old,
    newServices: now,
    oldCounts: { services: 401, actions: 20168, resourceTypes: 0, conditionKeys: 0 },
    newCounts: { services: 401, actions: 20084, resourceTypes: 0, conditionKeys: 0 },
  });
  assert.equal(problems.length, 1, JSON.stringify(problems));
  assert.deepEqual(problems[0]?.items, ['s3 (-84 of 168 actions)']);
  assert.match(describeProblem(problems[0]!), /^1 service\(s\) would lose 20% or more \(and at least 5\)/);
});

test('small or proportionally small losses pass: fewer than 5 items, or under 20%', () => {
  assert.deepEqual(serviceLosses([service('tiny', 6)], [service('tiny', 2)]), [], '4 of 6 lost');
  assert.deepEqual(serviceLosses([service('big', 100)], [service('big', 81)]), [], '19 of 100 lost');
  assert.deepEqual(serviceLosses([service('big', 100)], [service('big', 80)]), ['big (-20 of 100 actions)']);
});

test('each kind counts on its own; renamed items count as lost; a service gone loses everything', () => {
  assert.deepEqual(serviceLosses([service('ec2', 10, 30, 10)], [service('ec2', 10, 20, 10)]), [
    'ec2 (-10 of 30 resource types)',
  ]);
  const renamed = Array.from({ length: 10 }, (_, i) => (i < 5 ? `New${i}` : `A${i}`));
  assert.deepEqual(serviceLosses([service('x', 10)], [service('x', renamed)]), ['x (-5 of 10 actions)']);
  assert.deepEqual(serviceLosses([service('old', 8, 0, 6)], []), [
    'old (gone: -8 of 8 actions, -6 of 6 condition keys)',
  ]);
  assert.deepEqual(
    serviceLosses([service('Old', 8)], [service('old', 8)]),
    [],
    'prefixes compare without case',
  );
  assert.deepEqual(
    serviceLosses([service('x', 10)], [service('x', 10)], { share: 0, minItems: 1 }),
    [],
    'nothing lost, nothing reported',
  );
});

test('a service that keeps all its items never counts as a loss, whatever it gains (property)', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 40 }),
      fc.uniqueArray(fc.string({ minLength: 1, maxLength: 8 }), { maxLength: 40 }),
      (kept, added) => {
        const old = [service('svc', kept)];
        const now = [service('svc', [...new Set([...added, ...kept])])];
        return serviceLosses(old, now).length === 0;
      },
    ),
  );
});

test('a problem with many pages stays one short line; the count says how many are left out (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 2000 }), (n) => {
      const items = Array.from({ length: n }, (_, i) => `list_service${i}.html (HTTP 404)`);
      const line = describeProblem({ summary: `${n} page(s) could not be downloaded`, items });
      assert.ok(line.length < 300, line);
      assert.equal(line.includes(`and ${n - 3} more (--verbose lists them all)`), n > 3);
      assert.equal(line.includes('listed above'), false);
      return true;
    }),
  );
  const many = { summary: 's', items: ['a', 'b', 'c', 'd'] };
  assert.equal(describeProblem(many, true), 's: a, b, c and 1 more (listed above)');
  assert.equal(describeProblem({ summary: 's', items: ['a', 'b'] }), 's: a, b');
});
