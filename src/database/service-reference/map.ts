/** A Service Reference document as a ServiceRecord, and completing it from the HTML pages' record. */
import type { AccessLevel, ActionRecord, ActionResourceType, ServiceRecord } from '../types.js';
import type { ServiceReferenceDocument, SrAction } from './format.js';

/** The access level the annotations describe; the most powerful flag wins, as on the HTML pages. */
export function accessLevelOf(action: SrAction): AccessLevel {
  const p = action.Annotations?.Properties ?? {};
  if (p.IsPermissionManagement) return 'Permissions management';
  if (p.IsTaggingOnly) return 'Tagging';
  if (p.IsWrite) return 'Write';
  if (p.IsList) return 'List';
  return 'Read';
}

/** Thrown for a document that is not a Service Reference document; the message names what is wrong. */
export class ServiceReferenceFormatError extends Error {}

/**
 * Maps one document. What it lacks stays empty: descriptions, documentation links, dependent actions, and
 * the required flags (every resource row is `required: false` — the JSON does not say).
 */
export function recordFromServiceReference(doc: ServiceReferenceDocument, url: string): ServiceRecord {
  if (!doc || typeof doc !== 'object' || typeof doc.Name !== 'string' || !Array.isArray(doc.Actions)) {
    throw new ServiceReferenceFormatError('not a Service Reference document (no Name or Actions)');
  }
  const prefix = doc.Name;
  const actions: ActionRecord[] = doc.Actions.map((a) => {
    const rows: ActionResourceType[] = (a.Resources ?? []).map((r) => ({
      resourceType: r.Name,
      required: false,
      conditionKeys: [],
      dependentActions: [],
    }));
    if (a.ActionConditionKeys?.length) {
      rows.push({
        resourceType: '',
        required: false,
        conditionKeys: [...a.ActionConditionKeys],
        dependentActions: [],
      });
    }
    return {
      name: a.Name,
      description: '',
      accessLevel: accessLevelOf(a),
      apiDocumentationLink: '',
      resourceTypes: rows,
    };
  });
  const record: ServiceRecord = {
    prefix,
    name: prefix,
    authorizationUrl: url,
    actions,
    resourceTypes: (doc.Resources ?? []).map((r) => ({
      name: r.Name,
      // Several formats are rare; the first is the canonical one, as the HTML table shows.
      arn: r.ARNFormats?.[0] ?? '',
      conditionKeys: [...(r.ConditionKeys ?? [])],
    })),
    conditionKeys: (doc.ConditionKeys ?? []).map((c) => ({
      name: c.Name,
      description: '',
      type: c.Types?.[0] ?? '',
    })),
  };
  if (doc.Operations) {
    record.operations = doc.Operations.map((o) => ({
      name: o.Name,
      actions: (o.AuthorizedActions ?? []).map((x) => `${x.Service}:${x.Name}`),
    }));
  }
  return record;
}

const byLower = <T extends { name: string }>(xs: readonly T[]) =>
  new Map(xs.map((x) => [x.name.toLowerCase(), x]));

/**
 * Completes a Service Reference record with the HTML pages' record of the same prefix. Everything the HTML
 * states is kept as the HTML states it (names, descriptions, access levels after the overrides, resource
 * rows with their required flags and keys, dependent actions, ARNs); the Service Reference adds the
 * operations, and the actions, resource types and condition keys the pages do not list yet (it is updated
 * within a day, the pages less often). Differences in access level are returned for the report.
 */
export function completeFromHtml(
  sr: ServiceRecord,
  html: ServiceRecord,
): { record: ServiceRecord; accessLevelDisagreements: string[] } {
  const disagreements: string[] = [];
  const htmlActions = byLower(html.actions);
  for (const a of sr.actions) {
    const h = htmlActions.get(a.name.toLowerCase());
    if (h && h.accessLevel !== a.accessLevel) {
      disagreements.push(
        `${html.prefix}:${h.name} (pages: ${h.accessLevel}, Service Reference: ${a.accessLevel})`,
      );
    }
  }
  const missing = <T extends { name: string }>(have: readonly T[], extra: readonly T[]) => {
    const known = byLower(have);
    return extra.filter((x) => !known.has(x.name.toLowerCase()));
  };
  const record: ServiceRecord = {
    ...html,
    actions: [...html.actions, ...missing(html.actions, sr.actions)],
    resourceTypes: [...html.resourceTypes, ...missing(html.resourceTypes, sr.resourceTypes)],
    conditionKeys: [...html.conditionKeys, ...missing(html.conditionKeys, sr.conditionKeys)],
  };
  if (sr.operations) record.operations = sr.operations;
  return { record, accessLevelDisagreements: disagreements };
}

/** Merges by prefix: services only one source has are kept as that source has them. */
export function mergeSources(
  srRecords: readonly ServiceRecord[],
  htmlRecords: readonly ServiceRecord[],
): { records: ServiceRecord[]; notes: string[] } {
  const html = new Map(htmlRecords.map((r) => [r.prefix.toLowerCase(), r]));
  const notes: string[] = [];
  const records: ServiceRecord[] = [];
  for (const sr of srRecords) {
    const h = html.get(sr.prefix.toLowerCase());
    if (!h) {
      records.push(sr);
      notes.push(`${sr.prefix}: only in the Service Reference (no descriptions or required flags)`);
      continue;
    }
    html.delete(sr.prefix.toLowerCase());
    const { record, accessLevelDisagreements } = completeFromHtml(sr, h);
    records.push(record);
    for (const d of accessLevelDisagreements)
      notes.push(`access levels differ: ${d}; the pages' level is kept`);
  }
  for (const h of html.values()) {
    records.push(h);
    notes.push(`${h.prefix}: only on the pages (no operations)`);
  }
  return { records, notes };
}
