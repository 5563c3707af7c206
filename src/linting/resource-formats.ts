/**
 * The database's ARN formats as lint needs them: by resource type (what an action accepts) and by ARN
 * namespace (what an ARN of `arn:aws:s3:...` can be), with the test "can this Resource value name a
 * resource of this format?". Indexes are built once per database object.
 */
import type { IamDatabase } from '../database/database.js';
import type { Service } from '../database/service.js';
import { compileArnFormat, matchesFormat, parseArn, type CompiledArnFormat } from '../querying/arn-match.js';
import { matchesWildcard } from '../util/wildcard.js';
import { isLiteral, type LintArn } from './resource-arn.js';
import { formatPattern, patternsOverlap, userPattern, type Token } from './resource-glob.js';

/** One resource type's ARN format. */
export interface ArnFormat {
  /** The service (action prefix) whose page lists it. */
  service: string;
  resourceType: string;
  /** As the database has it, e.g. `arn:${Partition}:s3:::${BucketName}`. */
  arn: string;
  /** The ARN's service field in lower case; '' when it is a placeholder (AWS Backup's `${Vendor}`). */
  namespace: string;
  /** The region and account fields as written in the format ('' when the format has none). */
  region: string;
  account: string;
  compiled: CompiledArnFormat;
  /** The resource part as a pattern, made on first use. */
  tokens?: Token[];
}

interface FormatIndex {
  byType: Map<string, ArnFormat | null>;
  byNamespace?: Map<string, ArnFormat[]>;
}

const indexes = new WeakMap<IamDatabase, FormatIndex>();

function indexOf(db: IamDatabase): FormatIndex {
  let index = indexes.get(db);
  if (!index) {
    index = { byType: new Map() };
    indexes.set(db, index);
  }
  return index;
}

function makeFormat(svc: Service, resourceType: string, arn: string): ArnFormat {
  const fields = arn.split(':');
  const ns = fields[2] ?? '';
  return {
    service: svc.prefix,
    resourceType,
    arn,
    namespace: ns.includes('${') ? '' : ns.toLowerCase(),
    region: fields[3] ?? '',
    account: fields[4] ?? '',
    compiled: compileArnFormat(arn),
  };
}

/** The format of resource type `name` of `svc`, or undefined when the page cites a type it does not define. */
export function formatOf(db: IamDatabase, svc: Service, name: string): ArnFormat | undefined {
  const index = indexOf(db);
  const key = `${svc.prefix}\u0000${name.toLowerCase()}`;
  let hit = index.byType.get(key);
  if (hit === undefined) {
    const record = svc.resourceType(name);
    hit = record && record.arn.startsWith('arn:') ? makeFormat(svc, record.name, record.arn) : null;
    index.byType.set(key, hit);
  }
  return hit ?? undefined;
}

/** Every format whose ARNs have service field `namespace` (any case). Loads every service once. */
export function formatsInNamespace(db: IamDatabase, namespace: string): readonly ArnFormat[] {
  const index = indexOf(db);
  if (!index.byNamespace) {
    const map = new Map<string, ArnFormat[]>();
    for (const svc of db.allServices()) {
      for (const r of svc.resourceTypes) {
        const f = formatOf(db, svc, r.name);
        if (!f || f.namespace === '') continue;
        const list = map.get(f.namespace);
        if (list) list.push(f);
        else map.set(f.namespace, [f]);
      }
    }
    index.byNamespace = map;
  }
  return index.byNamespace.get(namespace.toLowerCase()) ?? [];
}

/**
 * Can the Resource value `arn` name a resource of format `f`? Without wildcards the project's ARN matcher
 * decides (querying/arn-match.ts); with wildcards or placeholders, whether the two patterns share an ARN.
 * Region, account and partition are left to other checks.
 */
export function arnMatchesFormat(arn: LintArn, f: ArnFormat): boolean {
  if (f.namespace === '') return true;
  if (isLiteral(arn.service) ? arn.service !== f.namespace : !matchesWildcard(arn.service, f.namespace)) {
    return false;
  }
  if (f.compiled.service === undefined || arn.resource === '') return false;
  const memo = (arn.memo ??= {});
  // The matcher compares the service field too; every format reaching here has the ARN's namespace.
  let parsed = memo.parsed;
  if (!parsed || parsed.service !== f.compiled.service) {
    parsed = parseArn(`arn:aws:${f.compiled.service}:r:a:${arn.resource}`);
    memo.parsed = parsed;
  }
  if (matchesFormat(parsed, f.compiled)) return true;
  if (isLiteral(arn.resource)) return false;
  f.tokens ??= formatPattern(f.compiled.resourceString);
  memo.tokens ??= userPattern(arn.resource);
  return patternsOverlap(memo.tokens, f.tokens);
}
