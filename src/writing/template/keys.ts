/**
 * The template's key names, shared by the parser, the template writer and the builder, so that the three
 * agree on spelling and order (the order of the keys in a created template).
 */
import type { CrudTemplate } from '../types.js';

export const MODES = ['crud', 'actions'] as const;
export const EFFECTS = ['Allow', 'Deny'] as const;

/** CRUD access-level sections: template key -> CrudTemplate field. */
export const ACCESS_LEVEL_KEYS = {
  read: 'read',
  write: 'write',
  list: 'list',
  tagging: 'tagging',
  'permissions-management': 'permissionsManagement',
} as const satisfies Record<string, keyof CrudTemplate>;

/** `wildcard-only` keys -> CrudTemplate['wildcardOnly'] fields. */
export const WILDCARD_ONLY_KEYS = {
  'single-actions': 'singleActions',
  'service-read': 'serviceRead',
  'service-write': 'serviceWrite',
  'service-list': 'serviceList',
  'service-tagging': 'serviceTagging',
  'service-permissions-management': 'servicePermissionsManagement',
} as const satisfies Record<string, keyof CrudTemplate['wildcardOnly']>;

/** `sts` keys -> CrudTemplate['sts'] fields. */
export const STS_KEYS = {
  'assume-role': 'assumeRole',
  'assume-role-with-saml': 'assumeRoleWithSaml',
  'assume-role-with-web-identity': 'assumeRoleWithWebIdentity',
} as const satisfies Record<string, keyof CrudTemplate['sts']>;

/** The keys of conditions (template/conditions.ts), in both modes. */
export const CONDITION_TEMPLATE_KEYS = [
  'conditions',
  'access-level-conditions',
  'unsupported-condition-keys',
] as const;

export const ACTIONS_MODE_KEYS = [
  'mode',
  'name',
  'effect',
  'partition',
  'actions',
  ...CONDITION_TEMPLATE_KEYS,
] as const;

export const CRUD_MODE_KEYS = [
  'mode',
  'name',
  'effect',
  'partition',
  ...Object.keys(ACCESS_LEVEL_KEYS),
  'wildcard-only',
  'skip-resource-constraints',
  'exclude-actions',
  'sts',
  ...CONDITION_TEMPLATE_KEYS,
] as const;
