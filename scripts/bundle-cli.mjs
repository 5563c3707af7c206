#!/usr/bin/env node
// Bundles the CLI into CommonJS files (dist/cli-main.cjs, the whole CLI; dist/cli-fast.cjs, query and
// write-policy alone, with the YAML library apart in dist/yaml.cjs) and records V8 code caches for them:
// loading one pre-compiled file instead of dozens of ES modules is most of a cold start's cost (see
// bin/iamwright.cjs).
// The library (dist/index.js) and the plain entry dist/cli.js remain tsc's output.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Script } from 'node:vm';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { build, transform } from 'esbuild';
import { parse } from 'acorn';

/**
 * Node built-ins that load many others (child_process and tty bring net, stream, dgram...), required at
 * start-up by bundled code that rarely calls them (commander requires child_process for external
 * subcommands, which iamwright has none of). Each is replaced by a stand-in whose exports load the real
 * module on first use: a command that never calls them never loads them.
 */
const LAZY_BUILTINS = ['child_process', 'crypto', 'dns', 'http', 'https', 'net', 'os', 'tty', 'zlib'];
const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    const filter = new RegExp(`^(node:)?(${LAZY_BUILTINS.join('|')})$`);
    b.onResolve({ filter }, (args) =>
      // The stand-in's own require() is of the real module.
      args.namespace === 'lazy-builtin'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => {
      const names = Object.keys(require(`node:${args.path}`)).filter((k) => k !== 'default');
      const id = JSON.stringify(`node:${args.path}`);
      return {
        loader: 'js',
        contents:
          `let m;\nconst load = () => (m ??= require(${id}));\n` +
          `for (const k of ${JSON.stringify(names)}) ` +
          `Object.defineProperty(exports, k, { enumerable: true, get: () => load()[k] });\n`,
      };
    });
  },
};
for (const f of readdirSync('dist'))
  if (/^(cli-(main|fast)\..*|yaml)\.cache$/.test(f)) rmSync(join('dist', f));

/** The YAML library's ES-module build, which the bundles take (unused parts drop out). */
const YAML_ENTRY = './node_modules/yaml/browser/index.js';
/**
 * The YAML library bundled alone, beside the CLI bundles, for the fast bundle to load when it needs it:
 * stored wrapped as the bundles are (see finish()), with its own code cache.
 */
const YAML_FILE = 'yaml.cjs';
const YAML_CACHE = 'yaml.cache';

/**
 * The fast bundle leaves the YAML library out. A plain template, as nearly all are, is read without it
 * (src/writing/template/plain-yaml.ts), and it was a third of the bundle that every `query` and
 * `write-policy` reads, compiles and initializes. There `import ... from 'yaml'` gets a stand-in whose
 * exports load dist/yaml.cjs on first use (a template the plain reader declines, `--fmt yaml`), through
 * its code cache as bin/iamwright.cjs loads a bundle: without one, loading it and compiling what a first
 * parse runs cost about 20 ms.
 */
const yamlNames = Object.keys(await import(pathToFileURL(YAML_ENTRY).href)).filter((k) => k !== 'default');
const deferredYaml = {
  name: 'deferred-yaml',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: 'yaml', namespace: 'deferred-yaml' }));
    b.onResolve({ filter: /^node:/, namespace: 'deferred-yaml' }, (args) => ({
      path: args.path,
      external: true,
    }));
    // By __dirname (the bundle's folder, dist/): the require() bin/iamwright.cjs hands the bundle is its own.
    b.onLoad({ filter: /.*/, namespace: 'deferred-yaml' }, () => ({
      loader: 'js',
      contents: `let m;
const load = () => (m ??= loadYaml());
function loadYaml() {
  const fs = require('node:fs');
  const path = require('node:path');
  const vm = require('node:vm');
  const file = path.join(__dirname, ${JSON.stringify(YAML_FILE)});
  let cachedData;
  try {
    cachedData = fs.readFileSync(path.join(__dirname, ${JSON.stringify(YAML_CACHE)}));
  } catch {
    // No cache: compiled as usual.
  }
  const wrapper = new vm.Script(fs.readFileSync(file, 'latin1'), { filename: file, cachedData }).runInThisContext();
  const mod = { exports: {} };
  wrapper(mod.exports, require, mod, file, __dirname);
  return mod.exports;
}
for (const k of ${JSON.stringify(yamlNames)}) Object.defineProperty(exports, k, { enumerable: true, get: () => load()[k] });
`,
    }));
  },
};

/**
 * Bundles `entry` into the CommonJS file `outfile`, as bin/iamwright.cjs loads it (see finish()); with
 * `deferYaml`, without the YAML library (see deferredYaml).
 */
