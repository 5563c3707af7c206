/**
 * Fitting, step (c): several policies, each within the quota. A statement too large for one policy is cut
 * first by resources, then by actions (`A, B on R1, R2` = `A, B on R1` + `A, B on R2`, for any effect),
 * into pieces named `{Sid}1`, `{Sid}2`...; the pieces are then packed, largest first, into as few policies
 * as first-fit finds, each keeping its statements in the original order.
 */
import type { SizeUnit } from '../../util/policy-size.js';
import type { PolicyStatement } from '../types.js';
import { uniqueSids } from './compact.js';
import { listCapacity, sizeOf, statementCapacity, weightOf } from './count.js';

/** A statement that cannot be made small enough: one action on one resource is already too large. */
export class StatementTooLarge extends Error {
  constructor(
    readonly statement: PolicyStatement,
    /** Its size alone, in the quota's unit. */
    readonly size: number,
    /** The largest statement a policy within the quota can hold. */
    readonly room: number,
  ) {
    super(`statement '${statement.Sid}' is ${size}, more than the ${room} a policy can hold`);
  }
}

/** Cuts `list` into runs whose weights each add up to at most `capacity` (an entry too heavy runs alone). */
function runs(list: readonly string[], capacity: number, unit: SizeUnit): string[][] {
  const out: string[][] = [];
  let run: string[] = [];
  let used = 0;
  for (const entry of list) {
    const w = weightOf(entry, unit);
    if (run.length > 0 && used + w > capacity) {
      out.push(run);
      run = [];
      used = 0;
    }
    run.push(entry);
    used += w;
  }
  if (run.length > 0) out.push(run);
  return out;
}

/** `s` as statements of at most `room` each (by resources, then actions); throws StatementTooLarge. */
function cut(s: PolicyStatement, room: number, unit: SizeUnit): PolicyStatement[] {
  const size = sizeOf(s, unit);
  if (size <= room) return [s];
  if (s.Resource.length > 1) {
    const capacity = listCapacity({ ...s, Resource: [] }, room, unit);
    return runs(s.Resource, capacity, unit).flatMap((Resource) => cut({ ...s, Resource }, room, unit));
  }
  if (s.Action.length > 1) {
    const capacity = listCapacity({ ...s, Action: [] }, room, unit);
    return runs(s.Action, capacity, unit).flatMap((Action) => cut({ ...s, Action }, room, unit));
  }
  throw new StatementTooLarge(s, size, room);
}

/** The statements as policies (lists of statements) each of at most `limit`; throws StatementTooLarge. */
export function splitStatements(
  statements: readonly PolicyStatement[],
  limit: number,
  unit: SizeUnit,
): PolicyStatement[][] {
  const capacity = statementCapacity(limit, unit);
  // A statement's weight is its size and a comma; alone in a policy it may weigh the whole capacity.
  const room = capacity - 1;
  const named: PolicyStatement[] = [];
  for (const s of statements) {
    const size = sizeOf(s, unit);
    if (size <= room) {
      named.push(s);
      continue;
    }
    if (s.Resource.length <= 1 && s.Action.length <= 1) throw new StatementTooLarge(s, size, room);
    // Room is kept for the number the pieces' ids get, and a digit more should an id be taken already.
    const reserve = String(s.Resource.length * s.Action.length).length + 1;
    const parts = cut(s, room - reserve, unit);
    parts.forEach((p, i) => named.push(parts.length > 1 ? { ...p, Sid: `${p.Sid}${i + 1}` } : p));
  }
  const pieces = uniqueSids(named).map((statement, order) => {
    const size = sizeOf(statement, unit);
    if (size > room) throw new StatementTooLarge(statement, size, room);
    return { statement, weight: size + 1, order };
  });
  // First-fit decreasing: ties keep the original order, so the result does not depend on sort stability.
  const bySize = [...pieces].sort((a, b) => b.weight - a.weight || a.order - b.order);
  const bins: { used: number; pieces: typeof pieces }[] = [];
  // Bins that cannot take even the lightest piece are no longer searched, so packing stays near linear.
  const lightest = Math.min(...pieces.map((p) => p.weight));
  let open: typeof bins = [];
  for (const piece of bySize) {
    let bin = open.find((b) => b.used + piece.weight <= capacity);
    if (!bin) {
      bins.push((bin = { used: 0, pieces: [] }));
      open.push(bin);
    }
    bin.used += piece.weight;
    bin.pieces.push(piece);
    if (capacity - bin.used < lightest) open = open.filter((b) => b !== bin);
  }
  return bins.map((b) => b.pieces.sort((x, y) => x.order - y.order).map((p) => p.statement));
}
