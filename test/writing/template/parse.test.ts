import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTemplate, parseTemplateDetailed } from '../../../src/writing/template/parse.js';
import { UserError } from '../../../src/util/errors.js';
import type { CrudTemplate } from '../../../src/writing/types.js';

/** Asserts that parsing fails with a one-line UserError matching `pattern`. */
function rejects(text: string, pattern: RegExp, file = 't.yml'): void {
  assert.throws(
    () => parseTemplate(text, file),
    (e: unknown) => {
      assert.ok(e instanceof UserError, `not a UserError: ${String(e)}`);
      assert.doesNotMatch(e.message, /\n/, 'message is one line');
      assert.match(e.message, pattern);
      return true;
    },
  );
}

function crud(text: string): CrudTemplate {
  const t = parseTemplate(text, 't.yml');
  assert.equal(t.mode, 'crud');
  return t as CrudTemplate;
}

test('a full crud template maps every section to its field', () => {
  const t = crud(`mode: crud
name: MyRole
effect: Deny
read: [arn:aws:s3:::r]
write: [arn:aws:s3:::w]
list: [arn:aws:s3:::l]
tagging: [arn:aws:s3:::t]
permissions-management: [arn:aws:s3:::p]
wildcard-only:
  single-actions: [ec2:DescribeInstances]
  service-read: [s3]
  service-write: [ec2]
  service-list: [kms]
  service-tagging: [ssm]
  service-permissions-management: [iam]
skip-resource-constraints: [s3:GetObject]
exclude-actions: ['kms:Delete*']
sts:
  assume-role: [arn:aws:iam::111122223333:role/a]
  assume-role-with-saml: [arn:aws:iam::111122223333:role/b]
  assume-role-with-web-identity: [arn:aws:iam::111122223333:role/c]
`);
  assert.deepEqual(t, {
    mode: 'crud',
    name: 'MyRole',
    effect: 'Deny',
    read: ['arn:aws:s3:::r'],
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
      assumeRole: ['arn:aws:iam::111122223333:role/a'],
      assumeRoleWithSaml: ['arn:aws:iam::111122223333:role/b'],
      assumeRoleWithWebIdentity: ['arn:aws:iam::111122223333:role/c'],
    },
  });
});

test('actions mode: defaults for name and effect', () => {
  assert.deepEqual(parseTemplate('mode: actions\nactions:\n- s3:GetObject\n- "kms:Create*"\n', 'a.yml'), {
    mode: 'actions',
    name: '',
    effect: 'Allow',
    actions: ['s3:GetObject', 'kms:Create*'],
  });
});

test('empty entries after the first are skipped; null sections are empty', () => {
  const t = crud(`mode: crud
read:
- arn:aws:s3:::a
-
- '  '
- arn:aws:s3:::b
- ''
write:
list: []
wildcard-only:
  single-actions:
  - ''
sts:
`);
  assert.deepEqual(t.read, ['arn:aws:s3:::a', 'arn:aws:s3:::b']);
  assert.deepEqual(t.write, []);
  assert.deepEqual(t.list, []);
  assert.deepEqual(t.wildcardOnly.singleActions, []);
  assert.deepEqual(t.sts.assumeRole, []);
});

test('a list that begins with an empty entry is ignored, as policy_sentry does, with a warning', () => {
  const text = `mode: crud
read:
- ''
- arn:aws:s3:::a
- arn:aws:s3:::b
write:
-
- arn:aws:s3:::c
exclude-actions: ['', 's3:Delete*']
wildcard-only:
  service-read: ['', s3]
list: ['']
`;
  const { template: t, warnings } = parseTemplateDetailed(text, 'w.yml');
  assert.ok(t.mode === 'crud');
  assert.deepEqual(
    [t.read, t.write, t.excludeActions, t.wildcardOnly.serviceRead, t.list],
    [[], [], [], [], []],
  );
  assert.deepEqual(
    warnings.map((w) => w.replace(/ignored.*/, '')),
    [
      "w.yml:3: 'read' begins with an empty entry, so its 2 other entries are ",
      "w.yml:7: 'write' begins with an empty entry, so its 1 other entry is ",
      "w.yml:9: 'exclude-actions' begins with an empty entry, so its 1 other entry is ",
      "w.yml:11: 'wildcard-only.service-read' begins with an empty entry, so its 1 other entry is ",
    ],
    'a list of nothing but empty entries is no news',
  );
  const a = parseTemplateDetailed("mode: actions\nactions:\n- ''\n- s3:GetObject\n", 'a.yml');
  assert.deepEqual(a.template.mode === 'actions' && a.template.actions, []);
  assert.match(a.warnings[0], /^a\.yml:3: 'actions' begins with an empty entry/);
});