async function bundle(entry, outfile, { deferYaml = false } = {}) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    // Bundled: commander and yaml (but see deferYaml). Loaded from node_modules when needed: ajv (generated
    // validators need only its runtime), htmlparser2 (db build), sql.js (its .wasm sits beside it).
    external: ['ajv', 'ajv/*', 'htmlparser2', 'sql.js'],
    // jsonc-parser: its ES-module build, since its UMD main loads its parts with require() calls that
    // esbuild cannot follow.
    alias: {
      ...(deferYaml ? {} : { yaml: YAML_ENTRY }),
      'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js',
    },
    // import.meta.url, from the bundle's own path, made on first use (a URL costs a start-up 0.1 ms, and
    // the usual run needs none: src/util/package-root.ts finds the package from __dirname in a bundle).
    define: {
      'import.meta.url': '__iamwrightMeta.url',
      // The bundle's name and version (src/util/package-root.ts), so that a run need not read package.json.
      IAMWRIGHT_BUNDLED_MANIFEST: JSON.stringify({ name: manifest.name, version: manifest.version }),
    },
    banner: {
      js: "const __iamwrightMeta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };",
    },
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'none',
    logLevel: 'warning',
    plugins: deferYaml ? [lazyBuiltins, deferredYaml] : [lazyBuiltins],
  });
  writeFileSync(outfile, await finish(readFileSync(outfile, 'utf8'), outfile));
}

/**
 * esbuild wraps each lazily loaded module as `__esm({ "src/x.ts"() { body } })` (and CommonJS ones as
 * `__commonJS({ ... })`): an object literal with one method, whose name the helper reads to call it. Each of
 * those 300-odd literals costs V8 a boilerplate built on first run, about 0.1 ms of every start-up in all.
 * Here each becomes the plain function `function() { body }` and the helpers call it directly; the module's
 * name, used only for that lookup, goes. Found with a parser, not a pattern, since a body is any code.
 */
function plainModuleWrappers(code) {
  const helpers = [
    [
      'var __esm=(fn,res,err)=>function(){if(err)throw err[0];try{return fn&&(res=(0,fn[__getOwnPropNames(fn)[0]])(fn=0)),res}catch(e){throw err=[e],e}};',
      'var __esm=(fn,res,err)=>function(){if(err)throw err[0];try{return fn&&(res=fn(fn=0)),res}catch(e){throw err=[e],e}};',
    ],
    [
      'var __commonJS=(cb,mod)=>function(){try{return mod||(0,cb[__getOwnPropNames(cb)[0]])((mod={exports:{}}).exports,mod),mod.exports}catch(e){throw mod=0,e}};',
      'var __commonJS=(cb,mod)=>function(){try{return mod||cb((mod={exports:{}}).exports,mod),mod.exports}catch(e){throw mod=0,e}};',
    ],
  ];
  for (const [from] of helpers) {
    // Another esbuild may write its helpers otherwise: fail the build rather than ship a broken bundle.
    if (!code.includes(from)) throw new Error(`bundle-cli: esbuild's helper is not as expected: ${from}`);
  }
  const edits = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    const arg = node.type === 'CallExpression' && node.arguments.length === 1 ? node.arguments[0] : undefined;
    if (
      arg?.type === 'ObjectExpression' &&
      node.callee.type === 'Identifier' &&
      (node.callee.name === '__esm' || node.callee.name === '__commonJS') &&
      arg.properties.length === 1 &&
      arg.properties[0].method
    ) {
      const fn = arg.properties[0].value;
      const params = fn.params.length ? code.slice(fn.params[0].start, fn.params.at(-1).end) : '';
      edits.push([arg.start, arg.end, `function(${params})${code.slice(fn.body.start, fn.body.end)}`]);
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value.type === 'string') visit(value);
    }
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true }));
  let out = '';
  let at = 0;
  for (const [start, end, text] of edits.sort((a, b) => a[0] - b[0])) {
    out += code.slice(at, start) + text;
    at = end;
  }
  out += code.slice(at);
  for (const [from, to] of helpers) out = out.replace(from, to);
  // Each bundle has a hundred wrappers or more: far fewer means they were not found.
  if (/__getOwnPropNames\((fn|cb)\)/.test(out) || edits.length < 50) {
    throw new Error(`bundle-cli: module wrappers not all rewritten (${edits.length} found)`);
  }
  return out;
}

