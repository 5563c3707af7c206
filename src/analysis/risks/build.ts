/**
 * analyze v2: builds the RiskReport (src/reporting/risk-report.ts) that the table, JSON, HTML, markdown and
 * SARIF outputs read. Each distinct policy document is analysed once (PolicyAnalyzer.grants: what each
 * statement grants after the document's certain Denies); findings are then made per principal, over all of
 * its policies (so a method is complete when its steps come from different policies), or per policy when
 * it applies to no principal (plain policy files, unattached managed policies).
 */
import type { IamDatabase } from '../../database/database.js';
import { actionIndex, compareNames, type ActionIndex, type ComplementScope } from '../../querying/expand.js';
import {
  RISK_LEVELS,
  type RiskEvidence,
  type RiskFinding,
  type RiskLevel,
  type RiskPolicy,
  type RiskPrincipal,
  type RiskReport,
} from '../../reporting/risk-report.js';
import { isMatchAll } from '../../util/wildcard.js';
import { PolicyAnalyzer, type DocumentGrants } from '../analyze.js';
import type { PolicySource } from '../auth-details.js';
import { addBit, orInto, wordsFor, type Bits } from '../bitset.js';
import type { PolicyStatementView } from '../policy.js';
import { onceByDocument, policyExcluded } from '../report.js';
import {
  bundledRiskData,
  LIST_CATEGORIES,
  RISK_REPORT_CATEGORIES,
  type ListCategory,
  type RiskData,
  type RiskMethodData,
  type RiskReportCategory,
} from './data.js';
import { higher, isBroadResource, LEVEL_WEIGHT, limitsPassedToService, lower, weaker } from './levels.js';
import type { DetailsPrincipal } from './principals.js';

export interface RiskReportOptions {
  /** The principals of authorization-details inputs (authorizationDetailsPrincipals). Default: none. */
  principals?: readonly DetailsPrincipal[];
  /** The risk data. Default: the bundled data/risks. */
  data?: RiskData;
  /** Action patterns accepted as risks: never reported. Default: none. */
  excludeActions?: readonly string[];
  /** Policies to skip (names, ARNs, file paths; wildcards allowed). Default: none. */
  excludePolicies?: readonly string[];
  /** What an Allow with NotAction grants (see AnalyzeOptions). Default 'all-services'. */
  notActionScope?: ComplementScope;
  /** Default: `iamwright analyze` and the inputs. */
  title?: string;
  /** The inputs as the user named them. Default: the distinct files of the sources. */
  inputs?: string[];
  /** Default: '' (the CLI passes the package version). */
  toolVersion?: string;
  /** ISO date-time; default absent, so output is reproducible. */
  generatedAt?: string;
}

/** One statement, as the findings quote it. */
interface StatementInfo {
  view: PolicyStatementView;
  /** Resources as written; `NotResource <r>` for NotResource; `*` when the statement names none. */
  resources: string[];
  /** Reaches every resource of some of its actions (see isBroadResource; NotResource counts as broad). */
  broad: boolean;
  /**
   * Reaches every resource of an action of this service: the statement's resources of that service (by the
   * ARN's service part) are what limit it, or all of them when none is of that service. So `iam:PassRole`
   * on one named role stays named in a statement that also lists `arn:aws:ec2:*:*:instance/*`.
   */
  broadFor(service: string): boolean;
  conditional: boolean;
  passedToService: boolean;
}

/** One action granted by one pattern of one statement. */
interface Grant {
  st: StatementInfo;
  pattern: string;
}

interface WildcardGrant extends Grant {
  /** Service prefixes wholly granted, or undefined for every service. */
  services?: string[];
}

/** What one distinct document grants. */
interface DocResult {
  /** By method (its index in RiskModel.methods): the grants of each step, [] for a step not granted. */
  methods: Map<number, Hits[][]>;
  /** By list category and level: the grants of its actions. */
  lists: Map<ListCategory, (Hits & { level: RiskLevel })[]>;
  wildcards: WildcardGrant[];
  granted: Bits;
  accessLevels: Record<string, number>;
}

/** Actions of one step or category that one grant gives. */
interface Hits {
  grant: Grant;
  /** Of one service (ids of a service are contiguous), so that `broad` holds for all of them. */
  ids: number[];
  /** The statement reaches every resource of these actions (see StatementInfo.broadFor). */
  broad: boolean;
}

