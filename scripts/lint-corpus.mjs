#!/usr/bin/env node
// False-positive hunt: lints every AWS managed policy of ../shared/real-world/aws-managed-policies (one
// document per file, read as identity policies of unknown kind) and prints the number of findings per
// check, with a few samples of each. Reads the built library (dist/): run `npm run build` first.
//
//   node scripts/lint-corpus.mjs [--dir DIR] [--samples N] [--check ID] [--markdown]
//
// --check ID prints every finding of that check; --markdown prints the count table for docs/lint.md.
// The time printed is measured in this process: opening the database, reading, parsing and linting, as
// wall-clock and as CPU time (the steadier figure on a shared machine).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const dir = opt('--dir', join(ROOT, '..', 'shared', 'real-world', 'aws-managed-policies'));
const samples = Number(opt('--samples', 3));
const only = opt('--check', undefined);
const markdown = args.includes('--markdown');

const dist = join(ROOT, 'dist', 'index.js');
if (!existsSync(dist)) {
  process.stderr.write('lint-corpus: dist/index.js is missing; run `npm run build` first\n');
  process.exit(1);
}
if (!existsSync(dir)) {
  process.stderr.write(`lint-corpus: no corpus at ${dir}\n`);
  process.exit(1);
}

const { CHECKS, lintPolicy, selectDatabase } = await import(dist);

const started = performance.now();
const cpuStarted = process.cpuUsage();
const db = selectDatabase({ env: {} }); // the bundled database, whatever the environment says
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const counts = new Map(CHECKS.map((c) => [c.id, { findings: 0, policies: 0, samples: [] }]));
for (const file of files) {
  const doc = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const seen = new Set();
  for (const f of lintPolicy(db, doc)) {
    const c = counts.get(f.check);
    c.findings++;
    if (!seen.has(f.check)) c.policies++;
    seen.add(f.check);
    if (f.check === only) console.log(`${file} ${formatPath(f.path)}: ${f.message}`);
    else if (c.samples.length < samples && !c.samples.some((s) => s.file === file)) {
      c.samples.push({ file, path: formatPath(f.path), message: f.message });
    }
  }
}
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
const cpuMs = (cpu.user + cpu.system) / 1000;

function formatPath(path) {
  return (
    path
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
      .join('')
      .replace(/^\./, '') || '(policy)'
  );
}

if (only) process.exit(0);
if (markdown) {
  console.log('| check | severity | findings | policies |');
  console.log('| --- | --- | ---: | ---: |');
  for (const c of CHECKS) {
    const n = counts.get(c.id);
    console.log(`| \`${c.id}\` | ${c.severity} | ${n.findings} | ${n.policies} |`);
  }
} else {
  for (const c of CHECKS) {
    const n = counts.get(c.id);
    console.log(
      `${c.id.padEnd(42)} ${c.severity.padEnd(17)} ${String(n.findings).padStart(6)} findings in ${String(n.policies).padStart(4)} policies`,
    );
    for (const s of n.samples) console.log(`    ${s.file} ${s.path}: ${s.message}`);
  }
}
// With --markdown the table alone goes to stdout, ready to paste.
(markdown ? console.error : console.log)(
  `\n${files.length} policies linted in ${Math.round(ms)} ms wall, ${Math.round(cpuMs)} ms CPU ` +
    '(opening the database, reading, parsing and linting, in this process; on a busy machine the CPU time is the steadier figure)',
);
