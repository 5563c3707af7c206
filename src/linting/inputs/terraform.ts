/**
 * The policies of a Terraform plan or state in JSON (`terraform show -json plan.out`, `terraform show
 * -json`). Policies are JSON strings in resource attributes; a finding inside one points at its element
 * within the string's line. Resource changes are read when the plan has them (they say which values are
 * unknown until apply), else planned values, else the state's values. Names are resource addresses
 * (`module.app.aws_iam_role.ci`), with `/assume_role_policy` or `/inline_policy/<name>` when a resource
 * holds several.
 */
import type { JsonPath, PolicyType, SizeQuota } from '../types.js';
import { duplicateKeyProblem, policyOf, type LazyJsonFile, type PolicySite } from './policy-site.js';
import { parseStrictJson } from './json-text.js';
import type { Position } from './text-position.js';
import type { FileInputs, InputProblem } from './types.js';

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

interface Slot {
  attribute: string;
  /** A list of blocks each holding `attribute` (aws_iam_role's inline_policy). */
  block?: string;
  policyType: PolicyType;
  sizeQuota?: SizeQuota;
  /** Policy type and quota from the resource's values; undefined when it holds no IAM policy. */
  kind?: (values: Json) => { policyType: PolicyType; sizeQuota?: SizeQuota } | undefined;
}

const RESOURCE_SLOTS: Record<string, Slot[]> = {
  aws_iam_policy: [{ attribute: 'policy', policyType: 'identity', sizeQuota: 'managed' }],
  aws_iam_role_policy: [{ attribute: 'policy', policyType: 'identity', sizeQuota: 'role-inline' }],
  aws_iam_user_policy: [{ attribute: 'policy', policyType: 'identity', sizeQuota: 'user-inline' }],
  aws_iam_group_policy: [{ attribute: 'policy', policyType: 'identity', sizeQuota: 'group-inline' }],
  aws_iam_role: [
    { attribute: 'assume_role_policy', policyType: 'trust' },
    { attribute: 'policy', block: 'inline_policy', policyType: 'identity', sizeQuota: 'role-inline' },
  ],
  aws_s3_bucket_policy: [{ attribute: 'policy', policyType: 'resource' }],
  aws_sqs_queue_policy: [{ attribute: 'policy', policyType: 'resource' }],
  aws_sns_topic_policy: [{ attribute: 'policy', policyType: 'resource' }],
  aws_kms_key: [{ attribute: 'policy', policyType: 'resource' }],
  aws_ecr_repository_policy: [{ attribute: 'policy', policyType: 'resource' }],
  aws_secretsmanager_secret_policy: [{ attribute: 'policy', policyType: 'resource' }],
  aws_organizations_policy: [
    {
      attribute: 'content',
      policyType: 'service-control',
      kind: (v) =>
        v.type === undefined || v.type === 'SERVICE_CONTROL_POLICY'
          ? { policyType: 'service-control', sizeQuota: 'service-control' }
          : v.type === 'RESOURCE_CONTROL_POLICY'
            ? { policyType: 'resource-control' }
            : undefined,
    },
  ],
};

/** The resource types whose policies lint reads (for docs and tests). */
export const TERRAFORM_RESOURCE_TYPES = Object.keys(RESOURCE_SLOTS);

/** Is this parsed value Terraform's JSON output (a plan or a state)? */
export function isTerraformJson(value: unknown): value is Json {
  return (
    isObject(value) &&
    typeof value.format_version === 'string' &&
    ('planned_values' in value ||
      'resource_changes' in value ||
      'values' in value ||
      'terraform_version' in value)
  );
}

/** One resource: its address, type, attribute values, which are unknown, and where its values stand. */
interface TfResource {
  address: string;
  type: string;
  values: Json;
  unknown: unknown;
  base: JsonPath;
  /** Where after_unknown stands, when the plan has it. */
  unknownBase?: JsonPath;
}