/** Hits of one policy, once documents are put together for one owner. */
interface Located {
  policy: string;
  hits: Hits;
}

interface MethodModel {
  data: RiskMethodData;
  /**
   * `alone`: every action of the step completes a one-step method by itself (iam:PassRole, sts:AssumeRole),
   * so that method already reports it.
   */
  steps: { text: string; ids: number[]; passRole: boolean; alone: boolean }[];
  hasPassRole: boolean;
}

/** The risk data resolved against one database: ids per category and per method step. */
class RiskModel {
  readonly index: ActionIndex;
  readonly analyzer: PolicyAnalyzer;
  readonly wanted: Bits;
  readonly listOf = new Map<number, { category: ListCategory; level: RiskLevel }[]>();
  readonly methods: MethodModel[];
  /** For each action id in some method: [method index, step index] of each step it satisfies. */
  readonly stepsOf = new Map<number, [number, number][]>();

  constructor(
    db: IamDatabase,
    readonly data: RiskData,
    excludeActions: readonly string[],
    readonly scope: ComplementScope,
  ) {
    this.index = actionIndex(db);
    this.analyzer = new PolicyAnalyzer(db, { categories: [], notActionScope: scope });
    const excluded = new Set(excludeActions.flatMap((p) => this.index.expand(p).ids));
    const ids = (pattern: string) => this.index.expand(pattern).ids.filter((id) => !excluded.has(id));
    const all: number[] = [];
    for (const category of LIST_CATEGORIES) {
      const list = data.lists[category];
      for (const entry of list.actions) {
        for (const id of ids(entry.action)) {
          const slot = this.listOf.get(id) ?? [];
          if (!slot.some((s) => s.category === category)) {
            slot.push({ category, level: entry.level ?? list.level });
            this.listOf.set(id, slot);
          }
          all.push(id);
        }
      }
    }
    this.methods = data.methods.map((m) => {
      const steps = m.requires.map((alternatives) => {
        const stepIds = alternatives.flatMap(ids);
        all.push(...stepIds);
        return {
          text: alternatives.join('|'),
          ids: stepIds,
          passRole: alternatives.some((a) => a.toLowerCase() === 'iam:passrole'),
          alone: false,
        };
      });
      return { data: m, steps, hasPassRole: steps.some((s) => s.passRole) };
    });
    const single = new Set(this.methods.flatMap((m) => (m.steps.length === 1 ? m.steps[0].ids : [])));
    for (const m of this.methods)
      for (const step of m.steps) step.alone = step.ids.every((id) => single.has(id));
    this.methods.forEach((m, mi) =>
      m.steps.forEach((step, si) => {
        for (const id of step.ids) {
          const list = this.stepsOf.get(id) ?? [];
          list.push([mi, si]);
          this.stepsOf.set(id, list);
        }
      }),
    );
    this.wanted = new Uint32Array(wordsFor(all.reduce((m, id) => Math.max(m, id + 1), 0)));
    for (const id of all) addBit(this.wanted, id);
  }

