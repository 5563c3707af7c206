/**
 * Lint checks of the resources family: the ARNs of Resource / NotResource (syntax, partition, region and
 * account fields, as the database's ARN formats allow them), and how they fit the statement's actions
 * (resources-actions.ts).
 */
import type { IamDatabase } from '../../database/database.js';
import { matchesWildcard } from '../../util/wildcard.js';
import type { Check, CheckContext, CheckInfo } from '../check.js';
import { PARTITIONS } from '../../querying/partitions.js';
import { isLiteral, type LintArn } from '../resource-arn.js';
import { arnMatchesFormat, formatsInNamespace, type ArnFormat } from '../resource-formats.js';
import { named, resourceValues, type ResourceValue } from '../resource-values.js';
import { resourceActionChecks } from './resources-actions.js';

const ARN_GRAMMAR = 'arn:partition:service:region:account:resource';

/** A region code: two to four letters, words, a number (us-east-1, us-gov-west-1, eusc-de-east-1). */
const REGION = /^[a-z]{2,4}(-[a-z]+)+-\d{1,2}$/;

function check(info: CheckInfo, run: (ctx: CheckContext) => void): Check {
  return { ...info, run };
}

/** Runs `fn` on every value of every statement that reads as an ARN. */
function eachArn(ctx: CheckContext, fn: (v: ResourceValue, arn: LintArn) => void): void {
  for (const stmt of ctx.doc.statements) {
    for (const v of resourceValues(stmt)) if (v.reading.kind === 'arn') fn(v, v.reading.arn);
  }
}

const candidateCache = new WeakMap<IamDatabase, Map<string, readonly ArnFormat[]>>();

/**
 * The formats an ARN can be of: those of its namespace that its resource part can match, or, when none
 * can, every format of the namespace. Empty when the namespace is unknown or a wildcard.
 */
function candidateFormats(db: IamDatabase, arn: LintArn): readonly ArnFormat[] {
  if (!isLiteral(arn.service)) return [];
  let cache = candidateCache.get(db);
  if (!cache) {
    cache = new Map();
    candidateCache.set(db, cache);
  }
  const key = `${arn.service}:${arn.resource}`;
  let hit = cache.get(key);
  if (!hit) {
    const all = formatsInNamespace(db, arn.service);
    const matched = all.filter((f) => arnMatchesFormat(arn, f));
    hit = matched.length > 0 ? matched : all;
    if (cache.size >= 20_000) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

/** A short description of the formats, for messages: up to two of them. */
function describeFormats(formats: readonly ArnFormat[]): string {
  const arns = [...new Set(formats.map((f) => f.arn))];
  const shown = arns.slice(0, 2);
  return arns.length > 2 ? `${shown.join(', ')}, ...` : shown.join(', ');
}

const invalidArn = check(
  {
    id: 'resources/invalid-arn',
    family: 'resources',
    severity: 'error',
    title: 'A Resource or NotResource value is neither "*" nor an ARN',
    help:
      `Resource and NotResource take "*" or ARNs of the form ${ARN_GRAMMAR}, with six colon-separated ` +
      "fields, the prefix 'arn' and the service in lower case. A value of another shape matches no resource, " +
      'so the statement does not apply to it. Write the ARN in full, e.g. arn:aws:s3:::my-bucket.',
    example: {
      fires: {
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'my-bucket' }],
        },
      },
      passes: {
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-bucket' }],
        },
      },
    },
    accessAnalyzer: ['INVALID_ARN_PREFIX', 'MISSING_ARN_FIELD', 'INVALID_ARN_SERVICE_CASE'],
    parliament: ['INVALID_ARN'],
  },
  (ctx) => {
    for (const stmt of ctx.doc.statements) {
      for (const v of resourceValues(stmt)) {
        if (v.reading.kind === 'invalid')
          ctx.report(v.path, `${named(v)} is not an ARN: ${v.reading.reason}`);
      }
    }
  },
);

