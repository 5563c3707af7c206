// The writing layer's public functions called wrongly from JavaScript: a UserError naming the function and
// the argument, never a TypeError from inside, a silently dropped entry or an undefined result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolicyBuilder } from '../../src/writing/builder.js';
import { minimizeActions } from '../../src/writing/minimize.js';
import { writePolicy } from '../../src/writing/policy/write.js';
import { renderPolicy } from '../../src/writing/render.js';
import { parseTemplate } from '../../src/writing/template/parse.js';
import { emptyCrudTemplate } from '../../src/writing/template/empty.js';
import { UserError } from '../../src/util/errors.js';
import { fixtureDb } from './fixture-db.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- these calls break the types on purpose
type Loose = any;
const db = fixtureDb();
const BUCKET = 'arn:aws:store:us-east-1:123456789012:bucket/b1';

async function rejects(call: () => unknown, message: RegExp): Promise<void> {
  await assert.rejects(
    async () => call(),
    (e: unknown) => {
      assert.ok(e instanceof UserError, `not a UserError: ${String(e)}`);
      assert.match(e.message, message);
      return true;
    },
  );
}

test('PolicyBuilder methods name the method and argument', async () => {
  const b = (): Loose => new PolicyBuilder();
  await rejects(
    () => b().read(null),
    /^PolicyBuilder\.read: arns must be a string or a list of strings, not null$/,
  );
  await rejects(() => b().write(42), /^PolicyBuilder\.write: arns must be .*, not a number \(42\)$/);
  await rejects(
    () => b().read([BUCKET, null]),
    /^PolicyBuilder\.read: arns\[1\] must be a string, not null$/,
  );
  await rejects(
    () => b().addActions([{}]),
    /^PolicyBuilder\.addActions: actions\[0\] must be a string, not an object$/,
  );
  await rejects(() => b().exclude(null), /^PolicyBuilder\.exclude: patterns must be/);
  await rejects(
    () => b().wildcardOnly(null),
    /^PolicyBuilder\.wildcardOnly: options must be an options object/,
  );
  await rejects(
    () => b().wildcardOnly({ serviceRead: [1] }),
    /^PolicyBuilder\.wildcardOnly: options\.serviceRead\[0\] must be a string, not a number \(1\)$/,
  );
  await rejects(() => b().sts(null), /^PolicyBuilder\.sts: options must be an options object/);
  await rejects(() => b().sts({ assumeRole: 5 }), /^PolicyBuilder\.sts: options\.assumeRole must be/);
  await rejects(() => b().name(null), /^PolicyBuilder\.name: name must be a string, not null$/);
  await rejects(
    () => b().effect('allow'),
    /^PolicyBuilder\.effect: effect must be 'Allow' or 'Deny', not a string \("allow"\)$/,
  );
  await rejects(() => new (PolicyBuilder as Loose)(5), /^PolicyBuilder: options must be an options object/);
  await rejects(
    () => new (PolicyBuilder as Loose)({ effect: 'deny' }),
    /^PolicyBuilder: options\.effect must be/,
  );
  await rejects(
    () => PolicyBuilder.fromTemplate(null as Loose),
    /^PolicyBuilder\.fromTemplate: template must be/,
  );
  await rejects(() => b().read(BUCKET).render(null), /^PolicyBuilder\.render: db must be a database/);
  await rejects(
    () => b().read(BUCKET).render(db, { effect: 'x' }),
    /^PolicyBuilder\.render: options\.effect must be/,
  );
  // A bad call leaves the builder as it was: still free to become an actions template.
  const kept: Loose = new PolicyBuilder();
  assert.throws(() => kept.read(null));
  assert.deepEqual(kept.addActions('store:GetBucket').toTemplate().mode, 'actions');
});

