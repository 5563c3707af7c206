/** Grammar checks of the document as a whole: its shape, Version and Statement, and policy variables. */
import type { Check, CheckContext } from '../check.js';
import { formatPath, isObject, stringsOf } from '../shape.js';
import { shapeProblems, type ShapeProblemKind } from '../structure.js';
import type { JsonPath } from '../types.js';
import { sample, sampleDocument } from './sample.js';

const CURRENT_VERSION = '2012-10-17';
const OLD_VERSION = '2008-10-17';

const reportShape = (kind: ShapeProblemKind) => (ctx: CheckContext) => {
  for (const p of shapeProblems(ctx.doc)) if (p.kind === kind) ctx.report(p.path, p.message);
};

const allow = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-bucket/*' };

export const unknownElement: Check = {
  id: 'grammar/unknown-element',
  family: 'grammar',
  severity: 'error',
  title: 'An element the policy grammar does not have',
  help:
    'A policy has only Version, Id and Statement; a statement only Sid, Effect, Principal, NotPrincipal, ' +
    'Action, NotAction, Resource, NotResource and Condition; a Principal only AWS, Service, Federated and ' +
    'CanonicalUser. Element names are case-sensitive. AWS rejects a policy with any other element.',
  example: {
    fires: sample([{ Effect: 'Allow', Actions: 's3:GetObject', Resource: '*' }]),
    passes: sample([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
  },
  accessAnalyzer: ['INVALID_POLICY_ELEMENT', 'INVALID_PRINCIPAL_KEY'],
  parliament: ['MALFORMED'],
  run: reportShape('unknown-element'),
};

export const wrongType: Check = {
  id: 'grammar/wrong-type',
  family: 'grammar',
  severity: 'error',
  title: 'An element of the wrong JSON type',
  help:
    'Version, Id, Sid and Effect are strings; Action, NotAction, Resource and NotResource are a string or a ' +
    'list of strings; Principal is "*" or an object of strings or lists of strings; Condition is an object ' +
    'of operators, each an object of keys whose values are strings, numbers, booleans or lists of them.',
  example: {
    fires: sample([{ Effect: 'Allow', Action: ['s3:GetObject', 7], Resource: '*' }]),
    passes: sample([{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' }]),
  },
  accessAnalyzer: ['DATA_TYPE_MISMATCH'],
  parliament: ['MALFORMED'],
  run: reportShape('wrong-type'),
};

export const emptyElement: Check = {
  id: 'grammar/empty-element',
  family: 'grammar',
  severity: 'suggestion',
  title: 'An empty Action, Resource, Principal or Condition',
  help:
    'An empty list in Action, NotAction, Resource or NotResource, or an empty Principal, makes the statement ' +
    'apply to nothing, and an empty Condition tests nothing. Name what the statement is about, or remove it.',
  example: {
    fires: sample([{ Effect: 'Allow', Action: 's3:GetObject', Resource: [] }]),
    passes: sample([allow]),
  },
  accessAnalyzer: [
    'EMPTY_ARRAY_ACTION',
    'EMPTY_ARRAY_RESOURCE',
    'EMPTY_ARRAY_PRINCIPAL',
    'EMPTY_OBJECT_PRINCIPAL',
    'EMPTY_OBJECT_CONDITION',
  ],
  run: reportShape('empty'),
};

export const missingStatement: Check = {
  id: 'grammar/missing-statement',
  family: 'grammar',
  severity: 'error',
  title: 'No Statement, or an empty one',
  help: 'A policy needs a Statement element holding at least one statement; AWS rejects a policy without one.',
  example: {
    fires: sampleDocument({ Version: CURRENT_VERSION, Statement: [] }),
    passes: sample([allow]),
  },
  accessAnalyzer: ['MISSING_STATEMENT'],
  parliament: ['MALFORMED'],
  run(ctx) {
    const raw = ctx.doc.raw;
    if (!isObject(raw)) return;
    if (!('Statement' in raw)) {
      ctx.report(
        [],
        'the policy has no Statement element; add "Statement": [...] with at least one statement',
      );
    } else if (Array.isArray(raw.Statement) && raw.Statement.length === 0) {
      ctx.report(
        ['Statement'],
        'Statement is an empty list: the policy says nothing; add at least one statement',
      );
    }
  },
};

export const missingVersion: Check = {
  id: 'grammar/missing-version',
  family: 'grammar',
  severity: 'warning',
  title: 'No Version element',
  help:
    'Without "Version": "2012-10-17" AWS reads the policy with the 2008 language: policy variables such as ' +
    '${aws:username} are then literal text. Always start a policy with the Version element.',
  example: {
    fires: sampleDocument({ Statement: [allow] }),
    passes: sample([allow]),
  },
  accessAnalyzer: ['MISSING_VERSION'],
  parliament: ['NO_VERSION'],
  run(ctx) {
    const raw = ctx.doc.raw;
    if (isObject(raw) && !('Version' in raw)) {
      ctx.report(
        [],
        `the policy has no Version element; add "Version": "${CURRENT_VERSION}" (without it, policy variables such as \${aws:username} are literal text)`,
      );
    }
  },
};

export const invalidVersion: Check = {
  id: 'grammar/invalid-version',
  family: 'grammar',
  severity: 'error',
  title: 'A Version other than 2012-10-17 or 2008-10-17',
  help:
    'Version names the policy language, not a version of your policy: the only values AWS accepts are ' +
    '"2012-10-17" (current) and "2008-10-17" (old). It is not a date you choose.',
  example: {
    fires: sampleDocument({ Version: '2024-01-01', Statement: [allow] }),
    passes: sample([allow]),
  },
  accessAnalyzer: ['INVALID_VERSION'],
  parliament: ['INVALID_VERSION'],
  run(ctx) {
    const v = ctx.doc.version;
    if (v !== undefined && v !== CURRENT_VERSION && v !== OLD_VERSION) {
      ctx.report(['Version'], `Version '${v}' is not a policy language version; use "${CURRENT_VERSION}"`);
    }
  },
};

export const oldVersion: Check = {
  id: 'grammar/old-version',
  family: 'grammar',
  severity: 'warning',
  title: 'Version 2008-10-17, the old policy language',
  help:
    'The 2008-10-17 language has no policy variables (they are literal text) and lacks newer features. ' +
    'Use "2012-10-17".',
  example: {
    fires: sampleDocument({ Version: OLD_VERSION, Statement: [allow] }),
    passes: sample([allow]),
  },
  parliament: ['OLD_VERSION'],
  run(ctx) {
    if (ctx.doc.version === OLD_VERSION) {
      ctx.report(
        ['Version'],
        `Version '${OLD_VERSION}' is the old policy language, without policy variables; use "${CURRENT_VERSION}"`,
      );
    }
  },
};

const VARIABLE = /\$\{[^}]*\}/;

/** Every string value of Resource, NotResource and Condition that holds a policy variable. */
function valuesWithVariables(ctx: CheckContext): [string, JsonPath][] {
  const out: [string, JsonPath][] = [];
  for (const st of ctx.doc.statements) {
    for (const el of [st.resource, st.notResource]) {
      for (const { value, path } of el ?? []) if (VARIABLE.test(value)) out.push([value, path]);
    }
    const cond = st.raw.Condition;
    if (!isObject(cond)) continue;
    for (const [op, block] of Object.entries(cond)) {
      if (!isObject(block)) continue;
      for (const [key, values] of Object.entries(block)) {
        for (const [v, p] of stringsOf(values, [...st.path, 'Condition', op, key])) {
          if (VARIABLE.test(v)) out.push([v, p]);
        }
      }
    }
  }
  return out;
}