const unknownPartition = check(
  {
    id: 'resources/unknown-partition',
    family: 'resources',
    severity: 'error',
    title: 'An ARN names a partition AWS does not have',
    help:
      `The second field of an ARN is its partition: one of ${PARTITIONS.join(', ')} (or a wildcard ` +
      'matching one). Another value matches no resource. Most accounts are in the partition aws.',
    example: {
      fires: {
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:amazon:s3:::my-bucket' }],
        },
      },
      passes: {
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-bucket' }],
        },
      },
    },
    accessAnalyzer: ['INVALID_PARTITION'],
    parliament: ['INVALID_ARN'],
  },
  (ctx) =>
    eachArn(ctx, (v, arn) => {
      const p = arn.partition;
      const known = isLiteral(p)
        ? (PARTITIONS as readonly string[]).includes(p)
        : PARTITIONS.some((k) => matchesWildcard(p, k));
      if (!known) {
        ctx.report(v.path, `${named(v)}: partition '${p}' is not one of ${PARTITIONS.join(', ')}`);
      }
    }),
);

const invalidRegion = check(
  {
    id: 'resources/invalid-region',
    family: 'resources',
    severity: 'error',
    title: 'The region field of an ARN is not a region code',
    help:
      'The fourth field of an ARN is a region code such as us-east-1 or eu-west-3, a wildcard, or empty for ' +
      'services whose resources have no region. Anything else (a region name, a typo) matches no resource.',
    example: {
      fires: {
        document: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Action: 'sqs:SendMessage',
              Resource: 'arn:aws:sqs:us-east:123456789012:my-queue',
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
              Action: 'sqs:SendMessage',
              Resource: 'arn:aws:sqs:us-east-1:123456789012:my-queue',
            },
          ],
        },
      },
    },
    accessAnalyzer: ['INVALID_ARN_REGION'],
    parliament: ['INVALID_ARN'],
  },
  (ctx) =>
    eachArn(ctx, (v, arn) => {
      if (arn.region !== '' && isLiteral(arn.region) && !REGION.test(arn.region)) {
        ctx.report(
          v.path,
          `${named(v)}: '${arn.region}' is not a region code (e.g. us-east-1), a wildcard or empty`,
        );
      }
    }),
);

const invalidAccount = check(
  {
    id: 'resources/invalid-account',
    family: 'resources',
    severity: 'error',
    title: 'The account field of an ARN is not a 12-digit account ID',
    help:
      'The fifth field of an ARN is the 12-digit ID of the account that owns the resource (no hyphens), `aws` ' +
      'for AWS-owned resources such as managed policies, a wildcard, or empty for services whose ARNs have no ' +
      'account. An account alias or a shorter number matches no resource.',
    example: {
      fires: {
        document: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'iam:GetRole', Resource: 'arn:aws:iam::1234-5678-9012:role/admin' },
          ],
        },
      },
      passes: {
        document: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'iam:GetRole', Resource: 'arn:aws:iam::123456789012:role/admin' },
          ],
        },
      },
    },
    accessAnalyzer: ['INVALID_ARN_ACCOUNT'],
    parliament: ['INVALID_ARN'],
  },
  (ctx) =>
    eachArn(ctx, (v, arn) => {
      const a = arn.account;
      if (a === '' || !isLiteral(a) || /^\d{12}$/.test(a) || a === 'aws') return;
      // A few formats have a literal account of their own (MediaConnect's offerings).
      if (isLiteral(arn.service) && formatsInNamespace(ctx.db, arn.service).some((f) => f.account === a))
        return;
      ctx.report(
        v.path,
        `${named(v)}: account '${a}' is not a 12-digit account ID, 'aws', a wildcard or empty`,
      );
    }),
);

/**
 * Reports ARNs whose `field` is given where no format of their kind has one, or missing where all do
 * (and where `also` holds for every format).
 */
function fieldCheck(
  ctx: CheckContext,
  field: 'region' | 'account',
  want: 'absent' | 'present',
  message: (v: ResourceValue, arn: LintArn, formats: readonly ArnFormat[]) => string,
  also: (f: ArnFormat) => boolean = () => true,
): void {
  eachArn(ctx, (v, arn) => {
    const value = arn[field];
    if (want === 'absent' ? value === '' || !isLiteral(value) : value !== '') return;
    const formats = candidateFormats(ctx.db, arn);
    if (formats.length === 0) return;
    const fits = formats.every((f) => (want === 'absent' ? f[field] === '' : f[field] !== '') && also(f));
    if (fits) ctx.report(v.path, message(v, arn, formats));
  });
}

