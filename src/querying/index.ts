// Public API of the querying layer.
export {
  findActions,
  actionsForService,
  actionsWithAccessLevel,
  actionsWithResourceType,
  actionsWithResourceTypeAndAccessLevel,
  actionsMatchingConditionKey,
  wildcardOnlyActions,
  isWildcardOnly,
  NO_RESOURCE_TYPE,
  type ActionFilter,
} from './actions.js';
export { actionData, dependentActions, type ActionData, type ActionDataRow } from './action-data.js';
export {
  arnFormatsForService,
  resourceTypesForService,
  resourceTypeDetails,
  type ResourceTypeDetails,
} from './resource-types.js';
export { conditionKeysForService, conditionKeyDetails, type ConditionKeyDetails } from './condition-keys.js';
export { serviceList, servicePrefixes, type ServiceListEntry } from './services.js';
export {
  requireService,
  requireLowerCasePrefix,
  requireAction,
  conditionKeyMatches,
  parseAccessLevel,
  ACCESS_LEVEL_OPTIONS,
} from './names.js';
export { ALL_SERVICES, isAllServices } from './scope.js';
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
export * from './arn-match.js';
export { PARTITIONS, isPartition, requirePartition, type Partition } from './partitions.js';
export {
  OperationMap,
  OPERATION_SOURCES,
  operationOfApiLink,
  type AmbiguousOperation,
  withoutApiVersion,
  type OperationEntry,
  type OperationMapOptions,
  type OperationSource,
} from './operations.js';
export {
  parseOperationExceptions,
  loadOperationExceptions,
  bundledOperationExceptions,
  bundledExceptionsPath,
  type OperationExceptions,
  type OperationException,
  type ServiceNameException,
} from './operations-exceptions.js';
export { operationTable, type OperationTableRow } from './operations-table.js';
export {
  operationCoverage,
  coverageMarkdown,
  withCoverage,
  COVERAGE_START,
  COVERAGE_END,
  type ServiceCoverage,
} from './operations-coverage.js';
