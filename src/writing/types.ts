/** Templates (what the user asks for) and policies (what iamwright writes). */

export type Effect = 'Allow' | 'Deny';

/** `mode: actions`: a list of `prefix:Action` names. */
export interface ActionsTemplate {
  mode: 'actions';
  name: string;
  effect: Effect;
  actions: string[];
}

/** `mode: crud`: resource ARNs per access level, plus the extra sections. Lists hold no empty entries. */
export interface CrudTemplate {
  mode: 'crud';
  name: string;
  effect: Effect;
  read: string[];
  write: string[];
  list: string[];
  tagging: string[];
  permissionsManagement: string[];
  wildcardOnly: {
    singleActions: string[];
    serviceRead: string[];
    serviceWrite: string[];
    serviceList: string[];
    serviceTagging: string[];
    servicePermissionsManagement: string[];
  };
  skipResourceConstraints: string[];
  excludeActions: string[];
  sts: {
    assumeRole: string[];
    assumeRoleWithSaml: string[];
    assumeRoleWithWebIdentity: string[];
  };
}

export type Template = ActionsTemplate | CrudTemplate;

export interface PolicyStatement {
  Sid: string;
  Effect: Effect;
  Action: string[];
  Resource: string[];
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export interface WriteOptions {
  /**
   * Shorten actions to the shortest prefix wildcards that match no other action in the database, each
   * at least this many characters long before the `*`. Default: undefined (no minimizing).
   */
  minimize?: number;
}
