/**
 * How much a grant matters: the rules that rank findings. A grant on every resource outranks one on named
 * resources, and a grant under a Condition ranks lower than one without: each of these lowers a level by
 * one step (never below `low`).
 */
import { RISK_LEVELS, type RiskLevel } from '../../reporting/risk-report.js';
import { isMatchAll } from '../../util/wildcard.js';

/** `level` lowered by `steps` (0 = unchanged), never below the last level. */
export function lower(level: RiskLevel, steps: number): RiskLevel {
  const i = RISK_LEVELS.indexOf(level) + steps;
  return RISK_LEVELS[Math.min(Math.max(i, 0), RISK_LEVELS.length - 1)];
}

/** The more severe of two levels. */
export function higher(a: RiskLevel, b: RiskLevel): RiskLevel {
  return RISK_LEVELS.indexOf(a) <= RISK_LEVELS.indexOf(b) ? a : b;
}

/** The less severe of two levels. */
export function weaker(a: RiskLevel, b: RiskLevel): RiskLevel {
  return RISK_LEVELS.indexOf(a) >= RISK_LEVELS.indexOf(b) ? a : b;
}

/** Weight of a finding in a principal's score: one finding of a level outweighs many of the next. */
export const LEVEL_WEIGHT: Readonly<Record<RiskLevel, number>> = {
  critical: 1000,
  high: 100,
  medium: 10,
  low: 1,
};

/**
 * Does a Resource entry reach every resource of its type: `*`, or an ARN whose resource part is a bare
 * wildcard, optionally after a resource type (`arn:aws:iam::*:role/*`, `arn:aws:ec2:*:*:instance/*`)? For
 * S3, whose ARNs have no type, only `*` and `*\/*` do: `bucket/*` is the objects of one named bucket.
 */
export function isBroadResource(resource: string): boolean {
  if (isMatchAll(resource)) return true;
  const parts = resource.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return false;
  const rest = parts.slice(5).join(':');
  if (/^s3(-object-lambda)?$/.test(parts[2]) && parts[3] === '' && parts[4] === '') {
    return /^\*+(\/\*+)?$/.test(rest);
  }
  return /^([A-Za-z0-9_-]+[/:])?\*+$/.test(rest);
}

/** The statement's Condition names iam:PassedToService (any operator): PassRole is limited to services. */
export function limitsPassedToService(condition: unknown): boolean {
  if (condition === null || typeof condition !== 'object') return false;
  return Object.values(condition as Record<string, unknown>).some(
    (keys) =>
      keys !== null &&
      typeof keys === 'object' &&
      Object.keys(keys as object).some((k) => k.toLowerCase() === 'iam:passedtoservice'),
  );
}