test('spaces around a quoted entry are dropped, with a warning naming the entry', () => {
  const { template, warnings } = parseTemplateDetailed(
    "mode: crud\nread:\n- 'arn:aws:s3:::b/* '\n- arn:aws:s3:::c\nexclude-actions: ['\ts3:GetObject']\n",
    'w.yml',
  );
  assert.deepEqual((template as CrudTemplate).read, ['arn:aws:s3:::b/*', 'arn:aws:s3:::c']);
  assert.deepEqual((template as CrudTemplate).excludeActions, ['s3:GetObject']);
  assert.deepEqual(warnings, [
    `w.yml:3: 'read[0]' "arn:aws:s3:::b/* " has spaces around it; read as 'arn:aws:s3:::b/*'`,
    `w.yml:5: 'exclude-actions[0]' "\\ts3:GetObject" has spaces around it; read as 's3:GetObject'`,
  ]);
});

test('sts lists skip empty entries anywhere and keep the order the file gives their keys', () => {
  const t = crud(`mode: crud
sts:
  assume-role-with-web-identity: ['', arn:aws:iam::111122223333:role/w]
  assume-role: [arn:aws:iam::111122223333:role/r, '']
`);
  assert.deepEqual(Object.keys(t.sts), ['assumeRoleWithWebIdentity', 'assumeRole', 'assumeRoleWithSaml']);
  assert.deepEqual(t.sts, {
    assumeRoleWithWebIdentity: ['arn:aws:iam::111122223333:role/w'],
    assumeRole: ['arn:aws:iam::111122223333:role/r'],
    assumeRoleWithSaml: [],
  });
});

test('upper-case service names pass through for the engine to resolve', () => {
  const t = parseTemplate('mode: actions\nactions: [S3:GetObject]\n', 'u.yml');
  assert.deepEqual(t.mode === 'actions' && t.actions, ['S3:GetObject']);
  assert.deepEqual(crud('mode: crud\nexclude-actions: ["KMS:PUT*"]\n').excludeActions, ['KMS:PUT*']);
});

test('an unknown section names file, line and the close match', () => {
  rejects(
    'mode: crud\nname: x\n\n# comment\nread:\n- arn:aws:s3:::b\nraed:\n- x\n',
    /^crud\.yml:7: unknown section 'raed'; did you mean 'read'\?$/,
    'crud.yml',
  );
  rejects('mode: crud\nbogus: [x]\n', /^t\.yml:2: unknown section 'bogus'; allowed: .*exclude-actions/);
});

test('a section of the other mode is explained', () => {
  rejects(
    'mode: actions\nactions: []\nread: [arn:aws:s3:::b]\n',
    /t\.yml:3: 'read' belongs in a 'mode: crud' template, but this one has mode: actions$/,
  );
  rejects(
    'mode: crud\nactions: [s3:GetObject]\n',
    /t\.yml:2: 'actions' belongs in a 'mode: actions' template/,
  );
});

test('effect is exactly Allow or Deny', () => {
  rejects(
    'mode: actions\neffect: deny\nactions: [s3:GetObject]\n',
    /^t\.yml:2: .*effect 'deny'.*'Allow' or 'Deny'.*did you mean 'Deny'\?$/,
  );
  rejects('mode: crud\neffect: Something\n', /t\.yml:2: .*effect 'Something'/);
  rejects('mode: crud\neffect: [Allow]\n', /t\.yml:2: invalid effect a list;/);
});

test('an empty effect is an error, not a silent Allow', () => {
  // A Deny template whose value came out blank must not become a grant; leaving the key out means Allow.
  rejects(
    'mode: crud\neffect:\nread: [arn:aws:s3:::b]\n',
    /^t\.yml:2: effect is empty; write 'Allow' or 'Deny'/,
  );
  rejects("mode: crud\neffect: ''\n", /^t\.yml:2: effect is empty/);
});

