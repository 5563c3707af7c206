/**
 * Crud mode: ARNs per access level, plus wildcard-only actions, skip-resource-constraints and STS
 * assume-role grants. Sections are processed in policy_sentry's order (wildcard-only first, then read,
 * write, list, tagging, permissions management, skipped constraints, sts), which fixes statement order.
 */
import type { IamDatabase } from '../../database/database.js';
import type { AccessLevel } from '../../database/types.js';
import { compileArnFormat, matchesFormat } from '../../querying/arn-match.js';
import { UserError } from '../../util/errors.js';
import type { CrudTemplate } from '../types.js';
import { isWildcardOnly, serviceIndex, wildcardOnlyRecords } from './catalog.js';
import { addByActions, addByArn } from './derive.js';
import type { StatementDrafts } from './group.js';
import { requireAction, requireArn, requireArnShape, requireService, type NamedAction } from './names.js';
import { SKIP_SID } from './sid.js';

type WildcardSection = Exclude<keyof CrudTemplate['wildcardOnly'], 'singleActions'>;

/** Service-wide wildcard-only sections, in the order their actions are gathered. */
const SERVICE_SECTIONS: [WildcardSection, string, AccessLevel][] = [
  ['serviceRead', 'service-read', 'Read'],
  ['serviceList', 'service-list', 'List'],
  ['serviceWrite', 'service-write', 'Write'],
  ['serviceTagging', 'service-tagging', 'Tagging'],
  ['servicePermissionsManagement', 'service-permissions-management', 'Permissions management'],
];

const ARN_SECTIONS: ['read' | 'write' | 'list' | 'tagging' | 'permissionsManagement', string, AccessLevel][] =
  [
    ['read', 'read', 'Read'],
    ['write', 'write', 'Write'],
    ['list', 'list', 'List'],
    ['tagging', 'tagging', 'Tagging'],
    ['permissionsManagement', 'permissions-management', 'Permissions management'],
  ];

/** The sts section's keys and the actions they grant. */
const STS_SECTIONS: [keyof CrudTemplate['sts'], string, string][] = [
  ['assumeRole', 'assume-role', 'AssumeRole'],
  ['assumeRoleWithSaml', 'assume-role-with-saml', 'AssumeRoleWithSAML'],
  ['assumeRoleWithWebIdentity', 'assume-role-with-web-identity', 'AssumeRoleWithWebIdentity'],
];

/** Receives notes on template entries that grant nothing (the policy is still written). */
export type WarningSink = (message: string) => void;

export function deriveCrud(
  db: IamDatabase,
  t: CrudTemplate,
  drafts: StatementDrafts,
  warn: WarningSink,
): void {
  addWildcardOnly(db, t, drafts, warn);
  for (const [key, name, level] of ARN_SECTIONS) {
    for (const arn of t[key]) {
      const target = requireArn(db, arn, name);
      if (!target) {
        warn(`${name}: ARN '${arn}' is in no service's namespace of the database; nothing granted on it`);
      } else if (addByArn(drafts, target, level) === 0) {
        warn(
          `${name}: no ${level} action of '${target.index.prefix}' applies to '${arn}'; nothing granted on it`,
        );
      }
    }
  }
  for (const action of t.skipResourceConstraints) {
    // Checked, but written as given: policy_sentry keeps the template's spelling here.
    requireAction(db, action, 'skip-resource-constraints');
    drafts.addUnconstrained(action, SKIP_SID);
  }
  addSts(db, t, drafts, warn);
}

/**
 * Actions that can only be granted on `*`: named ones (others named there are left out, as they need a
 * resource), and all of a service's at an access level (`all` = every service).
 */
function addWildcardOnly(db: IamDatabase, t: CrudTemplate, drafts: StatementDrafts, warn: WarningSink): void {
  const chosen = new Map<string, NamedAction>();
  for (const name of t.wildcardOnly.singleActions) {
    const named = requireAction(db, name, 'wildcard-only single-actions');
    if (isWildcardOnly(named.record)) chosen.set(named.given, named);
    else
      warn(
        `wildcard-only single-actions: '${name}' takes resource ARNs, so it is left out (list its ARNs instead)`,
      );
  }
  for (const [key, name, level] of SERVICE_SECTIONS) {
    for (const prefix of t.wildcardOnly[key]) {
      const services =
        prefix.toLowerCase() === 'all'
          ? db.allServices()
          : [requireService(db, prefix, `wildcard-only ${name}`)];
      for (const service of services) {
        for (const record of wildcardOnlyRecords(service, level)) {
          const given = `${service.prefix}:${record.name}`;
          if (!chosen.has(given)) chosen.set(given, { given, service, record });
        }
      }
    }
  }
  if (chosen.size > 0) addByActions(db, drafts, [...chosen.values()], []);
}

/** `sts:AssumeRole*` on the role ARNs given, one statement per action (named after the action). */
function addSts(db: IamDatabase, t: CrudTemplate, drafts: StatementDrafts, warn: WarningSink): void {
  // The template's key order decides statement order (as in policy_sentry), so a parser that fills `sts`
  // in the YAML's order is honoured; keys it does not know are ignored.
  const order = Object.keys(t.sts);
  const sections = [...STS_SECTIONS].sort((a, b) => rank(order, a[0]) - rank(order, b[0]));
  for (const [key, name, actionName] of sections) {
    const arns = t.sts[key];
    if (arns.length === 0) continue;
    const index = serviceIndex(db, 'sts');
    const record = index?.service.action(actionName);
    if (!index || !record) throw new UserError(`sts ${name}: the database has no action sts:${actionName}`);
    const targets = arns.map((arn) => requireArnShape(arn, `sts ${name}`));
    const used = new Set<string>();
    for (const row of index.rows(record)) {
      if (row.accessLevel !== 'Write') continue;
      const format = compileArnFormat(row.format);
      for (const parsed of targets) {
        if (!matchesFormat(parsed, format)) continue;
        used.add(parsed.arn);
        const sid = row.action.slice(row.action.lastIndexOf(':') + 1);
        drafts.addResource(sid, parsed.arn, row.format, () => [row.action]);
      }
    }
    for (const arn of arns)
      if (!used.has(arn)) warn(`sts ${name}: '${arn}' is not a role ARN; nothing granted on it`);
  }
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}
