import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { closeMatches, editDistance } from '../../src/util/errors.js';
import { matchesWildcard } from '../../src/util/wildcard.js';
import { globCovers } from '../../src/linting/glob.js';
import { suggest, withinDistance } from '../../src/linting/suggest.js';
import { db, findings, firesAt, policy } from './helpers.js';

const act = (Action: unknown, Effect = 'Allow') => policy({ Effect, Action, Resource: '*' });
const built = db.meta.buildDate?.slice(0, 10) as string;

test('invalid-format: text that is not service:Action', () => {
  assert.deepEqual(
    firesAt('actions/invalid-format', act(['s3GetObject', 's3: GetObject', ':GetObject', 's3:'])),
    ['Statement.0.Action.0', 'Statement.0.Action.1', 'Statement.0.Action.2', 'Statement.0.Action.3'],
  );
  assert.deepEqual(findings('actions/invalid-format', act(['*', 's3:*', 's3:Get*', 'S3:getobject'])), []);
});

test('unknown-action: an unknown action, with close names of its service and the database date', () => {
  const [f] = findings('actions/unknown-action', act('s3:GetObjekt'));
  assert.deepEqual(f.path, ['Statement', 0, 'Action']);
  assert.match(f.message, /'s3:GetObjekt' is not an action of s3/);
  assert.match(f.message, /did you mean '.*s3:GetObject'/);
  assert.ok(f.message.includes(`built ${built}`), f.message);
  assert.match(f.message, /newer than the database/);
});

test('unknown-action: an unknown service prefix, wildcard or not, names the prefix', () => {
  const found = findings('actions/unknown-action', act(['nosuchservice:GetThing', 'nosuchservice:*']));
  assert.deepEqual(
    found.map((f) => f.path.join('.')),
    ['Statement.0.Action.0', 'Statement.0.Action.1'],
  );
  for (const f of found) assert.match(f.message, /no service with prefix 'nosuchservice'/);
  // Close prefixes are suggested for a typo.
  assert.match(findings('actions/unknown-action', act('s4:GetObject'))[0].message, /did you mean .*'s3'/);
});

test('unknown-action: in a Deny it says the Deny protects nothing; known names in any case pass', () => {
  assert.match(findings('actions/unknown-action', act('iam:DeleteUsr', 'Deny'))[0].message, /denies nothing/);
  const notAction = policy({ Effect: 'Deny', NotAction: ['iam:GetUsr'], Resource: '*' });
  const [n] = findings('actions/unknown-action', notAction);
  assert.match(n.message, /as a NotAction entry it excepts nothing/);
  assert.doesNotMatch(n.message, /denies nothing/);
  assert.deepEqual(findings('actions/unknown-action', act(['S3:getobject', 'iam:*', 's3:Get*'])), []);
  // A wildcard within a known service that matches nothing is the other check's.
  assert.deepEqual(findings('actions/unknown-action', act('s3:Gett*')), []);
});

test('wildcard-matches-nothing: in a known service, or a service wildcard matching no service', () => {
  assert.deepEqual(firesAt('actions/wildcard-matches-nothing', act(['s3:Gett*', 'zzqx*:Get*', 's3:Get*'])), [
    'Statement.0.Action.0',
    'Statement.0.Action.1',
  ]);
  assert.deepEqual(
    findings('actions/wildcard-matches-nothing', act(['nosuchservice:*', 's3:Get?bject'])),
    [],
  );
});

test('wildcard-in-service: an Allow whose service prefix has a wildcard, with the services it reaches', () => {
  const [f] = findings('actions/wildcard-in-service', act(['ec2:Describe*', '*:Describe*']));
  assert.deepEqual(f.path, ['Statement', 0, 'Action', 1]);
  const reached = db.listServices().filter((s) => matchesWildcard('*', s.prefix)).length;
  assert.ok(f.message.includes(`reaches ${reached} services`), f.message);
  assert.deepEqual(firesAt('actions/wildcard-in-service', act('s3*:Get*')), ['Statement.0.Action']);
  assert.deepEqual(findings('actions/wildcard-in-service', act('*:Delete*', 'Deny')), []);
  assert.deepEqual(findings('actions/wildcard-in-service', act(['*', 's3:*'])), []);
});

test('redundant-action: covered by a wildcard of the same statement, in either order', () => {
  assert.deepEqual(firesAt('actions/redundant-action', act(['iam:Get*', 'iam:GetUser'])), [
    'Statement.0.Action.1',
  ]);
  const [f] = findings('actions/redundant-action', act(['iam:GetUser', 'iam:List*', 'iam:Get*']));
  assert.deepEqual(f.path, ['Statement', 0, 'Action', 0]);
  assert.match(f.message, /'iam:GetUser' is already covered by 'iam:Get\*'/);
  assert.deepEqual(firesAt('actions/redundant-action', act(['s3:GetObject', '*'])), ['Statement.0.Action.0']);
  assert.deepEqual(firesAt('actions/redundant-action', act(['s3:Get*', 's3:GetObject*'])), [
    'Statement.0.Action.1',
  ]);
});

