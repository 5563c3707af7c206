// Public API of the writing layer.
export {};
export * from './types.js';
export { parseTemplate } from './template/parse.js';
