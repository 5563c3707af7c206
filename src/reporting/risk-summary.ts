/**
 * The counts a risk report's summary shows (findings by level and category, principals by level, access
 * levels), computed once from the report so that the HTML and markdown renderers agree on every figure.
 */
import { RISK_LEVELS, type RiskCategoryInfo, type RiskLevel, type RiskReport } from './risk-report.js';

/** IAM's access levels in the order the Service Authorization Reference lists them. */
export const ACCESS_LEVEL_ORDER = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'] as const;

export type LevelCounts = Record<RiskLevel, number>;

export interface RiskSummary {
  findingsByLevel: LevelCounts;
  /** One row per category, in the report's category order, then any category only findings name. */
  findingsByCategory: { category: RiskCategoryInfo; byLevel: LevelCounts; total: number }[];
  /** Principals by their highest level; `none` counts principals without findings. */
  principalsByLevel: LevelCounts & { none: number };
  /**
   * For each access level: how many principals (or policies, when the report has no principals) are
   * granted at least one action at that level, and the most actions any one of them has there.
   */
  accessLevels: { level: string; holders: number; maxActions: number }[];
  /** What `accessLevels` counts. */
  accessHolders: 'principals' | 'policies';
  conditionalFindings: number;
  partialMethods: number;
}

export function emptyLevelCounts(): LevelCounts {
  return { critical: 0, high: 0, medium: 0, low: 0 };
}

/** Access level names: the known ones in IAM's order, then any other the report uses, sorted. */
export function orderAccessLevels(names: Iterable<string>): string[] {
  const known: readonly string[] = ACCESS_LEVEL_ORDER;
  const others = [...new Set(names)].filter((n) => !known.includes(n)).sort();
  return [...ACCESS_LEVEL_ORDER, ...others];
}

/** The category a finding names, or a stand-in titled by its id when the report does not describe it. */
export function categoryIndex(report: RiskReport): Map<string, RiskCategoryInfo> {
  const byId = new Map(report.categories.map((c) => [c.id, c]));
  for (const f of report.findings) {
    if (!byId.has(f.category)) byId.set(f.category, { id: f.category, title: f.category, description: '' });
  }
  return byId;
}

export function summarizeRisk(report: RiskReport): RiskSummary {
  const findingsByLevel = emptyLevelCounts();
  const categories = categoryIndex(report);
  const byCategory = new Map<string, LevelCounts>(
    [...categories.keys()].map((id) => [id, emptyLevelCounts()]),
  );
  let conditionalFindings = 0;
  let partialMethods = 0;
  for (const f of report.findings) {
    findingsByLevel[f.level]++;
    (byCategory.get(f.category) as LevelCounts)[f.level]++;
    if (f.conditional) conditionalFindings++;
    if (f.method && !f.method.complete) partialMethods++;
  }
  const findingsByCategory = [...categories.values()].map((category) => {
    const byLevel = byCategory.get(category.id) as LevelCounts;
    return { category, byLevel, total: RISK_LEVELS.reduce((n, l) => n + byLevel[l], 0) };
  });

  const principalsByLevel = { ...emptyLevelCounts(), none: 0 };
  for (const p of report.principals) principalsByLevel[p.level ?? 'none']++;

  const accessHolders = report.principals.length > 0 ? 'principals' : 'policies';
  const holders = accessHolders === 'principals' ? report.principals : report.policies;
  const levelNames = new Set<string>();
  for (const h of holders) for (const name of Object.keys(h.accessLevels)) levelNames.add(name);
  const accessLevels = orderAccessLevels(levelNames).map((level) => {
    let count = 0;
    let maxActions = 0;
    for (const h of holders) {
      const n = h.accessLevels[level] ?? 0;
      if (n > 0) count++;
      if (n > maxActions) maxActions = n;
    }
    return { level, holders: count, maxActions };
  });

  return {
    findingsByLevel,
    findingsByCategory,
    principalsByLevel,
    accessLevels,
    accessHolders,
    conditionalFindings,
    partialMethods,
  };
}