test('redundant-action: the same name twice (ignoring case), and equivalent patterns reported once', () => {
  const [f] = findings('actions/redundant-action', act(['s3:GetObject', 's3:PutObject', 'S3:getobject']));
  assert.deepEqual(f.path, ['Statement', 0, 'Action', 2]);
  assert.match(f.message, /named twice .* as 's3:GetObject' at \[0\]/);
  assert.deepEqual(firesAt('actions/redundant-action', act(['s3:*', 's3:**'])), ['Statement.0.Action.1']);
  assert.deepEqual(
    firesAt(
      'actions/redundant-action',
      policy({ Effect: 'Deny', NotAction: ['iam:*', 'iam:PassRole'], Resource: '*' }),
    ),
    ['Statement.0.NotAction.1'],
  );
});

test('redundant-action: overlap that is not coverage, and separate statements, are not reported', () => {
  // Access Analyzer's own example: each pattern adds something the other lacks.
  assert.deepEqual(findings('actions/redundant-action', act(['iam:*CredentialReport', 'iam:Get*'])), []);
  // Coverage is decided on the patterns: today every ec2 action matching *Instances may be a Describe, but
  // a future one may not be.
  assert.deepEqual(findings('actions/redundant-action', act(['ec2:Describe*', 'ec2:*Instances'])), []);
  const only = (doc: Record<string, unknown>) => (doc.Statement as Record<string, unknown>[])[0];
  assert.deepEqual(
    findings('actions/redundant-action', policy(only(act('s3:*')), only(act('s3:GetObject')))),
    [],
  );
  assert.deepEqual(findings('actions/redundant-action', act(['s3:GetObject', 's3:PutObject'])), []);
});

// Patterns and names over a tiny alphabet, so that random cases overlap often.
const pattern = fc.stringMatching(/^[ab*?]{0,6}$/);
const name = fc.stringMatching(/^[ab]{0,7}$/);

test('globCovers never claims coverage that a name disproves', () => {
  fc.assert(
    fc.property(pattern, pattern, fc.array(name, { maxLength: 30 }), (general, specific, names) => {
      if (!globCovers(general, specific)) return;
      for (const n of names) {
        if (matchesWildcard(specific, n))
          assert.ok(matchesWildcard(general, n), `${general} ⊇ ${specific} but not '${n}'`);
      }
    }),
    { numRuns: 3000 },
  );
});

test('globCovers finds the coverage of a name and of a trailing-star pattern', () => {
  fc.assert(
    fc.property(pattern, name, (p, n) => globCovers(p, n) === matchesWildcard(p, n)),
    { numRuns: 3000 },
  );
  fc.assert(fc.property(name, name, (a, b) => globCovers(`${a}*`, `${a}${b}*`)));
});

test('globCovers gives up on huge pattern pairs, answering no (never a false yes)', () => {
  // (a*)^k b covers a^2k * b for every k; past a million cells of work the answer is a safe "no".
  const pair = (k: number) => [`${'a*'.repeat(k)}b`, `${'a'.repeat(2 * k)}*b`] as const;
  assert.equal(globCovers(...pair(10)), true);
  assert.equal(globCovers(...pair(300)), true);
  assert.equal(globCovers(...pair(2000)), false);
});

// For names under 27 characters; beyond, closeMatches' editDistance shortcut (a length difference over 8
// counts as the distance) accepts names suggest rightly leaves out.
test('suggest gives what closeMatches gives, over all candidates', () => {
  const word = fc.stringMatching(/^[a-cA-C:*]{0,10}$/);
  fc.assert(
    fc.property(word, fc.array(word, { maxLength: 20 }), (input, candidates) => {
      assert.deepEqual(suggest(input, candidates), closeMatches(input, candidates));
    }),
    { numRuns: 3000 },
  );
});

test('withinDistance agrees with editDistance', () => {
  fc.assert(
    fc.property(
      fc.stringMatching(/^[abc]{0,9}$/),
      fc.stringMatching(/^[abc]{0,9}$/),
      fc.integer({ min: 0, max: 5 }),
      (a, b, k) => {
        assert.equal(withinDistance(a, b, k), editDistance(a, b) <= k, `${a} ${b} ${k}`);
      },
    ),
    { numRuns: 5000 },
  );
});
