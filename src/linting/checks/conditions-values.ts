/**
 * Lint checks of the conditions family about values: the operator's type against the key's and the
 * values', wildcards where they are not read as wildcards, and the aws:MultiFactorAuthPresent pitfalls.
 */
import type { Check, CheckContext, CheckInfo } from '../check.js';
import type { LintStatement } from '../document.js';
import { resolveConditionKey } from '../condition-keys.js';
import { OPERATOR_KEY_TYPES, OPERATORS_FOR_KEY_TYPE } from '../../querying/condition-operators.js';
import { conditionEntries, valueText, type ConditionEntry } from '../condition-read.js';
import { valueProblem } from '../../querying/condition-values.js';

function check(info: CheckInfo, run: (ctx: CheckContext) => void): Check {
  return { ...info, run };
}

function eachEntry(ctx: CheckContext, fn: (stmt: LintStatement, entry: ConditionEntry) => void): void {
  for (const stmt of ctx.doc.statements) for (const e of conditionEntries(stmt)) if (e.parsed) fn(stmt, e);
}

const doc = (condition: Record<string, unknown>, effect: 'Allow' | 'Deny' = 'Allow') => ({
  document: {
    Version: '2012-10-17',
    Statement: [
      { Effect: effect, Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*', Condition: condition },
    ],
  },
});

const operatorTypeMismatch = check(
  {
    id: 'conditions/operator-type-mismatch',
    family: 'conditions',
    severity: 'warning',
    title: "A condition operator of another type than its key's",
    help:
      "Each condition key has a data type (AWS's global keys table, the Service Authorization Reference): " +
      'String, ARN, Numeric, Date, Bool or IP address. The operator must compare that type: Bool for ' +
      'aws:SecureTransport, IpAddress for aws:SourceIp, Date operators for aws:CurrentTime. A String operator ' +
      'on a Bool or IP key compares text, which does not mean what it seems (203.0.113.0/24 is not a range to ' +
      'StringEquals). Null works with every key.',
    example: {
      fires: doc({ StringEquals: { 'aws:SourceIp': '203.0.113.0/24' } }),
      passes: doc({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }),
    },
    accessAnalyzer: ['TYPE_MISMATCH'],
    parliament: ['MISMATCHED_TYPE'],
  },
  (ctx) =>
    eachEntry(ctx, (_s, e) => {
      const op = e.parsed?.type;
      if (!op || op === 'Null' || op === 'Binary') return;
      const info = resolveConditionKey(ctx.db, e.key);
      if (info.kind !== 'global' && info.kind !== 'service') return;
      if (info.types.length === 0 || info.types.some((t) => OPERATOR_KEY_TYPES[op].includes(t))) return;
      ctx.report(
        e.keyPath,
        `condition key '${e.key}' is of type ${info.types.join(' / ')}: compare it with ` +
          `${OPERATORS_FOR_KEY_TYPE[info.types[0]]}, not ${e.parsed?.base}`,
      );
    }),
);

const valueTypeMismatch = check(
  {
    id: 'conditions/value-type-mismatch',
    family: 'conditions',
    severity: 'warning',
    title: "A condition value that does not fit its operator's type",
    help:
      'Numeric operators take numbers; Date operators ISO 8601 dates (2026-01-31, 2026-01-31T12:00:00Z) or ' +
      'epoch seconds; Bool and Null take true or false; IpAddress takes IPv4 / IPv6 addresses or CIDR ranges; ' +
      'ARN operators take ARNs; BinaryEquals base64. A value of another form never matches. Values holding a ' +
      'policy variable or a ${...} placeholder are not judged.',
    example: {
      fires: doc({ DateLessThan: { 'aws:CurrentTime': '31/12/2026' } }),
      passes: doc({ DateLessThan: { 'aws:CurrentTime': '2026-12-31T00:00:00Z' } }),
    },
    accessAnalyzer: [
      'TYPE_MISMATCH_BOOLEAN',
      'TYPE_MISMATCH_DATE',
      'TYPE_MISMATCH_IP_RANGE',
      'TYPE_MISMATCH_NUMBER',
      'TYPE_MISMATCH_STRING',
    ],
    parliament: ['MISMATCHED_TYPE', 'MISMATCHED_TYPE_OPERATION_TO_NULL'],
  },
  (ctx) =>
    eachEntry(ctx, (_s, e) => {
      const op = e.parsed;
      if (!op) return;
      for (const v of e.values) {
        const allowed = valueProblem(op.type, v.value);
        if (allowed) {
          ctx.report(
            v.path,
            `condition value '${valueText(v)}' of '${e.key}' under ${e.operator}: expected ${allowed}`,
          );
        }
      }
    }),
);

const multipleBoolValues = check(
  {
    id: 'conditions/multiple-bool-values',
    family: 'conditions',
    severity: 'error',
    title: 'A Bool condition with both true and false',
    help:
      'A Bool key has one value in a request; a Bool condition listing both true and false holds whenever the ' +
      'key is present, which is never what was meant. Give one value.',
    example: {
      fires: doc({ Bool: { 'aws:SecureTransport': ['true', 'false'] } }),
      passes: doc({ Bool: { 'aws:SecureTransport': 'true' } }),
    },
    accessAnalyzer: ['INVALID_CONDITION_MULTIPLE_BOOLEAN'],
  },
  (ctx) =>
    eachEntry(ctx, (_s, e) => {
      if (e.parsed?.type !== 'Bool') return;
      const distinct = new Set(e.values.map((v) => valueText(v).toLowerCase()));
      if (distinct.size > 1) {
        ctx.report(
          e.keyPath,
          `condition key '${e.key}' under ${e.operator} has several values (${[...distinct].join(', ')}); give one`,
        );
      }
    }),
);

const EXACT_STRING = new Set([
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
]);

const wildcardWithoutLike = check(
  {
    id: 'conditions/wildcard-without-like',
    family: 'conditions',
    severity: 'warning',
    title: 'A * or ? in a value of an exact string operator',
    help:
      'StringEquals and its variants compare exactly: a * or ? in the value is a literal character, not a ' +
      'wildcard. Use StringLike / StringNotLike to match patterns. (ArnEquals and ArnLike both read wildcards.)',
    example: {
      fires: doc({ StringEquals: { 'aws:PrincipalTag/team': 'data-*' } }),
      passes: doc({ StringLike: { 'aws:PrincipalTag/team': 'data-*' } }),
    },
    accessAnalyzer: ['WILDCARD_WITHOUT_LIKE_OPERATOR'],
  },
  (ctx) =>
    eachEntry(ctx, (_s, e) => {
      if (!e.parsed || !EXACT_STRING.has(e.parsed.base)) return;
      for (const v of e.values) {
        if (typeof v.value !== 'string') continue;
        const outsideVariables = v.value.replace(/\$\{[^}]*\}/g, '');
        if (!/[*?]/.test(outsideVariables)) continue;
        const like = e.parsed.base.includes('Not') ? 'StringNotLike' : 'StringLike';
        ctx.report(
          v.path,
          `condition value '${v.value}' of '${e.key}': ${e.parsed.base} reads * and ? literally; use ${like} to match a pattern`,
        );
      }
    }),
);