const regionNotAllowed = check(
  {
    id: 'resources/region-not-allowed',
    family: 'resources',
    severity: 'warning',
    title: 'An ARN names a region where its resource type has none',
    help:
      'Some resources are global: IAM roles and users, S3 buckets and objects, CloudFront distributions, ' +
      'Route 53 hosted zones. Their ARNs leave the region field empty (arn:aws:iam::123456789012:role/x, ' +
      'arn:aws:s3:::my-bucket). An ARN that names a region matches none of them.',
    example: {
      fires: {
        document: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:us-east-1::my-bucket' },
          ],
        },
      },
      passes: {
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-bucket' }],
        },
      },
    },
    accessAnalyzer: ['ARN_REGION_NOT_ALLOWED'],
  },
  (ctx) =>
    fieldCheck(
      ctx,
      'region',
      'absent',
      (v, arn, formats) =>
        `${named(v)}: ${arn.service} ARNs of this kind have no region (${describeFormats(formats)}); ` +
        `remove '${arn.region}'`,
    ),
);

const accountNotAllowed = check(
  {
    id: 'resources/account-not-allowed',
    family: 'resources',
    severity: 'warning',
    title: 'An ARN names an account where its resource type has none',
    help:
      'Some ARNs have no account field because their names are global: S3 buckets and objects ' +
      '(arn:aws:s3:::my-bucket/*), Route 53 hosted zones, CloudFront... An ARN that names an account ' +
      'matches none of them; to limit a statement to one account use the aws:ResourceAccount condition key.',
    example: {
      fires: {
        document: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3::123456789012:my-bucket/*' },
          ],
        },
      },
      passes: {
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' }],
        },
      },
    },
    accessAnalyzer: ['ARN_ACCOUNT_NOT_ALLOWED'],
  },
  (ctx) =>
    fieldCheck(
      ctx,
      'account',
      'absent',
      (v, arn, formats) =>
        `${named(v)}: ${arn.service} ARNs of this kind have no account (${describeFormats(formats)}); ` +
        `remove '${arn.account}'`,
    ),
);

const missingRegion = check(
  {
    id: 'resources/missing-region',
    family: 'resources',
    severity: 'warning',
    title: 'An ARN leaves the region empty where its resource type has one',
    help:
      'Regional resources (SQS queues, Lambda functions, EC2 instances...) have the region in their ARN. ' +
      'An empty region field matches none of them; write the region, or * for every region.',
    example: {
      fires: {
        document: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs::123456789012:my-queue' },
          ],
        },
      },
      passes: {
        document: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:*:123456789012:my-queue' },
          ],
        },
      },
    },
    accessAnalyzer: ['MISSING_ARN_REGION'],
  },
  (ctx) =>
    fieldCheck(
      ctx,
      'region',
      'present',
      (v, arn, formats) =>
        `${named(v)}: ${arn.service} ARNs of this kind have a region (${describeFormats(formats)}); ` +
        'write it, or * for every region',
    ),
);

const missingAccount = check(
  {
    id: 'resources/missing-account',
    family: 'resources',
    severity: 'warning',
    title: 'An ARN leaves the account empty where its resource type has one',
    help:
      'The resources of global services such as IAM have the owning account in their ARN ' +
      '(arn:aws:iam::123456789012:role/x): an empty account field matches none of them; write the account ID, ' +
      'or * for any account. Only global resource types (no region field) are checked: regional services ' +
      'name resources that AWS owns and shares (public SSM documents and parameters, Resource Explorer ' +
      'service views) with an empty account, which is right.',
    example: {
      fires: {
        document: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: 'arn:aws:iam:::role/admin' }],
        },
      },
      passes: {
        document: {
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 'iam:GetRole', Resource: 'arn:aws:iam::123456789012:role/admin' },
          ],
        },
      },
    },
    accessAnalyzer: ['MISSING_ARN_ACCOUNT'],
  },
  (ctx) =>
    fieldCheck(
      ctx,
      'account',
      'present',
      (v, arn, formats) =>
        `${named(v)}: ${arn.service} ARNs of this kind have an account (${describeFormats(formats)}); ` +
        'write the account ID, or * for any account',
      (f) => f.region === '',
    ),
);

export const resourcesChecks: readonly Check[] = [
  invalidArn,
  unknownPartition,
  invalidRegion,
  invalidAccount,
  regionNotAllowed,
  accountNotAllowed,
  missingRegion,
  missingAccount,
  ...resourceActionChecks,
];
