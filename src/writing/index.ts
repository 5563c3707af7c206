// Public API of the writing layer.
export * from './types.js';
export { parseTemplate, parseTemplateDetailed, type ParsedTemplate } from './template/parse.js';
export { emptyCrudTemplate } from './template/empty.js';
export {
  templateText,
  writeTemplateFile,
  parseTemplateType,
  TEMPLATE_TYPES,
  type TemplateType,
  type WriteTemplateFileOptions,
} from './template/create.js';
export { templateSchema } from './template/schema.js';
export {
  PolicyBuilder,
  type PolicyBuilderOptions,
  type WildcardOnlyOptions,
  type StsOptions,
  type RenderOptions,
  type Entries,
  type GroupOptions,
  type ConditionScope,
} from './builder.js';
export { writePolicy, type WritePolicyOptions } from './policy/write.js';
export { minimizeActions, type MinimizeOptions } from './minimize.js';
export { renderPolicy, POLICY_FORMATS, type PolicyFormat } from './render.js';
export { fitPolicy, describeQuota, type FitOptions, type FitReport, type FitResult } from './fit/fit.js';
export { parseFitQuota, FIT_QUOTA_NAMES, type FitQuota } from './fit/quota.js';
export { renderFittedPolicy, renderFittedPolicies, type FittedRenderOptions } from './fit/render.js';
