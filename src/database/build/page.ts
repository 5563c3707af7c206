/**
 * Turns one Service Authorization Reference page into service records: the Actions, Resource types and
 * Condition keys tables, read the way policy_sentry reads them (so that the answers agree), but reporting
 * odd rows instead of silently dropping the rest of a table.
 */
import { ACCESS_LEVELS, type AccessLevel, type ActionRecord, type ActionResourceType } from '../types.js';
import type { ConditionKeyRecord, ResourceTypeRecord } from '../types.js';
import { chomp, noWhiteSpace, readPageHtml, type Cell, type Table } from './html.js';

/** Where policy_sentry (and AWS) publish the pages; a page's URL is this plus its file name. */
export const AUTHORIZATION_BASE_URL = 'https://docs.aws.amazon.com/service-authorization/latest/reference/';

export interface ParsedPage {
  file: string;
  serviceName: string;
  prefix: string;
  /** `AUTHORIZATION_BASE_URL` + file name, as policy_sentry records it. */
  url: string;
  /** The page's own `<link rel="canonical">`, when present. */
  canonical: string | null;
  /**
   * How recent the page's framework is: 2 = AWS's current pages (they link to a markdown version of
   * themselves), 1 = table cells carry `tabindex` (the template before), 0 = older. Stale copies of renamed
   * pages keep the framework of the day they were left behind; merge.ts uses this to tell which is current.
   */
  generation: 0 | 1 | 2;
  actions: ActionRecord[];
  resourceTypes: ResourceTypeRecord[];
  conditionKeys: ConditionKeyRecord[];
  /** "SCENARIO:" rows seen (ec2:RunInstances etc.): alternative resource sets, not stored (see docs). */
  scenarioRows: number;
  warnings: string[];
}

export interface SkippedPage {
  file: string;
  reason: string;
}

export type PageResult = { ok: true; page: ParsedPage } | { ok: false; skipped: SkippedPage };

const hasHeader = (t: Table, text: string) => t.headers.some((h) => h.includes(text));
const hasExactHeader = (t: Table, text: string) => t.headers.includes(text);

/** Upserts by name: a repeated name keeps its first position and takes the later value (as a dict would). */
function upsert<T>(map: Map<string, T>, key: string, value: T): void {
  map.set(key, value);
}

function parseAccessLevel(text: string): AccessLevel | undefined {
  const lower = text.toLowerCase();
  return ACCESS_LEVELS.find((l) => l.toLowerCase() === lower);
}

/** `Service:Action` with the service part in lower case, as policies spell it. */
function normaliseDependentAction(text: string): string {
  const colon = text.indexOf(':');
  return colon < 0 ? text : text.slice(0, colon).toLowerCase() + text.slice(colon);
}

function resourceRow(cells: Cell[]): ActionResourceType {
  const [typeCell, keysCell, depsCell] = cells;
  let resourceType = typeCell.text;
  const required = resourceType.includes('*');
  if (required) resourceType = resourceType.replace(/^\*+|\*+$/g, '');
  return {
    resourceType,
    required,
    conditionKeys: keysCell.paragraphs,
    dependentActions: depsCell.paragraphs.map(normaliseDependentAction),
  };
}

/** The action's name and API link: the last `<a href>` in the first cell, else the cell's text. */
function actionName(cell: Cell): { name: string; link: string } {
  let name = '';
  let link = '';
  for (const a of cell.anchors) {
    if (a.href === null) {
      link = '';
      continue;
    }
    link = a.href;
    name = a.text;
  }
  if (name === '') name = cell.text;
  // "Name [permission only]" when the marker sits inside the cell's own text.
  if (name.includes('[permission only]')) name = name.split(' ')[0];
  return { name, link };
}