  /** What one document grants, or the PolicyFormatError that says why it is not a policy. */
  analyse(doc: unknown): DocResult {
    const grants: DocumentGrants = this.analyzer.grants(doc, this.wanted);
    const methods = new Map<number, Hits[][]>();
    const lists = new Map<ListCategory, (Hits & { level: RiskLevel })[]>();
    const wildcards: WildcardGrant[] = [];
    const serialOf = new WeakMap<Hits, number>();
    let serial = 0;
    for (const sg of grants.statements) {
      const st = statementInfo(sg.view);
      for (const g of sg.grants) {
        const grant: Grant = { st, pattern: g.label };
        // A new group for each grant and each service within it (see Hits).
        let lastService: string | undefined;
        let broad = st.broad;
        serial++;
        for (const id of g.ids) {
          const steps0 = this.stepsOf.get(id);
          const lists0 = this.listOf.get(id);
          if (!steps0 && !lists0) continue;
          const service = this.serviceOf(id);
          if (service !== lastService) {
            lastService = service;
            broad = st.broadFor(service);
            serial++;
          }
          for (const [mi, si] of steps0 ?? []) {
            let steps = methods.get(mi);
            if (!steps) methods.set(mi, (steps = this.methods[mi].steps.map(() => [])));
            const last = steps[si].at(-1);
            if (last?.grant === grant && last.broad === broad && serialOf.get(last) === serial)
              last.ids.push(id);
            else {
              const hits = { grant, ids: [id], broad };
              serialOf.set(hits, serial);
              steps[si].push(hits);
            }
          }
          for (const { category, level } of lists0 ?? []) {
            let list = lists.get(category);
            if (!list) lists.set(category, (list = []));
            // Hits of one grant and service are together (ids come grant by grant, a service's ids in a
            // row), a group per level.
            let i = list.length - 1;
            while (i >= 0 && serialOf.get(list[i]) === serial && list[i].level !== level) i--;
            if (i >= 0 && serialOf.get(list[i]) === serial) list[i].ids.push(id);
            else {
              const hits = { grant, ids: [id], broad, level };
              serialOf.set(hits, serial);
              list.push(hits);
            }
          }
        }
        const wild = this.wildcard(g.label, g.all, g.notAction);
        if (wild) wildcards.push({ ...grant, ...wild });
      }
    }
    return {
      methods,
      lists,
      wildcards,
      granted: grants.granted,
      accessLevels: this.analyzer.countLevels(grants.granted),
    };
  }

  private readonly wildcards = new Map<string, { services?: string[] } | undefined>();

  /** The service prefix of an action id. */
  serviceOf(id: number): string {
    const name = this.index.names[id];
    return name.slice(0, name.indexOf(':'));
  }

  /** Does a pattern grant whole services: `*`, `s3:*`, `s3*:*`, or an Allow with NotAction (all services)? */
  private wildcard(
    label: string,
    ids: readonly number[],
    notAction: boolean,
  ): { services?: string[] } | undefined {
    const key = `${notAction ? 'n' : 'a'}${label}`;
    if (this.wildcards.has(key)) return this.wildcards.get(key);
    const found = this.findWildcard(label, ids, notAction);
    this.wildcards.set(key, found);
    return found;
  }

  private findWildcard(
    label: string,
    ids: readonly number[],
    notAction: boolean,
  ): { services?: string[] } | undefined {
    if (notAction) return this.scope === 'all-services' ? {} : undefined;
    if (isMatchAll(label)) return {};
    const colon = label.indexOf(':');
    if (colon <= 0 || !isMatchAll(label.slice(colon + 1))) return undefined;
    if (isMatchAll(label.slice(0, colon))) return {};
    if (ids.length === 0) return undefined;
    const services = new Set<string>();
    for (const id of ids) {
      const name = this.index.names[id];
      services.add(name.slice(0, name.indexOf(':')));
    }
    return { services: [...services].sort() };
  }
}

function broadForService(view: PolicyStatementView): (service: string) => boolean {
  const resources = view.resources;
  if (!resources) return () => true;
  if (resources.some(isMatchAll)) return () => true;
  const memo = new Map<string, boolean>();
  return (service) => {
    let broad = memo.get(service);
    if (broad === undefined) {
      const own = resources.filter((r) => arnService(r) === service);
      broad = (own.length ? own : resources).some(isBroadResource);
      memo.set(service, broad);
    }
    return broad;
  };
}

/** The service part of an ARN (`arn:aws:iam::...` is iam), or undefined. */
function arnService(resource: string): string | undefined {
  if (!resource.startsWith('arn:')) return undefined;
  const end = resource.indexOf(':', resource.indexOf(':', 4) + 1);
  return end < 0 ? undefined : resource.slice(resource.indexOf(':', 4) + 1, end);
}

function statementInfo(view: PolicyStatementView): StatementInfo {
  const resources = view.resources
    ? [...view.resources]
    : view.notResources
      ? view.notResources.map((r) => `NotResource ${r}`)
      : ['*'];
  return {
    view,
    resources,
    broad: !view.resources || view.resources.some(isBroadResource),
    broadFor: broadForService(view),
    conditional: view.conditional,
    passedToService: view.conditional && limitsPassedToService(view.raw.Condition),
  };
}

/** One owner of findings: a principal (over all its policies) or a lone policy. */
interface Owner {
  principal?: string;
  policies: { id: string; result: DocResult }[];
}

