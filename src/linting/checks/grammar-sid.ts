/** Grammar checks of statement ids: their characters and their uniqueness, by policy type. */
import type { Check, CheckContext } from '../check.js';
import type { LintStatement } from '../document.js';
import { POLICY_TYPE_RULES } from '../policy-rules.js';
import { formatPath } from '../shape.js';
import { sample } from './sample.js';

const ALNUM = /^[A-Za-z0-9]*$/;

const stmt = (Sid: string) => ({ Sid, Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });

export const invalidSid: Check = {
  id: 'grammar/invalid-sid',
  family: 'grammar',
  severity: 'error',
  title: 'A Sid with characters other than letters and digits',
  help:
    'In IAM policies (identity, permissions boundary, role trust) and Organizations policies the Sid may ' +
    'hold only ASCII letters and digits. Resource policies follow their service, and some allow more ' +
    '(spaces, hyphens), so they are not checked here.',
  example: {
    fires: sample([stmt('Read objects')]),
    passes: sample([stmt('ReadObjects')]),
  },
  accessAnalyzer: ['UNSUPPORTED_SID'],
  parliament: ['INVALID_SID'],
  run(ctx) {
    const rules = POLICY_TYPE_RULES[ctx.policyType];
    if (!rules.alphanumericSid) return;
    for (const st of ctx.doc.statements) {
      if (st.sid === undefined || ALNUM.test(st.sid)) continue;
      const bad = [...new Set(st.sid.replace(/[A-Za-z0-9]/g, ''))].map((c) => JSON.stringify(c)).join(' ');
      ctx.report(
        [...st.path, 'Sid'],
        `Sid '${st.sid}' has characters ${rules.name} does not allow (${bad}); use only letters A-Z, a-z and digits 0-9`,
      );
    }
  },
};

export const emptySid: Check = {
  id: 'grammar/empty-sid',
  family: 'grammar',
  severity: 'suggestion',
  title: 'An empty Sid',
  help: 'A Sid of "" identifies nothing: give the statement a name, or leave the Sid element out.',
  example: {
    fires: sample([stmt('')]),
    passes: sample([stmt('ReadObjects')]),
  },
  accessAnalyzer: ['EMPTY_SID_VALUE'],
  run(ctx) {
    for (const st of ctx.doc.statements) {
      if (st.sid === '')
        ctx.report(
          [...st.path, 'Sid'],
          `${formatPath(st.path)} has an empty Sid; name the statement or remove the Sid`,
        );
    }
  },
};

/** Statements sharing a Sid with an earlier one, with the index of that first one. */
function duplicates(ctx: CheckContext): [LintStatement, LintStatement][] {
  const first = new Map<string, LintStatement>();
  const out: [LintStatement, LintStatement][] = [];
  for (const st of ctx.doc.statements) {
    if (!st.sid) continue;
    const seen = first.get(st.sid);
    if (seen) out.push([st, seen]);
    else first.set(st.sid, st);
  }
  return out;
}

export const duplicateSid: Check = {
  id: 'grammar/duplicate-sid',
  family: 'grammar',
  severity: 'error',
  title: 'Two statements with the same Sid, where Sids must be unique',
  help:
    'IAM (identity policies, permissions boundaries, role trust policies) and Organizations (SCPs, RCPs) ' +
    'reject a policy in which two statements share a Sid. Rename one.',
  example: {
    fires: sample([stmt('Read'), { ...stmt('Read'), Action: 's3:ListBucket' }]),
    passes: sample([stmt('Read'), { ...stmt('List'), Action: 's3:ListBucket' }]),
  },
  accessAnalyzer: ['UNIQUE_SIDS_REQUIRED'],
  parliament: ['DUPLICATE_SID'],
  run(ctx) {
    const rules = POLICY_TYPE_RULES[ctx.policyType];
    if (!rules.uniqueSidsRequired) return;
    for (const [st, seen] of duplicates(ctx)) {
      ctx.report(
        [...st.path, 'Sid'],
        `Sid '${st.sid}' is already used by ${formatPath(seen.path)}; ${rules.name} needs a different Sid for each statement`,
      );
    }
  },
};

export const duplicateSidResourcePolicy: Check = {
  id: 'grammar/duplicate-sid-resource-policy',
  family: 'grammar',
  severity: 'warning',
  title: 'Two statements of a resource policy with the same Sid',
  help:
    'Some services accept repeated Sids in resource policies, others (SQS, SNS) treat the Sid as an id. ' +
    'Unique Sids keep statements apart in reviews and tools.',
  example: {
    fires: sample(
      [
        {
          Sid: 'Read',
          Effect: 'Allow',
          Principal: { AWS: '111122223333' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::example-bucket/*',
        },
        {
          Sid: 'Read',
          Effect: 'Allow',
          Principal: { AWS: '111122223333' },
          Action: 's3:ListBucket',
          Resource: 'arn:aws:s3:::example-bucket',
        },
      ],
      'resource',
    ),
    passes: sample(
      [
        {
          Sid: 'Read',
          Effect: 'Allow',
          Principal: { AWS: '111122223333' },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::example-bucket/*',
        },
        {
          Sid: 'List',
          Effect: 'Allow',
          Principal: { AWS: '111122223333' },
          Action: 's3:ListBucket',
          Resource: 'arn:aws:s3:::example-bucket',
        },
      ],
      'resource',
    ),
  },
  accessAnalyzer: ['UNIQUE_SIDS_RECOMMENDED'],
  parliament: ['DUPLICATE_SID'],
  run(ctx) {
    if (POLICY_TYPE_RULES[ctx.policyType].uniqueSidsRequired) return;
    for (const [st, seen] of duplicates(ctx)) {
      ctx.report(
        [...st.path, 'Sid'],
        `Sid '${st.sid}' is already used by ${formatPath(seen.path)}; give each statement its own Sid`,
      );
    }
  },
};

export const sidChecks: readonly Check[] = [invalidSid, emptySid, duplicateSid, duplicateSidResourcePolicy];
