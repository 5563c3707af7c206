/**
 * One streaming pass over a Service Authorization Reference page (htmlparser2, no DOM): collects the
 * page title, the service prefix, the canonical URL and every table of the main content as rows of cells.
 * Interpreting the tables is left to page.ts; this file knows HTML, not IAM.
 */
import { Parser } from 'htmlparser2';

/** An `<a>` in a cell: `href` is null for bare anchors (`<a id="...">`). */
export interface Anchor {
  href: string | null;
  text: string;
}

export interface Cell {
  /** All text of the cell, whitespace collapsed. */
  text: string;
  /** Text of each `<p>` in the cell (whitespace collapsed), in order. */
  paragraphs: string[];
  anchors: Anchor[];
  rowspan: number;
  /** The cell carries a `tabindex` attribute: a mark of the current page template. */
  tabindex: boolean;
}

export interface Table {
  /** Header cell texts, whitespace collapsed, lower case. */
  headers: string[];
  /** Body rows (rows of `<td>` cells); header-only rows are left out. */
  rows: Cell[][];
}

export interface PageHtml {
  /** `<title>` text, whitespace collapsed. */
  title: string;
  /** Text of `h1.topictitle` inside `#main-content`, or null when there is none. */
  topicTitle: string | null;
  /** Text of the first `<h1>` anywhere (to name stub pages such as "Moved Permanently"). */
  firstHeading: string | null;
  /** The `<code>` of the first paragraph after the topic title that mentions the service prefix. */
  prefix: string | null;
  /** `<link rel="canonical">` href. */
  canonical: string | null;
  /** The page links to a markdown version of itself (`<a href="....md">`), as AWS's current pages do. */
  markdownLink: boolean;
  /** Tables inside `#main-content`, in page order. */
  tables: Table[];
}

/** Collapses all runs of white space to one space and trims, as the page's layout whitespace is noise. */
export function chomp(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(' ');
}

/** Removes all white space (ARN formats and condition key names are wrapped across lines on some pages). */
export function noWhiteSpace(text: string): string {
  return text.replace(/\s+/g, '');
}

interface OpenCell {
  text: string[];
  paragraphs: string[];
  paragraph: string[] | null;
  anchors: Anchor[];
  anchor: Anchor | null;
  anchorText: string[];
  rowspan: number;
  tabindex: boolean;
  header: boolean;
}

export function readPageHtml(html: string): PageHtml {
  const page: PageHtml = {
    markdownLink: false,
    title: '',
    topicTitle: null,
    firstHeading: null,
    prefix: null,
    canonical: null,
    tables: [],
  };
  // Depth of open elements, and the depth at which #main-content opened (-1: not inside it).
  let depth = 0;
  let mainDepth = -1;
  let titleText: string[] | null = null;
  let h1Text: string[] | null = null;
  let h1IsTopic = false;
  let prefixPara: { text: string[]; code: string[] | null; codeDone: boolean; depth: number } | null = null;
  let inCode = false;
  let table: Table | null = null;
  let tableDepth = 0;
  let row: Cell[] | null = null;
  let headerRow: string[] | null = null;
  let cell: OpenCell | null = null;

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        depth++;
        if (name === 'link' && attribs.rel === 'canonical' && page.canonical === null)
          page.canonical = attribs.href ?? null;
        if (name === 'title' && !page.title) titleText = [];
        if (name === 'a' && attribs.href?.endsWith('.md')) page.markdownLink = true;
        if (attribs.id === 'main-content' && mainDepth === -1) mainDepth = depth;
        if (name === 'h1') {
          h1Text = [];
          h1IsTopic = mainDepth >= 0 && (attribs.class ?? '').split(/\s+/).includes('topictitle');
        }
        if (name === 'table' && mainDepth >= 0) {
          // Nested tables are not expected; the outer table keeps collecting.
          tableDepth++;
          if (tableDepth === 1) table = { headers: [], rows: [] };
          return;
        }
        if (table) {
          if (name === 'tr') {
            row = [];
            headerRow = [];
          } else if ((name === 'td' || name === 'th') && row) {
            const span = Number.parseInt(attribs.rowspan ?? '1', 10);
            cell = {
              text: [],
              paragraphs: [],
              paragraph: null,
              anchors: [],
              anchor: null,
              anchorText: [],
              rowspan: Number.isFinite(span) && span > 0 ? span : 1,
              tabindex: 'tabindex' in attribs,
              header: name === 'th',
            };
          } else if (cell) {
            if (name === 'p') cell.paragraph = [];
            else if (name === 'a') {
              cell.anchor = { href: attribs.href ?? null, text: '' };
              cell.anchorText = [];
            }
          }
          return;
        }
        if (page.topicTitle !== null && page.prefix === null && name === 'p' && !prefixPara) {
          prefixPara = { text: [], code: null, codeDone: false, depth };
        } else if (prefixPara && name === 'code' && !prefixPara.codeDone && prefixPara.code === null) {
          prefixPara.code = [];
          inCode = true;
        }
      },
      ontext(data) {
        if (titleText) titleText.push(data);
        if (h1Text) h1Text.push(data);
        if (cell) {
          cell.text.push(data);
          if (cell.paragraph) cell.paragraph.push(data);
          if (cell.anchor) cell.anchorText.push(data);
          return;
        }
        if (prefixPara) {
          prefixPara.text.push(data);
          if (inCode && prefixPara.code) prefixPara.code.push(data);
        }
      },
      onclosetag(name) {
        if (name === 'title' && titleText) {
          page.title = chomp(titleText.join(''));
          titleText = null;
        } else if (name === 'h1' && h1Text) {
          const text = chomp(h1Text.join(''));
          if (page.firstHeading === null) page.firstHeading = text;
          if (h1IsTopic && page.topicTitle === null) page.topicTitle = text;
          h1Text = null;
        } else if (name === 'table' && tableDepth > 0) {
          tableDepth--;
          if (tableDepth === 0 && table) {
            page.tables.push(table);
            table = null;
          }
        } else if (table) {
          if (cell && (name === 'td' || name === 'th')) {
            if (cell.header) headerRow?.push(chomp(cell.text.join('')).toLowerCase());
            else
              row?.push({
                text: chomp(cell.text.join('')),
                paragraphs: cell.paragraphs,
                anchors: cell.anchors,
                rowspan: cell.rowspan,
                tabindex: cell.tabindex,
              });
            cell = null;
          } else if (cell && name === 'p' && cell.paragraph) {
            cell.paragraphs.push(chomp(cell.paragraph.join('')));
            cell.paragraph = null;
          } else if (cell && name === 'a' && cell.anchor) {
            cell.anchor.text = chomp(cell.anchorText.join(''));
            cell.anchors.push(cell.anchor);
            cell.anchor = null;
          } else if (name === 'tr' && row && table) {
            if (row.length > 0) table.rows.push(row);
            if (headerRow && headerRow.length > 0 && table.headers.length === 0) table.headers = headerRow;
            row = null;
            headerRow = null;
          }
        } else if (prefixPara) {
          if (name === 'code' && inCode) {
            inCode = false;
            prefixPara.codeDone = true;
          } else if (name === 'p' && depth === prefixPara.depth) {
            const text = prefixPara.text.join('');
            if (/prefix/.test(text) && prefixPara.code) page.prefix = chomp(prefixPara.code.join(''));
            prefixPara = null;
          }
        }
        if (depth === mainDepth) mainDepth = -2; // main content closed: later tables are not the page's
        depth--;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return page;
}
