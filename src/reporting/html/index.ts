// The risk report as one self-contained HTML page.
export { renderRiskHtml, CONTENT_SECURITY_POLICY, type RiskHtmlOptions } from './page.js';