test('mode missing, unknown or mistyped', () => {
  rejects('read: [arn:aws:s3:::b]\n', /^t\.yml:1: missing 'mode'.*'crud'.*'actions'.*add 'mode: crud'/);
  rejects('actions: [s3:GetObject]\n', /missing 'mode'.*add 'mode: actions'/);
  rejects('name: x\nmode: other\n', /^t\.yml:2: unknown mode 'other'; allowed: 'crud' or 'actions'$/);
  rejects('mode: CRUD\n', /unknown mode 'CRUD'.*did you mean 'crud'/);
  rejects('mode: [crud]\n', /t\.yml:1: unknown mode/);
});

test('actions mode needs actions', () => {
  rejects('mode: actions\nname: x\n', /^t\.yml:1: actions mode needs 'actions'/);
});

test('sts takes only its three keys', () => {
  rejects(
    'mode: crud\nsts:\n  assume-role-bogus:\n  - arn:aws:iam::123456789012:role/x\n',
    /^t\.yml:3: unknown key 'sts\.assume-role-bogus'; did you mean 'assume-role'/,
  );
  rejects(
    'mode: crud\nsts:\n  federate: []\n',
    /allowed under 'sts': assume-role, assume-role-with-saml, assume-role-with-web-identity/,
  );
  rejects('mode: crud\nsts: [arn:aws:iam::1:role/x]\n', /t\.yml:2: 'sts' must be a mapping, not a list/);
});

test('wrong types name the key path and the line', () => {
  rejects('mode: crud\nread: arn:aws:s3:::b\n', /^t\.yml:2: 'read' must be a list, not a string/);
  rejects(
    'mode: crud\nwrite:\n- arn:aws:s3:::a\n- {x: 1}\n',
    // A mapping in an ARN list is a group with conditions (docs/templates.md): its keys are named.
    /^t\.yml:4: unknown key 'x' in the group 'write\[1\]'; a group has 'arns' and 'conditions'$/,
  );
  rejects(
    'mode: crud\nwildcard-only:\n  service-read:\n  - {x: 1}\n',
    /^t\.yml:4: entry 'wildcard-only\.service-read\[0\]' must be a string, not a mapping$/,
  );
  rejects(
    'mode: crud\nwildcard-only:\n  single-actions:\n  - 42\n',
    /^t\.yml:4: entry 'wildcard-only\.single-actions\[0\]' must be a string, not a number/,
  );
  rejects('mode: crud\nwildcard-only: s3\n', /t\.yml:2: 'wildcard-only' must be a mapping/);
});

test('entries of the wrong shape are caught with the expected form', () => {
  rejects('mode: crud\nread:\n- not-an-arn\n', /^t\.yml:3: .*'read\[0\]' must be an ARN.*not 'not-an-arn'$/);
  rejects('mode: crud\nwildcard-only:\n  service-read: [s3:GetObject]\n', /t\.yml:3: .*service prefix/);
  rejects('mode: actions\nactions:\n- GetObject\n', /t\.yml:3: .*'actions\[0\]' must be an action/);
  rejects(
    'mode: crud\nexclude-actions:\n- GetObject\n',
    /t\.yml:3: .*'exclude-actions\[0\]' must be an action/,
  );
});

test("exclude-actions takes a lone '*' (every action), as policy_sentry expands it", () => {
  assert.deepEqual(crud("mode: crud\nexclude-actions: ['*', 's3:*']\n").excludeActions, ['*', 's3:*']);
  // Elsewhere a lone '*' is still not an action.
  rejects("mode: crud\nskip-resource-constraints: ['*']\n", /must be an action/);
});

test('empty documents, non-mappings and YAML errors are one-line errors', () => {
  rejects('', /^t\.yml: the template is empty/);
  rejects('# only a comment\n', /^t\.yml: the template is empty/);
  rejects('- a\n- b\n', /^t\.yml:1: a template must be a mapping/);
  rejects('just text\n', /a template must be a mapping.*not a string/);
  rejects('mode: crud\nread: [a\n', /^t\.yml:\d+: YAML syntax error: /);
  rejects('mode: crud\nread: []\nread: []\n', /^t\.yml:3: YAML syntax error: .*unique/);
  rejects(
    'mode: crud\n---\nmode: actions\n',
    /^t\.yml:2: YAML syntax error: a template is one YAML document/,
  );
  rejects('mode: crud\nread:\n\t- arn:aws:s3:::b\n', /^t\.yml:3: YAML syntax error: .*[Tt]ab/);
});

