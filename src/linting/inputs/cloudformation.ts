/**
 * The policies of a CloudFormation template (JSON or YAML, CDK synth output included), each with the policy
 * type and size quota its place implies. Intrinsic functions are read as placeholders (see intrinsics.ts);
 * a document with an Fn::If is read once per branch and findings common to both are reported once.
 */
import type { PolicyType, SizeQuota } from '../types.js';
import { resolveIntrinsics, type ResolveContext } from './intrinsics.js';
import { policyAt, type PolicySite } from './policy-site.js';
import { member, type ObjectNode, type SourceNode } from './source-tree.js';
import type { Position } from './text-position.js';
import type { FileInputs } from './types.js';

/** One place of a resource's Properties that holds a policy document. */
interface Slot {
  /** The property holding the document; for `list`, the property of each list entry. */
  property: string;
  /** A list property whose entries are `{PolicyName, PolicyDocument}` (Role/User/Group `Policies`). */
  list?: string;
  policyType: PolicyType;
  /** The quota, or how to tell it from the resource's properties. */
  sizeQuota?: SizeQuota | ((props: ObjectNode) => SizeQuota | undefined);
  /** Policy type and quota from the properties, or undefined when the resource holds no IAM policy. */
  kind?: (props: ObjectNode) => { policyType: PolicyType; sizeQuota?: SizeQuota } | undefined;
}

const identity = (property: string, sizeQuota?: Slot['sizeQuota']): Slot => ({
  property,
  policyType: 'identity',
  sizeQuota,
});
const resource = (property: string): Slot => ({ property, policyType: 'resource' });
const inline = (sizeQuota: SizeQuota): Slot => ({
  property: 'PolicyDocument',
  list: 'Policies',
  policyType: 'identity',
  sizeQuota,
});

/** An AWS::IAM::Policy counts against the quota of what it is attached to: the smallest, when several. */
function attachedQuota(props: ObjectNode): SizeQuota | undefined {
  if (member(props, 'Users')) return 'user-inline';
  if (member(props, 'Groups')) return 'group-inline';
  if (member(props, 'Roles')) return 'role-inline';
  return undefined;
}

/** Organizations policies: service and resource control policies are IAM policies; tag or backup ones are not. */
function organizationsKind(props: ObjectNode): ReturnType<NonNullable<Slot['kind']>> {
  const type = member(props, 'Type')?.value;
  const t = type?.kind === 'scalar' ? type.value : undefined;
  if (t === 'SERVICE_CONTROL_POLICY') return { policyType: 'service-control', sizeQuota: 'service-control' };
  if (t === 'RESOURCE_CONTROL_POLICY') return { policyType: 'resource-control' };
  return undefined;
}

const RESOURCE_SLOTS: Record<string, Slot[]> = {
  'AWS::IAM::ManagedPolicy': [identity('PolicyDocument', 'managed')],
  'AWS::IAM::Policy': [identity('PolicyDocument', attachedQuota)],
  'AWS::IAM::RolePolicy': [identity('PolicyDocument', 'role-inline')],
  'AWS::IAM::UserPolicy': [identity('PolicyDocument', 'user-inline')],
  'AWS::IAM::GroupPolicy': [identity('PolicyDocument', 'group-inline')],
  'AWS::IAM::Role': [{ property: 'AssumeRolePolicyDocument', policyType: 'trust' }, inline('role-inline')],
  'AWS::IAM::User': [inline('user-inline')],
  'AWS::IAM::Group': [inline('group-inline')],
  'AWS::S3::BucketPolicy': [resource('PolicyDocument')],
  'AWS::SQS::QueuePolicy': [resource('PolicyDocument')],
  'AWS::SNS::TopicPolicy': [resource('PolicyDocument')],
  'AWS::KMS::Key': [resource('KeyPolicy')],
  'AWS::SecretsManager::ResourcePolicy': [resource('ResourcePolicy')],
  'AWS::ECR::Repository': [resource('RepositoryPolicyText')],
  'AWS::Organizations::Policy': [
    { property: 'Content', policyType: 'service-control', kind: organizationsKind },
  ],
};

