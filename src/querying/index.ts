// Public API of the querying layer.
export * from './arn-match.js';