test('the file name is given as passed, e.g. <stdin>', () => {
  rejects('mode: nope\n', /^<stdin>:1: /, '<stdin>');
});

test('x- keys are ignored, so anchors have a place to live', () => {
  const t = crud('x-buckets: &b\n  - arn:aws:s3:::a\n  - arn:aws:s3:::b\nmode: crud\nread: *b\nlist: *b\n');
  assert.deepEqual(t.read, ['arn:aws:s3:::a', 'arn:aws:s3:::b']);
  assert.deepEqual(t.list, t.read);
  rejects('y-buckets: []\nmode: crud\n', /t\.yml:1: unknown section 'y-buckets'/);
});

test('<< merge keys are resolved, its own keys winning, as YAML 1.1 readers do', () => {
  const t = crud(
    'x-common: &c\n  read: [arn:aws:s3:::shared]\n  list: [arn:aws:s3:::listed]\n' +
      'mode: crud\n<<: *c\nread: [arn:aws:s3:::own]\n',
  );
  assert.deepEqual(t.read, ['arn:aws:s3:::own']);
  assert.deepEqual(t.list, ['arn:aws:s3:::listed']);
  const inline = crud('mode: crud\n<<: {write: [arn:aws:s3:::w]}\n');
  assert.deepEqual(inline.write, ['arn:aws:s3:::w']);
  // A merged key is checked like any other.
  rejects('mode: crud\n<<: {reed: [arn:aws:s3:::w]}\n', /unknown section 'reed'/);
});

test("entries written under a starter's [] get a hint", () => {
  rejects(
    'mode: crud\nread: []\n- arn:aws:s3:::b\n',
    /^t\.yml:3: YAML syntax error: .*; to fill 'read', replace its \[\] with the '- \.\.\.' lines$/,
  );
  rejects(
    'mode: crud\nwildcard-only:\n  single-actions: []  # note\n\n  - ec2:DescribeInstances\n',
    /t\.yml:[45]: .*to fill 'single-actions'/,
  );
});

test('action names may hold a hyphen (vpc-lattice:AssociateViaAWSService-EventsAndStates)', () => {
  const t = parseTemplate(
    'mode: actions\nactions: [vpc-lattice:AssociateViaAWSService-EventsAndStates]\n',
    'h.yml',
  );
  assert.deepEqual(t.mode === 'actions' && t.actions, ['vpc-lattice:AssociateViaAWSService-EventsAndStates']);
  rejects('mode: actions\nactions: ["s3:Get Object"]\n', /entry 'actions\[0\]' must be an action/);
});

test('odd YAML values are described as the user wrote them', () => {
  rejects('mode: crud\nname: .inf\n', /^t\.yml:2: 'name' must be a string, not a number \(\.inf\)$/);
  rejects('mode: crud\nname: -.inf\n', /not a number \(-\.inf\)$/);
  rejects('mode: crud\nname: .nan\n', /not a number \(\.nan\)$/);
  rejects('mode: crud\nread: [12]\n', /'read\[0\]' must be a string, not a number \(12\)$/);
  rejects('mode: crud\nname: !!binary aGVsbG8=\n', /^t\.yml:2: 'name' must be a string, not binary data$/);
  rejects('mode: crud\nread: !!set {a}\n', /^t\.yml:2: 'read' must be a list, not a set \(!!set\)$/);
  rejects('mode: crud\nname: !!timestamp 2001-12-14\n', /not a date \(2001-12-14T00:00:00\.000Z\)$/);
  // The schema alone would take these for mappings and read nothing from them.
  rejects(
    'mode: crud\nsts: !!omap [assume-role: [a]]\n',
    /^t\.yml:2: 'sts' must be a mapping, not an ordered map/,
  );
  rejects(
    'mode: crud\nwildcard-only: !!binary aGVsbG8=\n',
    /'wildcard-only' must be a mapping, not binary data$/,
  );
  rejects('!!omap [mode: crud]\n', /^t\.yml:1: a template must be a mapping .*not an ordered map/);
});