function resourcesOf(plan: Json): TfResource[] {
  const out: TfResource[] = [];
  if (Array.isArray(plan.resource_changes)) {
    plan.resource_changes.forEach((rc, i) => {
      if (!isObject(rc) || rc.mode === 'data' || !isObject(rc.change) || !isObject(rc.change.after)) return;
      out.push({
        address: String(rc.address ?? `resource_changes[${i}]`),
        type: String(rc.type),
        values: rc.change.after,
        unknown: rc.change.after_unknown,
        base: ['resource_changes', i, 'change', 'after'],
        unknownBase: ['resource_changes', i, 'change', 'after_unknown'],
      });
    });
    return out;
  }
  const root = isObject(plan.planned_values) ? 'planned_values' : 'values';
  const walk = (module: unknown, path: JsonPath) => {
    if (!isObject(module)) return;
    if (Array.isArray(module.resources)) {
      module.resources.forEach((r, i) => {
        if (!isObject(r) || r.mode === 'data' || !isObject(r.values)) return;
        out.push({
          address: String(r.address ?? `${path.join('.')}.resources[${i}]`),
          type: String(r.type),
          values: r.values,
          unknown: undefined,
          base: [...path, 'resources', i, 'values'],
        });
      });
    }
    if (Array.isArray(module.child_modules)) {
      module.child_modules.forEach((m, i) => walk(m, [...path, 'child_modules', i]));
    }
  };
  walk(isObject(plan[root]) ? plan[root].root_module : undefined, [root, 'root_module']);
  return out;
}

export function terraformInputs(plan: Json, source: LazyJsonFile, out: FileInputs): void {
  for (const r of resourcesOf(plan)) {
    const slots = RESOURCE_SLOTS[r.type] ?? [];
    for (const slot of slots) {
      const kind = slot.kind
        ? slot.kind(r.values)
        : { policyType: slot.policyType, sizeQuota: slot.sizeQuota };
      if (!kind) continue;
      const read = (values: Json, path: JsonPath, name: string) =>
        readAttribute(source, out, r, { values, path, attribute: slot.attribute, name, kind });
      if (!slot.block) {
        read(r.values, [slot.attribute], slots.length > 1 ? `${r.address}/${slot.attribute}` : r.address);
        continue;
      }
      const blocks = r.values[slot.block];
      if (!Array.isArray(blocks)) {
        // The whole list unknown until apply: one placeholder finding for it.
        read({}, [slot.block], `${r.address}/${slot.block}`);
        continue;
      }
      blocks.forEach((b, i) => {
        if (!isObject(b)) return;
        const label = typeof b.name === 'string' && b.name ? b.name : String(i);
        read(b, [slot.block as string, i, slot.attribute], `${r.address}/${slot.block}/${label}`);
      });
    }
  }
}

/** Is the value at `path` of after_unknown `true` (known only after apply), or its whole block unknown? */
function unknownAt(unknown: unknown, path: JsonPath): boolean {
  let u = unknown;
  for (const step of path) {
    if (u === true) return true;
    if (u === null || typeof u !== 'object') return false;
    u = (u as Record<string | number, unknown>)[step];
  }
  return u === true;
}

interface Attribute {
  /** The object holding the attribute (the resource's values, or one block of them). */
  values: Json;
  /** The attribute's path from the resource's values. */
  path: JsonPath;
  attribute: string;
  name: string;
  kind: { policyType: PolicyType; sizeQuota?: SizeQuota };
}

function readAttribute(source: LazyJsonFile, out: FileInputs, r: TfResource, a: Attribute): void {
  const at = [...r.base, ...a.path];
  const report = (rule: InputProblem['rule'], message: string, position: Position) =>
    out.problems.push({ file: source.file, rule, message, policy: a.name, ...position });
  if (unknownAt(r.unknown, a.path)) {
    // An unknown value is absent from `after`: point at its mark in after_unknown.
    const where = source.locator(r.unknownBase ? [...r.unknownBase, ...a.path] : at)([]);
    report('input/unresolved-document', `${a.attribute} is known only after apply; not checked`, where);
    return;
  }
  const value = a.values[a.attribute];
  // An unset optional policy (a KMS key's default policy, a role without inline policies) is no policy.
  if (value === undefined || value === null || value === '') return;
  if (typeof value !== 'string') {
    const type = Array.isArray(value) ? 'a list' : typeof value;
    report(
      'grammar/json-syntax',
      `${a.attribute} should be a JSON string, not ${type}`,
      source.locator(at)([]),
    );
    return;
  }
  const parsed = parseStrictJson(value);
  if (parsed.error) {
    report(
      'grammar/json-syntax',
      `${a.attribute} is not JSON: ${parsed.error.message}`,
      source.faultInString(at, value),
    );
    return;
  }
  if (parsed.duplicateKeys) {
    for (const d of source.embedded(at, value)?.duplicates ?? []) {
      out.problems.push(
        duplicateKeyProblem({ file: source.file, name: a.name, position: source.position }, d.key, d.offset),
      );
    }
  }
  const site: PolicySite = {
    file: source.file,
    text: source.text,
    position: source.position,
    name: a.name,
    ...a.kind,
  };
  out.policies.push(policyOf(site, parsed.value, source.stringLocator(at, value)));
}