/** Builds the risk report of the sources (and principals). Never throws for a bad document. */
export function buildRiskReport(
  db: IamDatabase,
  sources: readonly PolicySource[],
  options: RiskReportOptions = {},
): RiskReport {
  const data = options.data ?? bundledRiskData();
  const model = new RiskModel(
    db,
    data,
    options.excludeActions ?? [],
    options.notActionScope ?? 'all-services',
  );
  const report: RiskReport = {
    title: options.title ?? `iamwright analyze: ${describeInputs(options.inputs ?? distinctFiles(sources))}`,
    database: db.meta.builtFrom ?? db.location.path ?? '',
    toolVersion: options.toolVersion ?? '',
    inputs: options.inputs ?? distinctFiles(sources),
    categories: RISK_REPORT_CATEGORIES.map((c) => ({ ...data.categories[c] })),
    principals: [],
    policies: [],
    findings: [],
    errors: [],
  };
  if (options.generatedAt) report.generatedAt = options.generatedAt;

  const analyse = onceByDocument((doc) => model.analyse(doc));
  const results = new Map<string, DocResult>();
  const policies = new Map<string, RiskPolicy>();
  const byKey = new Map<string, string>();
  const usedIds = new Set<string>();
  const oneFile = new Set(sources.map((s) => s.file)).size === 1;
  for (const src of sources) {
    if (options.excludePolicies?.length && policyExcluded(options.excludePolicies, src)) continue;
    if (src.error !== undefined) {
      report.errors.push({
        file: src.file,
        ...(src.name !== undefined && { policy: src.name }),
        message: src.error,
      });
      continue;
    }
    const result = analyse(src.document);
    if (result instanceof Error) {
      report.errors.push({
        file: src.file,
        ...(src.name !== undefined && { policy: src.name }),
        message: result.message,
      });
      continue;
    }
    const key = src.kind === 'file' ? src.file : `${src.file}#${src.arn ?? src.name}`;
    // Within one authorization-details file the ARN (or `user/alice/p`) is already unique and short.
    let id = src.kind !== 'file' && oneFile ? (src.arn ?? src.name ?? key) : key;
    const base = id;
    for (let n = 2; usedIds.has(id); n++) id = `${base}#${n}`;
    usedIds.add(id);
    if (src.kind !== 'file') byKey.set(key, id);
    const policy: RiskPolicy = {
      id,
      name: src.name ?? src.file,
      kind: src.kind,
      file: src.file,
      attachedTo: [],
      accessLevels: result.accessLevels,
      findings: [],
    };
    policies.set(id, policy);
    results.set(id, result);
  }

  const findings: RiskFinding[] = [];
  const principals: RiskPrincipal[] = [];
  const groups = new Map<string, DetailsPrincipal>();
  for (const p of options.principals ?? []) if (p.type === 'group') groups.set(`${p.file}\0${p.name}`, p);
  const words = wordsFor(model.index.size);
  for (const p of options.principals ?? []) {
    const own = (q: DetailsPrincipal) =>
      [...q.managed, ...q.inline].flatMap((k) => byKey.get(`${q.file}#${k}`) ?? []);
    const ids = own(p);
    for (const g of p.groups ?? []) {
      const group = groups.get(`${p.file}\0${g}`);
      if (group) ids.push(...own(group));
    }
    const distinct = [...new Set(ids)];
    const granted = new Uint32Array(words);
    for (const id of distinct) {
      const r = results.get(id) as DocResult;
      orInto(granted, r.granted);
      const pol = policies.get(id) as RiskPolicy;
      if (!pol.attachedTo.includes(p.id)) pol.attachedTo.push(p.id);
    }
    const principal: RiskPrincipal = {
      id: p.id,
      name: p.name,
      type: p.type,
      policies: distinct,
      score: 0,
      accessLevels: model.analyzer.countLevels(granted),
      findings: [],
    };
    if (p.groups) principal.groups = [...p.groups];
    if (p.trust) principal.trust = p.trust;
    // A group's policies are reported on its users; a group's own findings would say the same again.
    const owner: Owner = {
      principal: p.id,
      policies: distinct.map((id) => ({ id, result: results.get(id) as DocResult })),
    };
    findings.push(...ownerFindings(model, owner));
    if (p.trust) findings.push(...trustFindings(data, p, policies));
    principals.push(principal);
  }
  for (const pol of policies.values()) {
    if (pol.attachedTo.length === 0 && pol.kind !== 'trust') {
      findings.push(
        ...ownerFindings(model, { policies: [{ id: pol.id, result: results.get(pol.id) as DocResult }] }),
      );
    }
  }

  // Order: level, then category, then owner; ids follow the order.
  const keyed = findings.map((f) => ({
    f,
    rank:
      RISK_LEVELS.indexOf(f.level) * 100 + RISK_REPORT_CATEGORIES.indexOf(f.category as RiskReportCategory),
    owner: f.principal ?? f.policies[0] ?? '',
    method: f.method?.id ?? '',
  }));
  keyed.sort((a, b) => a.rank - b.rank || compareText(a.owner, b.owner) || compareText(a.method, b.method));
  findings.length = 0;
  for (const k of keyed) findings.push(k.f);
  const byPrincipal = new Map(principals.map((p) => [p.id, p]));
  findings.forEach((f, i) => {
    f.id = `f${i + 1}`;
    for (const pid of f.policies) policies.get(pid)?.findings.push(f.id);
    const p = f.principal === undefined ? undefined : byPrincipal.get(f.principal);
    if (p) {
      p.findings.push(f.id);
      p.score += LEVEL_WEIGHT[f.level];
      p.level = p.level ? higher(p.level, f.level) : f.level;
    }
  });
  principals.sort((a, b) => b.score - a.score || compareText(a.id, b.id));
  report.principals = principals;
  report.policies = [...policies.values()];
  report.findings = findings;
  return report;
}

