/** The Resource and NotResource values of a statement, read as ARNs, for the resources checks. */
import type { ElementValue, LintStatement } from './document.js';
import { readArn, type ArnReading } from './resource-arn.js';

export interface ResourceValue extends ElementValue {
  /** `Resource` or `NotResource`. */
  element: string;
  reading: ArnReading;
}

const memo = new WeakMap<LintStatement, { all: ResourceValue[]; resource: ResourceValue[] }>();

/** Every string of the statement's Resource, then NotResource, with how it reads as an ARN. */
export function resourceValues(stmt: LintStatement, only?: 'Resource'): readonly ResourceValue[] {
  let hit = memo.get(stmt);
  if (!hit) {
    const read = (element: string, values: ElementValue[] | undefined) =>
      (values ?? []).map((v) => ({ value: v.value, path: v.path, element, reading: readArn(v.value) }));
    const resource = read('Resource', stmt.resource);
    hit = { resource, all: [...resource, ...read('NotResource', stmt.notResource)] };
    memo.set(stmt, hit);
  }
  return only === 'Resource' ? hit.resource : hit.all;
}

/** `Resource 'arn:...'`, the way messages name a value. */
export function named(v: ResourceValue): string {
  return `${v.element} '${v.value}'`;
}
