/**
 * `iamwright/build`: building, updating and exporting IAM databases (the AWS reference parser, the updater
 * and its fetchers, JSON and SQLite export), apart from the main entry so that `import 'iamwright'` does not
 * load them. Also everything the database layer offers for reading, so that one import is enough for a
 * build script.
 */
export * from './database/index.js';