function readActions(table: Table, file: string, out: Map<string, ActionRecord>, page: ParsedPage): void {
  const rows = table.rows;
  let i = 0;
  while (i < rows.length) {
    const cells = rows[i];
    if (cells.length !== 6) {
      page.warnings.push(
        `${file}: actions table row ${i + 1} has ${cells.length} cells, expected 6; skipped`,
      );
      i++;
      continue;
    }
    if (page.generation === 0 && cells.some((c) => c.tabindex)) page.generation = 1;
    const { name, link } = actionName(cells[0]);
    const levelText = cells[2].text;
    const accessLevel = parseAccessLevel(levelText);
    const span = cells[0].rowspan;
    const rts = new Map<string, ActionResourceType>();
    const first = resourceRow(cells.slice(3));
    upsert(rts, first.resourceType, first);
    for (let k = 1; k < span && i + k < rows.length; k++) {
      const r = rows[i + k];
      if (r.length === 3) {
        const rt = resourceRow(r);
        upsert(rts, rt.resourceType, rt);
      } else if (r[0]?.text.startsWith('SCENARIO:')) {
        page.scenarioRows++;
      } else {
        page.warnings.push(`${file}: ${name}: row with ${r.length} cells inside the action's rows; skipped`);
      }
    }
    i += Math.max(span, 1);
    if (!accessLevel) {
      page.warnings.push(`${file}: ${name}: unknown access level '${levelText}'; action skipped`);
      continue;
    }
    // An action without a resource type has one row whose type is '' (it may carry condition keys).
    upsert(out, name, {
      name,
      description: cells[1].text,
      accessLevel,
      apiDocumentationLink: link,
      resourceTypes: [...rts.values()],
    });
  }
}

function readResourceTypes(
  table: Table,
  file: string,
  out: Map<string, ResourceTypeRecord>,
  page: ParsedPage,
) {
  for (const [i, cells] of table.rows.entries()) {
    if (cells.length !== 3) {
      page.warnings.push(
        `${file}: resource types table row ${i + 1} has ${cells.length} cells, expected 3; skipped`,
      );
      continue;
    }
    const name = cells[0].text;
    upsert(out, name, { name, arn: noWhiteSpace(cells[1].text), conditionKeys: cells[2].paragraphs });
  }
}

function readConditionKeys(
  table: Table,
  file: string,
  out: Map<string, ConditionKeyRecord>,
  page: ParsedPage,
) {
  for (const [i, cells] of table.rows.entries()) {
    if (cells.length !== 3) {
      page.warnings.push(
        `${file}: condition keys table row ${i + 1} has ${cells.length} cells, expected 3; skipped`,
      );
      continue;
    }
    const name = noWhiteSpace(cells[0].text);
    upsert(out, name, { name, description: cells[1].text, type: cells[2].text });
  }
}

/** The service name from the topic title "Actions, resources, and condition keys for X". */
function serviceNameOf(topicTitle: string): string {
  return chomp(topicTitle.replace(/^.*Actions, resources, and condition keys for */i, ''));
}

export function parsePage(file: string, html: string): PageResult {
  const doc = readPageHtml(html);
  if (doc.topicTitle === null) {
    const heading = doc.firstHeading ?? doc.title;
    const reason =
      /moved/i.test(heading) || /^30\d\b/.test(doc.title)
        ? `stub page ("${heading || doc.title}"), no service tables`
        : `no service title (h1.topictitle in #main-content)${heading ? `; first heading "${heading}"` : ''}`;
    return { ok: false, skipped: { file, reason } };
  }
  if (!doc.prefix) return { ok: false, skipped: { file, reason: 'no service prefix found after the title' } };
  const page: ParsedPage = {
    file,
    serviceName: serviceNameOf(doc.topicTitle),
    prefix: doc.prefix,
    url: AUTHORIZATION_BASE_URL + file,
    canonical: doc.canonical,
    generation: doc.markdownLink ? 2 : 0,
    actions: [],
    resourceTypes: [],
    conditionKeys: [],
    scenarioRows: 0,
    warnings: [],
  };
  const actions = new Map<string, ActionRecord>();
  const resources = new Map<string, ResourceTypeRecord>();
  const conditions = new Map<string, ConditionKeyRecord>();
  let actionTables = 0;
  for (const t of doc.tables) {
    if (hasHeader(t, 'actions') && hasHeader(t, 'description')) {
      actionTables++;
      readActions(t, file, actions, page);
    } else if (hasHeader(t, 'resource types') && hasHeader(t, 'arn')) {
      readResourceTypes(t, file, resources, page);
    } else if (hasExactHeader(t, 'condition keys') && hasExactHeader(t, 'type')) {
      readConditionKeys(t, file, conditions, page);
    }
  }
  if (actionTables === 0)
    page.warnings.push(`${file}: no actions table (service ${page.prefix} has no actions here)`);
  page.actions = [...actions.values()];
  page.resourceTypes = [...resources.values()];
  page.conditionKeys = [...conditions.values()];
  return { ok: true, page };
}
