/**
 * AWS's machine-readable Service Reference, as documented in "Simplified AWS service information for
 * programmatic access" (Service Authorization Reference). Only the fields iamwright reads are typed; AWS adds
 * fields over time, and unknown ones are ignored.
 */

/** Default index: a JSON array of {service, url}, one per service prefix. */
export const DEFAULT_SERVICE_REFERENCE_URL = 'https://servicereference.us-east-1.amazonaws.com/';

export interface ServiceReferenceIndexEntry {
  /** The service prefix. */
  service: string;
  /** The service's JSON document. */
  url: string;
}

export interface SrAction {
  Name: string;
  /** Condition keys of the action itself. */
  ActionConditionKeys?: string[];
  /** Access-level flags; none set = Read. */
  Annotations?: {
    Properties?: {
      IsList?: boolean;
      IsPermissionManagement?: boolean;
      IsTaggingOnly?: boolean;
      IsWrite?: boolean;
    };
  };
  /** Resource types the action can be scoped to (names from Resources). */
  Resources?: { Name: string }[];
}

export interface SrResource {
  Name: string;
  ARNFormats?: string[];
  ConditionKeys?: string[];
}

export interface SrConditionKey {
  Name: string;
  Types?: string[];
}

export interface SrOperation {
  /** The SDK operation (API call) name. */
  Name: string;
  /** The IAM actions the operation is authorized by; absent for services without the mapping yet. */
  AuthorizedActions?: { Name: string; Service: string }[];
}

export interface ServiceReferenceDocument {
  Name: string;
  Actions?: SrAction[];
  Resources?: SrResource[];
  ConditionKeys?: SrConditionKey[];
  Operations?: SrOperation[];
  Version?: string;
}