test('control characters in echoed values are escaped; long values are cut short', () => {
  rejects('mode: crud\nread: ["arn\\0\\e[31m\\nx"]\n', /not 'arn\\u0000\\u001b\[31m\\nx'$/);
  rejects('mode: crud\n"se\\nction": 1\n', /^t\.yml:2: unknown section 'se\\nction'/);
  rejects('mode: "cr\\rud"\n', /unknown mode 'cr\\rud'/);
  const long = 'x'.repeat(5000);
  rejects(`mode: crud\nread: [${long}]\n`, /not 'x{120}\.\.\. \(5000 characters\)'$/);
  // A plain value is shown as it is.
  rejects('mode: crud\nread: [not-an-arn]\n', /not 'not-an-arn'$/);
});

test('a file that is not UTF-8 text, or holds a NUL byte, is refused before YAML reads it', () => {
  const utf16 = Buffer.from('\ufeffmode: crud\nread: [arn:aws:s3:::a]\n', 'utf16le').toString('utf8');
  rejects(utf16, /^t\.yml: the file is not UTF-8 \(UTF-16\?\); save the template as UTF-8$/);
  const noBom = Buffer.from('mode: crud\n', 'utf16le').toString('utf8');
  rejects(noBom, /^t\.yml: the file is not UTF-8 \(UTF-16\?\)/);
  rejects(
    'mode: crud\nname: a\u0000b\n',
    /^t\.yml:2: the file contains a NUL byte; a template is UTF-8 text$/,
  );
  // A UTF-8 byte-order mark and non-ASCII text are fine.
  assert.equal(crud('\ufeffmode: crud\nname: Zugriff für Ärzte\n').name, 'Zugriff für Ärzte');
});

test('nesting deeper than the input limit (64 levels) is named as such, not as a YAML syntax error', () => {
  const nested = (levels: number) => `mode: crud\nname: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;
  // The template mapping is level 1: 63 more are allowed.
  rejects(nested(63), /^t\.yml:2: 'name' must be a string, not a list$/);
  rejects(nested(64), /^t\.yml:2: nested too deeply \(more than 64 levels\)$/);
  // Deep enough to exhaust the YAML library's stack, in flow and in block style.
  rejects(nested(10000), /^t\.yml:2: nested too deeply \(more than 64 levels\)$/);
  let block = 'mode: crud\n';
  for (let i = 0; i < 3000; i++) block += `${' '.repeat(i)}a:\n`;
  rejects(block, /^t\.yml:\d+: nested too deeply \(more than 64 levels\)$/);
});

test('a list or mapping as a key is an error of its own, and the YAML library prints nothing', (t) => {
  const warn = t.mock.method(process, 'emitWarning', () => {});
  const logged = t.mock.method(console, 'warn', () => {});
  rejects('mode: crud\n? [a, b]\n: c\n', /^t\.yml:2: a key must be a name, not a list$/);
  rejects('mode: crud\nread:\n  ? {a: 1}\n  : c\n', /^t\.yml:3: a key must be a name, not a mapping$/);
  // Through an alias the list reaches the library, which turns it into text (and would warn about it).
  rejects('x-k: &k [a, b]\nmode: crud\n? *k\n: c\n', /^t\.yml:3: unknown section '\*k'/);
  assert.equal(warn.mock.callCount() + logged.mock.callCount(), 0);
  // An alias to a scalar is a fine key.
  assert.equal(crud('x-k: &k name\nmode: crud\n*k : n\n').name, 'n');
});

test('parseTemplate checks its arguments', () => {
  for (const [text, file, pattern] of [
    [null, 'x', /^parseTemplate: text must be the template's YAML as a string, not null$/],
    [42, 'x', /text must be .*, not number$/],
    ['mode: crud\n', undefined, /^parseTemplate: file must be a string naming the template, not undefined$/],
  ] as [unknown, unknown, RegExp][]) {
    assert.throws(
      () => parseTemplate(text as string, file as string),
      (e: unknown) => e instanceof UserError && pattern.test(e.message),
    );
  }
});
