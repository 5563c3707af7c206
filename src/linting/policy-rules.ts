/**
 * What each policy type allows, as AWS documents it (IAM grammar notes, the Sid element page, the
 * Organizations SCP and RCP syntax pages). The grammar checks read these facts instead of branching on
 * policy types themselves.
 */
import type { PolicyType } from './types.js';

export interface PolicyTypeRules {
  /** How the type is named in messages: "an identity policy". */
  name: string;
  /** Principal (or NotPrincipal) is needed in every statement. */
  principalRequired: boolean;
  /** Principal is not allowed at all (identity-based and Organizations' SCPs). */
  principalForbidden: boolean;
  /** NotPrincipal is not allowed (also where Principal is required: role trust policies, RCPs). */
  notPrincipalForbidden: boolean;
  /** Resource or NotResource is needed in every statement. */
  resourceRequired: boolean;
  /** Resource and NotResource are not allowed (a role trust policy applies to its role). */
  resourceForbidden: boolean;
  /**
   * Sids must be letters and digits only. IAM stores identity, boundary and trust policies and enforces
   * it; Organizations policies follow IAM's grammar. Resource policies belong to each service, and some
   * (S3, SQS, SNS) accept spaces and punctuation, so nothing is assumed there.
   */
  alphanumericSid: boolean;
  /** Duplicate Sids are rejected (IAM, Organizations) rather than only discouraged (resource policies). */
  uniqueSidsRequired: boolean;
}

const IAM_IDENTITY = {
  principalRequired: false,
  principalForbidden: true,
  notPrincipalForbidden: true,
  resourceRequired: true,
  resourceForbidden: false,
  alphanumericSid: true,
  uniqueSidsRequired: true,
};

export const POLICY_TYPE_RULES: Record<PolicyType, PolicyTypeRules> = {
  identity: { name: 'an identity policy', ...IAM_IDENTITY },
  'permissions-boundary': { name: 'a permissions boundary', ...IAM_IDENTITY },
  resource: {
    name: 'a resource policy',
    principalRequired: true,
    principalForbidden: false,
    notPrincipalForbidden: false,
    resourceRequired: true,
    resourceForbidden: false,
    alphanumericSid: false,
    uniqueSidsRequired: false,
  },
  trust: {
    name: 'a role trust policy',
    principalRequired: true,
    principalForbidden: false,
    notPrincipalForbidden: true,
    resourceRequired: false,
    resourceForbidden: true,
    alphanumericSid: true,
    uniqueSidsRequired: true,
  },
  // Since 2025 SCPs take the full IAM language (NotResource, conditions and resources in Allow,
  // wildcards anywhere in actions), but still no principals. Whether Resource may be left out is not
  // documented plainly, so it is not required here.
  'service-control': {
    name: 'a service control policy',
    principalRequired: false,
    principalForbidden: true,
    notPrincipalForbidden: true,
    resourceRequired: false,
    resourceForbidden: false,
    alphanumericSid: true,
    uniqueSidsRequired: true,
  },
  // RCPs name their principals with "Principal": "*" narrowed by conditions; NotPrincipal is not supported.
  'resource-control': {
    name: 'a resource control policy',
    principalRequired: true,
    principalForbidden: false,
    notPrincipalForbidden: true,
    resourceRequired: false,
    resourceForbidden: false,
    alphanumericSid: true,
    uniqueSidsRequired: true,
  },
};
