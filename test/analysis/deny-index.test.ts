// DenyIndex finds exactly the Denies that denyCovers accepts, without testing every pair.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DenyIndex, denyCovers, resourceCovers } from '../../src/analysis/deny.js';
import type { PolicyStatementView } from '../../src/analysis/policy.js';

function view(
  index: number,
  effect: 'Allow' | 'Deny',
  resources: string[] | undefined,
  extra: Partial<PolicyStatementView> = {},
): PolicyStatementView {
  return {
    index,
    label: `#${index}`,
    effect,
    actions: ['s3:GetObject'],
    resources,
    conditional: false,
    raw: {},
    ...extra,
    // As readPolicyStatements decides it for a valid statement: a Condition makes it uncertain.
    certain: extra.certain ?? !extra.conditional,
  };
}

test('resourceCovers: a Resource made only of stars is `*`', () => {
  assert.equal(resourceCovers('**', 'arn:aws:s3:::b/*'), true);
  assert.equal(resourceCovers('**', 'arn:aws:s3:::b/key'), true);
  assert.equal(resourceCovers('arn:aws:s3:::b**', 'arn:aws:s3:::b/*'), true);
  assert.equal(resourceCovers('arn:aws:s3:::c**', 'arn:aws:s3:::b/*'), false);
  assert.equal(resourceCovers('*?', 'arn:aws:s3:::b/*'), false);
  assert.equal(denyCovers(view(1, 'Deny', ['**']), view(0, 'Allow', ['arn:aws:s3:::b/*'])), true);
  assert.equal(
    denyCovers(view(1, 'Deny', ['arn:aws:s3:::c/*']), view(0, 'Allow', ['arn:aws:s3:::b/*'])),
    false,
  );
});

test('resourceCovers: an ARN against a Deny with many stars, with case', () => {
  const allow = `arn:aws:iam::123456789012:role/${'a'.repeat(60)}`;
  assert.equal(resourceCovers(`arn:aws:iam::123456789012:role/${'*a'.repeat(14)}*ab`, allow), false);
  assert.equal(resourceCovers(`arn:aws:iam::123456789012:role/${'*a'.repeat(14)}*`, allow), true);
  assert.equal(resourceCovers(`arn:aws:iam::123456789012:role/${'*A'.repeat(2)}*`, allow), false);
});

const resourceArb = fc.constantFrom(
  '*',
  '**',
  'arn:aws:s3:::b',
  'arn:aws:s3:::b/*',
  'arn:aws:s3:::b/k',
  'arn:aws:s3:::B/k',
  'arn:aws:s3:::b*',
  'arn:aws:s3:::b/?',
  'arn:aws:s3:::c/*',
  'arn:aws:s3:::*',
  'arn:aws:s3:::b/k*',
  'arn:aws:s3:::b/*k',
);
const statementArb = fc.record({
  effect: fc.constantFrom('Allow' as const, 'Deny' as const),
  resources: fc.option(fc.array(resourceArb, { maxLength: 3 }), { nil: undefined }),
  notResources: fc.option(fc.constant<string[]>(['arn:aws:s3:::x']), { nil: undefined }),
  conditional: fc.boolean(),
});

test('DenyIndex finds exactly the Denies that denyCovers accepts', () => {
  fc.assert(
    fc.property(fc.array(statementArb, { maxLength: 12 }), (specs) => {
      const views = specs.map((s, i) =>
        view(i, s.effect, s.resources, { conditional: s.conditional, notResources: s.notResources }),
      );
      const index = new DenyIndex<number>();
      for (const v of views) if (v.effect === 'Deny') index.add(v, v.index);
      for (const allow of views.filter((v) => v.effect === 'Allow')) {
        const expected = views.filter((d) => d.effect === 'Deny' && denyCovers(d, allow)).map((d) => d.index);
        const found = [...index.everywhere, ...index.covering(allow).flatMap((g) => g.members)];
        assert.deepEqual(
          found.sort((a, b) => a - b),
          expected,
        );
      }
    }),
    { numRuns: 2000 },
  );
});

test('DenyIndex groups Denies on the same resources and keeps apart those that cover nothing', () => {
  const index = new DenyIndex<string>();
  index.add(view(0, 'Deny', ['arn:aws:s3:::b/*']), 'first');
  index.add(view(1, 'Deny', ['arn:aws:s3:::b/*']), 'second');
  index.add(view(2, 'Deny', ['arn:aws:s3:::b/*'], { conditional: true }), 'conditional');
  index.add(view(3, 'Deny', undefined, { notResources: ['arn:aws:s3:::x'] }), 'notresource');
  index.add(view(4, 'Deny', ['*']), 'star');
  const groups = index.covering(view(5, 'Allow', ['arn:aws:s3:::b/k']));
  assert.deepEqual(
    groups.map((g) => g.members),
    [['first', 'second']],
  );
  assert.deepEqual(index.everywhere, ['star']);
  assert.deepEqual(index.covering(view(6, 'Allow', ['arn:aws:s3:::c/k'])), []);
});
