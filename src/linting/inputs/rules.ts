/**
 * The findings the input layer reports itself: a file that cannot be read or parsed, and a policy whose
 * value is only known at deploy time. They are listed with the checks (SARIF's rules, --checks) but run
 * before any check, since without a document there is nothing to check.
 */
import type { RuleDescriptor } from '../../reporting/finding.js';

export const INPUT_RULES = [
  {
    id: 'grammar/json-syntax',
    severity: 'error',
    title: 'The policy is not valid JSON',
    help:
      'IAM accepts only strict JSON: double-quoted names and strings, no comments, no trailing commas. ' +
      'The finding points at the first character that cannot be read; nothing else in the document is ' +
      'checked until it parses.',
  },
  {
    id: 'grammar/duplicate-key',
    severity: 'error',
    title: 'A key appears twice in the same object',
    help:
      'JSON parsers disagree on a repeated key: most keep the last value, some the first, some refuse the ' +
      'document. A policy whose meaning depends on the parser is how grants hide from reviewers and ' +
      'scanners (two Effect elements, a second Condition operator block that replaces the first). Merge the ' +
      'values into one key.',
  },
  {
    id: 'grammar/yaml-syntax',
    severity: 'error',
    title: 'The CloudFormation template is not valid YAML',
    help:
      'The template could not be parsed, so none of its policies were checked. The finding points at the ' +
      'first fault the YAML parser met (bad indentation, an unclosed bracket, a duplicate key...).',
  },
  {
    id: 'input/unreadable',
    severity: 'error',
    title: 'A path could not be read, or holds nothing to lint',
    help:
      'The file or folder does not exist, cannot be read, is over the input size limit, or is not one of ' +
      'the inputs lint reads: a policy JSON document, get-account-authorization-details output, a ' +
      'CloudFormation template (JSON or YAML, CDK synth output included) or a Terraform plan or state in ' +
      'JSON. The other paths are still linted; the exit code is 1.',
  },
  {
    id: 'input/malformed',
    severity: 'error',
    title: 'The file is not shaped as its format requires',
    help:
      'A list of get-account-authorization-details output that is not a list, or inline policies under ' +
      "another kind of principal's key (a role's under UserPolicyList): what it holds cannot be linted. " +
      'The other policies are still linted; the exit code is 1.',
  },
  {
    id: 'input/unresolved-document',
    severity: 'suggestion',
    title: 'A policy whose whole value is only known at deploy time',
    help:
      'The policy document is computed (a Ref to a parameter, Fn::ImportValue, a Terraform value known ' +
      'only after apply), so it cannot be checked here. Lint the document where it is written, or pass ' +
      'the rendered template or plan.',
  },
] as const satisfies readonly (RuleDescriptor & { id: `${string}/${string}` })[];

export type InputRuleId = (typeof INPUT_RULES)[number]['id'];

/** The family an input rule's id names (`grammar`, `input`), for --checks by family. */
export function ruleFamily(id: string): string {
  return id.slice(0, id.indexOf('/'));
}
