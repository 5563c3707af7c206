import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { renderPolicy } from '../../src/writing/render.js';
import type { PolicyDocument } from '../../src/writing/types.js';

const policy: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'S3ReadBucket',
      Effect: 'Allow',
      Action: ['s3:GetObject'],
      Resource: ['arn:aws:s3:::bücket', '*'],
    },
  ],
};

test('json: 4-space indent, keys in contract order, non-ASCII escaped, newline at the end', async () => {
  const text = await renderPolicy(policy, 'json');
  assert.equal(
    text,
    [
      '{',
      '    "Version": "2012-10-17",',
      '    "Statement": [',
      '        {',
      '            "Sid": "S3ReadBucket",',
      '            "Effect": "Allow",',
      '            "Action": [',
      '                "s3:GetObject"',
      '            ],',
      '            "Resource": [',
      '                "arn:aws:s3:::b\\u00fccket",',
      '                "*"',
      '            ]',
      '        }',
      '    ]',
      '}',
      '',
    ].join('\n'),
  );
  assert.deepEqual(JSON.parse(text), policy);
});

test('json: an empty policy keeps an empty statement list', async () => {
  assert.equal(
    await renderPolicy({ Version: '2012-10-17', Statement: [] }),
    '{\n    "Version": "2012-10-17",\n    "Statement": []\n}\n',
  );
});

test('yaml: the same policy; the version stays a string even for YAML 1.1 readers', async () => {
  const text = await renderPolicy(policy, 'yaml');
  assert.deepEqual(parse(text), policy);
  assert.match(text, /^Version: '2012-10-17'$/m);
  assert.deepEqual(parse(text, { version: '1.1' }), policy);
});

test('terraform: {"policy": "<policy JSON>"} on one line', async () => {
  const text = await renderPolicy(policy, 'terraform');
  assert.equal(text.split('\n').length, 2);
  const outer = JSON.parse(text) as { policy: string };
  assert.deepEqual(Object.keys(outer), ['policy']);
  assert.deepEqual(JSON.parse(outer.policy), policy);
  assert.ok(outer.policy.startsWith('{"Version": "2012-10-17", "Statement": [{"Sid": '));
});
