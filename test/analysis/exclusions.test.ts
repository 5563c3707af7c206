// Exclusions files (#22): broken YAML is an error naming the line, never quietly the line format.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseExclusions } from '../../src/analysis/index.js';

function error(text: string): string {
  try {
    parseExclusions(text, 'accepted.yml');
  } catch (e) {
    assert.equal((e as Error).name, 'UserError');
    return (e as Error).message;
  }
  assert.fail(`no error for ${JSON.stringify(text)}`);
}

test('a file with actions: or policies: that is not valid YAML is an error naming the line', () => {
  assert.match(
    error('actions: [*]\n'),
    /^accepted\.yml:1: YAML syntax error: Alias cannot be an empty string; /,
  );
  assert.match(
    error('# accepted risks\nactions:\n  - iam:PassRole\n policies: [x]\n'),
    /^accepted\.yml:4: YAML syntax error: /,
  );
  assert.match(error('policies: [a, b\n'), /^accepted\.yml:\d: YAML syntax error: /);
  assert.match(error('"actions": {\n'), /^accepted\.yml:\d: YAML syntax error: /);
  assert.match(
    error('- actions: [iam:PassRole]\n'),
    /^accepted\.yml: has an 'actions' or 'policies' key but is not a YAML mapping/,
  );
});

test('an alias bomb is refused, naming the line of the first alias', () => {
  const nine = (x: string) => `[${Array(9).fill(`*${x}`).join(',')}]`;
  const levels = 'abcdefghij'.split('');
  const text =
    `x-a: &a ["iam:PassRole"]\n` +
    levels
      .slice(1)
      .map((l, i) => `x-${l}: &${l} ${nine(levels[i])}`)
      .join('\n') +
    '\nactions: *j\n';
  assert.match(error(text), /^accepted\.yml:2: cannot read the YAML: Excessive alias count/);
});

test('in the line format every line is an action pattern; anything else is an error naming the line', () => {
  assert.match(
    error('iam:PassRole\nactions = iam:*\n'),
    /^accepted\.yml:2: 'actions = iam:\*' is not an action pattern \(service:Action, wildcards allowed\)/,
  );
  assert.match(
    error('iam:PassRole\n- s3:PutBucketPolicy\n'),
    /^accepted\.yml:2: '- s3:PutBucketPolicy' is not/,
  );
  assert.match(error('\u0000\u0001\u001b[2J\n'), /^accepted\.yml:1: '\\u0000\\u0001\\u001b\[2J' is not/);
  assert.match(
    error('actions: [iam:PassRole, "not a pattern"]\n'),
    /'not a pattern' in 'actions' is not an action pattern/,
  );
});

test('valid files still read: YAML (aliases included, in moderation), the line format, wildcards, comments', () => {
  assert.deepEqual(parseExclusions('actions: &x [iam:PassRole]\npolicies: [ci-*]\n', 'a.yml'), {
    actions: ['iam:PassRole'],
    policies: ['ci-*'],
  });
  assert.deepEqual(parseExclusions('"actions": ["s3:PutBucket*"]\n', 'a.yml').actions, ['s3:PutBucket*']);
  assert.deepEqual(parseExclusions('{actions: [iam:*], policies: []}', 'a.yml').actions, ['iam:*']);
  assert.deepEqual(parseExclusions('# none\n\n', 'a.txt'), { actions: [], policies: [] });
  assert.deepEqual(parseExclusions('', 'a.txt'), { actions: [], policies: [] });
  assert.deepEqual(parseExclusions('*\n', 'a.txt').actions, ['*']);
  assert.deepEqual(
    parseExclusions('iam:PassRole  # reviewed\r\ns3:Get?bject\r\n*:Describe*\n', 'a.txt').actions,
    ['iam:PassRole', 's3:Get?bject', '*:Describe*'],
  );
});
