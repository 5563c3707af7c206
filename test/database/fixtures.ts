/**
 * Small Service Authorization Reference pages for parser tests, in the structure of AWS's pages
 * (main-content, h1.topictitle, prefix paragraph, three tables with rowspan).
 */
export interface FixtureAction {
  name: string;
  link?: string;
  description?: string;
  level: string;
  /** Rows: [resource type (with * when required), condition keys, dependent actions]. */
  rows: [string, string[], string[]][];
  /** Extra rows inside the action's rowspan that are SCENARIO rows (5 cells). */
  scenarios?: string[];
  /** Use the older template (no tabindex on cells). */
  old?: boolean;
}

const ps = (items: string[]) => items.map((i) => `<p>\n <a href="#x">\n  ${i}\n </a>\n</p>`).join('\n');

function actionRows(a: FixtureAction): string {
  const span = a.rows.length + (a.scenarios?.length ?? 0);
  const ti = a.old ? '' : ' tabindex="-1"';
  const nameCell = a.link
    ? `<a id="svc-${a.name}"></a><a href="${a.link}">\n ${a.name}\n</a>`
    : `${a.name} [permission only]`;
  const out: string[] = [];
  a.rows.forEach(([rt, keys, deps], i) => {
    const head =
      i === 0
        ? `<td rowspan="${span}"${ti}>${nameCell}</td><td rowspan="${a.rows.length}"${ti}>\n ${a.description ?? 'Grants permission to ' + a.name}\n</td><td rowspan="${a.rows.length}"${ti}>\n ${a.level}\n</td>`
        : '';
    out.push(
      `<tr>${head}<td${ti}>${rt ? ps([rt]) : ''}</td><td${ti}>${ps(keys)}</td><td${ti}>${ps(deps)}</td></tr>`,
    );
  });
  for (const s of a.scenarios ?? []) {
    out.push(
      `<tr><td${ti}><p><b>SCENARIO:</b> ${s}</p></td><td${ti}></td><td${ti}>${ps(['thing*'])}</td><td${ti}></td><td${ti}></td></tr>`,
    );
  }
  return out.join('\n');
}

export interface FixturePage {
  service: string;
  prefix: string;
  actions: FixtureAction[];
  resources?: [string, string, string[]][];
  conditions?: [string, string, string][];
  /** Leave out every table. */
  noTables?: boolean;
  /** Link to a markdown version of the page, as AWS's current pages do. */
  markdown?: boolean;
}

export function servicePage(p: FixturePage): string {
  const tables = p.noTables
    ? ''
    : `<div class="table-contents"><table><thead><tr><th>Actions</th><th>Description</th><th>Access level</th>
<th>Resource types (*required)</th><th>Condition keys</th><th>Dependent actions</th></tr></thead>
${p.actions.map(actionRows).join('\n')}
</table></div>
<div class="table-contents"><table><thead><tr><th>Resource types</th><th>ARN</th><th>Condition keys</th></tr></thead>
${(p.resources ?? []).map(([n, arn, keys]) => `<tr><td>${n}</td><td><code>${arn}</code></td><td>${ps(keys)}</td></tr>`).join('\n')}
</table></div>
<div class="table-contents"><table><thead><tr><th>Condition keys</th><th>Description</th><th>Type</th></tr></thead>
${(p.conditions ?? []).map(([n, d, t]) => `<tr><td><a id="k"></a><p>${n}</p></td><td>${d}</td><td>${t}</td></tr>`).join('\n')}
</table></div>`;
  return `<!DOCTYPE html><html><head><title>Actions, resources, and condition keys for ${p.service}</title>
<link href="https://docs.aws.amazon.com/service-authorization/latest/reference/x.html" rel="canonical"/></head>
<body><div id="main-content"><div id="main-col-body">
${p.markdown ? '<p><a href="list_x.md">View a markdown version of this page</a></p>' : ''}
<h1 class="topictitle">Actions, resources, and condition keys for ${p.service}</h1>
<p>${p.service} (service prefix: <code class="code">${p.prefix}</code>) provides the following resources.</p>
${tables}
</div></div>
<table><tr><td>footer table outside the main content</td></tr></table>
</body></html>`;
}

export const STUB_PAGE = `<html><head><title>301 Moved Permanently</title></head><body><h1>Moved Permanently</h1>
<p>The document has moved <a href="https://docs.aws.amazon.com/iot/">here</a>.</p></body></html>`;
