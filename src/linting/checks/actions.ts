/**
 * Lint checks of the actions family: names the database does not know, wildcards that match nothing or
 * reach across services, and patterns a statement already covers.
 */
import type { IamDatabase } from '../../database/database.js';
import { actionIndex } from '../../querying/expand.js';
import { patternFacts, statementPatterns, type PatternFacts } from '../resource-actions.js';
import { hasWildcard } from '../../util/wildcard.js';
import type { Check, CheckContext } from '../check.js';
import { databaseLabel } from '../db-label.js';
import type { ElementValue, LintStatement } from '../document.js';
import { coverer, globCovers } from '../glob.js';
import { formatPath, quotedList } from '../shape.js';
import { suggest } from '../suggest.js';
import { sample } from './sample.js';

/** Facts of a statement's NotAction values (its Action values' are statementPatterns'), by statement. */
const notActionFacts = new WeakMap<LintStatement, PatternFacts[]>();

/** Each Action / NotAction value of every statement, with what the database says of it. */
function eachAction(
  ctx: CheckContext,
  fn: (v: ElementValue, e: PatternFacts, st: LintStatement, inNotAction: boolean) => void,
): void {
  for (const st of ctx.doc.statements) {
    if (st.action && st.action.length > 0) {
      const facts = statementPatterns(ctx.db, st) as PatternFacts[];
      for (let i = 0; i < facts.length; i++) fn(st.action[i], facts[i], st, false);
    }
    if (st.notAction && st.notAction.length > 0) {
      let facts = notActionFacts.get(st);
      if (!facts) {
        facts = st.notAction.map((v) => patternFacts(ctx.db, v.value));
        notActionFacts.set(st, facts);
      }
      for (let i = 0; i < facts.length; i++) fn(st.notAction[i], facts[i], st, true);
    }
  }
}

function servicePart(pattern: string): string {
  const colon = pattern.indexOf(':');
  return colon < 0 ? '' : pattern.slice(0, colon);
}

const UPDATE_HINT = 'if it is newer, `iamwright db update` fetches the current list';

/**
 * Messages by database and pattern: the same unknown name recurs across an account's policies. Bounded,
 * so that a long-running process linting endless distinct typos does not grow without end.
 */
const messages = new WeakMap<IamDatabase, Map<string, string>>();
const MESSAGE_CACHE_LIMIT = 10_000;

function unknownMessage(db: IamDatabase, pattern: string, e: PatternFacts): string {
  let cache = messages.get(db);
  if (!cache) messages.set(db, (cache = new Map()));
  let message = cache.get(pattern);
  if (message === undefined) {
    message = composeUnknownMessage(db, pattern, e);
    if (cache.size >= MESSAGE_CACHE_LIMIT) cache.clear();
    cache.set(pattern, message);
  }
  return message;
}

function composeUnknownMessage(db: IamDatabase, pattern: string, e: PatternFacts): string {
  const prefix = servicePart(pattern);
  const label = databaseLabel(db);
  if (e.problem === 'unknown-service') {
    const near = suggest(
      prefix,
      db.listServices().map((s) => s.prefix),
    );
    const hint = near.length ? ` (did you mean ${quotedList(near)}?)` : '';
    return `'${pattern}': ${label} has no service with prefix '${prefix}'${hint}: a typo, or a service newer than the database (${UPDATE_HINT})`;
  }
  const svc = db.service(prefix);
  const name = pattern.slice(prefix.length + 1);
  const near = svc
    ? suggest(
        name,
        svc.actions.map((a) => a.name),
      ).map((n) => `${svc.prefix}:${n}`)
    : [];
  const hint = near.length ? ` (did you mean ${quotedList(near)}?)` : '';
  return `'${pattern}' is not an action of ${svc?.prefix ?? prefix} in ${label}${hint}: a typo, or an action newer than the database (${UPDATE_HINT})`;
}

