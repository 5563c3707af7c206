import type { CrudTemplate, Effect } from '../types.js';

/** A CRUD template with every section present and empty: the start for one built in code or normalised. */
export function emptyCrudTemplate(name = '', effect: Effect = 'Allow'): CrudTemplate {
  return {
    mode: 'crud',
    name,
    effect,
    read: [],
    write: [],
    list: [],
    tagging: [],
    permissionsManagement: [],
    wildcardOnly: {
      singleActions: [],
      serviceRead: [],
      serviceWrite: [],
      serviceList: [],
      serviceTagging: [],
      servicePermissionsManagement: [],
    },
    skipResourceConstraints: [],
    excludeActions: [],
    sts: { assumeRole: [], assumeRoleWithSaml: [], assumeRoleWithWebIdentity: [] },
  };
}
