// Public API of the writing layer.
export * from './types.js';
export { parseTemplate } from './template/parse.js';
export { writePolicy } from './policy/write.js';
export { minimizeActions, type MinimizeOptions } from './minimize.js';
export { renderPolicy, POLICY_FORMATS, type PolicyFormat } from './render.js';
