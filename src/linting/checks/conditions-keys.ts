/**
 * Lint checks of the conditions family about keys: their form, whether AWS (the global keys table) or the
 * database knows them, and whether the statement's actions support them.
 */
import type { Check, CheckContext, CheckInfo } from '../check.js';
import type { LintStatement } from '../document.js';
import { resolveConditionKey, type KeyInfo } from '../condition-keys.js';
import { conditionEntries, type ConditionEntry } from '../condition-read.js';
import { patternsSupportKey, statementPatterns } from '../resource-actions.js';

function check(info: CheckInfo, run: (ctx: CheckContext) => void): Check {
  return { ...info, run };
}

/** A statement's distinct keys (a key under two operators is judged once), kept for the five checks. */
const distinctKeys = new WeakMap<LintStatement, ConditionEntry[]>();

/** Every distinct key of every statement, with what it is. */
function eachKey(
  ctx: CheckContext,
  fn: (stmt: LintStatement, entry: ConditionEntry, info: KeyInfo) => void,
): void {
  for (const stmt of ctx.doc.statements) {
    if (!stmt.conditional) continue;
    let entries = distinctKeys.get(stmt);
    if (!entries) {
      entries = [];
      const seen = new Set<string>();
      for (const e of conditionEntries(stmt)) {
        const lower = e.key.toLowerCase();
        if (seen.has(lower)) continue;
        seen.add(lower);
        entries.push(e);
      }
      distinctKeys.set(stmt, entries);
    }
    for (const e of entries) fn(stmt, e, resolveConditionKey(ctx.db, e.key));
  }
}

const doc = (condition: Record<string, unknown>, action = 's3:GetObject') => ({
  document: {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: action,
        // s3:ListBucket takes the bucket, s3:GetObject its objects.
        Resource: action === 's3:ListBucket' ? 'arn:aws:s3:::my-bucket' : 'arn:aws:s3:::my-bucket/*',
        Condition: condition,
      },
    ],
  },
});

const invalidKeyFormat = check(
  {
    id: 'conditions/invalid-key-format',
    family: 'conditions',
    severity: 'error',
    title: 'A condition key that is not of the form prefix:name',
    help:
      'Condition keys are written prefix:name: aws:SourceIp (global keys), s3:prefix (service keys). A key ' +
      'without a prefix, or with white space in it, is never in a request, so the condition cannot hold.',
    example: {
      fires: doc({ IpAddress: { SourceIp: '203.0.113.0/24' } }),
      passes: doc({ IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } }),
    },
    accessAnalyzer: ['INVALID_CONDITION_KEY_FORMAT'],
  },
  (ctx) =>
    eachKey(ctx, (_s, e, info) => {
      if (info.kind === 'malformed') {
        ctx.report(
          e.keyPath,
          `condition key '${e.key}' is not of the form prefix:name (e.g. aws:SourceIp, s3:prefix)`,
        );
      }
    }),
);

const unknownGlobalKey = check(
  {
    id: 'conditions/unknown-global-key',
    family: 'conditions',
    severity: 'error',
    title: 'An aws: condition key AWS does not have',
    help:
      'Keys with the aws: prefix are the global condition keys AWS documents (aws:SourceIp, aws:PrincipalOrgID, ' +
      'aws:ResourceTag/<tag-key>...). Any other aws: key is never in a request, so its condition never holds ' +
      'as written. A frequent case is aws:ARN, which does not exist: use aws:PrincipalArn or aws:SourceArn.',
    example: {
      fires: doc({ StringEquals: { 'aws:PrincipalOrgId1': 'o-a1b2c3d4e5' } }),
      passes: doc({ StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } }),
    },
    accessAnalyzer: ['INVALID_GLOBAL_CONDITION_KEY', 'UNSUPPORTED_GLOBAL_CONDITION_KEY'],
  },
  (ctx) =>
    eachKey(ctx, (_s, e, info) => {
      if (info.kind === 'unknown-global') {
        ctx.report(e.keyPath, `condition key '${e.key}' is not an AWS global condition key${info.hint}`);
      }
    }),
);