/** The finding that stands for every method at once, for a grant of every action on every resource. */
const FULL_ACCESS = {
  id: 'full-access',
  title: 'Every action on every resource',
  source: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_job-functions.html',
};

/** The findings of one owner: escalation methods, list categories and service wildcards. */
function ownerFindings(model: RiskModel, owner: Owner): RiskFinding[] {
  // Put the owner's documents together: per method, per step, every grant from any of its policies.
  const methods = new Map<number, Located[][]>();
  const lists = new Map<ListCategory, (Located & { level: RiskLevel })[]>();
  const wildcards: (WildcardGrant & { policy: string })[] = [];
  for (const { id: policy, result } of owner.policies) {
    for (const [mi, steps] of result.methods) {
      let merged = methods.get(mi);
      if (!merged) methods.set(mi, (merged = steps.map(() => [])));
      for (let si = 0; si < steps.length; si++)
        for (const hits of steps[si]) merged[si].push({ policy, hits });
    }
    for (const [category, list] of result.lists) {
      let merged = lists.get(category);
      if (!merged) lists.set(category, (merged = []));
      for (const hits of list) merged.push({ policy, hits, level: hits.level });
    }
    for (const w of result.wildcards) wildcards.push({ ...w, policy });
  }
  const out: RiskFinding[] = [];
  const principal = owner.principal;

  // Every action on every resource, without a Condition (and no certain Deny took a step away): every
  // method is complete at its own level, and one finding says so instead of one per method.
  const full = wildcards.filter(
    (w) =>
      w.services === undefined &&
      !w.pattern.startsWith('NotAction ') &&
      (!w.st.view.resources || w.st.view.resources.some(isMatchAll)) &&
      !w.st.conditional,
  );
  const allComplete =
    full.length > 0 &&
    methods.size === model.methods.length &&
    [...methods.values()].every((steps) => steps.every((hits) => hits.length > 0));
  if (allComplete) {
    const f = new FindingBuilder(model);
    for (const w of full) f.addNames(w.policy, w, ['*']);
    out.push(
      f.build('privilege-escalation', 'critical', principal, {
        actions: ['*'],
        message: `${FULL_ACCESS.title}: all ${model.methods.length} escalation methods are complete`,
        method: { ...FULL_ACCESS, complete: true, missing: [] },
      }),
    );
  }

  for (const [mi, found] of allComplete ? [] : [...methods].sort((a, b) => a[0] - b[0])) {
    const m = model.methods[mi];
    const missing = m.steps.filter((_, i) => found[i].length === 0).map((s) => s.text);
    const complete = missing.length === 0;
    if (!complete) {
      // One step short, with a granted step that no one-step method reports already: iam:PassRole alone
      // is the `pass-role` finding, not a partial of every pass-role method.
      const useful = m.steps.some((s, i) => !s.alone && found[i].length > 0);
      if (!(missing.length === 1 && m.steps.length >= 2 && useful)) continue;
    }
    let level: RiskLevel | undefined;
    const f = new FindingBuilder(model);
    const parts: string[] = [];
    m.steps.forEach((step, i) => {
      if (found[i].length === 0) return;
      // In a pass-role method, which roles may be passed decides the reach; elsewhere every step's scope does.
      const scoped = !m.hasPassRole || step.passRole;
      let best: RiskLevel | undefined;
      let broad = false;
      const ids = new Set<number>();
      for (const h of found[i]) {
        const st = h.hits.grant.st;
        broad ||= h.hits.broad;
        const lv = lower(m.data.level, (scoped && !h.hits.broad ? 1 : 0) + (st.conditional ? 1 : 0));
        best = best ? higher(best, lv) : lv;
        f.add(h);
        for (const id of h.hits.ids) ids.add(id);
      }
      level = level ? weaker(level, best as RiskLevel) : best;
      const names = [...ids].map((id) => model.index.names[id]).sort(compareNames);
      const where = scoped ? (broad ? ' on every resource' : ' on named resources') : '';
      parts.push(`${names.join(' or ')}${where}`);
    });
    out.push(
      f.build(
        'privilege-escalation',
        complete ? (level as RiskLevel) : lower(level as RiskLevel, 2),
        principal,
        {
          message: complete
            ? `${m.data.title}: ${parts.join(', ')}`
            : `${m.data.title}, but for ${missing.join(' and ')}: has ${parts.join(', ')}`,
          method: { id: m.data.id, title: m.data.title, complete, missing, source: m.data.source },
        },
      ),
    );
  }

  for (const category of LIST_CATEGORIES) {
    const hits = lists.get(category);
    if (!hits) continue;
    const f = new FindingBuilder(model);
    let level: RiskLevel | undefined;
    let broad = false;
    for (const h of hits) {
      const st = h.hits.grant.st;
      broad ||= h.hits.broad;
      const lv = lower(h.level, (h.hits.broad ? 0 : 1) + (st.conditional ? 1 : 0));
      level = level ? higher(level, lv) : lv;
      f.add(h);
    }
    const actions = f.sortedActions();
    const title = model.data.categories[category].title.toLowerCase();
    const message =
      `${actions.length} ${title} action${actions.length === 1 ? '' : 's'}` +
      `${broad ? ' on every resource' : ' on named resources'}: ${listSome(actions)}`;
    out.push(f.build(category, level as RiskLevel, principal, { message, actions }));
  }

  if (wildcards.length) {
    const sw = model.data.serviceWildcard;
    const f = new FindingBuilder(model);
    let level: RiskLevel | undefined;
    const services = new Set<string>();
    let everything = false;
    for (const w of wildcards) {
      const sensitive = w.services?.some((s) => sw.sensitive.services.includes(s));
      const start = w.services === undefined ? sw.everything : sensitive ? sw.sensitive.level : sw.level;
      const broad = w.services === undefined ? w.st.broad : w.services.some((x) => w.st.broadFor(x));
      const lv = lower(start, (broad ? 0 : 1) + (w.st.conditional ? 1 : 0));
      level = level ? higher(level, lv) : lv;
      if (w.services === undefined) everything = true;
      else for (const s of w.services) services.add(s);
      f.addNames(w.policy, w, w.services === undefined ? ['*'] : w.services.map((s) => `${s}:*`));
    }
    const sorted = [...services].sort();
    out.push(
      f.build('service-wildcard', level as RiskLevel, principal, {
        actions: everything ? ['*'] : sorted.map((s) => `${s}:*`),
        message: everything
          ? 'every action of every service'
          : `every action of ${sorted.length === 1 ? 'the service' : `${sorted.length} services`}: ${listSome(sorted)}`,
      }),
    );
  }
  return out;
}

