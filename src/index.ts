/** iamwright's public library API. */
export * from './database/index.js';
export { UserError } from './util/errors.js';
