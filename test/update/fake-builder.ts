/**
 * A deliberately crude stand-in for the real builder, so that the updater's own behaviour (downloads,
 * validation, atomic install) is tested without depending on the HTML parser: one record per page, with
 * the page's prefix and the first cell of each action row. Pages with tables but no prefix fail to parse.
 */
import type { Builder } from '../../src/database/update/builder.js';
import type { ServiceRecord } from '../../src/database/types.js';
import { countRecords } from '../../src/database/database.js';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export const fakeBuilder: Builder = (pages, options) => {
  const records: ServiceRecord[] = [];
  const parseFailures: { name: string; reason: string }[] = [];
  const notes: string[] = [];
  for (const { name, html } of pages) {
    if (!/<table/i.test(html)) {
      notes.push(`${name}: skipped (no tables)`);
      continue;
    }
    const prefix = /service prefix:\s*<code[^>]*>\s*([\w-]+)/.exec(html)?.[1];
    if (!prefix) {
      parseFailures.push({ name, reason: 'no service prefix' });
      continue;
    }
    const actionsTable = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
    const actions = [...actionsTable.matchAll(/<tr>\s*<td>([\s\S]*?)<\/td>/g)].map((m) => ({
      name: text(m[1] as string).replace(/\s*\[permission only\]/, ''),
      description: '',
      accessLevel: 'Read' as const,
      apiDocumentationLink: '',
      resourceTypes: [],
    }));
    records.push({
      prefix,
      name: prefix,
      authorizationUrl: name,
      actions,
      resourceTypes: [],
      conditionKeys: [],
    });
  }
  const meta = {
    schemaVersion: '1',
    ...(options.buildDate ? { buildDate: options.buildDate } : {}),
    ...(options.builtFrom ? { builtFrom: options.builtFrom } : {}),
    overridesApplied: [],
    counts: countRecords(records),
  };
  return { records, meta, parseFailures, notes };
};
