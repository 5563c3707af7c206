/**
 * The risk data of analyze v2: one YAML file per category in data/risks/, each entry with its reason and
 * source, so that a reviewer reads (and a test checks) every action the report may name. Read once and
 * checked on load: a malformed file is a bug in the package, reported with the file and the entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { RiskLevel } from '../../reporting/risk-report.js';
import { RISK_LEVELS } from '../../reporting/risk-report.js';
import { packagePath } from '../../util/package-root.js';

/** The categories, in the order reports list them. */
export const RISK_REPORT_CATEGORIES = [
  'privilege-escalation',
  'credentials-exposure',
  'resource-exposure',
  'data-exfiltration',
  'infrastructure-modification',
  'service-wildcard',
  'role-trust',
] as const;
export type RiskReportCategory = (typeof RISK_REPORT_CATEGORIES)[number];

/** The categories whose findings come from a list of actions. */
export const LIST_CATEGORIES = [
  'credentials-exposure',
  'resource-exposure',
  'data-exfiltration',
  'infrastructure-modification',
] as const;
export type ListCategory = (typeof LIST_CATEGORIES)[number];

/** One reviewed entry of a category list. `action` may be a wildcard pattern (`cloudtrail:Delete*`). */
export interface RiskActionEntry {
  action: string;
  reason: string;
  source: string;
  /** The database no longer has it; kept so that old policies are still recognised. */
  retired?: boolean;
  /** Overrides the category's level for this action. */
  level?: RiskLevel;
}

/** An escalation method: every requirement must be granted; a requirement is satisfied by any of its actions. */
export interface RiskMethodData {
  id: string;
  title: string;
  /** One list of alternative actions per step (written `a|b` in the file). */
  requires: string[][];
  /** The level when complete, on every resource and without a Condition. */
  level: RiskLevel;
  reason: string;
  source: string;
}

export interface RiskCategoryData {
  id: RiskReportCategory;
  title: string;
  description: string;
}

export interface RiskData {
  categories: Record<RiskReportCategory, RiskCategoryData>;
  lists: Record<ListCategory, { level: RiskLevel; actions: RiskActionEntry[] }>;
  methods: RiskMethodData[];
  serviceWildcard: {
    level: RiskLevel;
    everything: RiskLevel;
    sensitive: { level: RiskLevel; services: string[] };
  };
  roleTrust: { levels: Record<'everyone' | 'federated' | 'account' | 'other', RiskLevel> };
}

type Json = Record<string, unknown>;

/** Reads and checks the data of every category from `dir` (default: the package's data/risks). */
export function loadRiskData(dir = packagePath('data', 'risks')): RiskData {
  const read = (id: RiskReportCategory): Json => {
    const file = join(dir, `${id}.yml`);
    const value: unknown = parse(readFileSync(file, 'utf8'));
    if (!isObject(value) || value.id !== id) throw new Error(`${file}: expected a mapping with id: ${id}`);
    return value;
  };
  const files = Object.fromEntries(RISK_REPORT_CATEGORIES.map((c) => [c, read(c)])) as Record<
    RiskReportCategory,
    Json
  >;
  const categories = Object.fromEntries(
    RISK_REPORT_CATEGORIES.map((c) => [
      c,
      { id: c, title: text(files[c], 'title', c), description: text(files[c], 'description', c) },
    ]),
  ) as Record<RiskReportCategory, RiskCategoryData>;
  const lists = Object.fromEntries(
    LIST_CATEGORIES.map((c) => {
      const f = files[c];
      if (!Array.isArray(f.actions)) throw new Error(`${c}.yml: actions must be a list`);
      const actions = f.actions.map((e, i) => actionEntry(e, `${c}.yml: actions[${i}]`));
      return [c, { level: level(f.level, `${c}.yml: level`), actions }];
    }),
  ) as RiskData['lists'];
  const pe = files['privilege-escalation'];
  if (!Array.isArray(pe.methods)) throw new Error('privilege-escalation.yml: methods must be a list');
  const methods = pe.methods.map((m, i) => methodEntry(m, `privilege-escalation.yml: methods[${i}]`));
  const ids = new Set<string>();
  for (const m of methods) {
    if (ids.has(m.id)) throw new Error(`privilege-escalation.yml: method id ${m.id} is repeated`);
    ids.add(m.id);
  }
  const sw = files['service-wildcard'];
  const sensitive = isObject(sw.sensitive) ? sw.sensitive : {};
  const trust = isObject(files['role-trust'].levels) ? files['role-trust'].levels : {};
  return {
    categories,
    lists,
    methods,
    serviceWildcard: {
      level: level(sw.level, 'service-wildcard.yml: level'),
      everything: level(sw.everything, 'service-wildcard.yml: everything'),
      sensitive: {
        level: level(sensitive.level, 'service-wildcard.yml: sensitive.level'),
        services: stringList(sensitive.services, 'service-wildcard.yml: sensitive.services'),
      },
    },
    roleTrust: {
      levels: {
        everyone: level(trust.everyone, 'role-trust.yml: levels.everyone'),
        federated: level(trust.federated, 'role-trust.yml: levels.federated'),
        account: level(trust.account, 'role-trust.yml: levels.account'),
        other: level(trust.other, 'role-trust.yml: levels.other'),
      },
    },
  };
}

let bundled: RiskData | undefined;

/** The data shipped in data/risks, read once. */
export function bundledRiskData(): RiskData {
  return (bundled ??= loadRiskData());
}

function actionEntry(e: unknown, where: string): RiskActionEntry {
  if (!isObject(e)) throw new Error(`${where}: expected a mapping`);
  const out: RiskActionEntry = {
    action: text(e, 'action', where),
    reason: text(e, 'reason', where),
    source: text(e, 'source', where),
  };
  if (e.retired === true) out.retired = true;
  if (e.level !== undefined) out.level = level(e.level, `${where}: level`);
  return out;
}

function methodEntry(m: unknown, where: string): RiskMethodData {
  if (!isObject(m)) throw new Error(`${where}: expected a mapping`);
  const requires = stringList(m.requires, `${where}: requires`).map((r) => r.split('|').map((a) => a.trim()));
  if (requires.length === 0) throw new Error(`${where}: requires is empty`);
  return {
    id: text(m, 'id', where),
    title: text(m, 'title', where),
    requires,
    level: level(m.level, `${where}: level`),
    reason: text(m, 'reason', where),
    source: text(m, 'source', where),
  };
}

function isObject(v: unknown): v is Json {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function text(o: Json, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '')
    throw new Error(`${where}: ${key} must be a non-empty string`);
  return v.trim();
}

function stringList(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    throw new Error(`${where}: expected a list of strings`);
  }
  return v as string[];
}

function level(v: unknown, where: string): RiskLevel {
  if (typeof v === 'string' && (RISK_LEVELS as readonly string[]).includes(v)) return v as RiskLevel;
  throw new Error(`${where}: expected one of ${RISK_LEVELS.join(', ')}`);
}