/** The resource types whose policies lint reads (for docs and tests). */
export const CLOUDFORMATION_RESOURCE_TYPES = Object.keys(RESOURCE_SLOTS);

/** Is this parsed value a CloudFormation template? A Resources map whose entries have a Type. */
export function isCloudFormationTemplate(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const resources = (value as Record<string, unknown>).Resources;
  if (resources === null || typeof resources !== 'object' || Array.isArray(resources)) return false;
  if ('AWSTemplateFormatVersion' in value) return true;
  return Object.values(resources).some(
    (r) => r !== null && typeof r === 'object' && typeof (r as Record<string, unknown>).Type === 'string',
  );
}

export interface TemplateSource {
  file: string;
  text: string;
  tree: SourceNode;
  position(offset: number): Position;
}

export function cloudFormationInputs(src: TemplateSource, out: FileInputs): void {
  if (src.tree.kind !== 'object') return;
  const resources = member(src.tree, 'Resources')?.value;
  if (resources?.kind !== 'object') return;
  const mappings = member(src.tree, 'Mappings')?.value;
  for (const { key: logicalId, value: res } of resources.members) {
    if (res.kind !== 'object') continue;
    const type = member(res, 'Type')?.value;
    const slots =
      type?.kind === 'scalar' && typeof type.value === 'string' ? RESOURCE_SLOTS[type.value] : undefined;
    const props = member(res, 'Properties')?.value;
    if (!slots || props?.kind !== 'object') continue;
    const seen = new Set<string>();
    for (const branch of [0, 1] as const) {
      const ctx: ResolveContext = { branch, mappings };
      const resolved = resolveIntrinsics(props, ctx);
      if (resolved?.kind === 'object') policiesOf(src, logicalId, resolved, slots, out, seen);
      if (!ctx.sawIf) break;
    }
  }
}

/** The documents of one resource's (resolved) properties; `seen` keeps a document read in both branches once. */
function policiesOf(
  src: TemplateSource,
  logicalId: string,
  props: ObjectNode,
  slots: Slot[],
  out: FileInputs,
  seen: Set<string>,
): void {
  for (const slot of slots) {
    const kind = slot.kind
      ? slot.kind(props)
      : { policyType: slot.policyType, sizeQuota: quotaOf(slot, props) };
    if (!kind) continue;
    const places: [SourceNode, string][] = [];
    if (slot.list) {
      const list = member(props, slot.list)?.value;
      if (list?.kind !== 'array') continue;
      list.items.forEach((entry, i) => {
        if (entry.kind !== 'object') return;
        const doc = member(entry, slot.property)?.value;
        const name = member(entry, 'PolicyName')?.value;
        const label =
          name?.kind === 'scalar' && typeof name.value === 'string' ? name.value : `${slot.list}[${i}]`;
        if (doc) places.push([doc, `${logicalId}/${slot.list}/${label}`]);
      });
    } else {
      const doc = member(props, slot.property)?.value;
      const only = slots.length === 1;
      if (doc) places.push([doc, only ? logicalId : `${logicalId}/${slot.property}`]);
    }
    for (const [doc, name] of places) {
      const key = `${name}\0${doc.offset}\0${JSON.stringify(stripOffsets(doc))}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const site: PolicySite = { file: src.file, text: src.text, position: src.position, name, ...kind };
      const r = policyAt(doc, site);
      if (r.policy) out.policies.push(r.policy);
      out.problems.push(...r.problems);
    }
  }
}

function quotaOf(slot: Slot, props: ObjectNode): SizeQuota | undefined {
  return typeof slot.sizeQuota === 'function' ? slot.sizeQuota(props) : slot.sizeQuota;
}

/** The node's shape and values without positions, to tell whether two branches read the same document. */
function stripOffsets(node: SourceNode): unknown {
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'array') return node.items.map(stripOffsets);
  return node.members.map((m) => [m.key, stripOffsets(m.value)]);
}
