import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SIZE_QUOTAS } from '../../src/linting/index.js';
import { findings, policy } from './helpers.js';

/**
 * A policy whose compact JSON (no whitespace between tokens) is exactly `length` characters, padded
 * through a resource name; `fill` is the padding character.
 */
function policyOfLength(length: number, fill = 'a'): Record<string, unknown> {
  const build = (n: number) =>
    policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${fill.repeat(n)}` });
  const base = JSON.stringify(build(0)).length;
  const doc = build(length - base);
  assert.equal(JSON.stringify(doc).length, length);
  return doc;
}

test('may-exceed-quota: an identity policy of unknown kind is held to 6,144 characters, exactly', () => {
  const limit = SIZE_QUOTAS.managed;
  assert.deepEqual(findings('size/may-exceed-quota', policyOfLength(limit)), []);
  const [f] = findings('size/may-exceed-quota', policyOfLength(limit + 1));
  assert.deepEqual(f.path, []);
  assert.match(
    f.message,
    /6,145 characters \(whitespace not counted\), over the 6,144 allowed for a managed policy/,
  );
  assert.deepEqual(findings('size/exceeds-quota', policyOfLength(limit + 1)), []);
});

test('may-exceed-quota: whitespace inside the document text is not what is measured', () => {
  // The same policy pretty-printed is much longer, but lint counts the compact form, as IAM does.
  const doc = policyOfLength(SIZE_QUOTAS.managed - 10);
  assert.ok(JSON.stringify(doc, null, 4).length > SIZE_QUOTAS.managed);
  assert.deepEqual(findings('size/may-exceed-quota', JSON.parse(JSON.stringify(doc, null, 4))), []);
});

test('may-exceed-quota: trust policies are held to the default 2,048; resource policies to nothing', () => {
  const trust = (n: number) => {
    const doc = policyOfLength(n);
    const st = (doc.Statement as Record<string, unknown>[])[0];
    return {
      ...doc,
      Statement: [{ Effect: 'Allow', Principal: { AWS: st.Resource }, Action: 'sts:AssumeRole' }],
    };
  };
  const over = trust(2200);
  assert.ok(JSON.stringify(over).length > 2048);
  assert.equal(findings('size/may-exceed-quota', over, { policyType: 'trust' }).length, 1);
  assert.deepEqual(findings('size/may-exceed-quota', trust(1500), { policyType: 'trust' }), []);
  assert.deepEqual(findings('size/may-exceed-quota', policyOfLength(50_000), { policyType: 'resource' }), []);
  assert.deepEqual(findings('size/exceeds-quota', policyOfLength(50_000), { policyType: 'resource' }), []);
});

test('exceeds-quota: a known kind makes an excess an error, at its own limit', () => {
  for (const [quota, limit] of Object.entries(SIZE_QUOTAS)) {
    if (quota === 'service-control') continue;
    const sizeQuota = quota as keyof typeof SIZE_QUOTAS;
    assert.deepEqual(findings('size/exceeds-quota', policyOfLength(limit), { sizeQuota }), [], quota);
    assert.equal(findings('size/exceeds-quota', policyOfLength(limit + 1), { sizeQuota }).length, 1, quota);
    assert.deepEqual(findings('size/may-exceed-quota', policyOfLength(limit + 1), { sizeQuota }), [], quota);
  }
});

test('exceeds-quota: SCPs and RCPs are counted in bytes', () => {
  const limit = SIZE_QUOTAS['service-control'];
  // 3,000 two-byte characters: well under 5,120 characters, over 5,120 bytes.
  const doc = policyOfLength(3000, 'é');
  const deny = {
    ...doc,
    Statement: (doc.Statement as Record<string, unknown>[]).map((s) => ({ ...s, Effect: 'Deny' })),
  };
  for (const policyType of ['service-control', 'resource-control'] as const) {
    const [f] = findings('size/exceeds-quota', deny, { policyType });
    assert.match(f.message, /at least \d{1},\d{3} bytes/, policyType);
  }
  assert.deepEqual(findings('size/exceeds-quota', deny, { sizeQuota: 'group-inline' }), []);
  assert.deepEqual(
    findings('size/exceeds-quota', policyOfLength(limit), { policyType: 'service-control' }),
    [],
  );
  assert.equal(
    findings('size/exceeds-quota', policyOfLength(limit + 1), { policyType: 'service-control' }).length,
    1,
  );
});
