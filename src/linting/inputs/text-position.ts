/** Lines and columns of character offsets in one text, counted from 1 as editors and SARIF do. */

export interface Position {
  line: number;
  column: number;
}

export class LineIndex {
  private starts?: number[];

  constructor(private readonly text: string) {}

  /** Line and column of `offset` (columns in UTF-16 code units, SARIF's default). */
  position(offset: number): Position {
    // Built on first use: most files have no finding and never need it.
    const starts = (this.starts ??= lineStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo] + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
