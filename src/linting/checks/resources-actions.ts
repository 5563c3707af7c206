/**
 * Lint checks of the resources family that weigh Resource against the statement's actions: ARNs no action
 * accepts, actions that accept only "*" given ARNs, and "*" given to actions that could be limited to ARNs.
 * Statements naming an action the database does not know are not judged (it may accept the ARN).
 */
import type { Check, CheckContext, CheckInfo } from '../check.js';
import type { LintStatement } from '../document.js';
import {
  factsOfAction,
  resourceLevelUnion,
  statementPatterns,
  type PatternFacts,
} from '../resource-actions.js';
import { isLiteral, type LintArn } from '../resource-arn.js';
import { arnMatchesFormat, type ArnFormat } from '../resource-formats.js';
import { named, resourceValues } from '../resource-values.js';
import { matchesWildcard } from '../../util/wildcard.js';

function check(info: CheckInfo, run: (ctx: CheckContext) => void): Check {
  return { ...info, run };
}

const byNamespace = new WeakMap<PatternFacts, Map<string, ArnFormat[]>>();

/** The pattern's formats whose ARNs have service field `ns` (or a placeholder there, listed under ''). */
function formatsFor(p: PatternFacts, ns: string): readonly ArnFormat[] {
  let map = byNamespace.get(p);
  if (!map) {
    map = new Map();
    for (const f of p.formats) {
      const list = map.get(f.namespace);
      if (list) list.push(f);
      else map.set(f.namespace, [f]);
    }
    byNamespace.set(p, map);
  }
  const own = map.get(ns) ?? [];
  const any = map.get('');
  return any ? [...own, ...any] : own;
}

/** Does some action behind `p` accept `arn`? Remembered with the ARN, which is cached across documents. */
function accepts(p: PatternFacts, arn: LintArn): boolean {
  const memo = (arn.memo ??= {});
  const seen = (memo.accepted ??= new WeakMap());
  let hit = seen.get(p);
  if (hit === undefined) {
    hit = formatsFor(p, arn.service).some((f) => arnMatchesFormat(arn, f));
    seen.set(p, hit);
  }
  return hit;
}

/** The statement's patterns when every one is known to the database; else undefined (not judged). */
function knownPatterns(ctx: CheckContext, stmt: LintStatement): PatternFacts[] | undefined {
  const patterns = statementPatterns(ctx.db, stmt);
  if (!patterns || patterns.some((p) => !p.known)) return undefined;
  return patterns;
}

/** The format most like the ARN (same empty region / account fields, longest shared start), as an example. */
function closest(formats: readonly ArnFormat[], arn: LintArn): ArnFormat {
  const score = (f: ArnFormat) => {
    const a = f.compiled.resourceString.toLowerCase();
    const b = arn.resource.toLowerCase();
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return (
      i +
      ((f.region === '') === (arn.region === '') ? 1000 : 0) +
      ((f.account === '') === (arn.account === '') ? 500 : 0)
    );
  };
  return formats.reduce((best, f) => (score(f) > score(best) ? f : best));
}

function list(names: readonly string[], max = 3): string {
  return names.length > max
    ? `${names.slice(0, max).join(', ')} and ${names.length - max} more`
    : names.join(', ');
}

const resourceMismatch = check(
  {
    id: 'resources/resource-mismatch',
    family: 'resources',
    severity: 'warning',
    title: "An ARN matches no resource type of the statement's actions",
    help:
      'Each action applies to resources of the types the Service Authorization Reference lists for it ' +
      '(s3:GetObject to objects, arn:aws:s3:::bucket/key; s3:ListBucket to buckets, arn:aws:s3:::bucket). ' +
      'An ARN of no type any action of the statement accepts grants or denies nothing: often the bucket ARN ' +
      'given for object actions or the reverse, or a resource of another service. Give the ARN the actions ' +
      'expect, or move the actions that need it to their own statement.',
    example: {
      fires: {
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket' }],
        },
      },
      passes: {
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' }],
        },
      },
    },
    accessAnalyzer: ['INVALID_ARN_RESOURCE'],
    parliament: ['RESOURCE_MISMATCH'],
  },
  (ctx) => {
    for (const stmt of ctx.doc.statements) {
      if (!stmt.resource || stmt.resource.length === 0) continue;
      const patterns = knownPatterns(ctx, stmt);
      if (!patterns || patterns.every((p) => p.formats.length === 0)) continue;
      for (const v of resourceValues(stmt, 'Resource')) {
        if (v.reading.kind !== 'arn' || !isLiteral(v.reading.arn.service)) continue;
        const arn: LintArn = v.reading.arn;
        if (patterns.some((p) => accepts(p, arn))) continue;
        const candidates = patterns.flatMap((p) => formatsFor(p, arn.service));
        // An action citing a resource type the database cannot describe might accept it.
        if (patterns.some((p) => p.unresolved)) continue;
        const types = [...new Set(candidates.map((f) => f.resourceType))];
        const services = [
          ...new Set(patterns.flatMap((p) => p.formats.map((f) => f.namespace || '*'))),
        ].sort();
        const expect =
          types.length > 0
            ? `they take ${arn.service} resources of type ${list(types, 4)}, e.g. ${closest(candidates, arn).arn}`
            : `they take resources of ${list(services)}, not ${arn.service}`;
        ctx.report(v.path, `${named(v)} matches no resource type of this statement's actions: ${expect}`);
      }
    }
  },
);

