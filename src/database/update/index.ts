export {
  updateDatabase,
  PAGES_DIR,
  OVERRIDES_FILE,
  type UpdateOptions,
  type UpdateReport,
} from './update.js';
export { rollbackDatabase, installDatabase, localVersions } from './install.js';
export { fetchServicePages, type FetchOptions, type FetchResult, type FetchedPage } from './fetch-pages.js';
export { linkedServicePages, DEFAULT_BASE_URL, INDEX_PAGE } from './index-page.js';
export { databaseInfo, databaseNotices, staleLocalNotice, formatInfo, type DatabaseInfo } from './status.js';
export { interruptedUpdateNotice } from './marker.js';
export type { Builder, BuilderOutput, BuilderOptions } from './builder.js';
export type { HttpOptions } from './http.js';
