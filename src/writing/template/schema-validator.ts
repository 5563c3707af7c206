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
    conditionValue: {
      description: 'One condition value: text, a number or true/false (written into the policy as text).',
      type: ['string', 'number', 'boolean'],
    },
    conditionBlock: {
      description:
        "Conditions as in an IAM policy's Condition element: operator -> condition key -> value or list of values (any of them may match), e.g. {Bool: {aws:SecureTransport: true}}. Operators are IAM's, spelt as IAM spells them: String..., Numeric..., Date..., Bool, BinaryEquals, IpAddress, NotIpAddress, Arn..., each with IfExists and ForAllValues:/ForAnyValue:, and Null. Keys are aws: global keys or keys of the actions' services; write-policy checks each operator and value against the key's type in the database, and that the actions support the key.",
      type: 'object',
      minProperties: 1,
      propertyNames: {
        pattern:
          '^(Null|((ForAllValues|ForAnyValue):)?(String(Not)?Equals(IgnoreCase)?|String(Not)?Like|Numeric(Not)?Equals|Numeric(LessThan|GreaterThan)(Equals)?|Date(Not)?Equals|Date(LessThan|GreaterThan)(Equals)?|Bool|BinaryEquals|(Not)?IpAddress|Arn(Not)?(Equals|Like))(IfExists)?)$',
      },
      additionalProperties: {
        type: 'object',
        minProperties: 1,
        propertyNames: { pattern: '^[^\\s:]+:\\S+$' },
        additionalProperties: {
          anyOf: [
            { $ref: '#/definitions/conditionValue' },
            { type: 'array', minItems: 1, items: { $ref: '#/definitions/conditionValue' } },
          ],
        },
      },
    },
    accessLevelConditions: {
      description: 'Conditions on every action of an access level, whichever section grants it.',
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        read: { $ref: '#/definitions/conditionBlock' },
        write: { $ref: '#/definitions/conditionBlock' },
        list: { $ref: '#/definitions/conditionBlock' },
        tagging: { $ref: '#/definitions/conditionBlock' },
        'permissions-management': { $ref: '#/definitions/conditionBlock' },
      },
    },
    unsupportedConditionKeys: {
      description:
        'An action that does not support a condition key asked for it: error (the default) stops with an error naming them; split grants them in a statement without that key, with a warning naming them.',
      enum: ['error', 'split'],
    },
    arnGroup: {
      description: 'ARNs with their own conditions: {arns: [...], conditions: {...}}.',
      type: 'object',
      required: ['arns', 'conditions'],
      additionalProperties: false,
      properties: {
        arns: { $ref: '#/definitions/arnList' },
        conditions: { $ref: '#/definitions/conditionBlock' },
      },
    },
    actionGroup: {
      description: 'Actions with their own conditions: {actions: [...], conditions: {...}}.',
      type: 'object',
      required: ['actions', 'conditions'],
      additionalProperties: false,
      properties: {
        actions: { $ref: '#/definitions/actionList' },
        conditions: { $ref: '#/definitions/conditionBlock' },
      },
    },
    arnOrGroupList: {
      description: 'A list of resource ARNs; an entry may be a group of ARNs with its own conditions.',
      type: ['array', 'null'],
      items: {
        if: { type: 'object' },
        then: { $ref: '#/definitions/arnGroup' },
        else: { $ref: '#/definitions/arn' },
      },
    },
    actionOrGroupList: {
      description:
        'A list of IAM actions (service:ActionName); an entry may be a group of actions with its own conditions.',
      type: ['array', 'null'],
      items: {
        if: { type: 'object' },
        then: { $ref: '#/definitions/actionGroup' },
        else: { $ref: '#/definitions/action' },
      },
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
          $ref: '#/definitions/actionOrGroupList',
          description: 'The IAM actions to allow (or deny); each gets the ARN formats of its resource types.',
        },
        conditions: {
          description: 'Conditions on every statement of the policy (empty: none).',
          anyOf: [{ type: 'null' }, { $ref: '#/definitions/conditionBlock' }],
        },
        'access-level-conditions': { $ref: '#/definitions/accessLevelConditions' },
        'unsupported-condition-keys': { $ref: '#/definitions/unsupportedConditionKeys' },
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
        read: { $ref: '#/definitions/arnOrGroupList', description: 'ARNs to grant Read-level actions on.' },
        write: { $ref: '#/definitions/arnOrGroupList', description: 'ARNs to grant Write-level actions on.' },
        list: { $ref: '#/definitions/arnOrGroupList', description: 'ARNs to grant List-level actions on.' },
        tagging: { $ref: '#/definitions/arnOrGroupList', description: 'ARNs to grant Tagging actions on.' },
        'permissions-management': {
          $ref: '#/definitions/arnOrGroupList',
          description: 'ARNs to grant Permissions management actions on.',
        },
        'wildcard-only': {
          description: "Actions that take no resource ARN, granted on Resource '*'.",
          type: ['object', 'null'],
          additionalProperties: false,
          properties: {
            'single-actions': {
              $ref: '#/definitions/actionOrGroupList',
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
          $ref: '#/definitions/actionOrGroupList',
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
            'assume-role': { $ref: '#/definitions/arnOrGroupList', description: 'Roles for sts:AssumeRole.' },
            'assume-role-with-saml': {
              $ref: '#/definitions/arnOrGroupList',
              description: 'Roles for sts:AssumeRoleWithSAML.',
            },
            'assume-role-with-web-identity': {
              $ref: '#/definitions/arnOrGroupList',
              description: 'Roles for sts:AssumeRoleWithWebIdentity.',
            },
          },
        },
        conditions: {
          description: 'Conditions on every statement of the policy (empty: none).',
          anyOf: [{ type: 'null' }, { $ref: '#/definitions/conditionBlock' }],
        },
        'access-level-conditions': { $ref: '#/definitions/accessLevelConditions' },
        'unsupported-condition-keys': { $ref: '#/definitions/unsupportedConditionKeys' },
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
      $ref: '#/definitions/actionOrGroupList',
      description: 'The IAM actions to allow (or deny); each gets the ARN formats of its resource types.',
    },
    conditions: {
      description: 'Conditions on every statement of the policy (empty: none).',
      anyOf: [{ type: 'null' }, { $ref: '#/definitions/conditionBlock' }],
    },
    'access-level-conditions': { $ref: '#/definitions/accessLevelConditions' },
    'unsupported-condition-keys': { $ref: '#/definitions/unsupportedConditionKeys' },
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
const schema25 = {
  description:
    'An action that does not support a condition key asked for it: error (the default) stops with an error naming them; split grants them in a statement without that key, with a warning naming them.',
  enum: ['error', 'split'],
};
const pattern0 = new RegExp('^x-', 'u');
const schema16 = {
  description:
    'A list of IAM actions (service:ActionName); an entry may be a group of actions with its own conditions.',
  type: ['array', 'null'],
  items: {
    if: { type: 'object' },
    then: { $ref: '#/definitions/actionGroup' },
    else: { $ref: '#/definitions/action' },
  },
};
const schema19 = {
  description: 'An IAM action, service:ActionName (e.g. s3:GetObject). Empty entries are ignored.',
  type: ['string', 'null'],
  pattern: '^\\s*([A-Za-z0-9-]+:[A-Za-z0-9*?._-]+)?\\s*$',
};
const schema17 = {
  description: 'Actions with their own conditions: {actions: [...], conditions: {...}}.',
  type: 'object',
  required: ['actions', 'conditions'],
  additionalProperties: false,
  properties: {
    actions: { $ref: '#/definitions/actionList' },
    conditions: { $ref: '#/definitions/conditionBlock' },
  },
};
const schema18 = {
  description: 'A list of IAM actions (service:ActionName).',
  type: ['array', 'null'],
  items: { $ref: '#/definitions/action' },
};
const pattern1 = new RegExp('^\\s*([A-Za-z0-9-]+:[A-Za-z0-9*?._-]+)?\\s*$', 'u');
function validate14(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!Array.isArray(data) && data !== null) {
    validate14.errors = [
      {
        instancePath,
        schemaPath: '#/type',
        keyword: 'type',
        params: { type: schema18.type },
        message: 'must be array,null',
        schema: schema18.type,
        parentSchema: schema18,
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
          validate14.errors = [
            {
              instancePath: instancePath + '/' + i0,
              schemaPath: '#/definitions/action/type',
              keyword: 'type',
              params: { type: schema19.type },
              message: 'must be string,null',
              schema: schema19.type,
              parentSchema: schema19,
              data: data0,
            },
          ];
          return false;
        }
        if (errors === _errs2) {
          if (typeof data0 === 'string') {
            if (!pattern1.test(data0)) {
              validate14.errors = [
                {
                  instancePath: instancePath + '/' + i0,
                  schemaPath: '#/definitions/action/pattern',
                  keyword: 'pattern',
                  params: { pattern: '^\\s*([A-Za-z0-9-]+:[A-Za-z0-9*?._-]+)?\\s*$' },
                  message: 'must match pattern "' + '^\\s*([A-Za-z0-9-]+:[A-Za-z0-9*?._-]+)?\\s*$' + '"',
                  schema: '^\\s*([A-Za-z0-9-]+:[A-Za-z0-9*?._-]+)?\\s*$',
                  parentSchema: schema19,
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
  validate14.errors = vErrors;
  return errors === 0;
}
const schema20 = {
  description:
    "Conditions as in an IAM policy's Condition element: operator -> condition key -> value or list of values (any of them may match), e.g. {Bool: {aws:SecureTransport: true}}. Operators are IAM's, spelt as IAM spells them: String..., Numeric..., Date..., Bool, BinaryEquals, IpAddress, NotIpAddress, Arn..., each with IfExists and ForAllValues:/ForAnyValue:, and Null. Keys are aws: global keys or keys of the actions' services; write-policy checks each operator and value against the key's type in the database, and that the actions support the key.",
  type: 'object',
  minProperties: 1,
  propertyNames: {
    pattern:
      '^(Null|((ForAllValues|ForAnyValue):)?(String(Not)?Equals(IgnoreCase)?|String(Not)?Like|Numeric(Not)?Equals|Numeric(LessThan|GreaterThan)(Equals)?|Date(Not)?Equals|Date(LessThan|GreaterThan)(Equals)?|Bool|BinaryEquals|(Not)?IpAddress|Arn(Not)?(Equals|Like))(IfExists)?)$',
  },
  additionalProperties: {
    type: 'object',
    minProperties: 1,
    propertyNames: { pattern: '^[^\\s:]+:\\S+$' },
    additionalProperties: {
      anyOf: [
        { $ref: '#/definitions/conditionValue' },
        { type: 'array', minItems: 1, items: { $ref: '#/definitions/conditionValue' } },
      ],
    },
  },
};
const schema21 = {
  description: 'One condition value: text, a number or true/false (written into the policy as text).',
  type: ['string', 'number', 'boolean'],
};
const pattern2 = new RegExp(
  '^(Null|((ForAllValues|ForAnyValue):)?(String(Not)?Equals(IgnoreCase)?|String(Not)?Like|Numeric(Not)?Equals|Numeric(LessThan|GreaterThan)(Equals)?|Date(Not)?Equals|Date(LessThan|GreaterThan)(Equals)?|Bool|BinaryEquals|(Not)?IpAddress|Arn(Not)?(Equals|Like))(IfExists)?)$',
  'u',
);
const pattern3 = new RegExp('^[^\\s:]+:\\S+$', 'u');
function validate16(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      if (Object.keys(data).length < 1) {
        validate16.errors = [
          {
            instancePath,
            schemaPath: '#/minProperties',
            keyword: 'minProperties',
            params: { limit: 1 },
            message: 'must NOT have fewer than 1 properties',
            schema: 1,
            parentSchema: schema20,
            data,
          },
        ];
        return false;
      } else {
        for (const key0 in data) {
          const _errs1 = errors;
          if (typeof key0 === 'string') {
            if (!pattern2.test(key0)) {
              const err0 = {
                instancePath,
                schemaPath: '#/propertyNames/pattern',
                keyword: 'pattern',
                params: {
                  pattern:
                    '^(Null|((ForAllValues|ForAnyValue):)?(String(Not)?Equals(IgnoreCase)?|String(Not)?Like|Numeric(Not)?Equals|Numeric(LessThan|GreaterThan)(Equals)?|Date(Not)?Equals|Date(LessThan|GreaterThan)(Equals)?|Bool|BinaryEquals|(Not)?IpAddress|Arn(Not)?(Equals|Like))(IfExists)?)$',
                },
                message:
                  'must match pattern "' +
                  '^(Null|((ForAllValues|ForAnyValue):)?(String(Not)?Equals(IgnoreCase)?|String(Not)?Like|Numeric(Not)?Equals|Numeric(LessThan|GreaterThan)(Equals)?|Date(Not)?Equals|Date(LessThan|GreaterThan)(Equals)?|Bool|BinaryEquals|(Not)?IpAddress|Arn(Not)?(Equals|Like))(IfExists)?)$' +
                  '"',
                schema:
                  '^(Null|((ForAllValues|ForAnyValue):)?(String(Not)?Equals(IgnoreCase)?|String(Not)?Like|Numeric(Not)?Equals|Numeric(LessThan|GreaterThan)(Equals)?|Date(Not)?Equals|Date(LessThan|GreaterThan)(Equals)?|Bool|BinaryEquals|(Not)?IpAddress|Arn(Not)?(Equals|Like))(IfExists)?)$',
                parentSchema: schema20.propertyNames,
                data: key0,
                propertyName: key0,
              };
              if (vErrors === null) {
                vErrors = [err0];
              } else {
                vErrors.push(err0);
              }
              errors++;
            }
          }
          var valid0 = _errs1 === errors;
          if (!valid0) {
            const err1 = {
              instancePath,
              schemaPath: '#/propertyNames',
              keyword: 'propertyNames',
              params: { propertyName: key0 },
              message: 'property name must be valid',
              schema: schema20.propertyNames,
              parentSchema: schema20,
              data,
            };
            if (vErrors === null) {
              vErrors = [err1];
            } else {
              vErrors.push(err1);
            }
            errors++;
            validate16.errors = vErrors;
            return false;
            break;
          }
        }
        if (valid0) {
          for (const key1 in data) {
            let data0 = data[key1];
            const _errs3 = errors;
            if (errors === _errs3) {
              if (data0 && typeof data0 == 'object' && !Array.isArray(data0)) {
                if (Object.keys(data0).length < 1) {
                  validate16.errors = [
                    {
                      instancePath: instancePath + '/' + key1.replace(/~/g, '~0').replace(/\//g, '~1'),
                      schemaPath: '#/additionalProperties/minProperties',
                      keyword: 'minProperties',
                      params: { limit: 1 },
                      message: 'must NOT have fewer than 1 properties',
                      schema: 1,
                      parentSchema: schema20.additionalProperties,
                      data: data0,
                    },
                  ];
                  return false;
                } else {
                  for (const key2 in data0) {
                    const _errs5 = errors;
                    if (typeof key2 === 'string') {
                      if (!pattern3.test(key2)) {
                        const err2 = {
                          instancePath: instancePath + '/' + key1.replace(/~/g, '~0').replace(/\//g, '~1'),
                          schemaPath: '#/additionalProperties/propertyNames/pattern',
                          keyword: 'pattern',
                          params: { pattern: '^[^\\s:]+:\\S+$' },
                          message: 'must match pattern "' + '^[^\\s:]+:\\S+$' + '"',
                          schema: '^[^\\s:]+:\\S+$',
                          parentSchema: schema20.additionalProperties.propertyNames,
                          data: key2,
                          propertyName: key2,
                        };
                        if (vErrors === null) {
                          vErrors = [err2];
                        } else {
                          vErrors.push(err2);
                        }
                        errors++;
                      }
                    }
                    var valid2 = _errs5 === errors;
                    if (!valid2) {
                      const err3 = {
                        instancePath: instancePath + '/' + key1.replace(/~/g, '~0').replace(/\//g, '~1'),
                        schemaPath: '#/additionalProperties/propertyNames',
                        keyword: 'propertyNames',
                        params: { propertyName: key2 },
                        message: 'property name must be valid',
                        schema: schema20.additionalProperties.propertyNames,
                        parentSchema: schema20.additionalProperties,
                        data: data0,
                      };
                      if (vErrors === null) {
                        vErrors = [err3];
                      } else {
                        vErrors.push(err3);
                      }
                      errors++;
                      validate16.errors = vErrors;
                      return false;
                      break;
                    }
                  }
                  if (valid2) {
                    for (const key3 in data0) {
                      let data1 = data0[key3];
                      const _errs7 = errors;
                      const _errs8 = errors;
                      let valid4 = false;
                      const _errs9 = errors;
                      if (
                        typeof data1 !== 'string' &&
                        !(typeof data1 == 'number' && isFinite(data1)) &&
                        typeof data1 !== 'boolean'
                      ) {
                        const err4 = {
                          instancePath:
                            instancePath +
                            '/' +
                            key1.replace(/~/g, '~0').replace(/\//g, '~1') +
                            '/' +
                            key3.replace(/~/g, '~0').replace(/\//g, '~1'),
                          schemaPath: '#/definitions/conditionValue/type',
                          keyword: 'type',
                          params: { type: schema21.type },
                          message: 'must be string,number,boolean',
                          schema: schema21.type,
                          parentSchema: schema21,
                          data: data1,
                        };
                        if (vErrors === null) {
                          vErrors = [err4];
                        } else {
                          vErrors.push(err4);
                        }
                        errors++;
                      }
                      var _valid0 = _errs9 === errors;
                      valid4 = valid4 || _valid0;
                      if (!valid4) {
                        const _errs12 = errors;
                        if (errors === _errs12) {
                          if (Array.isArray(data1)) {
                            if (data1.length < 1) {
                              const err5 = {
                                instancePath:
                                  instancePath +
                                  '/' +
                                  key1.replace(/~/g, '~0').replace(/\//g, '~1') +
                                  '/' +
                                  key3.replace(/~/g, '~0').replace(/\//g, '~1'),
                                schemaPath: '#/additionalProperties/additionalProperties/anyOf/1/minItems',
                                keyword: 'minItems',
                                params: { limit: 1 },
                                message: 'must NOT have fewer than 1 items',
                                schema: 1,
                                parentSchema: schema20.additionalProperties.additionalProperties.anyOf[1],
                                data: data1,
                              };
                              if (vErrors === null) {
                                vErrors = [err5];
                              } else {
                                vErrors.push(err5);
                              }
                              errors++;
                            } else {
                              var valid6 = true;
                              const len0 = data1.length;
                              for (let i0 = 0; i0 < len0; i0++) {
                                let data2 = data1[i0];
                                const _errs14 = errors;
                                if (
                                  typeof data2 !== 'string' &&
                                  !(typeof data2 == 'number' && isFinite(data2)) &&
                                  typeof data2 !== 'boolean'
                                ) {
                                  const err6 = {
                                    instancePath:
                                      instancePath +
                                      '/' +
                                      key1.replace(/~/g, '~0').replace(/\//g, '~1') +
                                      '/' +
                                      key3.replace(/~/g, '~0').replace(/\//g, '~1') +
                                      '/' +
                                      i0,
                                    schemaPath: '#/definitions/conditionValue/type',
                                    keyword: 'type',
                                    params: { type: schema21.type },
                                    message: 'must be string,number,boolean',
                                    schema: schema21.type,
                                    parentSchema: schema21,
                                    data: data2,
                                  };
                                  if (vErrors === null) {
                                    vErrors = [err6];
                                  } else {
                                    vErrors.push(err6);
                                  }
                                  errors++;
                                }
                                var valid6 = _errs14 === errors;
                                if (!valid6) {
                                  break;
                                }
                              }
                            }
                          } else {
                            const err7 = {
                              instancePath:
                                instancePath +
                                '/' +
                                key1.replace(/~/g, '~0').replace(/\//g, '~1') +
                                '/' +
                                key3.replace(/~/g, '~0').replace(/\//g, '~1'),
                              schemaPath: '#/additionalProperties/additionalProperties/anyOf/1/type',
                              keyword: 'type',
                              params: { type: 'array' },
                              message: 'must be array',
                              schema: schema20.additionalProperties.additionalProperties.anyOf[1].type,
                              parentSchema: schema20.additionalProperties.additionalProperties.anyOf[1],
                              data: data1,
                            };
                            if (vErrors === null) {
                              vErrors = [err7];
                            } else {
                              vErrors.push(err7);
                            }
                            errors++;
                          }
                        }
                        var _valid0 = _errs12 === errors;
                        valid4 = valid4 || _valid0;
                      }
                      if (!valid4) {
                        const err8 = {
                          instancePath:
                            instancePath +
                            '/' +
                            key1.replace(/~/g, '~0').replace(/\//g, '~1') +
                            '/' +
                            key3.replace(/~/g, '~0').replace(/\//g, '~1'),
                          schemaPath: '#/additionalProperties/additionalProperties/anyOf',
                          keyword: 'anyOf',
                          params: {},
                          message: 'must match a schema in anyOf',
                          schema: schema20.additionalProperties.additionalProperties.anyOf,
                          parentSchema: schema20.additionalProperties.additionalProperties,
                          data: data1,
                        };
                        if (vErrors === null) {
                          vErrors = [err8];
                        } else {
                          vErrors.push(err8);
                        }
                        errors++;
                        validate16.errors = vErrors;
                        return false;
                      } else {
                        errors = _errs8;
                        if (vErrors !== null) {
                          if (_errs8) {
                            vErrors.length = _errs8;
                          } else {
                            vErrors = null;
                          }
                        }
                      }
                      var valid3 = _errs7 === errors;
                      if (!valid3) {
                        break;
                      }
                    }
                  }
                }
              } else {
                validate16.errors = [
                  {
                    instancePath: instancePath + '/' + key1.replace(/~/g, '~0').replace(/\//g, '~1'),
                    schemaPath: '#/additionalProperties/type',
                    keyword: 'type',
                    params: { type: 'object' },
                    message: 'must be object',
                    schema: schema20.additionalProperties.type,
                    parentSchema: schema20.additionalProperties,
                    data: data0,
                  },
                ];
                return false;
              }
            }
            var valid1 = _errs3 === errors;
            if (!valid1) {
              break;
            }
          }
        }
      }
    } else {
      validate16.errors = [
        {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema20.type,
          parentSchema: schema20,
          data,
        },
      ];
      return false;
    }
  }
  validate16.errors = vErrors;
  return errors === 0;
}
function validate13(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      let missing0;
      if (
        (data.actions === undefined && (missing0 = 'actions')) ||
        (data.conditions === undefined && (missing0 = 'conditions'))
      ) {
        validate13.errors = [
          {
            instancePath,
            schemaPath: '#/required',
            keyword: 'required',
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
            schema: schema17.required,
            parentSchema: schema17,
            data,
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === 'actions' || key0 === 'conditions')) {
            validate13.errors = [
              {
                instancePath,
                schemaPath: '#/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key0 },
                message: 'must NOT have additional properties',
                schema: false,
                parentSchema: schema17,
                data,
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.actions !== undefined) {
            const _errs2 = errors;
            if (
              !validate14(data.actions, {
                instancePath: instancePath + '/actions',
                parentData: data,
                parentDataProperty: 'actions',
                rootData,
              })
            ) {
              vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
              errors = vErrors.length;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.conditions !== undefined) {
              const _errs3 = errors;
              if (
                !validate16(data.conditions, {
                  instancePath: instancePath + '/conditions',
                  parentData: data,
                  parentDataProperty: 'conditions',
                  rootData,
                })
              ) {
                vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
                errors = vErrors.length;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
          }
        }
      }
    } else {
      validate13.errors = [
        {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema17.type,
          parentSchema: schema17,
          data,
        },
      ];
      return false;
    }
  }
  validate13.errors = vErrors;
  return errors === 0;
}
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
        let valid1 = true;
        const _errs3 = errors;
        if (!(data0 && typeof data0 == 'object' && !Array.isArray(data0))) {
          const err0 = {};
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        var _valid0 = _errs3 === errors;
        errors = _errs2;
        if (vErrors !== null) {
          if (_errs2) {
            vErrors.length = _errs2;
          } else {
            vErrors = null;
          }
        }
        let ifClause0;
        if (_valid0) {
          const _errs5 = errors;
          if (
            !validate13(data0, {
              instancePath: instancePath + '/' + i0,
              parentData: data,
              parentDataProperty: i0,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
            errors = vErrors.length;
          }
          var _valid0 = _errs5 === errors;
          valid1 = _valid0;
          ifClause0 = 'then';
        } else {
          const _errs6 = errors;
          const _errs7 = errors;
          if (typeof data0 !== 'string' && data0 !== null) {
            validate12.errors = [
              {
                instancePath: instancePath + '/' + i0,
                schemaPath: '#/definitions/action/type',
                keyword: 'type',
                params: { type: schema19.type },
                message: 'must be string,null',
                schema: schema19.type,
                parentSchema: schema19,
                data: data0,
              },
            ];
            return false;
          }
          if (errors === _errs7) {
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
                    parentSchema: schema19,
                    data: data0,
                  },
                ];
                return false;
              }
            }
          }
          var _valid0 = _errs6 === errors;
          valid1 = _valid0;
          ifClause0 = 'else';
        }
        if (!valid1) {
          const err1 = {
            instancePath: instancePath + '/' + i0,
            schemaPath: '#/items/if',
            keyword: 'if',
            params: { failingKeyword: ifClause0 },
            message: 'must match "' + ifClause0 + '" schema',
            schema: schema16.items.if,
            parentSchema: schema16.items,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
          validate12.errors = vErrors;
          return false;
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
const schema24 = {
  description: 'Conditions on every action of an access level, whichever section grants it.',
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    read: { $ref: '#/definitions/conditionBlock' },
    write: { $ref: '#/definitions/conditionBlock' },
    list: { $ref: '#/definitions/conditionBlock' },
    tagging: { $ref: '#/definitions/conditionBlock' },
    'permissions-management': { $ref: '#/definitions/conditionBlock' },
  },
};
function validate21(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!(data && typeof data == 'object' && !Array.isArray(data)) && data !== null) {
    validate21.errors = [
      {
        instancePath,
        schemaPath: '#/type',
        keyword: 'type',
        params: { type: schema24.type },
        message: 'must be object,null',
        schema: schema24.type,
        parentSchema: schema24,
        data,
      },
    ];
    return false;
  }
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      const _errs1 = errors;
      for (const key0 in data) {
        if (!(
          key0 === 'read' ||
          key0 === 'write' ||
          key0 === 'list' ||
          key0 === 'tagging' ||
          key0 === 'permissions-management'
        )) {
          validate21.errors = [
            {
              instancePath,
              schemaPath: '#/additionalProperties',
              keyword: 'additionalProperties',
              params: { additionalProperty: key0 },
              message: 'must NOT have additional properties',
              schema: false,
              parentSchema: schema24,
              data,
            },
          ];
          return false;
          break;
        }
      }
      if (_errs1 === errors) {
        if (data.read !== undefined) {
          const _errs2 = errors;
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
          var valid0 = _errs2 === errors;
        } else {
          var valid0 = true;
        }
        if (valid0) {
          if (data.write !== undefined) {
            const _errs3 = errors;
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
            var valid0 = _errs3 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.list !== undefined) {
              const _errs4 = errors;
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
              var valid0 = _errs4 === errors;
            } else {
              var valid0 = true;
            }
            if (valid0) {
              if (data.tagging !== undefined) {
                const _errs5 = errors;
                if (
                  !validate16(data.tagging, {
                    instancePath: instancePath + '/tagging',
                    parentData: data,
                    parentDataProperty: 'tagging',
                    rootData,
                  })
                ) {
                  vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
                  errors = vErrors.length;
                }
                var valid0 = _errs5 === errors;
              } else {
                var valid0 = true;
              }
              if (valid0) {
                if (data['permissions-management'] !== undefined) {
                  const _errs6 = errors;
                  if (
                    !validate16(data['permissions-management'], {
                      instancePath: instancePath + '/permissions-management',
                      parentData: data,
                      parentDataProperty: 'permissions-management',
                      rootData,
                    })
                  ) {
                    vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
                    errors = vErrors.length;
                  }
                  var valid0 = _errs6 === errors;
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
  validate21.errors = vErrors;
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
            key0 === 'conditions' ||
            key0 === 'access-level-conditions' ||
            key0 === 'unsupported-condition-keys' ||
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
                  if (valid0) {
                    if (data.conditions !== undefined) {
                      let data5 = data.conditions;
                      const _errs11 = errors;
                      const _errs12 = errors;
                      let valid4 = false;
                      const _errs13 = errors;
                      if (data5 !== null) {
                        const err0 = {
                          instancePath: instancePath + '/conditions',
                          schemaPath: '#/properties/conditions/anyOf/0/type',
                          keyword: 'type',
                          params: { type: 'null' },
                          message: 'must be null',
                          schema: schema12.properties.conditions.anyOf[0].type,
                          parentSchema: schema12.properties.conditions.anyOf[0],
                          data: data5,
                        };
                        if (vErrors === null) {
                          vErrors = [err0];
                        } else {
                          vErrors.push(err0);
                        }
                        errors++;
                      }
                      var _valid0 = _errs13 === errors;
                      valid4 = valid4 || _valid0;
                      if (!valid4) {
                        const _errs15 = errors;
                        if (
                          !validate16(data5, {
                            instancePath: instancePath + '/conditions',
                            parentData: data,
                            parentDataProperty: 'conditions',
                            rootData,
                          })
                        ) {
                          vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
                          errors = vErrors.length;
                        }
                        var _valid0 = _errs15 === errors;
                        valid4 = valid4 || _valid0;
                      }
                      if (!valid4) {
                        const err1 = {
                          instancePath: instancePath + '/conditions',
                          schemaPath: '#/properties/conditions/anyOf',
                          keyword: 'anyOf',
                          params: {},
                          message: 'must match a schema in anyOf',
                          schema: schema12.properties.conditions.anyOf,
                          parentSchema: schema12.properties.conditions,
                          data: data5,
                        };
                        if (vErrors === null) {
                          vErrors = [err1];
                        } else {
                          vErrors.push(err1);
                        }
                        errors++;
                        validate11.errors = vErrors;
                        return false;
                      } else {
                        errors = _errs12;
                        if (vErrors !== null) {
                          if (_errs12) {
                            vErrors.length = _errs12;
                          } else {
                            vErrors = null;
                          }
                        }
                      }
                      var valid0 = _errs11 === errors;
                    } else {
                      var valid0 = true;
                    }
                    if (valid0) {
                      if (data['access-level-conditions'] !== undefined) {
                        const _errs16 = errors;
                        if (
                          !validate21(data['access-level-conditions'], {
                            instancePath: instancePath + '/access-level-conditions',
                            parentData: data,
                            parentDataProperty: 'access-level-conditions',
                            rootData,
                          })
                        ) {
                          vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
                          errors = vErrors.length;
                        }
                        var valid0 = _errs16 === errors;
                      } else {
                        var valid0 = true;
                      }
                      if (valid0) {
                        if (data['unsupported-condition-keys'] !== undefined) {
                          let data7 = data['unsupported-condition-keys'];
                          const _errs17 = errors;
                          if (!(data7 === 'error' || data7 === 'split')) {
                            validate11.errors = [
                              {
                                instancePath: instancePath + '/unsupported-condition-keys',
                                schemaPath: '#/definitions/unsupportedConditionKeys/enum',
                                keyword: 'enum',
                                params: { allowedValues: schema25.enum },
                                message: 'must be equal to one of the allowed values',
                                schema: schema25.enum,
                                parentSchema: schema25,
                                data: data7,
                              },
                            ];
                            return false;
                          }
                          var valid0 = _errs17 === errors;
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
const schema26 = {
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
    read: { $ref: '#/definitions/arnOrGroupList', description: 'ARNs to grant Read-level actions on.' },
    write: { $ref: '#/definitions/arnOrGroupList', description: 'ARNs to grant Write-level actions on.' },
    list: { $ref: '#/definitions/arnOrGroupList', description: 'ARNs to grant List-level actions on.' },
    tagging: { $ref: '#/definitions/arnOrGroupList', description: 'ARNs to grant Tagging actions on.' },
    'permissions-management': {
      $ref: '#/definitions/arnOrGroupList',
      description: 'ARNs to grant Permissions management actions on.',
    },
    'wildcard-only': {
      description: "Actions that take no resource ARN, granted on Resource '*'.",
      type: ['object', 'null'],
      additionalProperties: false,
      properties: {
        'single-actions': {
          $ref: '#/definitions/actionOrGroupList',
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
      $ref: '#/definitions/actionOrGroupList',
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
        'assume-role': { $ref: '#/definitions/arnOrGroupList', description: 'Roles for sts:AssumeRole.' },
        'assume-role-with-saml': {
          $ref: '#/definitions/arnOrGroupList',
          description: 'Roles for sts:AssumeRoleWithSAML.',
        },
        'assume-role-with-web-identity': {
          $ref: '#/definitions/arnOrGroupList',
          description: 'Roles for sts:AssumeRoleWithWebIdentity.',
        },
      },
    },
    conditions: {
      description: 'Conditions on every statement of the policy (empty: none).',
      anyOf: [{ type: 'null' }, { $ref: '#/definitions/conditionBlock' }],
    },
    'access-level-conditions': { $ref: '#/definitions/accessLevelConditions' },
    'unsupported-condition-keys': { $ref: '#/definitions/unsupportedConditionKeys' },
  },
};
const func2 = Object.prototype.hasOwnProperty;
const schema30 = {
  description: 'A list of resource ARNs; an entry may be a group of ARNs with its own conditions.',
  type: ['array', 'null'],
  items: {
    if: { type: 'object' },
    then: { $ref: '#/definitions/arnGroup' },
    else: { $ref: '#/definitions/arn' },
  },
};
const schema33 = {
  description:
    'A resource ARN (arn:partition:service:region:account:resource), e.g. arn:aws:s3:::my-bucket. Empty entries are ignored.',
  type: ['string', 'null'],
  pattern: '^\\s*(arn:[^:\\s]*:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S.*)?$',
};
const schema31 = {
  description: 'ARNs with their own conditions: {arns: [...], conditions: {...}}.',
  type: 'object',
  required: ['arns', 'conditions'],
  additionalProperties: false,
  properties: {
    arns: { $ref: '#/definitions/arnList' },
    conditions: { $ref: '#/definitions/conditionBlock' },
  },
};
const schema32 = {
  description: 'A list of resource ARNs.',
  type: ['array', 'null'],
  items: { $ref: '#/definitions/arn' },
};
const pattern6 = new RegExp('^\\s*(arn:[^:\\s]*:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S.*)?$', 'u');
function validate32(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!Array.isArray(data) && data !== null) {
    validate32.errors = [
      {
        instancePath,
        schemaPath: '#/type',
        keyword: 'type',
        params: { type: schema32.type },
        message: 'must be array,null',
        schema: schema32.type,
        parentSchema: schema32,
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
          validate32.errors = [
            {
              instancePath: instancePath + '/' + i0,
              schemaPath: '#/definitions/arn/type',
              keyword: 'type',
              params: { type: schema33.type },
              message: 'must be string,null',
              schema: schema33.type,
              parentSchema: schema33,
              data: data0,
            },
          ];
          return false;
        }
        if (errors === _errs2) {
          if (typeof data0 === 'string') {
            if (!pattern6.test(data0)) {
              validate32.errors = [
                {
                  instancePath: instancePath + '/' + i0,
                  schemaPath: '#/definitions/arn/pattern',
                  keyword: 'pattern',
                  params: { pattern: '^\\s*(arn:[^:\\s]*:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S.*)?$' },
                  message:
                    'must match pattern "' + '^\\s*(arn:[^:\\s]*:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S.*)?$' + '"',
                  schema: '^\\s*(arn:[^:\\s]*:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S.*)?$',
                  parentSchema: schema33,
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
  validate32.errors = vErrors;
  return errors === 0;
}
function validate31(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      let missing0;
      if (
        (data.arns === undefined && (missing0 = 'arns')) ||
        (data.conditions === undefined && (missing0 = 'conditions'))
      ) {
        validate31.errors = [
          {
            instancePath,
            schemaPath: '#/required',
            keyword: 'required',
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
            schema: schema31.required,
            parentSchema: schema31,
            data,
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(key0 === 'arns' || key0 === 'conditions')) {
            validate31.errors = [
              {
                instancePath,
                schemaPath: '#/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key0 },
                message: 'must NOT have additional properties',
                schema: false,
                parentSchema: schema31,
                data,
              },
            ];
            return false;
            break;
          }
        }
        if (_errs1 === errors) {
          if (data.arns !== undefined) {
            const _errs2 = errors;
            if (
              !validate32(data.arns, {
                instancePath: instancePath + '/arns',
                parentData: data,
                parentDataProperty: 'arns',
                rootData,
              })
            ) {
              vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
              errors = vErrors.length;
            }
            var valid0 = _errs2 === errors;
          } else {
            var valid0 = true;
          }
          if (valid0) {
            if (data.conditions !== undefined) {
              const _errs3 = errors;
              if (
                !validate16(data.conditions, {
                  instancePath: instancePath + '/conditions',
                  parentData: data,
                  parentDataProperty: 'conditions',
                  rootData,
                })
              ) {
                vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
                errors = vErrors.length;
              }
              var valid0 = _errs3 === errors;
            } else {
              var valid0 = true;
            }
          }
        }
      }
    } else {
      validate31.errors = [
        {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema31.type,
          parentSchema: schema31,
          data,
        },
      ];
      return false;
    }
  }
  validate31.errors = vErrors;
  return errors === 0;
}
function validate30(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!Array.isArray(data) && data !== null) {
    validate30.errors = [
      {
        instancePath,
        schemaPath: '#/type',
        keyword: 'type',
        params: { type: schema30.type },
        message: 'must be array,null',
        schema: schema30.type,
        parentSchema: schema30,
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
        let valid1 = true;
        const _errs3 = errors;
        if (!(data0 && typeof data0 == 'object' && !Array.isArray(data0))) {
          const err0 = {};
          if (vErrors === null) {
            vErrors = [err0];
          } else {
            vErrors.push(err0);
          }
          errors++;
        }
        var _valid0 = _errs3 === errors;
        errors = _errs2;
        if (vErrors !== null) {
          if (_errs2) {
            vErrors.length = _errs2;
          } else {
            vErrors = null;
          }
        }
        let ifClause0;
        if (_valid0) {
          const _errs5 = errors;
          if (
            !validate31(data0, {
              instancePath: instancePath + '/' + i0,
              parentData: data,
              parentDataProperty: i0,
              rootData,
            })
          ) {
            vErrors = vErrors === null ? validate31.errors : vErrors.concat(validate31.errors);
            errors = vErrors.length;
          }
          var _valid0 = _errs5 === errors;
          valid1 = _valid0;
          ifClause0 = 'then';
        } else {
          const _errs6 = errors;
          const _errs7 = errors;
          if (typeof data0 !== 'string' && data0 !== null) {
            validate30.errors = [
              {
                instancePath: instancePath + '/' + i0,
                schemaPath: '#/definitions/arn/type',
                keyword: 'type',
                params: { type: schema33.type },
                message: 'must be string,null',
                schema: schema33.type,
                parentSchema: schema33,
                data: data0,
              },
            ];
            return false;
          }
          if (errors === _errs7) {
            if (typeof data0 === 'string') {
              if (!pattern6.test(data0)) {
                validate30.errors = [
                  {
                    instancePath: instancePath + '/' + i0,
                    schemaPath: '#/definitions/arn/pattern',
                    keyword: 'pattern',
                    params: { pattern: '^\\s*(arn:[^:\\s]*:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S.*)?$' },
                    message:
                      'must match pattern "' + '^\\s*(arn:[^:\\s]*:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S.*)?$' + '"',
                    schema: '^\\s*(arn:[^:\\s]*:[^:\\s]+:[^:\\s]*:[^:\\s]*:\\S.*)?$',
                    parentSchema: schema33,
                    data: data0,
                  },
                ];
                return false;
              }
            }
          }
          var _valid0 = _errs6 === errors;
          valid1 = _valid0;
          ifClause0 = 'else';
        }
        if (!valid1) {
          const err1 = {
            instancePath: instancePath + '/' + i0,
            schemaPath: '#/items/if',
            keyword: 'if',
            params: { failingKeyword: ifClause0 },
            message: 'must match "' + ifClause0 + '" schema',
            schema: schema30.items.if,
            parentSchema: schema30.items,
            data: data0,
          };
          if (vErrors === null) {
            vErrors = [err1];
          } else {
            vErrors.push(err1);
          }
          errors++;
          validate30.errors = vErrors;
          return false;
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
const schema35 = {
  description: 'A list of service prefixes (s3, ec2, ...).',
  type: ['array', 'null'],
  items: { $ref: '#/definitions/service' },
};
const schema36 = {
  description: 'A service prefix, e.g. s3 or ec2. Empty entries are ignored.',
  type: ['string', 'null'],
  pattern: '^\\s*([A-Za-z0-9-]+)?\\s*$',
};
const pattern8 = new RegExp('^\\s*([A-Za-z0-9-]+)?\\s*$', 'u');
function validate42(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!Array.isArray(data) && data !== null) {
    validate42.errors = [
      {
        instancePath,
        schemaPath: '#/type',
        keyword: 'type',
        params: { type: schema35.type },
        message: 'must be array,null',
        schema: schema35.type,
        parentSchema: schema35,
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
          validate42.errors = [
            {
              instancePath: instancePath + '/' + i0,
              schemaPath: '#/definitions/service/type',
              keyword: 'type',
              params: { type: schema36.type },
              message: 'must be string,null',
              schema: schema36.type,
              parentSchema: schema36,
              data: data0,
            },
          ];
          return false;
        }
        if (errors === _errs2) {
          if (typeof data0 === 'string') {
            if (!pattern8.test(data0)) {
              validate42.errors = [
                {
                  instancePath: instancePath + '/' + i0,
                  schemaPath: '#/definitions/service/pattern',
                  keyword: 'pattern',
                  params: { pattern: '^\\s*([A-Za-z0-9-]+)?\\s*$' },
                  message: 'must match pattern "' + '^\\s*([A-Za-z0-9-]+)?\\s*$' + '"',
                  schema: '^\\s*([A-Za-z0-9-]+)?\\s*$',
                  parentSchema: schema36,
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
  validate42.errors = vErrors;
  return errors === 0;
}
const schema37 = {
  description: 'A list of IAM actions or wildcard patterns (service:Pattern).',
  type: ['array', 'null'],
  items: { $ref: '#/definitions/actionPattern' },
};
const schema38 = {
  description:
    'An IAM action or a wildcard pattern, service:Pattern (e.g. kms:Delete*), or * for every action. Empty entries are ignored.',
  type: ['string', 'null'],
  pattern: '^\\s*(\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?._-]+)?\\s*$',
};
const pattern9 = new RegExp('^\\s*(\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?._-]+)?\\s*$', 'u');
function validate49(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (!Array.isArray(data) && data !== null) {
    validate49.errors = [
      {
        instancePath,
        schemaPath: '#/type',
        keyword: 'type',
        params: { type: schema37.type },
        message: 'must be array,null',
        schema: schema37.type,
        parentSchema: schema37,
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
          validate49.errors = [
            {
              instancePath: instancePath + '/' + i0,
              schemaPath: '#/definitions/actionPattern/type',
              keyword: 'type',
              params: { type: schema38.type },
              message: 'must be string,null',
              schema: schema38.type,
              parentSchema: schema38,
              data: data0,
            },
          ];
          return false;
        }
        if (errors === _errs2) {
          if (typeof data0 === 'string') {
            if (!pattern9.test(data0)) {
              validate49.errors = [
                {
                  instancePath: instancePath + '/' + i0,
                  schemaPath: '#/definitions/actionPattern/pattern',
                  keyword: 'pattern',
                  params: { pattern: '^\\s*(\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?._-]+)?\\s*$' },
                  message:
                    'must match pattern "' + '^\\s*(\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?._-]+)?\\s*$' + '"',
                  schema: '^\\s*(\\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?._-]+)?\\s*$',
                  parentSchema: schema38,
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
  validate49.errors = vErrors;
  return errors === 0;
}
function validate29(data, { instancePath = '', parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (errors === 0) {
    if (data && typeof data == 'object' && !Array.isArray(data)) {
      let missing0;
      if (data.mode === undefined && (missing0 = 'mode')) {
        validate29.errors = [
          {
            instancePath,
            schemaPath: '#/required',
            keyword: 'required',
            params: { missingProperty: missing0 },
            message: "must have required property '" + missing0 + "'",
            schema: schema26.required,
            parentSchema: schema26,
            data,
          },
        ];
        return false;
      } else {
        const _errs1 = errors;
        for (const key0 in data) {
          if (!(func2.call(schema26.properties, key0) || pattern0.test(key0))) {
            validate29.errors = [
              {
                instancePath,
                schemaPath: '#/additionalProperties',
                keyword: 'additionalProperties',
                params: { additionalProperty: key0 },
                message: 'must NOT have additional properties',
                schema: false,
                parentSchema: schema26,
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
              validate29.errors = [
                {
                  instancePath: instancePath + '/mode',
                  schemaPath: '#/properties/mode/const',
                  keyword: 'const',
                  params: { allowedValue: 'crud' },
                  message: 'must be equal to constant',
                  schema: 'crud',
                  parentSchema: schema26.properties.mode,
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
                validate29.errors = [
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
                  validate29.errors = [
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
                    validate29.errors = [
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
                      !validate30(data.read, {
                        instancePath: instancePath + '/read',
                        parentData: data,
                        parentDataProperty: 'read',
                        rootData,
                      })
                    ) {
                      vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
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
                        !validate30(data.write, {
                          instancePath: instancePath + '/write',
                          parentData: data,
                          parentDataProperty: 'write',
                          rootData,
                        })
                      ) {
                        vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
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
                          !validate30(data.list, {
                            instancePath: instancePath + '/list',
                            parentData: data,
                            parentDataProperty: 'list',
                            rootData,
                          })
                        ) {
                          vErrors = vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
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
                            !validate30(data.tagging, {
                              instancePath: instancePath + '/tagging',
                              parentData: data,
                              parentDataProperty: 'tagging',
                              rootData,
                            })
                          ) {
                            vErrors =
                              vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
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
                              !validate30(data['permissions-management'], {
                                instancePath: instancePath + '/permissions-management',
                                parentData: data,
                                parentDataProperty: 'permissions-management',
                                rootData,
                              })
                            ) {
                              vErrors =
                                vErrors === null ? validate30.errors : vErrors.concat(validate30.errors);
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
                                validate29.errors = [
                                  {
                                    instancePath: instancePath + '/wildcard-only',
                                    schemaPath: '#/properties/wildcard-only/type',
                                    keyword: 'type',
                                    params: { type: schema26.properties['wildcard-only'].type },
                                    message: 'must be object,null',
                                    schema: schema26.properties['wildcard-only'].type,
                                    parentSchema: schema26.properties['wildcard-only'],
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
                                      validate29.errors = [
                                        {
                                          instancePath: instancePath + '/wildcard-only',
                                          schemaPath: '#/properties/wildcard-only/additionalProperties',
                                          keyword: 'additionalProperties',
                                          params: { additionalProperty: key1 },
                                          message: 'must NOT have additional properties',
                                          schema: false,
                                          parentSchema: schema26.properties['wildcard-only'],
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
                                          !validate42(data9['service-read'], {
                                            instancePath: instancePath + '/wildcard-only/service-read',
                                            parentData: data9,
                                            parentDataProperty: 'service-read',
                                            rootData,
                                          })
                                        ) {
                                          vErrors =
                                            vErrors === null
                                              ? validate42.errors
                                              : vErrors.concat(validate42.errors);
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
                                            !validate42(data9['service-write'], {
                                              instancePath: instancePath + '/wildcard-only/service-write',
                                              parentData: data9,
                                              parentDataProperty: 'service-write',
                                              rootData,
                                            })
                                          ) {
                                            vErrors =
                                              vErrors === null
                                                ? validate42.errors
                                                : vErrors.concat(validate42.errors);
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
                                              !validate42(data9['service-list'], {
                                                instancePath: instancePath + '/wildcard-only/service-list',
                                                parentData: data9,
                                                parentDataProperty: 'service-list',
                                                rootData,
                                              })
                                            ) {
                                              vErrors =
                                                vErrors === null
                                                  ? validate42.errors
                                                  : vErrors.concat(validate42.errors);
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
                                                !validate42(data9['service-tagging'], {
                                                  instancePath:
                                                    instancePath + '/wildcard-only/service-tagging',
                                                  parentData: data9,
                                                  parentDataProperty: 'service-tagging',
                                                  rootData,
                                                })
                                              ) {
                                                vErrors =
                                                  vErrors === null
                                                    ? validate42.errors
                                                    : vErrors.concat(validate42.errors);
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
                                                  !validate42(data9['service-permissions-management'], {
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
                                                      ? validate42.errors
                                                      : vErrors.concat(validate42.errors);
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
                                    !validate49(data['exclude-actions'], {
                                      instancePath: instancePath + '/exclude-actions',
                                      parentData: data,
                                      parentDataProperty: 'exclude-actions',
                                      rootData,
                                    })
                                  ) {
                                    vErrors =
                                      vErrors === null
                                        ? validate49.errors
                                        : vErrors.concat(validate49.errors);
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
                                      validate29.errors = [
                                        {
                                          instancePath: instancePath + '/sts',
                                          schemaPath: '#/properties/sts/type',
                                          keyword: 'type',
                                          params: { type: schema26.properties.sts.type },
                                          message: 'must be object,null',
                                          schema: schema26.properties.sts.type,
                                          parentSchema: schema26.properties.sts,
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
                                            validate29.errors = [
                                              {
                                                instancePath: instancePath + '/sts',
                                                schemaPath: '#/properties/sts/additionalProperties',
                                                keyword: 'additionalProperties',
                                                params: { additionalProperty: key2 },
                                                message: 'must NOT have additional properties',
                                                schema: false,
                                                parentSchema: schema26.properties.sts,
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
                                              !validate30(data18['assume-role'], {
                                                instancePath: instancePath + '/sts/assume-role',
                                                parentData: data18,
                                                parentDataProperty: 'assume-role',
                                                rootData,
                                              })
                                            ) {
                                              vErrors =
                                                vErrors === null
                                                  ? validate30.errors
                                                  : vErrors.concat(validate30.errors);
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
                                                !validate30(data18['assume-role-with-saml'], {
                                                  instancePath: instancePath + '/sts/assume-role-with-saml',
                                                  parentData: data18,
                                                  parentDataProperty: 'assume-role-with-saml',
                                                  rootData,
                                                })
                                              ) {
                                                vErrors =
                                                  vErrors === null
                                                    ? validate30.errors
                                                    : vErrors.concat(validate30.errors);
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
                                                  !validate30(data18['assume-role-with-web-identity'], {
                                                    instancePath:
                                                      instancePath + '/sts/assume-role-with-web-identity',
                                                    parentData: data18,
                                                    parentDataProperty: 'assume-role-with-web-identity',
                                                    rootData,
                                                  })
                                                ) {
                                                  vErrors =
                                                    vErrors === null
                                                      ? validate30.errors
                                                      : vErrors.concat(validate30.errors);
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
                                  if (valid0) {
                                    if (data.conditions !== undefined) {
                                      let data22 = data.conditions;
                                      const _errs32 = errors;
                                      const _errs33 = errors;
                                      let valid6 = false;
                                      const _errs34 = errors;
                                      if (data22 !== null) {
                                        const err0 = {
                                          instancePath: instancePath + '/conditions',
                                          schemaPath: '#/properties/conditions/anyOf/0/type',
                                          keyword: 'type',
                                          params: { type: 'null' },
                                          message: 'must be null',
                                          schema: schema26.properties.conditions.anyOf[0].type,
                                          parentSchema: schema26.properties.conditions.anyOf[0],
                                          data: data22,
                                        };
                                        if (vErrors === null) {
                                          vErrors = [err0];
                                        } else {
                                          vErrors.push(err0);
                                        }
                                        errors++;
                                      }
                                      var _valid0 = _errs34 === errors;
                                      valid6 = valid6 || _valid0;
                                      if (!valid6) {
                                        const _errs36 = errors;
                                        if (
                                          !validate16(data22, {
                                            instancePath: instancePath + '/conditions',
                                            parentData: data,
                                            parentDataProperty: 'conditions',
                                            rootData,
                                          })
                                        ) {
                                          vErrors =
                                            vErrors === null
                                              ? validate16.errors
                                              : vErrors.concat(validate16.errors);
                                          errors = vErrors.length;
                                        }
                                        var _valid0 = _errs36 === errors;
                                        valid6 = valid6 || _valid0;
                                      }
                                      if (!valid6) {
                                        const err1 = {
                                          instancePath: instancePath + '/conditions',
                                          schemaPath: '#/properties/conditions/anyOf',
                                          keyword: 'anyOf',
                                          params: {},
                                          message: 'must match a schema in anyOf',
                                          schema: schema26.properties.conditions.anyOf,
                                          parentSchema: schema26.properties.conditions,
                                          data: data22,
                                        };
                                        if (vErrors === null) {
                                          vErrors = [err1];
                                        } else {
                                          vErrors.push(err1);
                                        }
                                        errors++;
                                        validate29.errors = vErrors;
                                        return false;
                                      } else {
                                        errors = _errs33;
                                        if (vErrors !== null) {
                                          if (_errs33) {
                                            vErrors.length = _errs33;
                                          } else {
                                            vErrors = null;
                                          }
                                        }
                                      }
                                      var valid0 = _errs32 === errors;
                                    } else {
                                      var valid0 = true;
                                    }
                                    if (valid0) {
                                      if (data['access-level-conditions'] !== undefined) {
                                        const _errs37 = errors;
                                        if (
                                          !validate21(data['access-level-conditions'], {
                                            instancePath: instancePath + '/access-level-conditions',
                                            parentData: data,
                                            parentDataProperty: 'access-level-conditions',
                                            rootData,
                                          })
                                        ) {
                                          vErrors =
                                            vErrors === null
                                              ? validate21.errors
                                              : vErrors.concat(validate21.errors);
                                          errors = vErrors.length;
                                        }
                                        var valid0 = _errs37 === errors;
                                      } else {
                                        var valid0 = true;
                                      }
                                      if (valid0) {
                                        if (data['unsupported-condition-keys'] !== undefined) {
                                          let data24 = data['unsupported-condition-keys'];
                                          const _errs38 = errors;
                                          if (!(data24 === 'error' || data24 === 'split')) {
                                            validate29.errors = [
                                              {
                                                instancePath: instancePath + '/unsupported-condition-keys',
                                                schemaPath: '#/definitions/unsupportedConditionKeys/enum',
                                                keyword: 'enum',
                                                params: { allowedValues: schema25.enum },
                                                message: 'must be equal to one of the allowed values',
                                                schema: schema25.enum,
                                                parentSchema: schema25,
                                                data: data24,
                                              },
                                            ];
                                            return false;
                                          }
                                          var valid0 = _errs38 === errors;
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
          }
        }
      }
    } else {
      validate29.errors = [
        {
          instancePath,
          schemaPath: '#/type',
          keyword: 'type',
          params: { type: 'object' },
          message: 'must be object',
          schema: schema26.type,
          parentSchema: schema26,
          data,
        },
      ];
      return false;
    }
  }
  validate29.errors = vErrors;
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
      if (!validate29(data, { instancePath, parentData, parentDataProperty, rootData })) {
        vErrors = vErrors === null ? validate29.errors : vErrors.concat(validate29.errors);
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