const missingTagKey = check(
  {
    id: 'conditions/missing-tag-key',
    family: 'conditions',
    severity: 'error',
    title: 'A tag condition key written without its tag key',
    help:
      'Keys such as aws:ResourceTag/<tag-key>, aws:RequestTag/<tag-key>, aws:PrincipalTag/<tag-key> and their ' +
      'service forms (ec2:ResourceTag/<tag-key>) name one tag: write the tag key after the slash, e.g. ' +
      'aws:ResourceTag/team. Without it the key is never in a request.',
    example: {
      fires: doc({ StringEquals: { 'aws:ResourceTag': 'finance' } }),
      passes: doc({ StringEquals: { 'aws:ResourceTag/team': 'finance' } }),
    },
    accessAnalyzer: ['MISSING_TAG_KEY_IN_CONDITION'],
  },
  (ctx) =>
    eachKey(ctx, (_s, e, info) => {
      if (info.kind === 'missing-tag-key') {
        ctx.report(
          e.keyPath,
          `condition key '${e.key}' needs the name it stands for: write it as ${info.template}`,
        );
      }
    }),
);

const unknownServiceKey = check(
  {
    id: 'conditions/unknown-service-key',
    family: 'conditions',
    severity: 'warning',
    title: 'A service condition key the database does not know',
    help:
      "A key with a service's prefix (s3:, ec2:...) must be one the service documents in the Service " +
      'Authorization Reference; another key is never in a request, so its condition never holds as written. ' +
      'Keys of prefixes the database does not know (OIDC providers such as token.actions.githubusercontent.com) ' +
      'are not judged. A warning rather than an error because the database may be older than the key: ' +
      'update it (iamwright db update) if the key is new.',
    example: {
      fires: doc({ StringLike: { 's3:prefixes': 'home/*' } }, 's3:ListBucket'),
      passes: doc({ StringLike: { 's3:prefix': 'home/*' } }, 's3:ListBucket'),
    },
    accessAnalyzer: ['INVALID_SERVICE_CONDITION_KEY'],
  },
  (ctx) =>
    eachKey(ctx, (_s, e, info) => {
      if (info.kind === 'unknown-service') {
        ctx.report(
          e.keyPath,
          `condition key '${e.key}' is not a condition key of ${info.prefix} in the database${info.hint}`,
        );
      }
    }),
);

const keyNotSupported = check(
  {
    id: 'conditions/key-not-supported',
    family: 'conditions',
    severity: 'warning',
    title: "A service condition key that none of the statement's actions supports",
    help:
      'Each action documents the condition keys its requests carry (its own and those of its resource types). ' +
      'A service key that no action of the statement supports is absent from all of their requests: the ' +
      'condition never holds (or, with IfExists, always does), which is rarely what was meant. Move the key ' +
      'to a statement with the actions that support it. Global keys (aws:...) are not judged; nor are ' +
      'statements with NotAction or with actions the database does not know.',
    example: {
      fires: doc({ StringLike: { 's3:prefix': 'home/*' } }, 's3:GetObject'),
      passes: doc({ StringLike: { 's3:prefix': 'home/*' } }, 's3:ListBucket'),
    },
    accessAnalyzer: ['UNSUPPORTED_ACTION_FOR_CONDITION_KEY'],
    parliament: ['UNKNOWN_CONDITION_FOR_ACTION'],
  },
  (ctx) =>
    eachKey(ctx, (stmt, e, info) => {
      if (info.kind !== 'service') return;
      const patterns = statementPatterns(ctx.db, stmt);
      if (!patterns || patterns.some((p) => !p.known)) return;
      if (patternsSupportKey(patterns, e.key)) return;
      const actions = (stmt.action ?? []).map((a) => a.value);
      const shown = actions.length > 3 ? `${actions.slice(0, 3).join(', ')}...` : actions.join(', ');
      ctx.report(
        e.keyPath,
        `condition key '${e.key}' is supported by none of this statement's actions (${shown}), so their ` +
          'requests never carry it',
      );
    }),
);

export const conditionKeyChecks: readonly Check[] = [
  invalidKeyFormat,
  unknownGlobalKey,
  missingTagKey,
  unknownServiceKey,
  keyNotSupported,
];
