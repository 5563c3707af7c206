// Findings of the policy view carry the statement's resources (or NotResource), next to `conditional`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePolicy } from '../../src/analysis/index.js';
import { miniDb, policy } from './fixtures.js';

test('each finding carries the resources of its statement', () => {
  const { findings } = analyzePolicy(
    miniDb(),
    policy(
      {
        Sid: 'Named',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: 'arn:aws:iam::123456789012:role/app',
      },
      {
        Sid: 'Not',
        Effect: 'Allow',
        Action: 'iam:CreateAccessKey',
        NotResource: ['arn:aws:iam::*:user/admin'],
      },
      { Sid: 'All', Effect: 'Allow', Action: 's3:PutBucketPolicy', Resource: ['*'] },
    ),
  );
  // One finding per category the action is in; each names the same resources.
  const by = (sid: string) => {
    const of = findings.filter((f) => f.statement === sid);
    assert.ok(of.length > 0, sid);
    return [...new Set(of.map((f) => JSON.stringify(f.resources)))].map((j) => JSON.parse(j));
  };
  assert.deepEqual(by('Named'), [['arn:aws:iam::123456789012:role/app']]);
  assert.deepEqual(by('Not'), [['NotResource arn:aws:iam::*:user/admin']]);
  assert.deepEqual(by('All'), [['*']]);
});