export const variableNeedsVersion: Check = {
  id: 'grammar/variable-needs-version',
  family: 'grammar',
  severity: 'error',
  title: 'A policy variable in a policy without Version 2012-10-17',
  help:
    'Policy variables (${aws:username}, ${aws:PrincipalTag/team}...) exist only in the 2012-10-17 language. ' +
    'With no Version, or Version 2008-10-17, AWS compares the text "${aws:username}" literally, so the ' +
    'statement silently matches nothing (an Allow) or fails to protect (a Deny). Add "Version": "2012-10-17".',
  example: {
    fires: sampleDocument({
      Statement: [
        { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' },
      ],
    }),
    passes: sample([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' },
    ]),
  },
  accessAnalyzer: ['VARIABLE_UNSUPPORTED_IN_VERSION'],
  run(ctx) {
    const raw = ctx.doc.raw;
    if (!isObject(raw) || ctx.doc.version === CURRENT_VERSION) return;
    if ('Version' in raw && ctx.doc.version !== OLD_VERSION) return; // an invalid Version is reported as such
    const why = ctx.doc.version === OLD_VERSION ? `Version is '${OLD_VERSION}'` : 'the policy has no Version';
    for (const [value, path] of valuesWithVariables(ctx)) {
      const variable = (VARIABLE.exec(value) as RegExpExecArray)[0];
      ctx.report(
        path,
        `${formatPath(path)} uses the policy variable ${variable}, which is literal text because ${why}; add "Version": "${CURRENT_VERSION}"`,
      );
    }
  },
};

export const documentChecks: readonly Check[] = [
  unknownElement,
  wrongType,
  emptyElement,
  missingStatement,
  missingVersion,
  invalidVersion,
  oldVersion,
  variableNeedsVersion,
];