// The bundle is stored as the function expression Node would wrap a CommonJS module in, without the
// shebang: bin/iamwright.cjs hands the file's text to V8 as it is. Editing or wrapping 700 KB of text at
// each start made copies of it, and on a virtual machine each fresh page of memory costs (about 12 µs a
// page fault where this was measured).
/** The bundle as stored: module wrappers rewritten, local names shortened, wrapped, checked ASCII. */
async function finish(code, outfile) {
  const bundled = plainModuleWrappers(code.replace(/^#!.*\n/, ''));
  // Local names are shortened last, once the wrappers above are rewritten (they are found by their names):
  // a quarter less to read, compile and keep at each start. Stack traces of the bundle name its short
  // names, so IAMWRIGHT_DEBUG runs the unbundled dist/cli.js instead (bin/iamwright.cjs).
  const { code: wrapped } = await transform(
    `(function (exports, require, module, __filename, __dirname) {${bundled}\n});`,
    {
      loader: 'js',
      minifyIdentifiers: true,
      minifyWhitespace: true,
      legalComments: 'none',
      charset: 'ascii',
    },
  );
  if (/[\u0080-\uffff]/.test(wrapped))
    throw new Error(`${outfile} is not ASCII: bin/iamwright.cjs reads it as latin1`);
  return wrapped;
}

// Two bundles of the same CLI: the whole of it, and `query` and `write-policy` alone (src/cli/fast.ts),
// whose start-up is measured against bare node and should not read and compile the linter, analysis and
// generator (a quarter of the whole). bin/iamwright.cjs picks one by the command word.
await bundle('src/cli.ts', 'dist/cli-main.cjs');
await bundle('src/cli/fast.ts', 'dist/cli-fast.cjs', { deferYaml: true });
await bundleYaml();

/**
 * The YAML library alone (dist/yaml.cjs), wrapped as the bundles are, and its code cache (dist/yaml.cache),
 * recorded here from the calls the CLI makes: reading a template with positions, and writing YAML.
 */
async function bundleYaml() {
  const outfile = join('dist', YAML_FILE);
  const { outputFiles } = await build({
    entryPoints: [YAML_ENTRY],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: true,
    charset: 'ascii',
    legalComments: 'none',
    logLevel: 'warning',
    write: false,
  });
  const source = `(function (exports, require, module, __filename, __dirname) {${outputFiles[0].text}\n});`;
  if (/[\u0080-\uffff]/.test(source)) throw new Error(`${outfile} is not ASCII: it is read as latin1`);
  writeFileSync(outfile, source);
  const file = resolve(outfile);
  const script = new Script(source, { filename: file });
  const mod = { exports: {} };
  script.runInThisContext()(mod.exports, require, mod, file, dirname(file));
  const yaml = mod.exports;
  const lineCounter = new yaml.LineCounter();
  const doc = yaml.parseDocument(
    "mode: crud\nname: 'x'\nread: [arn:aws:s3:::b, 'arn:aws:s3:::c/*']\nwrite:\n  - &a x\n",
    {
      lineCounter,
      prettyErrors: false,
    },
  );
  yaml.visit(doc, { Pair: (_, pair) => void (yaml.isScalar(pair.key) && yaml.isPair(pair)) });
  doc.toJS();
  lineCounter.linePos(3);
  yaml.stringify(
    { Version: '2012-10-17', Statement: [{ Sid: 'A', Action: ['s3:GetObject'] }] },
    {
      version: '1.1',
      indentSeq: false,
      lineWidth: 0,
      singleQuote: true,
    },
  );
  writeFileSync(join('dist', YAML_CACHE), script.createCachedData());
}

// Record the code caches from representative runs, made one after the other in one process (see
// bin/iamwright.cjs): one cache per command whose start-up `npm run bench` measures, on the bundled
// database, and the default one for the rest (its help).
const tmp = mkdtempSync(join(tmpdir(), 'iamwright-build-'));
const crud = join(tmp, 'crud.yml');
writeFileSync(
  crud,
  [
    'mode: crud',
    "name: ''",
    'read:',
    '- arn:aws:ssm:us-east-1:123456789012:parameter/app/*',
    '- arn:aws:s3:::bucket/*',
    'write:',
    '- arn:aws:kms:us-east-1:123456789012:key/123456',
    'list:',
    '- arn:aws:s3:::bucket',
    'tagging:',
    '- arn:aws:ssm:us-east-1:123456789012:parameter/app',
    'permissions-management:',
    '- arn:aws:s3:::bucket',
    '',
  ].join('\n'),
);
// By cache file (dist/<bundle>.<command>.cache): the fast bundle's commands, and the whole CLI's default.
const caches = {
  'cli-fast.write-policy': [
    ['write-policy', '--input-file', crud],
    ['write-policy', '--minimize', '0', '--input-file', crud],
  ],
  'cli-fast.query': [
    ['query', 'action-table', '--service', 'ec2', '--fmt', 'json'],
    ['query', 'action-table', '--service', 's3', '--name', 'GetObject', '--fmt', 'json'],
  ],
  'cli-main.default': [['--help'], ['--version']],
};
let failed;
for (const [name, runs] of Object.entries(caches)) {
  const r = spawnSync(process.execPath, ['bin/iamwright.cjs'], {
    env: {
      ...process.env,
      IAMWRIGHT_WRITE_CODE_CACHE: '1',
      IAMWRIGHT_CODE_CACHE_NAME: name,
      IAMWRIGHT_CODE_CACHE_RUNS: JSON.stringify(runs),
      IAMWRIGHT_DB: '',
      IAMWRIGHT_HOME: join(tmp, 'home'),
    },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) failed ??= r.stderr;
}
rmSync(tmp, { recursive: true, force: true });
if (failed !== undefined) {
  process.stderr.write(`bundle-cli: the bundled CLI failed its trial run: ${failed}\n`);
  process.exit(1);
}
