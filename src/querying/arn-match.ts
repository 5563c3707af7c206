/**
 * Does a user's ARN fall under an ARN format of the database (e.g. `arn:${Partition}:s3:::${BucketName}`)?
 *
 * The rules reproduce policy_sentry's answers, quirks included, because written policies are compared with
 * its output byte for byte:
 * - the partition is not compared: every format is written with `${Partition}`, so an ARN in `aws-cn`,
 *   `aws-us-gov`, an `aws-iso*` partition or `aws-eusc` matches exactly as one in `aws` (which partitions
 *   exist is partitions.ts's question);
 * - the service must be equal (case matters), and a format of `*` matches nothing;
 * - a user ARN whose resource type is `*` (as in `...:*:*`) matches every format of its service;
 * - the resource string is cut at every `:` and `/`; each literal segment of the format (one holding no
 *   `${...}` placeholder) must occur among the user's segments (ignoring case) and sit at the same position
 *   (case matters there, and a user segment of `*` is accepted);
 * - a few formats with no literal segment (S3 buckets and objects, CodeCommit repositories, DynamoDB tables)
 *   are told apart by whether the resource has a `/`, or by its number of `/`-separated parts.
 */
import { UserError } from '../util/errors.js';

/** Formats that carry no literal segment to tell them apart; matched on their `/` structure instead. */
const SLASH_SHAPED = new Set([
  '${ObjectName}',
  '${RepositoryName}',
  '${BucketName}',
  'table/${TableName}',
  '${BucketName}/${ObjectName}',
]);
/** Of those, the ones whose number of `/`-separated parts must equal the user's. */
const SLASH_COUNTED = new Set(['table/${TableName}', '${BucketName}']);

const SEPARATORS = /[:/]/;
const ARN_SHAPE = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:.+\n?$/;

/** The parts of an ARN, cut as AWS documents: `arn:partition:service:region:account:resource`. */
export interface ArnParts {
  partition: string;
  service: string;
  region: string;
  account: string;
  /** Everything after the fifth `:`. */
  resourceString: string;
  /** The resource string before its first `/` (or, without a `/`, its first `:`). */
  resource: string;
  /** The rest of the resource string after that separator; '' when there is none. */
  resourcePath: string;
}

/**
 * Splits an ARN into its parts, or returns undefined when it has fewer than six `:`-separated fields.
 * Does not check the `arn:` prefix; see isArn.
 */
export function splitArn(arn: string): ArnParts | undefined {
  const fields: string[] = [];
  let from = 0;
  for (let i = 0; i < 5; i++) {
    const at = arn.indexOf(':', from);
    if (at < 0) return undefined;
    fields.push(arn.slice(from, at));
    from = at + 1;
  }
  const resourceString = arn.slice(from);
  let resource = resourceString;
  let resourcePath = '';
  const cut = resourceString.includes('/') ? resourceString.indexOf('/') : resourceString.indexOf(':');
  if (cut >= 0) {
    resource = resourceString.slice(0, cut);
    resourcePath = resourceString.slice(cut + 1);
  }
  return {
    partition: fields[1],
    service: fields[2],
    region: fields[3],
    account: fields[4],
    resourceString,
    resource,
    resourcePath,
  };
}

/** True when `arn` has the shape `arn:partition:service:region:account:resource` with a non-empty resource. */
export function isArn(arn: string): boolean {
  return ARN_SHAPE.test(arn);
}

/** A user ARN prepared for matching against many formats. */
export interface ParsedArn {
  arn: string;
  service: string;
  resourceString: string;
  segments: string[];
  lowerSegments: Set<string>;
  /** The resource type was given as `*`, so every format of the service matches. */
  anyResourceType: boolean;
}

/**
 * A parsed ARN whose lower-case segments are gathered on first use: matching needs them only where the user
 * wrote `*` in place of a format's literal segment, and writing a policy parses every ARN of a template.
 */
class Parsed implements ParsedArn {
  #lower?: Set<string>;
  readonly anyResourceType: boolean;
  constructor(
    readonly arn: string,
    readonly service: string,
    readonly resourceString: string,
    readonly segments: string[],
  ) {
    this.anyResourceType = segments.length > 1 && segments[0] === '*';
  }
  get lowerSegments(): Set<string> {
    return (this.#lower ??= new Set(this.segments.map((s) => s.toLowerCase())));
  }
}

/** Prepares a user ARN; throws UserError naming it when it is not an ARN. */
export function parseArn(arn: string): ParsedArn {
  const parts = splitArn(arn);
  if (!parts || !isArn(arn)) {
    throw new UserError(
      `'${arn}' is not a valid ARN (expected arn:partition:service:region:account:resource)`,
    );
  }
  return new Parsed(arn, parts.service, parts.resourceString, parts.resourceString.split(SEPARATORS));
}

/** A database ARN format prepared for matching. */
export interface CompiledArnFormat {
  format: string;
  /** Undefined for `*` and for strings that are not ARN formats: they match nothing. */
  service?: string;
  resourceString: string;
  /** The literal segments with their positions; placeholder segments are left out. */
  literals: { index: number; text: string; lower: string }[];
}

export function compileArnFormat(format: string): CompiledArnFormat {
  const parts = format === '*' ? undefined : splitArn(format);
  if (!parts) return { format, resourceString: '', literals: [] };
  const literals: CompiledArnFormat['literals'] = [];
  parts.resourceString.split(SEPARATORS).forEach((text, index) => {
    if (text !== '' && !text.includes('${')) literals.push({ index, text, lower: text.toLowerCase() });
  });
  return { format, service: parts.service, resourceString: parts.resourceString, literals };
}

/** Does the prepared user ARN fall under the prepared format? */
export function matchesFormat(arn: ParsedArn, format: CompiledArnFormat): boolean {
  if (format.service === undefined || arn.service !== format.service) return false;
  if (arn.anyResourceType) return true;
  // Each literal segment at its position, or a `*` there and the literal elsewhere (ignoring case): a
  // segment equal to the literal is among the user's segments already. An indexed loop: run cold, in V8's
  // interpreter, for...of allocates a result object per step.
  const literals = format.literals;
  for (let i = 0; i < literals.length; i++) {
    const seg = arn.segments[literals[i].index];
    if (seg === literals[i].text) continue;
    if (seg !== '*' || !arn.lowerSegments.has(literals[i].lower)) return false;
  }
  if (SLASH_SHAPED.has(format.resourceString)) {
    if (SLASH_COUNTED.has(format.resourceString)) {
      return arn.resourceString.split('/').length === format.resourceString.split('/').length;
    }
    return arn.resourceString.includes('/') === format.resourceString.includes('/');
  }
  return true;
}

/**
 * Does `arn` (a user's ARN) fall under `format` (an ARN format from the database)?
 * Throws UserError when `arn` is not an ARN.
 */
export function doesArnMatch(arn: string, format: string): boolean {
  return matchesFormat(parseArn(arn), compileArnFormat(format));
}