/** Could a Resource value stand for the "*" that actions without resource types are authorized on? */
function coversStar(value: string, servicePrefix: string): boolean {
  if (value === '*') return true;
  const fields = value.split(':');
  return (
    fields.length === 6 &&
    fields[0] === 'arn' &&
    /^\*+$/.test(fields[5]) &&
    (fields[2] === servicePrefix || matchesWildcard(fields[2], servicePrefix))
  );
}

const wildcardOnlyAction = check(
  {
    id: 'resources/wildcard-only-action',
    family: 'resources',
    severity: 'warning',
    title: 'An action that takes no resource ARN is given only specific ARNs',
    help:
      'Some actions cannot be limited to resources (s3:ListAllMyBuckets, ec2:DescribeInstances, ' +
      'sts:GetCallerIdentity): IAM authorizes them on Resource "*". A statement that names such an action ' +
      'with specific ARNs only does not apply to it. Move the action to a statement with "Resource": "*". ' +
      'Actions reached only through a wildcard (s3:List*) are not reported.',
    example: {
      fires: {
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: ['s3:ListAllMyBuckets', 's3:ListBucket'],
              Resource: 'arn:aws:s3:::my-bucket',
            },
          ],
        },
      },
      passes: {
        document: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' },
            { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-bucket' },
          ],
        },
      },
    },
    parliament: ['RESOURCE_MISMATCH'],
  },
  (ctx) => {
    for (const stmt of ctx.doc.statements) {
      if (!stmt.action || !stmt.resource || stmt.resource.length === 0) continue;
      const patterns = statementPatterns(ctx.db, stmt) ?? [];
      stmt.action.forEach((a, i) => {
        if (!isLiteral(a.value)) return;
        const p = patterns[i];
        if (!p.known || p.ids.length !== 1) return;
        const facts = factsOfAction(ctx.db, p.ids[0]);
        if (!facts.wildcardOnly) return;
        const prefix = facts.name.slice(0, facts.name.indexOf(':'));
        if (stmt.resource?.some((r) => coversStar(r.value, prefix) || r.value.startsWith('${'))) return;
        ctx.report(
          a.path,
          `${facts.name} takes no resource ARN in the Service Authorization Reference (only "Resource": "*"); ` +
            'this statement names specific ARNs only, so it may not grant it',
        );
      });
    }
  },
);

const resourceStar = check(
  {
    id: 'resources/resource-star',
    family: 'resources',
    severity: 'suggestion',
    title: 'Resource "*" on actions that can be limited to resource ARNs',
    help:
      'An Allow with "Resource": "*" grants its actions on every resource of the account. Actions that take ' +
      'resource ARNs can be limited to the resources they need (least privilege). Reported once per ' +
      'statement of an identity policy, naming a few of the actions; statements with a Condition are left ' +
      'alone, since the condition may be what limits them.',
    example: {
      fires: {
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
        },
      },
      passes: {
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' }],
        },
      },
    },
    parliament: ['RESOURCE_STAR'],
  },
  (ctx) => {
    if (ctx.policyType !== 'identity') return;
    for (const stmt of ctx.doc.statements) {
      if (stmt.effect !== 'Allow' || stmt.conditional || !stmt.resource) continue;
      const star = stmt.resource.find((r) => r.value === '*');
      if (!star) continue;
      const patterns = statementPatterns(ctx.db, stmt);
      if (!patterns) continue;
      const { count, first } = resourceLevelUnion(ctx.db, patterns, 3);
      if (count === 0) continue;
      const what =
        count === 1
          ? first[0]
          : `${count} actions (${first.join(', ')}${count > first.length ? ', ...' : ''})`;
      ctx.report(
        star.path,
        `"Resource": "*" grants ${what} on every resource; they can be limited to the ARNs they need`,
      );
    }
  },
);

export const resourceActionChecks: readonly Check[] = [resourceMismatch, wildcardOnlyAction, resourceStar];
