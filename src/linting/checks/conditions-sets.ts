/**
 * Lint checks of the conditions family about single- and multivalued keys: set operators
 * (ForAllValues:, ForAnyValue:) belong to multivalued keys (aws:TagKeys, ArrayOf... keys), and
 * ForAllValues in an Allow holds when the key is absent.
 */
import type { Check, CheckContext, CheckInfo } from '../check.js';
import type { LintStatement } from '../document.js';
import { isMultivalued, resolveConditionKey, type KeyInfo } from '../condition-keys.js';
import { conditionEntries, valueText, type ConditionEntry } from '../condition-read.js';

function check(info: CheckInfo, run: (ctx: CheckContext) => void): Check {
  return { ...info, run };
}

function eachEntry(
  ctx: CheckContext,
  fn: (stmt: LintStatement, entry: ConditionEntry, info: KeyInfo) => void,
): void {
  for (const stmt of ctx.doc.statements) {
    for (const e of conditionEntries(stmt)) {
      if (e.parsed) fn(stmt, e, resolveConditionKey(ctx.db, e.key));
    }
  }
}

const doc = (effect: 'Allow' | 'Deny', condition: Record<string, unknown>, action = 'ec2:CreateTags') => ({
  document: {
    Version: '2012-10-17',
    Statement: [{ Effect: effect, Action: action, Resource: '*', Condition: condition }],
  },
});

const forAllValuesSingle = check(
  {
    id: 'conditions/forallvalues-single-valued-key',
    family: 'conditions',
    severity: 'security-warning',
    title: 'ForAllValues: with a single-valued key',
    help:
      'ForAllValues: is true when every value of the key in the request is among the policy values, and also ' +
      'when the key is absent or empty. On a key that has at most one value (aws:SourceVpc, aws:PrincipalOrgID, ' +
      's3:prefix...) it therefore adds the absent case and can grant more than intended. Remove the ' +
      'ForAllValues: prefix.',
    example: {
      fires: doc('Allow', { 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
      passes: doc('Allow', { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
    },
    accessAnalyzer: ['FORALLVALUES_WITH_SINGLE_VALUED_KEY'],
    parliament: ['SINGLE_VALUE_CONDITION_TOO_PERMISSIVE'],
  },
  (ctx) =>
    eachEntry(ctx, (_s, e, info) => {
      if (e.parsed?.qualifier !== 'ForAllValues' || e.parsed.base === 'Null') return;
      if (isMultivalued(info, false) !== false) return;
      ctx.report(
        e.keyPath,
        `condition key '${e.key}' has a single value, so '${e.operator}' also holds when the key is absent; ` +
          `use ${e.operator.slice(e.operator.indexOf(':') + 1)}`,
      );
    }),
);

const forAnyValueSingle = check(
  {
    id: 'conditions/foranyvalue-single-valued-key',
    family: 'conditions',
    severity: 'warning',
    title: 'ForAnyValue: with a single-valued key',
    help:
      'Set operators are for keys that can carry several values in one request (aws:TagKeys, ArrayOf... keys). ' +
      'AWS advises against them on single-valued keys: with a negated operator (ForAnyValue:StringNotEquals) ' +
      'the result is not what the plain operator gives. Remove the ForAnyValue: prefix.',
    example: {
      fires: doc('Allow', { 'ForAnyValue:StringEquals': { 'aws:RequestedRegion': 'eu-west-1' } }),
      passes: doc('Allow', { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } }),
    },
    parliament: ['SINGLE_VALUE_CONDITION_TOO_PERMISSIVE'],
  },
  (ctx) =>
    eachEntry(ctx, (_s, e, info) => {
      if (e.parsed?.qualifier !== 'ForAnyValue' || e.parsed.base === 'Null') return;
      if (isMultivalued(info, false) !== false) return;
      ctx.report(
        e.keyPath,
        `condition key '${e.key}' has a single value: '${e.operator}' is meant for multivalued keys; ` +
          `use ${e.operator.slice(e.operator.indexOf(':') + 1)}`,
      );
    }),
);

const missingSetOperator = check(
  {
    id: 'conditions/missing-set-operator',
    family: 'conditions',
    severity: 'warning',
    title: 'A multivalued key compared without ForAllValues: or ForAnyValue:',
    help:
      'A multivalued key (aws:TagKeys, aws:CalledVia, aws:PrincipalOrgPaths, keys the Service Authorization ' +
      'Reference types ArrayOf...) can carry several values in one request. AWS requires a set operator to ' +
      'say how they are compared: ForAnyValue: (at least one matches) or ForAllValues: (every one matches).',
    example: {
      fires: doc('Allow', { StringEquals: { 'aws:TagKeys': ['team', 'project'] } }),
      passes: doc('Allow', {
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'project'] },
        Null: { 'aws:TagKeys': 'false' },
      }),
    },
  },
  (ctx) =>
    eachEntry(ctx, (_s, e, info) => {
      if (!e.parsed || e.parsed.qualifier || e.parsed.base === 'Null') return;
      if (isMultivalued(info, true) !== true) return;
      ctx.report(
        e.keyPath,
        `condition key '${e.key}' is multivalued: write 'ForAnyValue:${e.operator}' or ` +
          `'ForAllValues:${e.operator}' to say how its values are compared`,
      );
    }),
);

/** Does `e` make the statement require its key to be present? */
function requiresKey(e: ConditionEntry): boolean {
  const p = e.parsed;
  if (!p) return false;
  if (p.base === 'Null')
    return !p.qualifier && e.values.length > 0 && e.values.every((v) => /^false$/i.test(valueText(v)));
  return !p.ifExists && p.qualifier !== 'ForAllValues';
}

const forAllValuesWithoutGuard = check(
  {
    id: 'conditions/forallvalues-without-null-guard',
    family: 'conditions',
    severity: 'security-warning',
    title: 'ForAllValues: in an Allow with nothing requiring the key',
    help:
      'ForAllValues: holds when the key is absent from the request (or empty): an Allow that limits ' +
      'aws:TagKeys with it also allows the requests that carry no tags at all. Add "Null": {"<key>": "false"} ' +
      'to the same condition, or another test that needs the key (ForAnyValue:...), when requests without ' +
      'the key must not be allowed.',
    example: {
      fires: doc('Allow', { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'project'] } }),
      passes: doc('Allow', {
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'project'] },
        Null: { 'aws:TagKeys': 'false' },
      }),
    },
  },
  (ctx) => {
    for (const stmt of ctx.doc.statements) {
      if (stmt.effect !== 'Allow') continue;
      const entries = conditionEntries(stmt);
      for (const e of entries) {
        if (e.parsed?.qualifier !== 'ForAllValues' || e.parsed.base === 'Null') continue;
        // Single-valued keys are forallvalues-single-valued-key's.
        if (isMultivalued(resolveConditionKey(ctx.db, e.key), false) === false) continue;
        const lower = e.key.toLowerCase();
        if (entries.some((o) => o !== e && o.key.toLowerCase() === lower && requiresKey(o))) continue;
        ctx.report(
          e.keyPath,
          `'${e.operator}' on '${e.key}' in an Allow also allows requests without the key; add ` +
            `"Null": {"${e.key}": "false"} if they must not be allowed`,
        );
      }
    }
  },
);

export const conditionSetChecks: readonly Check[] = [
  forAllValuesSingle,
  forAnyValueSingle,
  missingSetOperator,
  forAllValuesWithoutGuard,
];
