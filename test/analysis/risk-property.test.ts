// Invariants of the risk report, over random policies made from risky and harmless actions, resources and
// conditions: more access never means less risk, and a Condition or a narrower resource never means more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { openDatabase, bundledDatabasePath } from '../../src/database/index.js';
import { buildRiskReport } from '../../src/analysis/index.js';
import { RISK_LEVELS, type RiskFinding } from '../../src/reporting/risk-report.js';

const db = openDatabase(bundledDatabasePath());

const ACTIONS = [
  'iam:PassRole',
  'lambda:CreateFunction',
  'lambda:InvokeFunction',
  'ec2:RunInstances',
  'ssm:SendCommand',
  'iam:CreateAccessKey',
  's3:GetObject',
  's3:PutBucketPolicy',
  'cloudtrail:StopLogging',
  'ec2:DescribeInstances',
  'codebuild:CreateProject',
  'codebuild:StartBuild',
  'sts:AssumeRole',
  'sqs:*',
  'iam:Get*',
];
const RESOURCES = [
  '*',
  'arn:aws:iam::123456789012:role/app',
  'arn:aws:s3:::bucket/*',
  'arn:aws:iam::*:role/*',
];
const CONDITION = { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } };

const statement = fc.record({
  Effect: fc.constant('Allow'),
  Action: fc.uniqueArray(fc.constantFrom(...ACTIONS), { minLength: 1, maxLength: 4 }),
  Resource: fc.constantFrom(...RESOURCES),
  conditional: fc.boolean(),
});
type Gen = { Effect: string; Action: string[]; Resource: string; conditional: boolean };
const toStatement = ({ conditional, ...s }: Gen) => (conditional ? { ...s, Condition: CONDITION } : s);

/** The highest level per finding key (category and method), for one policy. */
function levels(statements: Gen[]): Map<string, number> {
  const r = buildRiskReport(db, [
    {
      file: 'p.json',
      kind: 'file',
      document: { Version: '2012-10-17', Statement: statements.map(toStatement) },
    },
  ]);
  const out = new Map<string, number>();
  const key = (f: RiskFinding) =>
    `${f.category}${f.method ? ` ${f.method.id} ${f.method.complete ? 'complete' : 'partial'}` : ''}`;
  for (const f of r.findings) out.set(key(f), RISK_LEVELS.indexOf(f.level));
  return out;
}

test('adding a statement keeps every complete finding, at the same level or higher', () => {
  fc.assert(
    fc.property(fc.array(statement, { minLength: 1, maxLength: 3 }), statement, (base, extra) => {
      const before = levels(base);
      const after = levels([...base, extra]);
      for (const [k, lv] of before) {
        if (k.endsWith('partial')) continue; // a partial may become complete
        assert.ok(after.has(k), `${k} disappeared`);
        assert.ok((after.get(k) as number) <= lv, `${k} went down`);
      }
    }),
    { numRuns: 60 },
  );
});

test('a Condition or a named resource never raises a level', () => {
  fc.assert(
    fc.property(fc.array(statement, { minLength: 1, maxLength: 3 }), fc.nat(), (stmts, pick) => {
      const i = pick % stmts.length;
      const base = levels(stmts);
      const narrowed = stmts.map((s, j) =>
        j === i ? { ...s, conditional: true, Resource: 'arn:aws:iam::123456789012:role/app' } : s,
      );
      for (const [k, lv] of levels(narrowed)) {
        const was = base.get(k);
        if (was !== undefined) assert.ok(lv >= was, `${k} went up`);
      }
    }),
    { numRuns: 60 },
  );
});
