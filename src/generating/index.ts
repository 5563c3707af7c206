/** Generating policies from observed calls: CloudTrail events, SDK call lists, iamlive CSM lines. */
export { generate, reportLines, type GenerateOptions, type GenerateResult } from './generate.js';
export {
  CallResolver,
  type ActionInfo,
  type ResolvedAction,
  type Resolution,
  type ResolverOptions,
} from './resolve.js';
export { Tally, type CallFilter, type ActionUses } from './tally.js';
export { callOfRecord, callOfRow, partitionOfRegion } from './record.js';
export { callOfLine } from './read-calls.js';
export { exactPolicy, renderTemplate } from './output.js';
export {
  parseArnFormat,
  bindArnFormat,
  fillArnFormat,
  generalizedArn,
  isVolatile,
  type ArnFormat,
} from './arn-format.js';
export type { ObservedCall, InputProblem as GenerateInputProblem } from './types.js';
export { DENIED_CODES } from './types.js';
