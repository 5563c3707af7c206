// GENERATED from schema/template.schema.json by test/writing/template/validator-source.ts; do not edit.
// Regenerate: IAMWRIGHT_UPDATE_GENERATED=1 node scripts/run-tests.mjs test/writing/template/validator.test.ts
/* eslint-disable */
// @ts-nocheck
'use strict';
export const validate = validate10;
export default validate10;
const schema11 = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/iamwright/iamwright/schema/template.schema.json',
  title: 'iamwright write-policy template',
  description:
    "A YAML template for `iamwright write-policy` (compatible with policy_sentry templates). `mode: crud` lists resource ARNs by access level; `mode: actions` lists IAM actions. Empty entries ('' or a bare '-') are ignored.",
  type: 'object',
  required: ['mode'],
  properties: {
    mode: {
      description: 'crud: ARNs by access level; actions: a list of IAM actions.',
      enum: ['crud', 'actions'],
    },
  },
  if: { properties: { mode: { const: 'actions' } } },
  then: { $ref: '#/definitions/actionsTemplate' },
  else: { if: { properties: { mode: { const: 'crud' } } }, then: { $ref: '#/definitions/crudTemplate' } },
  definitions: {
    name: {
      description: 'A name for the policy, for your own reference.',
      type: ['string', 'number', 'null'],
    },
    effect: {
      description:
        'Effect of every statement: Allow (the default when the key is absent) or Deny. Case-sensitive, as in IAM; an empty value is an error, not Allow.',
      enum: ['Allow', 'Deny'],
    },
    partition: {
      description:
        'The AWS partition the policy is for: the ARNs iamwright writes itself (the ARN formats of actions mode, arn:${Partition}:...) are written in it, and every ARN of the template must be in it. Left out: formats keep ${Partition} and ARNs may be in any partition. write-policy --partition overrides it.',
      enum: ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'],
    },
    arn: {
      description:
        'A resource ARN (arn:partition:service:region:account:resource), e.g. arn:aws:s3:::my-bucket. Empty entries are ignored.',
      type: ['string', 'null'],
      pattern: '^\\s*(arn:[^:\\s]*:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S.*)?$',
    },
    action: {
      description: 'An IAM action, service:ActionName (e.g. s3:GetObject). Empty entries are ignored.',
      type: ['string', 'null'],
      pattern: '^\\s*([A-Za-z0-9-]+:[A-Za-z0-9*?._-]+)?\\s*$',
    },
    actionPattern: {
      description:
        'An IAM action or a wildcard pattern, service:Pattern (e.g. kms:Delete*), or * for every action. Empty entries are ignored.',
      type: ['string', 'null'],
      pattern: '^\\s*(\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?._-]+)?\\s*$',
    },
    service: {
      description: 'A service prefix, e.g. s3 or ec2. Empty entries are ignored.',
      type: ['string', 'null'],
      pattern: '^\\s*([A-Za-z0-9-]+)?\\s*$',
    },
    arnList: {
      description: 'A list of resource ARNs.',
      type: ['array', 'null'],
      items: { $ref: '#/definitions/arn' },
    },
    actionList: {
      description: 'A list of IAM actions (service:ActionName).',
      type: ['array', 'null'],
      items: { $ref: '#/definitions/action' },
    },
    actionPatternList: {
      description: 'A list of IAM actions or wildcard patterns (service:Pattern).',
      type: ['array', 'null'],
      items: { $ref: '#/definitions/actionPattern' },
    },
    serviceList: {
      description: 'A list of service prefixes (s3, ec2, ...).',
      type: ['array', 'null'],
      items: { $ref: '#/definitions/service' },
    },
    actionsTemplate: {
      type: 'object',
      required: ['mode', 'actions'],
      additionalProperties: false,
      patternProperties: {
        '^x-': { description: 'Extension keys, ignored: a place for YAML anchors to reuse.' },
      },
      properties: {
        mode: { const: 'actions' },
        name: { $ref: '#/definitions/name' },
        effect: { $ref: '#/definitions/effect' },
        partition: { $ref: '#/definitions/partition' },
        actions: {
          $ref: '#/definitions/actionList',
          description: 'The IAM actions to allow (or deny); each gets the ARN formats of its resource types.',
        },
      },
    },
    crudTemplate: {
      type: 'object',
      required: ['mode'],
      additionalProperties: false,
      patternProperties: {
        '^x-': { description: 'Extension keys, ignored: a place for YAML anchors to reuse.' },
      },
      properties: {
        mode: { const: 'crud' },
        name: { $ref: '#/definitions/name' },
        effect: { $ref: '#/definitions/effect' },
        partition: { $ref: '#/definitions/partition' },
        read: { $ref: '#/definitions/arnList', description: 'ARNs to grant Read-level actions on.' },
        write: { $ref: '#/definitions/arnList', description: 'ARNs to grant Write-level actions on.' },
        list: { $ref: '#/definitions/arnList', description: 'ARNs to grant List-level actions on.' },
        tagging: { $ref: '#/definitions/arnList', description: 'ARNs to grant Tagging actions on.' },
        'permissions-management': {
          $ref: '#/definitions/arnList',
          description: 'ARNs to grant Permissions management actions on.',
        },
        'wildcard-only': {
          description: "Actions that take no resource ARN, granted on Resource '*'.",
          type: ['object', 'null'],
          additionalProperties: false,
          properties: {
            'single-actions': {
              $ref: '#/definitions/actionList',
              description: 'Individual actions; those that do support resource ARNs are left out.',
            },
            'service-read': {
              $ref: '#/definitions/serviceList',
              description: 'Services whose Read-level wildcard-only actions to add.',
            },
            'service-write': {
              $ref: '#/definitions/serviceList',
              description: 'Services whose Write-level wildcard-only actions to add.',
            },
            'service-list': {
              $ref: '#/definitions/serviceList',
              description: 'Services whose List-level wildcard-only actions to add.',
            },
            'service-tagging': {
              $ref: '#/definitions/serviceList',
              description: 'Services whose Tagging wildcard-only actions to add.',
            },
            'service-permissions-management': {
              $ref: '#/definitions/serviceList',
              description: 'Services whose Permissions management wildcard-only actions to add.',
            },
          },
        },
        'skip-resource-constraints': {
          $ref: '#/definitions/actionList',
          description: "Actions to grant on Resource '*' even though they support resource ARNs.",
        },
        'exclude-actions': {
          $ref: '#/definitions/actionPatternList',
          description: 'Actions to leave out of the policy; wildcards allowed, e.g. kms:Delete*.',
        },
        sts: {
          description: 'Role ARNs to allow assuming, by STS call.',
          type: ['object', 'null'],
          additionalProperties: false,
          properties: {
            'assume-role': { $ref: '#/definitions/arnList', description: 'Roles for sts:AssumeRole.' },
            'assume-role-with-saml': {
              $ref: '#/definitions/arnList',
              description: 'Roles for sts:AssumeRoleWithSAML.',
            },
            'assume-role-with-web-identity': {
              $ref: '#/definitions/arnList',
              description: 'Roles for sts:AssumeRoleWithWebIdentity.',
            },
          },
        },
      },
    },
  },
};
const schema12 = {
  type: 'object',
  required: ['mode', 'actions'],
  additionalProperties: false,
  patternProperties: {
    '^x-': { description: 'Extension keys, ignored: a place for YAML anchors to reuse.' },
  },
  properties: {
    mode: { const: 'actions' },
    name: { $ref: '#/definitions/name' },
    effect: { $ref: '#/definitions/effect' },
    partition: { $ref: '#/definitions/partition' },
    actions: {
      $ref: '#/definitions/actionList',
      description: 'The IAM actions to allow (or deny); each gets the ARN formats of its resource types.',
    },
  },
};
const schema13 = {
  description: 'A name for the policy, for your own reference.',
  type: ['string', 'number', 'null'],
};
const schema14 = {
  description:
    'Effect of every statement: Allow (the default when the key is absent) or Deny. Case-sensitive, as in IAM; an empty value is an error, not Allow.',
  enum: ['Allow', 'Deny'],
};
const schema15 = {
  description:
    'The AWS partition the policy is for: the ARNs iamwright writes itself (the ARN formats of actions mode, arn:${Partition}:...) are written in it, and every ARN of the template must be in it. Left out: formats keep ${Partition} and ARNs may be in any partition. write-policy --partition overrides it.',
  enum: ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc'],
};
const pattern0 = new RegExp('^x-', 'u');
const schema16 = {
  description: 'A list of IAM actions (service:ActionName).',
  type: ['array', 'null'],
  items: { $ref: '#/definitions/action' },
};
const schema17 = {
  description: 'An IAM action, service:ActionName (e.g. s3:GetObject). Empty entries are ignored.',
  type: ['string', 'null'],
  pattern: '^\\s*([A-Za-z0-9-]+:[A-Za-z0-9*?._-]+)?\\s*$',
};
const pattern1 = new RegExp('^\\s*([A-Za-z0-9-]+:[A-Za-z0-9*?._-]+)?\\s*$', 'u');
function validate12(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!Array.isArray(data) && data !== null) {
    validate12.errors = [
      {
        instancePath,
        schemaPath: '#/type',
        keyword: 'type',
        params: { type: schema16.type },
        message: 'must be array,null',
        schema: schema16.type,
        parentSchema: schema16,
        data,
      },
    ];
    return false;
  }
  if (errors === 0) {
    if (Array.isArray(data)) {
      var valid0 = true;
      const len0 = data.length;
      for (let i0 = 0; i0 < len0; i0++) {
        let data0 = data[i0];
        const _errs1 = errors;
        const _errs2 = errors;
        if (typeof data0 !== 'string' && data0 !== null) {
          validate12.errors = [
            {
              instancePath: instancePath + '/' + i0,
              schemaPath: '#/definitions/action/type',
              keyword: 'type',
              params: { type: schema17.type },
              message: 'must be string,null',
              schema: schema17.type,
              parentSchema: schema17,
              data: data0,
            },
          ];
          return false;
        }
        if (errors === _errs2) {
          if (typeof data0 === 'string') {
            if (!pattern1.test(data0)) {
              validate12.errors = [
                {
                  instancePath: instancePath + '/' + i0,
                  schemaPath: '#/definitions/action/pattern',
                  keyword: 'pattern',
                  params: { pattern: '^\\s*([A-Za-z0-9-]+:[A-Za-z0-9*?._-]+)?\\s*$' },
                  message: 'must match pattern "' + '^\\s*([A-Za-z0-9-]+:[A-Za-z0-9*?._-]+)?\\s*$' + '"',
                  schema: '^\\s*([A-Za-z0-9-]+:[A-Za-z0-9*?._-]+)?\\s*$',
                  parentSchema: schema17,
                  data: data0,
                },
              ];
              return false;
            }
          }
        }
        var valid0 = _errs1 === errors;
        if (!valid0) {
          break;
        }
      }
    }
  }
  validate12.errors = vErrors;
  return errors === 0;
}
function validate11(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      let missing0;
      if (
        (data.mode === undefined && (missing0 = 'mode')) ||
        (data.actions === undefined && (missing0 = 'actions'))
      ) {
        validate11.errors = [
          {
            instancePath,
            schemaPath: '#/required',
            keyword: 'required',
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
            schema: schema12.required,
            parentSchema: schema12,
            data,
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(
            key0 === 'mode' ||
            key0 === 'name' ||
            key0 === 'effect' ||
            key0 === 'partition' ||
            key0 === 'actions' ||
            pattern0.test(key0)
          )) {
            validate11.errors = [
              {
                instancePath,
                schemaPath: '#/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key0 },
                message: 'must NOT have additional properties',
                schema: false,
                parentSchema: schema12,
                data,
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.mode !== undefined) {
            let data0 = data.mode;
            const _errs2 = errors;
            if ('actions' !== data0) {
              validate11.errors = [
                {
                  instancePath: instancePath + '/mode',
                  schemaPath: '#/properties/mode/const',
                  keyword: 'const',
                  params: { allowedValue: 'actions' },
                  message: 'must be equal to constant',
                  schema: 'actions',
                  parentSchema: schema12.properties.mode,
                  data: data0,
                },
              ];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.name !== undefined) {
              let data1 = data.name;
              const _errs3 = errors;
              if (
                typeof data1 !== 'string' &&
                !(typeof data1 == 'number' && isFinite(data1)) &&
                data1 !== null
              ) {
                validate11.errors = [
                  {
                    instancePath: instancePath + '/name',
                    schemaPath: '#/definitions/name/type',
                    keyword: 'type',
                    params: { type: schema13.type },
                    message: 'must be string,number,null',
                    schema: schema13.type,
                    parentSchema: schema13,
                    data: data1,
                  },
                ];
                return false;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.effect !== undefined) {
                let data2 = data.effect;
                const _errs6 = errors;
                if (!(data2 === 'Allow' || data2 === 'Deny')) {
                  validate11.errors = [
                    {
                      instancePath: instancePath + '/effect',
                      schemaPath: '#/definitions/effect/enum',
                      keyword: 'enum',
                      params: { allowedValues: schema14.enum },
                      message: 'must be equal to one of the allowed values',
                      schema: schema14.enum,
                      parentSchema: schema14,
                      data: data2,
                    },
                  ];
                  return false;
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.partition !== undefined) {
                  let data3 = data.partition;
                  const _errs8 = errors;
                  if (!(
                    data3 === 'aws' ||
                    data3 === 'aws-cn' ||
                    data3 === 'aws-us-gov' ||
                    data3 === 'aws-iso' ||
                    data3 === 'aws-iso-b' ||
                    data3 === 'aws-iso-e' ||
                    data3 === 'aws-iso-f' ||
                    data3 === 'aws-eusc'
                  )) {
                    validate11.errors = [
                      {
                        instancePath: instancePath + '/partition',
                        schemaPath: '#/definitions/partition/enum',
                        keyword: 'enum',
                        params: { allowedValues: schema15.enum },
                        message: 'must be equal to one of the allowed values',
                        schema: schema15.enum,
                        parentSchema: schema15,
                        data: data3,
                      },
                    ];
                    return false;
                  }
                  var valid0 = _errs8 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.actions !== undefined) {
                    const _errs10 = errors;
                    if (
                      !validate12(data.actions, {
                        instancePath: instancePath + '/actions',
                        parentData: data,
                        parentDataProperty: 'actions',
                        rootData,
                      })
                    ) {
                      vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
                      errors = vErrors.length;
                    }
                    var valid0 = _errs10 === errors;
                  } else {
                    var valid0 = true;
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate11.errors = [
        {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema12.type,
          parentSchema: schema12,
          data,
        },
      ];
      return false;
    }
  }
  validate11.errors = vErrors;
  return errors === 0;
}
const schema18 = {
  type: 'object',
  required: ['mode'],
  additionalProperties: false,
  patternProperties: {
    '^x-': { description: 'Extension keys, ignored: a place for YAML anchors to reuse.' },
  },
  properties: {
    mode: { const: 'crud' },
    name: { $ref: '#/definitions/name' },
    effect: { $ref: '#/definitions/effect' },
    partition: { $ref: '#/definitions/partition' },
    read: { $ref: '#/definitions/arnList', description: 'ARNs to grant Read-level actions on.' },
    write: { $ref: '#/definitions/arnList', description: 'ARNs to grant Write-level actions on.' },
    list: { $ref: '#/definitions/arnList', description: 'ARNs to grant List-level actions on.' },
    tagging: { $ref: '#/definitions/arnList', description: 'ARNs to grant Tagging actions on.' },
    'permissions-management': {
      $ref: '#/definitions/arnList',
      description: 'ARNs to grant Permissions management actions on.',
    },
    'wildcard-only': {
      description: "Actions that take no resource ARN, granted on Resource '*'.",
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        'single-actions': {
          $ref: '#/definitions/actionList',
          description: 'Individual actions; those that do support resource ARNs are left out.',
        },
        'service-read': {
          $ref: '#/definitions/serviceList',
          description: 'Services whose Read-level wildcard-only actions to add.',
        },
        'service-write': {
          $ref: '#/definitions/serviceList',
          description: 'Services whose Write-level wildcard-only actions to add.',
        },
        'service-list': {
          $ref: '#/definitions/serviceList',
          description: 'Services whose List-level wildcard-only actions to add.',
        },
        'service-tagging': {
          $ref: '#/definitions/serviceList',
          description: 'Services whose Tagging wildcard-only actions to add.',
        },
        'service-permissions-management': {
          $ref: '#/definitions/serviceList',
          description: 'Services whose Permissions management wildcard-only actions to add.',
        },
      },
    },
    'skip-resource-constraints': {
      $ref: '#/definitions/actionList',
      description: "Actions to grant on Resource '*' even though they support resource ARNs.",
    },
    'exclude-actions': {
      $ref: '#/definitions/actionPatternList',
      description: 'Actions to leave out of the policy; wildcards allowed, e.g. kms:Delete*.',
    },
    sts: {
      description: 'Role ARNs to allow assuming, by STS call.',
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        'assume-role': { $ref: '#/definitions/arnList', description: 'Roles for sts:AssumeRole.' },
        'assume-role-with-saml': {
          $ref: '#/definitions/arnList',
          description: 'Roles for sts:AssumeRoleWithSAML.',
        },
        'assume-role-with-web-identity': {
          $ref: '#/definitions/arnList',
          description: 'Roles for sts:AssumeRoleWithWebIdentity.',
        },
      },
    },
  },
};
const func2 = Object.prototype.hasOwnProperty;
const schema22 = {
  description: 'A list of resource ARNs.',
  type: ['array', 'null'],
  items: { $ref: '#/definitions/arn' },
};
const schema23 = {
  description:
    'A resource ARN (arn:partition:service:region:account:resource), e.g. arn:aws:s3:::my-bucket. Empty entries are ignored.',
  type: ['string', 'null'],
  pattern: '^\\s*(arn:[^:\\s]*:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S.*)?$',
};
const pattern3 = new RegExp('^\\s*(arn:[^:\\s]*:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S.*)?$', 'u');
function validate16(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!Array.isArray(data) && data !== null) {
    validate16.errors = [
      {
        instancePath,
        schemaPath: '#/type',
        keyword: 'type',
        params: { type: schema22.type },
        message: 'must be array,null',
        schema: schema22.type,
        parentSchema: schema22,
        data,
      },
    ];
    return false;
  }
  if (errors === 0) {
    if (Array.isArray(data)) {
      var valid0 = true;
      const len0 = data.length;
      for (let i0 = 0; i0 < len0; i0++) {
        let data0 = data[i0];
        const _errs1 = errors;
        const _errs2 = errors;
        if (typeof data0 !== 'string' && data0 !== null) {
          validate16.errors = [
            {
              instancePath: instancePath + '/' + i0,
              schemaPath: '#/definitions/arn/type',
              keyword: 'type',
              params: { type: schema23.type },
              message: 'must be string,null',
              schema: schema23.type,
              parentSchema: schema23,
              data: data0,
            },
          ];
          return false;
        }
        if (errors === _errs2) {
          if (typeof data0 === 'string') {
            if (!pattern3.test(data0)) {
              validate16.errors = [
                {
                  instancePath: instancePath + '/' + i0,
                  schemaPath: '#/definitions/arn/pattern',
                  keyword: 'pattern',
                  params: { pattern: '^\\s*(arn:[^:\\s]*:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S.*)?$' },
                  message:
                    'must match pattern "' + '^\\s*(arn:[^:\\s]*:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S.*)?$' + '"',
                  schema: '^\\s*(arn:[^:\\s]*:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S.*)?$',
                  parentSchema: schema23,
                  data: data0,
                },
              ];
              return false;
            }
          }
        }
        var valid0 = _errs1 === errors;
        if (!valid0) {
          break;
        }
      }
    }
  }
  validate16.errors = vErrors;
  return errors === 0;
}
const schema24 = {
  description: 'A list of service prefixes (s3, ec2, ...).',
  type: ['array', 'null'],
  items: { $ref: '#/definitions/service' },
};
const schema25 = {
  description: 'A service prefix, e.g. s3 or ec2. Empty entries are ignored.',
  type: ['string', 'null'],
  pattern: '^\\s*([A-Za-z0-9-]+)?\\s*$',
};
const pattern4 = new RegExp('^\\s*([A-Za-z0-9-]+)?\\s*$', 'u');
function validate23(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!Array.isArray(data) && data !== null) {
    validate23.errors = [
      {
        instancePath,
        schemaPath: '#/type',
        keyword: 'type',
        params: { type: schema24.type },
        message: 'must be array,null',
        schema: schema24.type,
        parentSchema: schema24,
        data,
      },
    ];
    return false;
  }
  if (errors === 0) {
    if (Array.isArray(data)) {
      var valid0 = true;
      const len0 = data.length;
      for (let i0 = 0; i0 < len0; i0++) {
        let data0 = data[i0];
        const _errs1 = errors;
        const _errs2 = errors;
        if (typeof data0 !== 'string' && data0 !== null) {
          validate23.errors = [
            {
              instancePath: instancePath + '/' + i0,
              schemaPath: '#/definitions/service/type',
              keyword: 'type',
              params: { type: schema25.type },
              message: 'must be string,null',
              schema: schema25.type,
              parentSchema: schema25,
              data: data0,
            },
          ];
          return false;
        }
        if (errors === _errs2) {
          if (typeof data0 === 'string') {
            if (!pattern4.test(data0)) {
              validate23.errors = [
                {
                  instancePath: instancePath + '/' + i0,
                  schemaPath: '#/definitions/service/pattern',
                  keyword: 'pattern',
                  params: { pattern: '^\\s*([A-Za-z0-9-]+)?\\s*$' },
                  message: 'must match pattern "' + '^\\s*([A-Za-z0-9-]+)?\\s*$' + '"',
                  schema: '^\\s*([A-Za-z0-9-]+)?\\s*$',
                  parentSchema: schema25,
                  data: data0,
                },
              ];
              return false;
            }
          }
        }
        var valid0 = _errs1 === errors;
        if (!valid0) {
          break;
        }
      }
    }
  }
  validate23.errors = vErrors;
  return errors === 0;
}
const schema26 = {
  description: 'A list of IAM actions or wildcard patterns (service:Pattern).',
  type: ['array', 'null'],
  items: { $ref: '#/definitions/actionPattern' },
};
const schema27 = {
  description:
    'An IAM action or a wildcard pattern, service:Pattern (e.g. kms:Delete*), or * for every action. Empty entries are ignored.',
  type: ['string', 'null'],
  pattern: '^\\s*(\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?._-]+)?\\s*$',
};
const pattern5 = new RegExp('^\\s*(\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?._-]+)?\\s*$', 'u');
function validate30(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!Array.isArray(data) && data !== null) {
    validate30.errors = [
      {
        instancePath,
        schemaPath: '#/type',
        keyword: 'type',
        params: { type: schema26.type },
        message: 'must be array,null',
        schema: schema26.type,
        parentSchema: schema26,
        data,
      },
    ];
    return false;
  }
  if (errors === 0) {
    if (Array.isArray(data)) {
      var valid0 = true;
      const len0 = data.length;
      for (let i0 = 0; i0 < len0; i0++) {
        let data0 = data[i0];
        const _errs1 = errors;
        const _errs2 = errors;
        if (typeof data0 !== 'string' && data0 !== null) {
          validate30.errors = [
            {
              instancePath: instancePath + '/' + i0,
              schemaPath: '#/definitions/actionPattern/type',
              keyword: 'type',
              params: { type: schema27.type },
              message: 'must be string,null',
              schema: schema27.type,
              parentSchema: schema27,
              data: data0,
            },
          ];
          return false;
        }
        if (errors === _errs2) {
          if (typeof data0 === 'string') {
            if (!pattern5.test(data0)) {
              validate30.errors = [
                {
                  instancePath: instancePath + '/' + i0,
                  schemaPath: '#/definitions/actionPattern/pattern',
                  keyword: 'pattern',
                  params: { pattern: '^\\s*(\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?._-]+)?\\s*$' },
                  message:
                    'must match pattern "' + '^\\s*(\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?._-]+)?\\s*$' + '"',
                  schema: '^\\s*(\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?._-]+)?\\s*$',
                  parentSchema: schema27,
                  data: data0,
                },
              ];
              return false;
            }
          }
        }
        var valid0 = _errs1 === errors;
        if (!valid0) {
          break;
        }
      }
    }
  }
  validate30.errors = vErrors;
  return errors === 0;
}
function validate15(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      let missing0;
      if (data.mode === undefined && (missing0 = 'mode')) {
        validate15.errors = [
          {
            instancePath,
            schemaPath: '#/required',
            keyword: 'required',
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
            schema: schema18.required,
            parentSchema: schema18,
            data,
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(func2.call(schema18.properties, key0) || pattern0.test(key0))) {
            validate15.errors = [
              {
                instancePath,
                schemaPath: '#/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key0 },
                message: 'must NOT have additional properties',
                schema: false,
                parentSchema: schema18,
                data,
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.mode !== undefined) {
            let data0 = data.mode;
            const _errs2 = errors;
            if ('crud' !== data0) {
              validate15.errors = [
                {
                  instancePath: instancePath + '/mode',
                  schemaPath: '#/properties/mode/const',
                  keyword: 'const',
                  params: { allowedValue: 'crud' },
                  message: 'must be equal to constant',
                  schema: 'crud',
                  parentSchema: schema18.properties.mode,
                  data: data0,
                },
              ];
              return false;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.name !== undefined) {
              let data1 = data.name;
              const _errs3 = errors;
              if (
                typeof data1 !== 'string' &&
                !(typeof data1 == 'number' && isFinite(data1)) &&
                data1 !== null
              ) {
                validate15.errors = [
                  {
                    instancePath: instancePath + '/name',
                    schemaPath: '#/definitions/name/type',
                    keyword: 'type',
                    params: { type: schema13.type },
                    message: 'must be string,number,null',
                    schema: schema13.type,
                    parentSchema: schema13,
                    data: data1,
                  },
                ];
                return false;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.effect !== undefined) {
                let data2 = data.effect;
                const _errs6 = errors;
                if (!(data2 === 'Allow' || data2 === 'Deny')) {
                  validate15.errors = [
                    {
                      instancePath: instancePath + '/effect',
                      schemaPath: '#/definitions/effect/enum',
                      keyword: 'enum',
                      params: { allowedValues: schema14.enum },
                      message: 'must be equal to one of the allowed values',
                      schema: schema14.enum,
                      parentSchema: schema14,
                      data: data2,
                    },
                  ];
                  return false;
                }
                var valid0 = _errs6 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data.partition !== undefined) {
                  let data3 = data.partition;
                  const _errs8 = errors;
                  if (!(
                    data3 === 'aws' ||
                    data3 === 'aws-cn' ||
                    data3 === 'aws-us-gov' ||
                    data3 === 'aws-iso' ||
                    data3 === 'aws-iso-b' ||
                    data3 === 'aws-iso-e' ||
                    data3 === 'aws-iso-f' ||
                    data3 === 'aws-eusc'
                  )) {
                    validate15.errors = [
                      {
                        instancePath: instancePath + '/partition',
                        schemaPath: '#/definitions/partition/enum',
                        keyword: 'enum',
                        params: { allowedValues: schema15.enum },
                        message: 'must be equal to one of the allowed values',
                        schema: schema15.enum,
                        parentSchema: schema15,
                        data: data3,
                      },
                    ];
                    return false;
                  }
                  var valid0 = _errs8 === errors;
                } else {
                  var valid0 = true;
                }
                if (valid0) {
                  if (data.read !== undefined) {
                    const _errs10 = errors;
                    if (
                      !validate16(data.read, {
                        instancePath: instancePath + '/read',
                        parentData: data,
                        parentDataProperty: 'read',
                        rootData,
                      })
                    ) {
                      vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
                      errors = vErrors.length;
                    }
                    var valid0 = _errs10 === errors;
                  } else {
                    var valid0 = true;
                  }
                  if (valid0) {
                    if (data.write !== undefined) {
                      const _errs11 = errors;
                      if (
                        !validate16(data.write, {
                          instancePath: instancePath + '/write',
                          parentData: data,
                          parentDataProperty: 'write',
                          rootData,
                        })
                      ) {
                        vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
                        errors = vErrors.length;
                      }
                      var valid0 = _errs11 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data.list !== undefined) {
                        const _errs12 = errors;
                        if (
                          !validate16(data.list, {
                            instancePath: instancePath + '/list',
                            parentData: data,
                            parentDataProperty: 'list',
                            rootData,
                          })
                        ) {
                          vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
                          errors = vErrors.length;
                        }
                        var valid0 = _errs12 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data.tagging !== undefined) {
                          const _errs13 = errors;
                          if (
                            !validate16(data.tagging, {
                              instancePath: instancePath + '/tagging',
                              parentData: data,
                              parentDataProperty: 'tagging',
                              rootData,
                            })
                          ) {
                            vErrors =
                              vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
                            errors = vErrors.length;
                          }
                          var valid0 = _errs13 === errors;
                        } else {
                          var valid0 = true;
                        }
                        if (valid0) {
                          if (data['permissions-management'] !== undefined) {
                            const _errs14 = errors;
                            if (
                              !validate16(data['permissions-management'], {
                                instancePath: instancePath + '/permissions-management',
                                parentData: data,
                                parentDataProperty: 'permissions-management',
                                rootData,
                              })
                            ) {
                              vErrors =
                                vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
                              errors = vErrors.length;
                            }
                            var valid0 = _errs14 === errors;
                          } else {
                            var valid0 = true;
                          }
                          if (valid0) {
                            if (data['wildcard-only'] !== undefined) {
                              let data9 = data['wildcard-only'];
                              const _errs15 = errors;
                              if (
                                !(data9 && typeof data9 == 'object' && !Array.isArray(data9)) &&
                                data9 !== null
                              ) {
                                validate15.errors = [
                                  {
                                    instancePath: instancePath + '/wildcard-only',
                                    schemaPath: '#/properties/wildcard-only/type',
                                    keyword: 'type',
                                    params: { type: schema18.properties['wildcard-only'].type },
                                    message: 'must be object,null',
                                    schema: schema18.properties['wildcard-only'].type,
                                    parentSchema: schema18.properties['wildcard-only'],
                                    data: data9,
                                  },
                                ];
                                return false;
                              }
                              if (errors === _errs15) {
                                if (data9 && typeof data9 == 'object' && !Array.isArray(data9)) {
                                  const _errs17 = errors;
                                  for (const key1 in data9) {
                                    if (!(
                                      key1 === 'single-actions' ||
                                      key1 === 'service-read' ||
                                      key1 === 'service-write' ||
                                      key1 === 'service-list' ||
                                      key1 === 'service-tagging' ||
                                      key1 === 'service-permissions-management'
                                    )) {
                                      validate15.errors = [
                                        {
                                          instancePath: instancePath + '/wildcard-only',
                                          schemaPath: '#/properties/wildcard-only/additionalProperties',
                                          keyword: 'additionalProperties',
                                          params: { additionalProperty: key1 },
                                          message: 'must NOT have additional properties',
                                          schema: false,
                                          parentSchema: schema18.properties['wildcard-only'],
                                          data: data9,
                                        },
                                      ];
                                      return false;
                                      break;
                                    }
                                  }
                                  if (_errs17 === errors) {
                                    if (data9['single-actions'] !== undefined) {
                                      const _errs18 = errors;
                                      if (
                                        !validate12(data9['single-actions'], {
                                          instancePath: instancePath + '/wildcard-only/single-actions',
                                          parentData: data9,
                                          parentDataProperty: 'single-actions',
                                          rootData,
                                        })
                                      ) {
                                        vErrors =
                                          vErrors === null
                                            ? validate12.errors
                                            : vErrors.concat(validate12.errors);
                                        errors = vErrors.length;
                                      }
                                      var valid4 = _errs18 === errors;
                                    } else {
                                      var valid4 = true;
                                    }
                                    if (valid4) {
                                      if (data9['service-read'] !== undefined) {
                                        const _errs19 = errors;
                                        if (
                                          !validate23(data9['service-read'], {
                                            instancePath: instancePath + '/wildcard-only/service-read',
                                            parentData: data9,
                                            parentDataProperty: 'service-read',
                                            rootData,
                                          })
                                        ) {
                                          vErrors =
                                            vErrors === null
                                              ? validate23.errors
                                              : vErrors.concat(validate23.errors);
                                          errors = vErrors.length;
                                        }
                                        var valid4 = _errs19 === errors;
                                      } else {
                                        var valid4 = true;
                                      }
                                      if (valid4) {
                                        if (data9['service-write'] !== undefined) {
                                          const _errs20 = errors;
                                          if (
                                            !validate23(data9['service-write'], {
                                              instancePath: instancePath + '/wildcard-only/service-write',
                                              parentData: data9,
                                              parentDataProperty: 'service-write',
                                              rootData,
                                            })
                                          ) {
                                            vErrors =
                                              vErrors === null
                                                ? validate23.errors
                                                : vErrors.concat(validate23.errors);
                                            errors = vErrors.length;
                                          }
                                          var valid4 = _errs20 === errors;
                                        } else {
                                          var valid4 = true;
                                        }
                                        if (valid4) {
                                          if (data9['service-list'] !== undefined) {
                                            const _errs21 = errors;
                                            if (
                                              !validate23(data9['service-list'], {
                                                instancePath: instancePath + '/wildcard-only/service-list',
                                                parentData: data9,
                                                parentDataProperty: 'service-list',
                                                rootData,
                                              })
                                            ) {
                                              vErrors =
                                                vErrors === null
                                                  ? validate23.errors
                                                  : vErrors.concat(validate23.errors);
                                              errors = vErrors.length;
                                            }
                                            var valid4 = _errs21 === errors;
                                          } else {
                                            var valid4 = true;
                                          }
                                          if (valid4) {
                                            if (data9['service-tagging'] !== undefined) {
                                              const _errs22 = errors;
                                              if (
                                                !validate23(data9['service-tagging'], {
                                                  instancePath:
                                                    instancePath + '/wildcard-only/service-tagging',
                                                  parentData: data9,
                                                  parentDataProperty: 'service-tagging',
                                                  rootData,
                                                })
                                              ) {
                                                vErrors =
                                                  vErrors === null
                                                    ? validate23.errors
                                                    : vErrors.concat(validate23.errors);
                                                errors = vErrors.length;
                                              }
                                              var valid4 = _errs22 === errors;
                                            } else {
                                              var valid4 = true;
                                            }
                                            if (valid4) {
                                              if (data9['service-permissions-management'] !== undefined) {
                                                const _errs23 = errors;
                                                if (
                                                  !validate23(data9['service-permissions-management'], {
                                                    instancePath:
                                                      instancePath +
                                                      '/wildcard-only/service-permissions-management',
                                                    parentData: data9,
                                                    parentDataProperty: 'service-permissions-management',
                                                    rootData,
                                                  })
                                                ) {
                                                  vErrors =
                                                    vErrors === null
                                                      ? validate23.errors
                                                      : vErrors.concat(validate23.errors);
                                                  errors = vErrors.length;
                                                }
                                                var valid4 = _errs23 === errors;
                                              } else {
                                                var valid4 = true;
                                              }
                                            }
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                              var valid0 = _errs15 === errors;
                            } else {
                              var valid0 = true;
                            }
                            if (valid0) {
                              if (data['skip-resource-constraints'] !== undefined) {
                                const _errs24 = errors;
                                if (
                                  !validate12(data['skip-resource-constraints'], {
                                    instancePath: instancePath + '/skip-resource-constraints',
                                    parentData: data,
                                    parentDataProperty: 'skip-resource-constraints',
                                    rootData,
                                  })
                                ) {
                                  vErrors =
                                    vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
                                  errors = vErrors.length;
                                }
                                var valid0 = _errs24 === errors;
                              } else {
                                var valid0 = true;
                              }
                              if (valid0) {
                                if (data['exclude-actions'] !== undefined) {
                                  const _errs25 = errors;
                                  if (
                                    !validate30(data['exclude-actions'], {
                                      instancePath: instancePath + '/exclude-actions',
                                      parentData: data,
                                      parentDataProperty: 'exclude-actions',
                                      rootData,
                                    })
                                  ) {
                                    vErrors =
                                      vErrors === null
                                        ? validate30.errors
                                        : vErrors.concat(validate30.errors);
                                    errors = vErrors.length;
                                  }
                                  var valid0 = _errs25 === errors;
                                } else {
                                  var valid0 = true;
                                }
                                if (valid0) {
                                  if (data.sts !== undefined) {
                                    let data18 = data.sts;
                                    const _errs26 = errors;
                                    if (
                                      !(data18 && typeof data18 == 'object' && !Array.isArray(data18)) &&
                                      data18 !== null
                                    ) {
                                      validate15.errors = [
                                        {
                                          instancePath: instancePath + '/sts',
                                          schemaPath: '#/properties/sts/type',
                                          keyword: 'type',
                                          params: { type: schema18.properties.sts.type },
                                          message: 'must be object,null',
                                          schema: schema18.properties.sts.type,
                                          parentSchema: schema18.properties.sts,
                                          data: data18,
                                        },
                                      ];
                                      return false;
                                    }
                                    if (errors === _errs26) {
                                      if (data18 && typeof data18 == 'object' && !Array.isArray(data18)) {
                                        const _errs28 = errors;
                                        for (const key2 in data18) {
                                          if (!(
                                            key2 === 'assume-role' ||
                                            key2 === 'assume-role-with-saml' ||
                                            key2 === 'assume-role-with-web-identity'
                                          )) {
                                            validate15.errors = [
                                              {
                                                instancePath: instancePath + '/sts',
                                                schemaPath: '#/properties/sts/additionalProperties',
                                                keyword: 'additionalProperties',
                                                params: { additionalProperty: key2 },
                                                message: 'must NOT have additional properties',
                                                schema: false,
                                                parentSchema: schema18.properties.sts,
                                                data: data18,
                                              },
                                            ];
                                            return false;
                                            break;
                                          }
                                        }
                                        if (_errs28 === errors) {
                                          if (data18['assume-role'] !== undefined) {
                                            const _errs29 = errors;
                                            if (
                                              !validate16(data18['assume-role'], {
                                                instancePath: instancePath + '/sts/assume-role',
                                                parentData: data18,
                                                parentDataProperty: 'assume-role',
                                                rootData,
                                              })
                                            ) {
                                              vErrors =
                                                vErrors === null
                                                  ? validate16.errors
                                                  : vErrors.concat(validate16.errors);
                                              errors = vErrors.length;
                                            }
                                            var valid5 = _errs29 === errors;
                                          } else {
                                            var valid5 = true;
                                          }
                                          if (valid5) {
                                            if (data18['assume-role-with-saml'] !== undefined) {
                                              const _errs30 = errors;
                                              if (
                                                !validate16(data18['assume-role-with-saml'], {
                                                  instancePath: instancePath + '/sts/assume-role-with-saml',
                                                  parentData: data18,
                                                  parentDataProperty: 'assume-role-with-saml',
                                                  rootData,
                                                })
                                              ) {
                                                vErrors =
                                                  vErrors === null
                                                    ? validate16.errors
                                                    : vErrors.concat(validate16.errors);
                                                errors = vErrors.length;
                                              }
                                              var valid5 = _errs30 === errors;
                                            } else {
                                              var valid5 = true;
                                            }
                                            if (valid5) {
                                              if (data18['assume-role-with-web-identity'] !== undefined) {
                                                const _errs31 = errors;
                                                if (
                                                  !validate16(data18['assume-role-with-web-identity'], {
                                                    instancePath:
                                                      instancePath + '/sts/assume-role-with-web-identity',
                                                    parentData: data18,
                                                    parentDataProperty: 'assume-role-with-web-identity',
                                                    rootData,
                                                  })
                                                ) {
                                                  vErrors =
                                                    vErrors === null
                                                      ? validate16.errors
                                                      : vErrors.concat(validate16.errors);
                                                  errors = vErrors.length;
                                                }
                                                var valid5 = _errs31 === errors;
                                              } else {
                                                var valid5 = true;
                                              }
                                            }
                                          }
                                        }
                                      }
                                    }
                                    var valid0 = _errs26 === errors;
                                  } else {
                                    var valid0 = true;
                                  }
                                }
                              }
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    } else {
      validate15.errors = [
        {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema18.type,
          parentSchema: schema18,
          data,
        },
      ];
      return false;
    }
  }
  validate15.errors = vErrors;
  return errors === 0;
}
function validate10(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  /*# sourceURL="https://github.com/iamwright/iamwright/schema/template.schema.json" */ let vErrors = null;
  let errors = 0;
  const _errs1 = errors;
  let valid0 = true;
  const _errs2 = errors;
  if (data && typeof data == 'object' && !Array.isArray(data)) {
    if (data.mode !== undefined) {
      if ('actions' !== data.mode) {
        const err0 = {};
        if (vErrors === null) {
          vErrors = [err0];
        } else {
          vErrors.push(err0);
        }
        errors++;
      }
    }
  }
  var _valid0 = _errs2 === errors;
  errors = _errs1;
  if (vErrors !== null) {
    if (_errs1) {
      vErrors.length = _errs1;
    } else {
      vErrors = null;
    }
  }
  let ifClause0;
  if (_valid0) {
    const _errs4 = errors;
    if (!validate11(data, { instancePath, parentData, parentDataProperty, rootData })) {
      vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
      errors = vErrors.length;
    }
    var _valid0 = _errs4 === errors;
    valid0 = _valid0;
    ifClause0 = 'then';
  } else {
    const _errs5 = errors;
    const _errs6 = errors;
    let valid2 = true;
    const _errs7 = errors;
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      if (data.mode !== undefined) {
        if ('crud' !== data.mode) {
          const err1 = {};
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
        }
      }
    }
    var _valid1 = _errs7 === errors;
    errors = _errs6;
    if (vErrors !== null) {
      if (_errs6) {
        vErrors.length = _errs6;
      } else {
        vErrors = null;
      }
    }
    if (_valid1) {
      const _errs9 = errors;
      if (!validate15(data, { instancePath, parentData, parentDataProperty, rootData })) {
        vErrors = vErrors === null ? validate15.errors : vErrors.concat(validate15.errors);
        errors = vErrors.length;
      }
      var _valid1 = _errs9 === errors;
      valid2 = _valid1;
    }
    if (!valid2) {
      const err2 = {
        instancePath,
        schemaPath: '#/else/if',
        keyword: 'if',
        params: { failingKeyword: 'then' },
        message: 'must match "then" schema',
        schema: schema11.else.if,
        parentSchema: schema11.else,
        data,
      };
      if (vErrors === null) {
        vErrors = [err2];
      } else {
        vErrors.push(err2);
      }
      errors++;
      validate10.errors = vErrors;
      return false;
    }
    var _valid0 = _errs5 === errors;
    valid0 = _valid0;
    ifClause0 = 'else';
  }
  if (!valid0) {
    const err3 = {
      instancePath,
      schemaPath: '#/if',
      keyword: 'if',
      params: { failingKeyword: ifClause0 },
      message: 'must match "' + ifClause0 + '" schema',
      schema: schema11.if,
      parentSchema: schema11,
      data,
    };
    if (vErrors === null) {
      vErrors = [err3];
    } else {
      vErrors.push(err3);
    }
    errors++;
    validate10.errors = vErrors;
    return false;
  }
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      let missing0;
      if (data.mode === undefined && (missing0 = 'mode')) {
        validate10.errors = [
          {
            instancePath,
            schemaPath: '#/required',
            keyword: 'required',
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
            schema: schema11.required,
            parentSchema: schema11,
            data,
          },
        ];
        return false;
      } else {
        if (data.mode !== undefined) {
          let data2 = data.mode;
          if (!(data2 === 'crud' || data2 === 'actions')) {
            validate10.errors = [
              {
                instancePath: instancePath + '/mode',
                schemaPath: '#/properties/mode/enum',
                keyword: 'enum',
                params: { allowedValues: schema11.properties.mode.enum },
                message: 'must be equal to one of the allowed values',
                schema: schema11.properties.mode.enum,
                parentSchema: schema11.properties.mode,
                data: data2,
              },
            ];
            return false;
          }
        }
      }
    } else {
      validate10.errors = [
        {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema11.type,
          parentSchema: schema11,
          data,
        },
      ];
      return false;
    }
  }
  validate10.errors = vErrors;
  return errors === 0;
}
