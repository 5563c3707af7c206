/** The page's one stylesheet, inlined so the file opens offline. Colours per risk level are shared by charts. */
import type { RiskLevel } from '../risk-report.js';

export const LEVEL_COLOR: Readonly<Record<RiskLevel | 'none', string>> = {
  critical: '#b42318',
  high: '#e8590c',
  medium: '#d4a10a',
  low: '#3b7dd8',
  none: '#9aa4b2',
};

const levelRules = Object.entries(LEVEL_COLOR)
  .map(
    ([level, color]) =>
      `.fill-${level}{fill:${color}}.badge-${level}{background:${color}}.bar-${level}{background:${color}}`,
  )
  .join('\n');

export const STYLES = `
:root{--ink:#1d2330;--muted:#5b6474;--line:#e3e7ee;--bg:#f5f7fa;--card:#fff;--accent:#2a4d8f}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
header.top{background:#1f2a44;color:#fff;padding:20px 32px 16px}
header.top h1{margin:0 0 4px;font-size:22px;font-weight:600;overflow-wrap:anywhere}
header.top .meta{color:#c9d3e6;font-size:13px}
header.top .meta span+span::before{content:" · "}
nav{display:flex;gap:18px;margin-top:12px;font-size:13px}
nav a{color:#fff;text-decoration:none;border-bottom:2px solid transparent}
nav a:hover{border-color:#fff}
main{max-width:1280px;margin:0 auto;padding:20px 32px 48px}
section{margin-top:28px}
h2{font-size:18px;margin:0 0 12px;font-weight:600}
h3{font-size:14px;margin:0 0 8px;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(118px,1fr));gap:12px}
.card{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:12px 16px}
.card .n{font-size:26px;font-weight:650;line-height:1.2}
.card .l{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card.critical{border-top:4px solid ${LEVEL_COLOR.critical}}
.card.high{border-top:4px solid ${LEVEL_COLOR.high}}
.card.medium{border-top:4px solid ${LEVEL_COLOR.medium}}
.card.low{border-top:4px solid ${LEVEL_COLOR.low}}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:12px;margin-top:12px}
.chart{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:14px 16px}
.chart svg{display:block;width:100%;height:auto}
.chart text{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;fill:var(--ink)}
.chart text.v{fill:var(--muted)}
.chart .note{color:var(--muted);font-size:12px;margin:6px 0 0}
.legend{display:flex;flex-wrap:wrap;gap:12px;font-size:12px;color:var(--muted);margin-top:6px}
.legend i{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:4px;vertical-align:-1px}
table{width:100%;border-collapse:collapse;background:var(--card);border:1px solid var(--line);border-radius:8px;overflow:hidden}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#eef1f6;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);font-weight:600}
td.res{min-width:200px;max-width:320px}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr:target{background:#fff7d6}
.badge{display:inline-block;color:#fff;border-radius:10px;padding:1px 8px;font-size:11px;font-weight:600;text-transform:uppercase;letter-spacing:.03em;white-space:nowrap}
.badge-none{color:#fff}
.tag{display:inline-block;border:1px solid var(--line);border-radius:4px;padding:0 6px;font-size:11px;color:var(--muted);white-space:nowrap;margin-right:4px}
.tag.warn{border-color:#e8b100;color:#7a5a00;background:#fff8db}
.tag.ok{border-color:#9bd3ae;color:#1e6b3a;background:#effaf3}
.arn{color:var(--muted);font-size:12px;overflow-wrap:anywhere}
code,pre{font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
code{overflow-wrap:anywhere}
pre{background:#0f172a;color:#e2e8f0;padding:10px 12px;border-radius:6px;overflow:auto;max-height:420px;margin:6px 0 10px}
pre .omit{color:#94a3b8;font-style:italic}
pre mark{background:#fde68a;color:#111;border-radius:2px;padding:0 1px}
details>summary{cursor:pointer}
details.finding>summary{list-style-position:outside;margin-left:14px}
details.finding[open]>summary{margin-bottom:8px}
.detail{border-left:3px solid var(--line);padding:4px 0 4px 12px;margin:4px 0}
.detail dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0 0 8px}
.detail dt{color:var(--muted)}
.detail dd{margin:0;overflow-wrap:anywhere}
.evidence h4{margin:10px 0 2px;font-size:13px;font-weight:600;overflow-wrap:anywhere}
.missing code{background:#fff1f0;color:#9f1c12;border-radius:3px;padding:0 3px}
.access{display:flex;align-items:center;gap:8px;white-space:nowrap}.access .t{color:var(--muted);font-size:12px;font-variant-numeric:tabular-nums}
.accessbar{display:flex;height:10px;width:140px;flex:none;border-radius:3px;overflow:hidden;background:#eef1f6}
.accessbar span{display:block;height:100%}
.more>summary{margin:8px 0;color:var(--accent);font-weight:600}
a{color:var(--accent)}
ul.plain{margin:0;padding-left:18px}
.errors li{color:#9f1c12}
.empty{color:var(--muted);font-style:italic}
footer{color:var(--muted);font-size:12px;text-align:center;padding:16px}
@media print{body{background:#fff}header.top{background:#fff;color:var(--ink);border-bottom:2px solid var(--ink)}header.top .meta{color:var(--muted)}nav{display:none}pre{max-height:none;white-space:pre-wrap}.card,.chart,table{break-inside:avoid}}
${levelRules}
`;
