/**
 * The SQLite schema of `db export --format sqlite` (documented in docs/database-schema.md). Positions
 * (`position`) keep the page order that policy writing relies on; names are stored as the pages spell
 * them, with `COLLATE NOCASE` so that lookups ignore case as IAM does.
 */
export const SQLITE_SCHEMA_VERSION = 1;

export const SQLITE_SCHEMA = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE services (
  prefix TEXT PRIMARY KEY COLLATE NOCASE,
  name TEXT NOT NULL,
  authorization_url TEXT NOT NULL
);
CREATE TABLE actions (
  prefix TEXT NOT NULL COLLATE NOCASE REFERENCES services(prefix),
  name TEXT NOT NULL COLLATE NOCASE,
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  access_level TEXT NOT NULL CHECK (access_level IN ('Read','Write','List','Tagging','Permissions management')),
  api_documentation_link TEXT NOT NULL,
  PRIMARY KEY (prefix, name)
);
CREATE INDEX actions_by_access_level ON actions(prefix, access_level);
CREATE TABLE resource_types (
  prefix TEXT NOT NULL COLLATE NOCASE REFERENCES services(prefix),
  name TEXT NOT NULL COLLATE NOCASE,
  position INTEGER NOT NULL,
  arn TEXT NOT NULL,
  PRIMARY KEY (prefix, name)
);
CREATE TABLE condition_keys (
  prefix TEXT NOT NULL COLLATE NOCASE REFERENCES services(prefix),
  name TEXT NOT NULL COLLATE NOCASE,
  position INTEGER NOT NULL,
  description TEXT NOT NULL,
  type TEXT NOT NULL,
  PRIMARY KEY (prefix, name)
);
CREATE TABLE action_resource_types (
  prefix TEXT NOT NULL COLLATE NOCASE,
  action TEXT NOT NULL COLLATE NOCASE,
  position INTEGER NOT NULL,
  resource_type TEXT NOT NULL COLLATE NOCASE,
  required INTEGER NOT NULL CHECK (required IN (0, 1)),
  PRIMARY KEY (prefix, action, resource_type),
  FOREIGN KEY (prefix, action) REFERENCES actions(prefix, name)
);
CREATE INDEX action_resource_types_by_type ON action_resource_types(prefix, resource_type);
CREATE TABLE action_condition_keys (
  prefix TEXT NOT NULL COLLATE NOCASE,
  action TEXT NOT NULL COLLATE NOCASE,
  resource_type TEXT NOT NULL COLLATE NOCASE,
  position INTEGER NOT NULL,
  condition_key TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (prefix, action, resource_type, condition_key),
  FOREIGN KEY (prefix, action, resource_type) REFERENCES action_resource_types(prefix, action, resource_type)
);
CREATE INDEX action_condition_keys_by_key ON action_condition_keys(condition_key);
CREATE TABLE resource_type_condition_keys (
  prefix TEXT NOT NULL COLLATE NOCASE,
  resource_type TEXT NOT NULL COLLATE NOCASE,
  position INTEGER NOT NULL,
  condition_key TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (prefix, resource_type, condition_key),
  FOREIGN KEY (prefix, resource_type) REFERENCES resource_types(prefix, name)
);
CREATE TABLE dependent_actions (
  prefix TEXT NOT NULL COLLATE NOCASE,
  action TEXT NOT NULL COLLATE NOCASE,
  resource_type TEXT NOT NULL COLLATE NOCASE,
  position INTEGER NOT NULL,
  dependent_action TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (prefix, action, resource_type, dependent_action),
  FOREIGN KEY (prefix, action, resource_type) REFERENCES action_resource_types(prefix, action, resource_type)
);
`;