test('PolicyBuilder still takes what it always took: a string, any iterable, undefined, empty strings', () => {
  const t = new PolicyBuilder()
    .read(BUCKET)
    .write(new Set([BUCKET]))
    .list(undefined as Loose)
    .tagging(['', '  '])
    .wildcardOnly({})
    .sts({})
    .toTemplate();
  assert.equal(t.mode, 'crud');
  if (t.mode !== 'crud') return;
  assert.deepEqual([t.read, t.write, t.list, t.tagging], [[BUCKET], [BUCKET], [], []]);
});

test('writePolicy checks the database, the template it is handed and its options', async () => {
  const crud = (): Loose => emptyCrudTemplate();
  await rejects(() => writePolicy(null as Loose, crud()), /^writePolicy: db must be a database/);
  await rejects(() => writePolicy(db, null as Loose), /^writePolicy: template must be a template/);
  await rejects(
    () => writePolicy(db, { ...crud(), read: undefined }),
    /^writePolicy: template\.read must be a list of strings, not undefined$/,
  );
  await rejects(
    () => writePolicy(db, { ...crud(), read: [BUCKET, null] }),
    /^writePolicy: template\.read\[1\] must be a string, not null$/,
  );
  await rejects(
    () => writePolicy(db, { ...crud(), wildcardOnly: { ...crud().wildcardOnly, serviceRead: 's3' } }),
    /^writePolicy: template\.wildcardOnly\.serviceRead must be a list of strings/,
  );
  await rejects(
    () => writePolicy(db, { ...crud(), sts: null }),
    /^writePolicy: template\.sts must be an object of lists, not null$/,
  );
  await rejects(
    () => writePolicy(db, { mode: 'actions', name: '', effect: 'Allow' } as Loose),
    /template\.actions must be a list/,
  );
  await rejects(
    () => writePolicy(db, { ...crud(), effect: {} }),
    /^effect must be 'Allow' or 'Deny', not an object$/,
  );
  await rejects(
    () => writePolicy(db, { ...crud(), mode: ['crud'] }),
    /^mode must be 'crud' or 'actions', not a list$/,
  );
  await rejects(
    () => writePolicy(db, crud(), null as Loose),
    /^writePolicy: options must be an options object/,
  );
  await rejects(
    () => writePolicy(db, crud(), { onWarning: 'log' } as Loose),
    /^writePolicy: options\.onWarning must be a function/,
  );
  await rejects(
    () => writePolicy(db, crud(), { minimize: -1 }),
    /^minimize must be a whole number >= 0, not '-1'$/,
  );
  // A good template passes untouched.
  assert.equal(writePolicy(db, { ...crud(), read: [BUCKET] }).Statement.length, 1);
});

test('minimizeActions, renderPolicy and parseTemplate check their arguments', async () => {
  await rejects(
    () => minimizeActions(db, null as Loose),
    /^minimizeActions: actions must be a list of strings, not null$/,
  );
  await rejects(
    () => minimizeActions(db, 'store:GetBucket' as Loose),
    /^minimizeActions: actions must be a list/,
  );
  await rejects(() => minimizeActions({} as Loose, []), /^minimizeActions: db must be a database/);
  await rejects(
    () => minimizeActions(db, [], { minChars: -2 }),
    /^minimizeActions: options\.minChars must be a whole number >= 0/,
  );
  await rejects(() => minimizeActions(db, [], { minChars: 1.5 }), /options\.minChars/);
  assert.deepEqual(minimizeActions(db, ['store:PutObject'], { minChars: null }), ['store:p*']);

  const policy = { Version: '2012-10-17' as const, Statement: [] };
  await rejects(
    () => renderPolicy(policy, 'xml' as Loose),
    /^renderPolicy: format must be one of json, yaml, terraform, not a string \("xml"\)$/,
  );
  await rejects(() => renderPolicy(null as Loose), /^renderPolicy: policy must be a policy document/);
  await rejects(
    () => renderPolicy({ Version: '2012-10-17' } as Loose),
    /^renderPolicy: policy must be a policy document/,
  );
  assert.match(await renderPolicy(policy), /"Statement": \[\]/);

  await rejects(() => parseTemplate(null as Loose, 'x'), /^parseTemplate: text must be/);
});
