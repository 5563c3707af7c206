import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  actionsByAccessLevel,
  analyzePolicy,
  auditPolicy,
  bundledRiskyActions,
  formatAuditFindings,
  resourceCovers,
  riskyActionsByCategory,
  RISK_CATEGORIES,
  type Finding,
} from '../../src/analysis/index.js';
import { miniDb, policy } from './fixtures.js';

const db = miniDb();

/** [category, pattern, actions] of each finding, for compact assertions. */
function brief(findings: Finding[]) {
  return findings.map((f) => [f.category, f.pattern, f.actions.join(',')]);
}

test('ec2:RunInstances with iam:Pass* is privilege escalation, naming iam:PassRole and the pattern', () => {
  const findings = auditPolicy(
    db,
    policy({ Sid: 'Launch', Effect: 'Allow', Action: ['ec2:RunInstances', 'iam:Pass*'], Resource: '*' }),
  );
  const pe = findings.filter((f) => f.category === 'privilege-escalation');
  assert.deepEqual(
    pe.map((f) => [f.statement, f.pattern, f.actions]),
    [
      ['Launch', 'ec2:RunInstances', ['ec2:RunInstances']],
      ['Launch', 'iam:Pass*', ['iam:PassRole']],
    ],
  );
});

test('each category is found from its list, under a wildcard', () => {
  const cases: [string, string, string][] = [
    ['iam:Create*', 'credentials-exposure', 'iam:CreateAccessKey'],
    ['ecr:Get*', 'credentials-exposure', 'ecr:GetAuthorizationToken'],
    ['s3:Put*', 'resource-exposure', 's3:PutBucketPolicy'],
    ['s3:*Policy', 'resource-policies', 's3:PutBucketPolicy'],
    ['iam:*AccessKey', 'privilege-escalation', 'iam:CreateAccessKey'],
  ];
  for (const [pattern, category, action] of cases) {
    const findings = auditPolicy(db, policy({ Effect: 'Allow', Action: pattern, Resource: '*' }));
    const hit = findings.find((f) => f.category === category);
    assert.ok(hit, `${pattern} should give ${category}`);
    assert.equal(hit.pattern, pattern);
    assert.ok(hit.actions.includes(action), `${pattern}: ${hit.actions}`);
  }
});

test('every bundled list is non-empty and names service:Action entries', () => {
  const lists = bundledRiskyActions();
  for (const c of RISK_CATEGORIES) {
    assert.ok(lists[c].length > 10, c);
    for (const a of lists[c]) assert.match(a, /^[a-z0-9-]+:[A-Za-z0-9]+$/, `${c}: ${a}`);
  }
  assert.ok(lists['privilege-escalation'].some((a) => a.toLowerCase() === 'iam:passrole'));
});

test('a policy of plain S3 reads has no findings', () => {
  const a = analyzePolicy(
    db,
    policy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:List*'], Resource: '*' }),
  );
  assert.deepEqual(a.findings, []);
  assert.deepEqual(a.accessLevels, { Read: 1, Write: 0, List: 1, Tagging: 0, 'Permissions management': 0 });
});