export const invalidFormat: Check = {
  id: 'actions/invalid-format',
  family: 'actions',
  severity: 'error',
  title: 'An action that is not of the form service:Action',
  help:
    'Actions are written service-prefix:ActionName (e.g. s3:GetObject), or "*" for every action, with no ' +
    'spaces. IAM rejects other text with "Actions must be prefaced by a vendor".',
  example: {
    fires: sample([{ Effect: 'Allow', Action: 's3GetObject', Resource: '*' }]),
    passes: sample([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
  },
  parliament: ['UNKNOWN_PREFIX'],
  run(ctx) {
    eachAction(ctx, (v, e) => {
      if (e.problem === 'malformed') {
        ctx.report(
          v.path,
          `${formatPath(v.path)} '${v.value}' is not an action: write service:Action (e.g. s3:GetObject) or "*", without spaces`,
        );
      }
    });
  },
};

export const unknownAction: Check = {
  id: 'actions/unknown-action',
  family: 'actions',
  severity: 'error',
  title: 'An action or service prefix the database does not know',
  help:
    'The name matches no action of the database: a typo (the message suggests close names), a retired ' +
    'action, or an action or service AWS added after the database was built (run `iamwright db update`). ' +
    'A misspelt action grants nothing in an Allow and, worse, denies nothing in a Deny.',
  example: {
    fires: sample([{ Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' }]),
    passes: sample([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
  },
  accessAnalyzer: ['INVALID_ACTION', 'INVALID_SERVICE_IN_ACTION'],
  parliament: ['UNKNOWN_ACTION', 'UNKNOWN_PREFIX'],
  run(ctx) {
    eachAction(ctx, (v, e, st, inNotAction) => {
      // A pattern whose service prefix is named exactly but unknown is reported here, wildcard or not;
      // a wildcard within a known service that matches nothing is wildcard-matches-nothing.
      const named =
        (e.problem === 'unknown-service' && !hasWildcard(servicePart(v.value))) ||
        (e.problem === 'unknown-action' && !hasWildcard(v.value));
      if (!named) return;
      // What the unknown name costs: a Deny that protects nothing is the worst case.
      const tail = inNotAction
        ? '; as a NotAction entry it excepts nothing'
        : st.effect === 'Deny'
          ? '; this Deny denies nothing for it'
          : '';
      ctx.report(v.path, unknownMessage(ctx.db, v.value, e) + tail);
    });
  },
};

export const wildcardMatchesNothing: Check = {
  id: 'actions/wildcard-matches-nothing',
  family: 'actions',
  severity: 'error',
  title: 'A wildcard that matches no action',
  help:
    'The pattern matches no action of the database: usually a typo in the fixed part (s3:Gett*), or a ' +
    'service-part wildcard that matches no service. It grants (or denies) nothing.',
  example: {
    fires: sample([{ Effect: 'Allow', Action: 's3:Gett*', Resource: '*' }]),
    passes: sample([{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }]),
  },
  accessAnalyzer: ['INVALID_ACTION'],
  parliament: ['UNKNOWN_ACTION'],
  run(ctx) {
    eachAction(ctx, (v, e) => {
      if (!e.problem || e.problem === 'malformed') return;
      const svc = servicePart(v.value);
      if (e.problem === 'unknown-service' && hasWildcard(svc)) {
        ctx.report(
          v.path,
          `'${v.value}' matches no action: no service prefix of ${databaseLabel(ctx.db)} matches '${svc}'`,
        );
      } else if (e.problem === 'unknown-action' && hasWildcard(v.value)) {
        ctx.report(
          v.path,
          `'${v.value}' matches no action of ${databaseLabel(ctx.db)}: check the fixed part of the pattern`,
        );
      }
    });
  },
};

export const wildcardInService: Check = {
  id: 'actions/wildcard-in-service',
  family: 'actions',
  severity: 'suggestion',
  title: 'An Allow with a wildcard in the service prefix',
  help:
    'A wildcard before the colon (*:Describe*, s3*:Get*) reaches every service whose prefix matches, ' +
    'including services AWS adds later. Name the services you mean. Deny statements are not reported: ' +
    'there a broader match only denies more.',
  example: {
    fires: sample([{ Effect: 'Allow', Action: '*:Describe*', Resource: '*' }]),
    passes: sample([{ Effect: 'Allow', Action: ['ec2:Describe*', 'rds:Describe*'], Resource: '*' }]),
  },
  accessAnalyzer: ['WILDCARD_IN_SERVICE_NAME'],
  run(ctx) {
    const index = actionIndex(ctx.db);
    for (const st of ctx.doc.statements) {
      if (st.effect !== 'Allow') continue;
      for (const v of st.action ?? []) {
        const svc = servicePart(v.value);
        if (v.value === '*' || !hasWildcard(svc)) continue;
        const services = index.servicesMatching(svc).map((s) => s.prefix);
        const list =
          services.length > 4
            ? `${services.slice(0, 4).join(', ')} and ${services.length - 4} more`
            : services.join(', ');
        ctx.report(
          v.path,
          `'${v.value}' has a wildcard in its service prefix: it reaches ${services.length} services today (${list}) and any matching service added later; name the services`,
        );
      }
    }
  },
};

export const redundantAction: Check = {
  id: 'actions/redundant-action',
  family: 'actions',
  severity: 'suggestion',
  title: 'An action named twice, or covered by another pattern of the same statement',
  help:
    'The entry adds nothing: the same statement names it already, or another of its patterns matches ' +
    'everything it can match (iam:GetUser under iam:Get*). Coverage is decided on the patterns, not on ' +
    "today's action list, so removing the entry never changes what the statement means.",
  example: {
    fires: sample([{ Effect: 'Allow', Action: ['iam:Get*', 'iam:GetUser'], Resource: '*' }]),
    passes: sample([{ Effect: 'Allow', Action: ['iam:Get*', 'iam:ListUsers'], Resource: '*' }]),
  },
  accessAnalyzer: ['REDUNDANT_ACTION'],
  run(ctx) {
    const unknown = new Set<string>();
    eachAction(ctx, (v, e) => {
      if (e.problem) unknown.add(v.value);
    });
    const known = (v: string) => !unknown.has(v);
    for (const st of ctx.doc.statements) {
      for (const values of [st.action, st.notAction]) {
        if (values && values.length > 1) reportRedundant(ctx, values, known);
      }
    }
  },
};

interface Covering {
  value: string;
  at: number;
  covers: (lower: string) => boolean;
}

/** Reports the entries of one Action / NotAction list that another entry makes redundant. */
function reportRedundant(ctx: CheckContext, values: ElementValue[], known: (v: string) => boolean): void {
  // Wildcard patterns by the service prefix they are confined to ('' when the prefix has a wildcard), so
  // that each entry is compared with the few patterns of its own service only.
  const byService = new Map<string, Covering[]>();
  values.forEach((v, at) => {
    if (!hasWildcard(v.value)) return;
    const svc = servicePart(v.value);
    const key = v.value === '*' || hasWildcard(svc) ? '' : svc.toLowerCase();
    const list = byService.get(key) ?? [];
    list.push({ value: v.value, at, covers: coverer(v.value) });
    byService.set(key, list);
  });
  const firstAt = new Map<string, number>();
  values.forEach((v, i) => {
    const lower = v.value.toLowerCase();
    const earlier = firstAt.get(lower);
    if (earlier !== undefined) {
      const list = formatPath(v.path.slice(0, -1));
      const first = values[earlier].value;
      const as = first === v.value ? '' : ` as '${first}'`;
      ctx.report(
        v.path,
        `'${v.value}' is named twice in ${list} (also${as} at [${earlier}]; names ignore case); remove one`,
      );
      return;
    }
    firstAt.set(lower, i);
    if (!known(v.value)) return;
    if (byService.size === 0) return;
    const w =
      firstCovering(byService.get(servicePart(lower)), v.value, lower, i) ??
      firstCovering(byService.get(''), v.value, lower, i);
    if (w)
      ctx.report(v.path, `'${v.value}' is already covered by '${w.value}' in the same statement; remove it`);
  });
}

/** The first of `list` that makes the entry `value` (at `i`, `lower` in lower case) redundant. */
function firstCovering(
  list: Covering[] | undefined,
  value: string,
  lower: string,
  i: number,
): Covering | undefined {
  for (const w of list ?? []) {
    if (w.at === i || w.value.toLowerCase() === lower || !w.covers(lower)) continue;
    // Two patterns that cover each other: report the later one only.
    if (w.at > i && globCovers(value, w.value)) continue;
    return w;
  }
  return undefined;
}

export const actionsChecks: readonly Check[] = [
  invalidFormat,
  unknownAction,
  wildcardMatchesNothing,
  wildcardInService,
  redundantAction,
];