/** Collects the grants behind one finding: its actions, resources, policies and evidence. */
class FindingBuilder {
  private readonly resources = new Set<string>();
  private readonly policies = new Set<string>();
  /** By policy, statement and pattern; `merged` when names were added twice (then deduplicated). */
  private readonly evidence = new Map<
    string,
    { policy: string; grant: Grant; actions: string[]; merged: boolean }
  >();
  /** Conditional only when every statement behind it is. */
  private conditional = true;

  constructor(private readonly model: RiskModel) {}

  add(h: Located): void {
    const names = this.model.index.names;
    this.addNames(
      h.policy,
      h.hits.grant,
      h.hits.ids.map((id) => names[id]),
    );
  }

  addNames(policy: string, grant: Grant, names: string[]): void {
    const key = `${policy}\0${grant.st.view.index}\0${grant.pattern}`;
    const e = this.evidence.get(key);
    if (e) {
      e.actions.push(...names);
      e.merged = true;
      return;
    }
    this.evidence.set(key, { policy, grant, actions: names, merged: false });
    for (const r of grant.st.resources) this.resources.add(r);
    this.policies.add(policy);
    this.conditional &&= grant.st.conditional;
  }

  sortedActions(): string[] {
    const all: string[] = [];
    for (const e of this.evidence.values()) for (const a of e.actions) all.push(a);
    return [...new Set(all)].sort(compareNames);
  }

