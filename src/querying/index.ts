// Public API of the querying layer.
export {
  expandActionPattern,
  expandActions,
  complementActions,
  actionMatches,
  actionIndex,
  ActionIndex,
  type ActionExpansion,
  type ActionsExpansion,
  type ComplementOptions,
  type ComplementScope,
  type ExpansionProblem,
} from './expand.js';