const MFA = 'aws:multifactorauthpresent';

const mfaPitfall = check(
  {
    id: 'conditions/mfa-pitfall',
    family: 'conditions',
    severity: 'warning',
    title: 'An aws:MultiFactorAuthPresent test that does not test for MFA',
    help:
      'aws:MultiFactorAuthPresent is only in requests made with temporary credentials; requests signed with ' +
      'long-term access keys do not carry it. So "Bool": {"aws:MultiFactorAuthPresent": "false"} does not match ' +
      'them (a Deny built on it lets access keys through), "Null" with "true" in a Deny tests the kind of ' +
      'credentials, and "Null" with "false" in an Allow allows every temporary credential with or without ' +
      'MFA. AWS documents the patterns that work: a Deny with "BoolIfExists": {"aws:MultiFactorAuthPresent": ' +
      '"false"}, or an Allow with "Bool": {"aws:MultiFactorAuthPresent": "true"}.',
    example: {
      fires: doc({ Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, 'Deny'),
      passes: doc({ BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, 'Deny'),
    },
    parliament: ['BAD_PATTERN_FOR_MFA'],
  },
  (ctx) =>
    eachEntry(ctx, (stmt, e) => {
      const p = e.parsed;
      if (!p || e.key.toLowerCase() !== MFA) return;
      const has = (text: string) => e.values.some((v) => valueText(v).toLowerCase() === text);
      if (p.base === 'Bool' && !p.ifExists && has('false')) {
        ctx.report(
          e.keyPath,
          `${e.operator} '${e.key}' false does not match requests signed with long-term access keys, which ` +
            'do not carry the key; to deny every request without MFA, use "BoolIfExists" with false in a Deny',
        );
      } else if (p.base === 'Null' && stmt.effect === 'Deny' && has('true')) {
        ctx.report(
          e.keyPath,
          `Null '${e.key}' true in a Deny denies requests with long-term credentials, not requests without ` +
            'MFA; use "BoolIfExists" with false to deny every request without MFA',
        );
      } else if (p.base === 'Null' && stmt.effect === 'Allow' && has('false')) {
        ctx.report(
          e.keyPath,
          `Null '${e.key}' false in an Allow allows every request with temporary credentials, with or without ` +
            'MFA; use "Bool" with true to allow only requests with MFA',
        );
      }
    }),
);

export const conditionValueChecks: readonly Check[] = [
  operatorTypeMismatch,
  valueTypeMismatch,
  multipleBoolValues,
  wildcardWithoutLike,
  mfaPitfall,
];