test('Deny statements grant nothing, and an unconditional Deny removes the action from findings', () => {
  assert.deepEqual(auditPolicy(db, policy({ Effect: 'Deny', Action: 'iam:*', Resource: '*' })), []);
  const denied = analyzePolicy(
    db,
    policy(
      { Effect: 'Allow', Action: ['iam:*', 'ec2:RunInstances'], Resource: '*' },
      { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' },
    ),
  );
  assert.ok(!denied.findings.some((f) => f.actions.includes('iam:PassRole')));
  assert.ok(denied.findings.some((f) => f.actions.includes('iam:CreateAccessKey')));
  assert.equal(
    denied.accessLevels.Write,
    2,
    'iam:CreateAccessKey and ec2:RunInstances; iam:PassRole is denied',
  );
});

test('a Deny that is conditional or narrower than the Allow leaves the finding', () => {
  const allow = { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::1:role/*' };
  const kept = (deny: Record<string, unknown>) =>
    auditPolicy(db, policy(allow, { Effect: 'Deny', Action: 'iam:PassRole', ...deny })).some((f) =>
      f.actions.includes('iam:PassRole'),
    );
  assert.equal(kept({ Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } }), true);
  assert.equal(kept({ Resource: 'arn:aws:iam::1:role/admin' }), true);
  assert.equal(kept({ NotResource: 'arn:aws:iam::1:role/x' }), true);
  assert.equal(kept({ Resource: 'arn:aws:iam::1:*' }), false);
  assert.equal(kept({ Resource: ['*'] }), false);
  assert.equal(kept({ Resource: 'arn:aws:iam::1:role/?' }), true, 'one character is narrower than role/*');
  assert.equal(kept({ Resource: 'arn:aws:iam::1:ROLE/*' }), true, 'ARNs compare with case');
});

test('resourceCovers: a Deny resource covers an Allow resource only when it surely matches all of it', () => {
  assert.equal(resourceCovers('*', 'arn:aws:s3:::b/*'), true);
  assert.equal(resourceCovers('arn:aws:s3:::b/*', 'arn:aws:s3:::b/key'), true);
  assert.equal(resourceCovers('arn:aws:s3:::b*', 'arn:aws:s3:::b/*'), true);
  assert.equal(resourceCovers('arn:aws:s3:::b/key', 'arn:aws:s3:::b/*'), false);
  assert.equal(resourceCovers('arn:aws:s3:::b/?', 'arn:aws:s3:::b/*'), false);
  assert.equal(resourceCovers('arn:aws:s3:::c*', 'arn:aws:s3:::*'), false);
  assert.equal(resourceCovers('arn:aws:s3:::B/*', 'arn:aws:s3:::b/key'), false);
});

test('Allow with NotAction grants everything it does not name, in every service by default', () => {
  const doc = policy({ Sid: 'PowerUser', Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' });
  const findings = auditPolicy(db, doc);
  assert.ok(!findings.some((f) => f.actions.some((a) => a.startsWith('iam:'))));
  const pe = findings.find((f) => f.category === 'privilege-escalation');
  assert.deepEqual(pe?.actions, ['ec2:RunInstances']);
  assert.equal(pe?.pattern, 'NotAction iam:*');
  // Limited to the services it names, an iam-only NotAction grants nothing.
  assert.deepEqual(auditPolicy(db, doc, { notActionScope: 'named-services' }), []);
  const levels = actionsByAccessLevel(db, policy({ Effect: 'Allow', NotAction: 's3:Get*', Resource: '*' }), {
    notActionScope: 'named-services',
  });
  assert.deepEqual(levels, {
    Read: [],
    Write: ['s3:PutObject'],
    List: ['s3:ListBucket'],
    Tagging: [],
    'Permissions management': ['s3:PutBucketPolicy'],
  });
});

test('Deny with NotAction takes away everything except what it names', () => {
  const findings = auditPolicy(
    db,
    policy(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', NotAction: ['s3:*', 'ecr:*'], Resource: '*' },
    ),
  );
  assert.deepEqual(brief(findings), [
    ['resource-exposure', '*', 's3:PutBucketPolicy'],
    ['credentials-exposure', '*', 'ecr:GetAuthorizationToken'],
    ['resource-policies', '*', 's3:PutBucketPolicy'],
  ]);
});

test('unknown actions are findings of their own category, in Allow and Deny statements alike', () => {
  const findings = auditPolicy(
    db,
    policy(
      { Effect: 'Allow', Action: ['s3:GetObjekt', 'nosuch:*', 's3:GetObject'], Resource: '*' },
      { Sid: 'Guard', Effect: 'Deny', Action: 'iam:PasRole', Resource: '*' },
    ),
  );
  assert.deepEqual(
    findings.map((f) => [f.category, f.statement, f.actions[0]]),
    [
      ['unknown-action', '#0', 's3:GetObjekt'],
      ['unknown-action', '#0', 'nosuch:*'],
      ['unknown-action', 'Guard', 'iam:PasRole'],
    ],
  );
  assert.match(findings[1].message ?? '', /unknown service 'nosuch'/);
  assert.equal(findings[2].message, "unknown action 'iam:PasRole'; a Deny of it denies nothing");
});

test('an action granted by two patterns of a statement is reported once, under the first', () => {
  const findings = auditPolicy(
    db,
    policy({ Effect: 'Allow', Action: ['iam:Pass*', 'iam:*'], Resource: '*' }),
  );
  const pe = findings.filter((f) => f.category === 'privilege-escalation');
  assert.deepEqual(
    pe.map((f) => [f.pattern, f.actions]),
    [
      ['iam:Pass*', ['iam:PassRole']],
      ['iam:*', ['iam:CreateAccessKey', 'iam:PutRolePolicy']],
    ],
  );
});

test('conditions are flagged, exclusions and category filters are honoured', () => {
  const doc = policy({
    Effect: 'Allow',
    Action: ['iam:PassRole', 'bogus:Thing'],
    Resource: '*',
    Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
  });
  assert.ok(auditPolicy(db, doc).every((f) => f.conditional));
  assert.deepEqual(auditPolicy(db, doc, { excludeActions: ['iam:pass*', 'bogus:*'] }), []);
  assert.deepEqual(
    auditPolicy(db, doc, { categories: ['privilege-escalation'] }).map((f) => f.category),
    ['privilege-escalation'],
  );
  const custom = auditPolicy(db, policy({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }), {
    riskyActions: { 'credentials-exposure': ['S3:GETOBJECT'] },
  });
  assert.deepEqual(brief(custom), [['credentials-exposure', 's3:Get*', 's3:GetObject']]);
});

test('formatAuditFindings gives one line a finding', () => {
  const text = formatAuditFindings(
    auditPolicy(db, policy({ Sid: 'P', Effect: 'Allow', Action: ['iam:Pass*', 'x:Y'], Resource: '*' })),
  );
  assert.match(
    text,
    /^iamwright: audit: privilege-escalation: iam:PassRole \(granted by iam:Pass\* in statement P\)$/m,
  );
  assert.match(text, /^iamwright: audit: unknown-action: x:Y \(unknown service 'x' in statement P\)$/m);
  assert.equal(formatAuditFindings([]), '');
});

test('riskyActionsByCategory merges statements and patterns into one sorted list per category', () => {
  const byCategory = riskyActionsByCategory(
    db,
    policy(
      { Effect: 'Allow', Action: ['iam:Pass*', 'ec2:*'], Resource: '*' },
      { Effect: 'Allow', Action: ['iam:PassRole', 'iam:Create*', 'nope:X'], Resource: '*' },
    ),
  );
  assert.deepEqual(byCategory['privilege-escalation'], [
    'ec2:RunInstances',
    'iam:CreateAccessKey',
    'iam:PassRole',
  ]);
  assert.deepEqual(byCategory['credentials-exposure'], ['iam:CreateAccessKey']);
  assert.deepEqual(byCategory['unknown-action'], ['nope:X']);
  assert.deepEqual(byCategory['resource-policies'], []);
});

test('Action "**" is analysed as "*"; a Deny on Resource "**" covers like "*"', () => {
  const star = analyzePolicy(db, policy({ Effect: 'Allow', Action: '*', Resource: '*' }));
  const stars = analyzePolicy(db, policy({ Effect: 'Allow', Action: '**', Resource: '*' }));
  assert.deepEqual(stars.accessLevels, star.accessLevels);
  assert.deepEqual(
    stars.findings.map((f) => [f.category, f.actions]),
    star.findings.map((f) => [f.category, f.actions]),
  );
  assert.ok(stars.findings.some((f) => f.category === 'privilege-escalation'));
  assert.ok(!stars.findings.some((f) => f.category === 'unknown-action'));
  const denied = analyzePolicy(
    db,
    policy(
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::1:role/x' },
      { Effect: 'Deny', Action: 'iam:PassRole', Resource: '**' },
    ),
  );
  assert.equal(denied.accessLevels.Write, 0);
});

test('--exclude-actions with many stars still excludes what it matches, and only that', () => {
  const doc = policy({ Effect: 'Allow', Action: 'iam:*', Resource: '*' });
  const names = (exclude: string[]) =>
    analyzePolicy(db, doc, { excludeActions: exclude }).findings.flatMap((f) => f.actions);
  assert.ok(names([]).includes('iam:PassRole'));
  assert.ok(!names(['iam:**********e']).includes('iam:PassRole'));
  assert.ok(names(['iam:**********x']).includes('iam:PassRole'));
});

test('many statements: each Allow loses exactly what the Denies covering its resources deny', () => {
  const n = 300;
  const statements: Record<string, unknown>[] = [];
  /** Statement index of role r{i}'s Allow. */
  const allowAt: number[] = [];
  for (let i = 0; i < n; i++) {
    allowAt.push(statements.length);
    statements.push({
      Effect: 'Allow',
      Action: ['iam:PassRole', 'iam:PutRolePolicy'],
      Resource: `arn:aws:iam::1:role/r${i}`,
    });
    // Every third role has its PassRole denied: by its exact ARN (odd i) or by the prefix r{i}* (even i).
    if (i % 3 === 0) {
      const resource = i % 2 ? `arn:aws:iam::1:role/r${i}` : `arn:aws:iam::1:role/r${i}*`;
      statements.push({ Effect: 'Deny', Action: 'iam:PassRole', Resource: resource });
    }
  }
  const a = analyzePolicy(db, policy(...statements));
  const passRole = a.findings.filter(
    (f) => f.category === 'privilege-escalation' && f.actions.includes('iam:PassRole'),
  );
  // r6* also covers r60..r69: a prefix Deny covers every role whose name starts with it.
  const denied = (i: number) =>
    [...Array(n).keys()].some(
      (j) => j % 3 === 0 && (j === i || (j % 2 === 0 && String(i).startsWith(String(j)))),
    );
  const expected = [...Array(n).keys()].filter((i) => !denied(i)).map((i) => `#${allowAt[i]}`);
  assert.ok(expected.length > n / 2 && expected.length < n, 'some roles are denied, most are not');
  assert.deepEqual(
    passRole.map((f) => f.statement),
    expected,
  );
  // PutRolePolicy is denied nowhere: one finding per Allow.
  const putRolePolicy = a.findings.filter((f) => f.actions.includes('iam:PutRolePolicy'));
  assert.equal(new Set(putRolePolicy.map((f) => f.statement)).size, n);
});

test('Allows on different resource lists never share an answer, whatever characters the ARNs hold', () => {
  const x = 'arn:aws:iam::1:role/x';
  const y = 'arn:aws:iam::1:role/y';
  const a = analyzePolicy(
    db,
    policy(
      { Sid: 'Joined', Effect: 'Allow', Action: 'iam:PassRole', Resource: `${x}\u0000${y}` },
      { Sid: 'Two', Effect: 'Allow', Action: 'iam:PassRole', Resource: [x, y] },
      { Effect: 'Deny', Action: 'iam:PassRole', Resource: [x, y] },
    ),
  );
  assert.deepEqual(
    a.findings.filter((f) => f.category === 'privilege-escalation').map((f) => f.statement),
    ['Joined'],
  );
});
