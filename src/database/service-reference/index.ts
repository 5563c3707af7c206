export { fetchServiceReference, parseIndex } from './fetch.js';
export { recordFromServiceReference, completeFromHtml, mergeSources, accessLevelOf } from './map.js';
export { DEFAULT_SERVICE_REFERENCE_URL, type ServiceReferenceDocument } from './format.js';
