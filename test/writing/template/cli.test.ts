/** The template as the CLI user meets it: created, filled, and refused with one line naming the place. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../support/cli.js';

function withDir(fn: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'iamwright-tplcli-'));
  try {
    fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('an unfilled starter template gives an empty policy; filled, it gives statements', () => {
  withDir((dir) => {
    for (const type of ['crud', 'actions']) {
      const file = join(dir, `${type}.yml`);
      assert.equal(runCli(['create-template', '-o', file, '-t', type]).code, 0);
      const r = runCli(['write-policy', '--input-file', file]);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), { Version: '2012-10-17', Statement: [] });
    }
    const crud = join(dir, 'crud.yml');
    writeFileSync(crud, readFileSync(crud, 'utf8').replace('read: []', 'read:\n- arn:aws:s3:::my-bucket'));
    const r = runCli(['write-policy', '--input-file', crud]);
    assert.equal(r.code, 0, r.stderr);
    const policy = JSON.parse(r.stdout) as { Statement: { Action: string[]; Resource: string[] }[] };
    assert.ok(
      policy.Statement.some((s) => s.Resource.includes('arn:aws:s3:::my-bucket') && s.Action.length > 0),
    );
  });
});

test('write-policy reports template errors in one line with file and line, and prints no policy', () => {
  withDir((dir) => {
    const file = join(dir, 'crud.yml');
    writeFileSync(file, 'mode: crud\nname: x\nraed:\n- arn:aws:s3:::b\n');
    const r = runCli(['write-policy', '--input-file', file]);
    assert.notEqual(r.code, 0);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^iamwright: .*crud\.yml:3: unknown section 'raed'; did you mean 'read'\?\n$/);

    const stdin = runCli(['write-policy'], {
      input: 'mode: actions\neffect: deny\nactions: [s3:GetObject]\n',
    });
    assert.notEqual(stdin.code, 0);
    assert.match(stdin.stderr, /:2: invalid effect 'deny'.*did you mean 'Deny'\?\n$/);
    assert.equal(stdin.stderr.split('\n').length, 2, 'one line');
  });
});
