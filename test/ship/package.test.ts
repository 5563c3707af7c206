/**
 * The npm package as a user gets it: `npm pack` holds what a user needs and nothing else, and the packed
 * tarball, installed into an empty folder, runs as a command, as an ES module import and as a CommonJS
 * require(). The tarball is packed from the current build (npm test builds first); its dependencies come
 * from npm's cache or the registry.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/paths.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  main: string;
  types: string;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
};
const npm = (args: string[], cwd: string) => {
  const r = spawnSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    },
  });
  assert.equal(r.status, 0, `npm ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
};

// --ignore-scripts: pack the build as it is, rather than building again in `prepare`.
const listing = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT)) as {
  files: { path: string }[];
}[];
const files = listing[0].files.map((f) => f.path);

test('npm pack holds the built code, the data, the schema and the docs, and no tests, sources or fixtures', () => {
  const allowed = /^(bin\/|dist\/|data\/|schema\/|docs\/|README\.md$|LICENSE$|package\.json$)/;
  assert.deepEqual(
    files.filter((f) => !allowed.test(f)),
    [],
  );
  assert.deepEqual(
    files.filter((f) => /(^|\/)(test|tests|fixtures|src|node_modules)\/|\.test\.|\.ts$(?<!\.d\.ts)/.test(f)),
    [],
  );
  // Everything package.json points at is in it.
  const targets = [
    pkg.main,
    pkg.types,
    ...Object.values(pkg.bin),
    ...Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e))),
  ].map((p) => p.replace(/^\.\//, ''));
  for (const t of targets) assert.ok(files.includes(t), `${t} is not packed`);
  for (const f of [
    'dist/cli-main.cjs',
    'dist/cli-main.default.cache',
    'dist/cli-fast.cjs',
    'dist/cli-fast.query.cache',
    'dist/cli-fast.write-policy.cache',
    'dist/yaml.cjs',
    'dist/yaml.cache',
    'data/db/index.json',
    'data/access-level-overrides.yml',
    'schema/template.schema.json',
    'README.md',
    'LICENSE',
  ]) {
    assert.ok(files.includes(f), `${f} is not packed`);
  }
  // The whole bundled database: every service file the index lists.
  const services = files.filter((f) => /^data\/db\/services\/.*\.json$/.test(f)).length;
  const index = JSON.parse(readFileSync(join(ROOT, 'data', 'db', 'index.json'), 'utf8')) as {
    meta: { counts: { services: number } };
  };
  assert.equal(services, index.meta.counts.services);
});

test(
  'the packed tarball installed into an empty folder: the CLI, import and require',
  { timeout: 300_000 },
  (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'iamwright-pack-'));
    const tarball = (
      JSON.parse(npm(['pack', '--json', '--ignore-scripts', '--pack-destination', dir], ROOT)) as {
        filename: string;
      }[]
    )[0].filename;
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "private": true }\n');
    npm(['install', join(dir, tarball), '--prefer-offline', '--ignore-scripts', '--no-save'], app);
    const home = join(dir, 'home');
    const run = (args: string[], input = '') =>
      spawnSync(process.execPath, args, {
        cwd: app,
        input,
        encoding: 'utf8',
        env: { ...process.env, IAMWRIGHT_HOME: home, IAMWRIGHT_DB: '', NO_COLOR: '1' },
      });
    const installed = realpathSync(join(app, 'node_modules', 'iamwright'));

    // The command, through the link npm made.
    const bin = join(app, 'node_modules', '.bin', 'iamwright');
    const version = run([bin, '--version']);
    assert.equal(version.stdout.trim(), pkg.version, version.stderr);
    const info = run([bin, 'db', 'info', '--fmt', 'json']);
    assert.equal(info.status, 0, info.stderr);
    const where = JSON.parse(info.stdout) as { location: { kind: string; path: string } };
    assert.equal(where.location.kind, 'bundled');
    assert.ok(realpathSync(where.location.path).startsWith(installed), where.location.path);
    const written = run([bin, 'write-policy'], "mode: crud\nname: ''\nread:\n  - arn:aws:s3:::my-bucket/*\n");
    assert.equal(written.status, 0, written.stderr);
    const policy = JSON.parse(written.stdout) as { Statement: { Sid: string; Action: string[] }[] };
    assert.ok(policy.Statement.some((s) => s.Sid === 'S3ReadObject' && s.Action.includes('s3:GetObject')));
    // YAML out of the fast bundle, which loads the library from dist/yaml.cjs for it.
    const asYaml = run(
      [bin, 'write-policy', '--fmt', 'yaml'],
      "mode: crud\nread: ['arn:aws:s3:::my-bucket/*']\n",
    );
    assert.equal(asYaml.status, 0, asYaml.stderr);
    assert.match(asYaml.stdout, /^- Sid: S3ReadObject$/m);
    const lint = run(
      [bin, 'lint', '--fmt', 'json', '-'],
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:GetObjekt', Resource: '*' }],
      }),
    );
    assert.equal(lint.status, 2, lint.stderr);

    // The library, as the README shows it.
    const example = (load: string) => `${load}
const db = selectDatabase();
const policy = new PolicyBuilder({ name: 'reader' }).read(['arn:aws:s3:::my-bucket/*']).render(db);
console.log(JSON.stringify({ policy, action: actionData(db, 's3', 'GetObject') }));
`;
    writeFileSync(
      join(app, 'esm.mjs'),
      example("import { PolicyBuilder, selectDatabase, actionData } from 'iamwright';"),
    );
    writeFileSync(
      join(app, 'cjs.cjs'),
      example("const { PolicyBuilder, selectDatabase, actionData } = require('iamwright');"),
    );
    const esm = run(['esm.mjs']);
    assert.equal(esm.status, 0, esm.stderr);
    const fromEsm = JSON.parse(esm.stdout) as { policy: typeof policy; action: unknown };
    assert.ok(
      fromEsm.policy.Statement.some((s) => s.Sid === 'S3ReadObject' && s.Action.includes('s3:GetObject')),
    );
    assert.ok(fromEsm.action, 'actionData found s3:GetObject');
    // The policy of the library is the policy of the command.
    assert.deepEqual(fromEsm.policy.Statement, policy.Statement);

    // require() of the ES-module entry (Node >= 20.19) needs an exports condition that require() matches.
    const main = pkg.exports['.'];
    if (typeof main === 'object' && !('default' in main || 'require' in main || 'node' in main)) {
      t.todo(`exports['.'] has only ${Object.keys(main).join(', ')}: require('iamwright') cannot resolve it`);
      return;
    }
    const cjs = run(['cjs.cjs']);
    assert.equal(cjs.status, 0, cjs.stderr);
    assert.deepEqual(JSON.parse(cjs.stdout), fromEsm);
  },
);
