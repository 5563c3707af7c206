/**
 * Sizes for fitting, all from policySize (src/util/policy-size.ts), so that what is fitted is counted as
 * lint and `iamwright size` count it. A compact document is `{"Version":"2012-10-17","Statement":[...]}`
 * with its statements separated by `,`, so its size is the empty document's plus, per statement, the
 * statement's size and one comma, less one: sizes add up, and packing can work on numbers.
 */
import { policySize, type SizeUnit } from '../../util/policy-size.js';
import type { PolicyDocument } from '../types.js';

const EMPTY: PolicyDocument = { Version: '2012-10-17', Statement: [] };

/** The size of a document (or of any JSON value inside one), counted in `unit`. */
export function sizeOf(value: unknown, unit: SizeUnit): number {
  return policySize(value, unit);
}

/** What one entry of a list (statement, action, resource) adds to the text around it: itself and a `,`. */
export function weightOf(value: unknown, unit: SizeUnit): number {
  return policySize(value, unit) + 1;
}

/** The total weight of statements that a document of at most `limit` can hold. */
export function statementCapacity(limit: number, unit: SizeUnit): number {
  return limit - policySize(EMPTY, unit) + 1;
}

/** The total weight of entries that a list inside `holder` may have so that `holder` stays within `room`. */
export function listCapacity(holderWithEmptyList: unknown, room: number, unit: SizeUnit): number {
  return room - policySize(holderWithEmptyList, unit) + 1;
}
