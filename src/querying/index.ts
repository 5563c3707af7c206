// Public API of the querying layer. (ARN matching, arn-match.ts, and action wildcard expansion, expand.ts,
// are exported by their own authors.)
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
  requireAction,
  conditionKeyMatches,
  parseAccessLevel,
  ACCESS_LEVEL_OPTIONS,
} from './names.js';
export { ALL_SERVICES, isAllServices } from './scope.js';
export * from './arn-match.js';
