/** What lint's input readers give: the policies found in a file, and the problems that stopped some. */
import type { JsonPath, PolicyType, SizeQuota } from '../types.js';
import type { Position } from './text-position.js';
import type { InputRuleId } from './rules.js';

/** One policy document found in a source file, with a way back from JSON paths to lines. */
export interface PolicyInput {
  /** The file as given (a path, or `-` for stdin). */
  file: string;
  /** The document as parsed JSON, intrinsic functions and unknown values read as placeholders. */
  document: unknown;
  policyType: PolicyType;
  /** Which policy of the file, when it holds several (CloudFormation, Terraform, authorization details). */
  name?: string;
  /** The quota the document is held to, when where it stands says (a managed policy, a role's inline policy). */
  sizeQuota?: SizeQuota;
  /** Line and column in `file` of the element at `path` inside the document. */
  locate(path: JsonPath): Position;
}

/** A file, or a policy inside one, that could not be linted: reported as a finding of an input rule. */
export interface InputProblem {
  file: string;
  rule: InputRuleId;
  message: string;
  line?: number;
  column?: number;
  policy?: string;
}

/** What one file (or stdin) holds. */
export interface FileInputs {
  file: string;
  policies: PolicyInput[];
  problems: InputProblem[];
}
