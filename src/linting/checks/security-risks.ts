/**
 * The risk findings of `iamwright analyze` as lint security warnings: one check per risk category, all fed
 * by one analysis of the document. The analyzer (risk lists resolved to action ids) is built once per
 * database and reused for every document.
 */
import type { IamDatabase } from '../../database/database.js';
import { PolicyAnalyzer, RISK_CATEGORIES, type Finding, type RiskCategory } from '../../analysis/index.js';
import type { Check, CheckContext } from '../check.js';
import type { LintDocument, LintStatement } from '../document.js';
import { statementPatterns } from '../resource-actions.js';
import { formatPath } from '../shape.js';
import type { JsonPath } from '../types.js';
import { statementViews } from '../views.js';
import { sample } from './sample.js';

const analyzers = new WeakMap<IamDatabase, PolicyAnalyzer>();
const results = new WeakMap<LintDocument, Map<RiskCategory, LocatedFinding[]>>();

interface LocatedFinding {
  finding: Finding;
  statement: LintStatement;
  path: JsonPath;
}

function analyzerFor(db: IamDatabase): PolicyAnalyzer {
  let a = analyzers.get(db);
  if (!a) {
    a = new PolicyAnalyzer(db, { categories: RISK_CATEGORIES });
    analyzers.set(db, a);
  }
  return a;
}

/**
 * The document's risk findings by category, computed once for the four checks. Only the statements the
 * analysis can read go in (the grammar checks report the others), so one bad statement does not hide the
 * risks of the rest.
 */
function riskFindings(ctx: CheckContext): Map<RiskCategory, LocatedFinding[]> {
  let byCategory = results.get(ctx.doc);
  if (byCategory) return byCategory;
  byCategory = new Map();
  results.set(ctx.doc, byCategory);
  // Only unscoped Allows are reported (see onEveryResource), so only they, and the Denies that may take
  // actions from them, are analysed: most statements of real policies are scoped, and this is the
  // costly part of lint.
  const views = statementViews(ctx.doc).filter(
    ({ st, view }) => view.effect === 'Deny' || (!view.conditional && onEveryResource(st)),
  );
  // Most documents grant no action of the risk lists at all: those need no analysis. (A NotAction grants
  // nearly everything, so it is always analysed.)
  const analyzer = analyzerFor(ctx.db);
  const mayReport = ({ st, view }: (typeof views)[number]) =>
    view.effect === 'Allow' &&
    (view.actions === undefined ||
      (statementPatterns(ctx.db, st) ?? []).some((p) => analyzer.mayReport(p.ids)));
  if (!views.some(mayReport)) return byCategory;
  const statements = views.map(({ st, view }) => {
    const s: Record<string, unknown> = { Effect: view.effect };
    // Whom a statement is about stays: the analysis decides whether a Deny naming principals is certain.
    if ('Principal' in st.raw) s.Principal = st.raw.Principal;
    if ('NotPrincipal' in st.raw) s.NotPrincipal = st.raw.NotPrincipal;
    if (view.actions) s.Action = view.actions;
    else s.NotAction = view.notActions;
    if (view.resources) s.Resource = view.resources;
    if (view.notResources) s.NotResource = view.notResources;
    if (view.conditional) s.Condition = view.raw.Condition;
    return s;
  });
  const { findings } = analyzer.analyze({ Version: '2012-10-17', Statement: statements });
  for (const finding of findings) {
    const st = views[finding.statementIndex].st;
    const at = st.action?.find((v) => v.value === finding.pattern);
    const path = at ? at.path : [...st.path, st.action ? 'Action' : 'NotAction'];
    const list = byCategory.get(finding.category as RiskCategory) ?? [];
    list.push({ finding, statement: st, path });
    byCategory.set(finding.category as RiskCategory, list);
  }
  return byCategory;
}

/**
 * Does the statement reach every resource of its actions: NotResource, `*`, or ARNs whose resource part
 * is a bare wildcard, optionally after a resource type (`arn:aws:s3:::*`, `arn:aws:iam::*:role/*`)?
 */
