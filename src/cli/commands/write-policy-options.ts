/**
 * write-policy's options as data (see option-spec.ts): commander sets them up from here for `--help` and
 * unusual command lines, and direct.ts reads the usual ones without commander.
 */
import { isPartition, PARTITIONS, type Partition } from '../../querying/partitions.js';
import { UserError } from '../../util/errors.js';
import { FIT_QUOTA_NAMES, parseFitQuota, type FitQuota } from '../../writing/fit/quota.js';
import { OptionValueError, type OptionSpec } from '../option-spec.js';

const LOG_LEVELS = ['critical', 'error', 'warning', 'info', 'debug'];

/** `-v LEVEL`: one of policy_sentry's log levels, any case, so that its command lines still run. */
function logLevel(value: string): string {
  if (!LOG_LEVELS.includes(value.toLowerCase())) {
    throw new OptionValueError(`expected one of ${LOG_LEVELS.join(', ')}, got '${value}'`);
  }
  return value.toLowerCase();
}

/** `--minimize N`: a whole number >= 0. (A bare --minimize never reaches this parser.) */
export function minimizeLength(value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new OptionValueError(`expected a whole number >= 0 (characters kept before a '*'), got '${value}'`);
  }
  return Number(value);
}

/** `--partition NAME`: one of AWS's partitions (checked here, so that the error names the option). */
function partitionOption(value: string): Partition {
  if (isPartition(value)) return value;
  throw new OptionValueError(`expected one of ${PARTITIONS.join(', ')}, got '${value}'`);
}

/** `--fit QUOTA`: a quota name or a number of characters. */
function fitOption(value: string): FitQuota {
  try {
    return parseFitQuota(value);
  } catch (e) {
    if (e instanceof UserError) throw new OptionValueError(e.message);
    throw e;
  }
}

/** write-policy's options, in the order `--help` lists them. */
export const WRITE_POLICY_OPTIONS: readonly OptionSpec[] = [
  { flags: '-i, --input-file <file>', description: 'the YAML template (default: read from stdin)' },
  {
    flags: '-m, --minimize [chars]',
    description:
      'shorten actions to prefix wildcards that match nothing else, keeping at least this many characters before the * (default 0)',
    parse: minimizeLength,
    commanderOnly: true, // its length is noted as it is set (write-policy.ts)
  },
  {
    flags: '--fmt <format>',
    description: 'output format',
    choices: ['json', 'yaml', 'terraform'],
    default: 'json',
  },
  {
    flags: '--partition <name>',
    description: `write the ARNs iamwright writes itself in this partition (${PARTITIONS.join(', ')}); template ARNs must be in it`,
    parse: partitionOption,
  },
  {
    flags: '--fit <quota>',
    description: `when the policy is over this size quota (${FIT_QUOTA_NAMES.join(', ')}, or a number of characters), make it fit: merge statements, then use wildcards, then split it into several policies`,
    parse: fitOption,
  },
  {
    flags: '--out-dir <dir>',
    description: 'with --fit: write each policy to DIR/NAME-N.json (made if missing) instead of stdout',
  },
  {
    flags: '--unsupported-condition-keys <choice>',
    description:
      "actions that do not support a condition key asked for them: 'error' refuses the template (the template's unsupported-condition-keys:, else error), 'split' writes them apart without that key and warns",
    choices: ['error', 'split'],
  },
  {
    flags: '--audit',
    description: 'also report risky actions of the policy (privilege escalation, ...) on stderr',
  },
  {
    flags: '--check',
    description:
      'validate the templates given as arguments (or -i, or stdin) and write nothing; exit 1 if one does not validate',
  },
  {
    flags: '--minimize_length <chars>',
    description: '',
    parse: minimizeLength,
    hidden: true,
    commanderOnly: true, // as --minimize
  },
  { flags: '-v, --verbose <level>', description: '', parse: logLevel, hidden: true },
];
