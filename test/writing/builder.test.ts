import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyBuilder } from '../../src/writing/builder.js';
import { parseTemplate } from '../../src/writing/template/parse.js';
import { UserError } from '../../src/util/errors.js';
import type { CrudTemplate } from '../../src/writing/types.js';

test('an empty builder is an empty crud template with the defaults', () => {
  const t = new PolicyBuilder().toTemplate();
  assert.equal(t.mode, 'crud');
  assert.equal(t.name, '');
  assert.equal(t.effect, 'Allow');
  assert.ok(t.mode === 'crud' && t.read.length === 0 && t.wildcardOnly.singleActions.length === 0);
});

test('every crud method lands in its field, in call order, accepting one entry or several', () => {
  const t = new PolicyBuilder({ name: 'app', effect: 'Deny' })
    .read('arn:aws:s3:::a')
    .read(new Set(['arn:aws:s3:::b']))
    .write(['arn:aws:s3:::w'])
    .list(['arn:aws:s3:::l'])
    .tagging(['arn:aws:s3:::t'])
    .permissionsManagement(['arn:aws:s3:::p'])
    .wildcardOnly({ singleActions: ['ec2:DescribeInstances'], serviceRead: 's3' })
    .wildcardOnly({
      serviceWrite: ['ec2'],
      serviceList: ['kms'],
      serviceTagging: ['ssm'],
      servicePermissionsManagement: ['iam'],
    })
    .skipResourceConstraints(['s3:GetObject'])
    .exclude(['kms:Delete*'])
    .sts({
      assumeRole: ['arn:aws:iam::111122223333:role/r'],
      assumeRoleWithSaml: ['arn:aws:iam::111122223333:role/s'],
    })
    .sts({ assumeRoleWithWebIdentity: 'arn:aws:iam::111122223333:role/w' })
    .toTemplate();
  assert.deepEqual(t, {
    mode: 'crud',
    name: 'app',
    effect: 'Deny',
    read: ['arn:aws:s3:::a', 'arn:aws:s3:::b'],
    write: ['arn:aws:s3:::w'],
    list: ['arn:aws:s3:::l'],
    tagging: ['arn:aws:s3:::t'],
    permissionsManagement: ['arn:aws:s3:::p'],
    wildcardOnly: {
      singleActions: ['ec2:DescribeInstances'],
      serviceRead: ['s3'],
      serviceWrite: ['ec2'],
      serviceList: ['kms'],
      serviceTagging: ['ssm'],
      servicePermissionsManagement: ['iam'],
    },
    skipResourceConstraints: ['s3:GetObject'],
    excludeActions: ['kms:Delete*'],
    sts: {
      assumeRole: ['arn:aws:iam::111122223333:role/r'],
      assumeRoleWithSaml: ['arn:aws:iam::111122223333:role/s'],
      assumeRoleWithWebIdentity: ['arn:aws:iam::111122223333:role/w'],
    },
  });
});

test('addActions makes an actions template; name() and effect() set the rest', () => {
  const t = new PolicyBuilder()
    .name('n')
    .effect('Deny')
    .addActions(['s3:GetObject'])
    .addActions('kms:Decrypt')
    .toTemplate();
  assert.deepEqual(t, {
    mode: 'actions',
    name: 'n',
    effect: 'Deny',
    actions: ['s3:GetObject', 'kms:Decrypt'],
  });
});

test('mixing addActions with resource sections is refused, either way round', () => {
  assert.throws(
    () => new PolicyBuilder().read(['arn:aws:s3:::a']).addActions(['s3:GetObject']),
    /addActions\(\).*actions-mode/,
  );
  assert.throws(() => new PolicyBuilder().addActions(['s3:GetObject']).sts({}), /sts\(\).*addActions\(\)/);
});

test('bad entries are caught by the template schema, naming the key', () => {
  assert.throws(
    () => new PolicyBuilder().read(['arn:aws:s3:::ok', 'not-an-arn']).toTemplate(),
    (e: unknown) => e instanceof UserError && /^PolicyBuilder: .*'read\[1\]' must be an ARN/.test(e.message),
  );
  // Checked when set, before any template exists.
  assert.throws(
    () => new PolicyBuilder().effect('deny' as 'Deny'),
    /^UserError: PolicyBuilder\.effect: effect must be 'Allow' or 'Deny', not a string \("deny"\)$/,
  );
  assert.throws(
    () => new PolicyBuilder().wildcardOnly({ serviceRead: ['s3:Get*'] }).toTemplate(),
    /service prefix/,
  );
  assert.throws(() => new PolicyBuilder().read([42 as unknown as string]).toTemplate(), /must be a string/);
});

test('empty entries are dropped as in a template file', () => {
  const t = new PolicyBuilder().read(['', 'arn:aws:s3:::a', ' ']).toTemplate();
  assert.ok(t.mode === 'crud');
  assert.deepEqual(t.read, ['arn:aws:s3:::a']);
});

test('toYaml round-trips through the template parser', () => {
  const b = new PolicyBuilder({ name: 'x' })
    .write(['arn:aws:kms:us-east-1:111122223333:key/k'])
    .wildcardOnly({ serviceList: ['s3'] })
    .sts({ assumeRole: ['arn:aws:iam::111122223333:role/r'] });
  assert.deepEqual(parseTemplate(b.toYaml(), 'b.yml'), b.toTemplate());
  const a = new PolicyBuilder().addActions(['s3:GetObject']);
  assert.deepEqual(parseTemplate(a.toYaml(), 'a.yml'), a.toTemplate());
});

test('toTemplate returns a fresh copy each time', () => {
  const b = new PolicyBuilder().read(['arn:aws:s3:::a']);
  const t1 = b.toTemplate();
  if (t1.mode === 'crud') t1.read.push('arn:aws:s3:::z');
  const t2 = b.toTemplate();
  assert.ok(t2.mode === 'crud');
  assert.deepEqual(t2.read, ['arn:aws:s3:::a']);
});

test('fromTemplate holds a parsed template, sts order included, and can be added to', () => {
  const parsed = parseTemplate(
    `mode: crud
name: n
effect: Deny
read: [arn:aws:s3:::a]
exclude-actions: ['s3:Delete*']
sts:
  assume-role-with-saml: [arn:aws:iam::111122223333:role/s]
  assume-role: [arn:aws:iam::111122223333:role/r]
`,
    'f.yml',
  );
  const b = PolicyBuilder.fromTemplate(parsed);
  assert.deepEqual(b.toTemplate(), parsed);
  assert.deepEqual(
    Object.keys(b.toTemplate().mode === 'crud' ? (b.toTemplate() as CrudTemplate).sts : {}).slice(0, 2),
    ['assumeRoleWithSaml', 'assumeRole'],
  );
  assert.match(b.toYaml(), /assume-role-with-saml:[\s\S]*assume-role:/);
  const more = b.write(['arn:aws:s3:::w']).toTemplate() as CrudTemplate;
  assert.deepEqual(more.write, ['arn:aws:s3:::w']);
  const actions = parseTemplate('mode: actions\nactions: [s3:GetObject]\n', 'a.yml');
  assert.deepEqual(PolicyBuilder.fromTemplate(actions).toTemplate(), actions);
});