export function onEveryResource(st: LintStatement): boolean {
  if (st.notResource) return true;
  return (st.resource ?? []).some((r) => {
    if (r.value === '*') return true;
    const parts = r.value.split(':');
    return parts.length >= 6 && /^([A-Za-z0-9_-]+[/:])?\*$/.test(parts.slice(5).join(':'));
  });
}

function names(actions: readonly string[]): string {
  return actions.length > 5
    ? `${actions.slice(0, 5).join(', ')} and ${actions.length - 5} more`
    : actions.join(', ');
}

function riskCheck(
  category: RiskCategory,
  title: string,
  help: string,
  example: Check['example'],
  parliament?: string[],
): Check {
  return {
    id: `security/${category}`,
    family: 'security',
    severity: 'security-warning',
    title,
    help:
      help +
      ' Reported when an Allow grants such actions on every resource (Resource "*", a wildcard ARN such as ' +
      'arn:aws:iam::*:role/*, or NotResource) without a Condition; a grant narrowed to named resources or by ' +
      'a Condition is the least-privilege way to grant them, and `iamwright analyze` lists those too. The ' +
      'action lists are those of analyze (data/risky-actions); a Deny in the same policy that surely covers ' +
      'the Allow takes its actions out. Only identity and resource policies are checked: boundaries, SCPs ' +
      'and RCPs grant nothing.',
    example,
    ...(parliament ? { parliament } : {}),
    run(ctx) {
      if (ctx.policyType !== 'identity' && ctx.policyType !== 'resource') return;
      for (const { finding, statement, path } of riskFindings(ctx).get(category) ?? []) {
        const what = finding.pattern.startsWith('NotAction ') ? 'its NotAction' : `'${finding.pattern}'`;
        ctx.report(
          path,
          `${formatPath(statement.path)} grants ${category} actions on every resource, without a Condition, through ${what}: ${names(finding.actions)}; name the resources or add a Condition`,
        );
      }
    },
  };
}

export const riskChecks: readonly Check[] = [
  riskCheck(
    'privilege-escalation',
    'Grants actions that let the holder gain more permissions',
    'Writing or attaching IAM policies, passing a role to compute the holder controls, or taking over ' +
      'another identity turns this policy into a path to more access than it states.',
    {
      fires: sample([{ Effect: 'Allow', Action: 'iam:AttachUserPolicy', Resource: '*' }]),
      passes: sample([{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }]),
    },
    ['PRIVILEGE_ESCALATION'],
  ),
  riskCheck(
    'resource-exposure',
    'Grants actions that change who can reach a resource',
    'Writing resource policies, ACLs or sharing settings, or managing IAM identities, can make a resource ' +
      'public or hand it to another account.',
    {
      fires: sample([{ Effect: 'Allow', Action: 's3:PutBucketPolicy', Resource: '*' }]),
      passes: sample([{ Effect: 'Allow', Action: 's3:GetBucketPolicy', Resource: '*' }]),
    },
    ['PERMISSIONS_MANAGEMENT_ACTIONS'],
  ),
  riskCheck(
    'credentials-exposure',
    'Grants actions whose response carries credentials',
    'Access keys, temporary credentials, database passwords and registry tokens returned by these actions ' +
      'can be used elsewhere, outside this policy.',
    {
      fires: sample([{ Effect: 'Allow', Action: 'iam:CreateAccessKey', Resource: '*' }]),
      passes: sample([{ Effect: 'Allow', Action: 'iam:ListAccessKeys', Resource: '*' }]),
    },
    ['CREDENTIALS_EXPOSURE'],
  ),
  riskCheck(
    'resource-policies',
    'Grants actions that create, change or delete resource-based policies',
    'Whoever can rewrite a bucket, key or repository policy decides who else may use the resource.',
    {
      fires: sample([{ Effect: 'Allow', Action: 'kms:PutKeyPolicy', Resource: '*' }]),
      passes: sample([{ Effect: 'Allow', Action: 'kms:GetKeyPolicy', Resource: '*' }]),
    },
    ['RESOURCE_POLICY_PRIVILEGE_ESCALATION'],
  ),
];
