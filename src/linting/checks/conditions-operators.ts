/** Lint checks of the conditions family about operators: unknown ones, and IfExists / set operators misused. */
import { didYouMean } from '../../util/errors.js';
import type { Check, CheckContext, CheckInfo } from '../check.js';
import { operatorSpellings } from '../../querying/condition-operators.js';
import { conditionOperators } from '../condition-read.js';

function check(info: CheckInfo, run: (ctx: CheckContext) => void): Check {
  return { ...info, run };
}

function eachOperator(
  ctx: CheckContext,
  fn: (o: ReturnType<typeof conditionOperators>[number]) => void,
): void {
  for (const stmt of ctx.doc.statements) for (const o of conditionOperators(stmt)) fn(o);
}

const unknownOperator = check(
  {
    id: 'conditions/unknown-operator',
    family: 'conditions',
    severity: 'error',
    title: 'A Condition operator IAM does not have',
    help:
      'Condition operators are String*, Numeric*, Date*, Bool, BinaryEquals, IpAddress / NotIpAddress, Arn* ' +
      'and Null, optionally with the IfExists suffix and a ForAllValues: or ForAnyValue: prefix. IAM rejects ' +
      'a policy with any other operator.',
    example: {
      fires: {
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::my-bucket/*',
              Condition: { StringEqual: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
            },
          ],
        },
      },
      passes: {
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:GetObject',
              Resource: 'arn:aws:s3:::my-bucket/*',
              Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
            },
          ],
        },
      },
    },
    accessAnalyzer: ['INVALID_CONDITION_OPERATOR'],
    parliament: ['UNKNOWN_OPERATOR'],
  },
  (ctx) =>
    eachOperator(ctx, (o) => {
      if (o.parsed) return;
      ctx.report(
        o.operatorPath,
        `condition operator '${o.operator}' is not an IAM operator${didYouMean(o.operator, operatorSpellings())}`,
      );
    }),
);

const nullIfExists = check(
  {
    id: 'conditions/null-if-exists',
    family: 'conditions',
    severity: 'error',
    title: 'The Null operator with the IfExists suffix',
    help:
      'Null tests whether a key is present; IfExists makes a condition true when the key is absent. ' +
      'IAM does not accept NullIfExists: use Null with "true" (the key is absent) or "false" (it is present).',
    example: {
      fires: {
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Action: 's3:PutObject',
              Resource: 'arn:aws:s3:::my-bucket/*',
              Condition: { NullIfExists: { 's3:x-amz-server-side-encryption': 'true' } },
            },
          ],
        },
      },
      passes: {
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Deny',
              Action: 's3:PutObject',
              Resource: 'arn:aws:s3:::my-bucket/*',
              Condition: { Null: { 's3:x-amz-server-side-encryption': 'true' } },
            },
          ],
        },
      },
    },
    accessAnalyzer: ['NULL_WITH_IF_EXISTS'],
  },
  (ctx) =>
    eachOperator(ctx, (o) => {
      if (o.parsed?.base === 'Null' && o.parsed.ifExists) {
        ctx.report(
          o.operatorPath,
          `condition operator '${o.operator}': Null cannot take the IfExists suffix; use Null`,
        );
      }
    }),
);

const nullWithSetOperator = check(
  {
    id: 'conditions/null-with-set-operator',
    family: 'conditions',
    severity: 'suggestion',
    title: 'The Null operator with ForAllValues: or ForAnyValue:',
    help:
      'ForAllValues:Null and ForAnyValue:Null do not test what Null tests: AWS documents that they always ' +
      'return true and false respectively. Use Null alone to test whether a key is present.',
    example: {
      fires: {
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'ec2:CreateTags',
              Resource: '*',
              Condition: { 'ForAllValues:Null': { 'aws:TagKeys': 'false' } },
            },
          ],
        },
      },
      passes: {
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'ec2:CreateTags',
              Resource: '*',
              Condition: { Null: { 'aws:TagKeys': 'false' } },
            },
          ],
        },
      },
    },
    accessAnalyzer: ['NULL_WITH_QUALIFIER'],
  },
  (ctx) =>
    eachOperator(ctx, (o) => {
      if (o.parsed?.base === 'Null' && o.parsed.qualifier) {
        ctx.report(
          o.operatorPath,
          `condition operator '${o.operator}': ${o.parsed.qualifier}:Null is always ` +
            `${o.parsed.qualifier === 'ForAllValues' ? 'true' : 'false'}; use Null without a set operator`,
        );
      }
    }),
);

export const conditionOperatorChecks: readonly Check[] = [unknownOperator, nullIfExists, nullWithSetOperator];