  build(
    category: string,
    level: RiskLevel,
    principal: string | undefined,
    extra: { message: string; actions?: string[]; method?: RiskFinding['method'] },
  ): RiskFinding {
    const evidence: RiskEvidence[] = [];
    for (const { policy, grant, actions, merged } of this.evidence.values()) {
      evidence.push({
        policy,
        statement: grant.st.view.label,
        statementIndex: grant.st.view.index,
        statementJson: grant.st.view.raw,
        pattern: grant.pattern,
        actions: (merged ? [...new Set(actions)] : actions).sort(compareNames),
      });
    }
    return {
      id: '',
      category,
      level,
      message: extra.message,
      actions: extra.actions ?? this.sortedActions(),
      resources: [...this.resources],
      conditional: this.conditional,
      ...(extra.method && { method: extra.method }),
      ...(principal !== undefined && { principal }),
      policies: [...this.policies],
      evidence,
    };
  }
}

/** Findings for who may assume a role: everyone, other accounts, federated providers. */
function trustFindings(
  data: RiskData,
  p: DetailsPrincipal,
  policies: Map<string, RiskPolicy>,
): RiskFinding[] {
  const out: RiskFinding[] = [];
  const levels = data.roleTrust.levels;
  const risky = (p.trust ?? []).filter(
    (t) => t.kind === 'everyone' || t.kind === 'federated' || (t.kind === 'account' && t.crossAccount),
  );
  if (risky.length === 0) return out;
  const id = `${p.id}#trust`;
  if (!policies.has(id)) {
    policies.set(id, {
      id,
      name: `${p.name} trust policy`,
      kind: 'trust',
      file: p.file,
      attachedTo: [p.id],
      accessLevels: {},
      findings: [],
    });
  }
  let level: RiskLevel | undefined;
  for (const t of risky) {
    const start =
      t.kind === 'everyone' ? levels.everyone : t.kind === 'federated' ? levels.federated : levels.account;
    const lv = lower(start, t.conditional ? 1 : 0);
    level = level ? higher(level, lv) : lv;
  }
  const who = risky.map((t) => `${t.principal}${t.conditional ? ' (with a condition)' : ''}`);
  out.push({
    id: '',
    category: 'role-trust',
    level: level as RiskLevel,
    message: `may be assumed by ${listSome(who)}`,
    actions: ['sts:AssumeRole'],
    resources: [p.id],
    conditional: risky.every((t) => t.conditional),
    principal: p.id,
    policies: [id],
    evidence: [
      {
        policy: id,
        statement: 'AssumeRolePolicyDocument',
        statementIndex: 0,
        statementJson: p.trustDocument,
        pattern: 'Principal',
        actions: ['sts:AssumeRole'],
      },
    ],
  });
  return out;
}

function listSome(items: readonly string[], max = 6): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function distinctFiles(sources: readonly PolicySource[]): string[] {
  return [...new Set(sources.map((s) => s.file))];
}

function describeInputs(inputs: readonly string[]): string {
  return inputs.length <= 3
    ? inputs.join(', ')
    : `${inputs.slice(0, 3).join(', ')} and ${inputs.length - 3} more`;
}
