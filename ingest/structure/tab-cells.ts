/**
 * The cells of a tab row with their places in the document: what the table
 * readers (tasks, indicators) need to point a span at the cell's own text.
 */

export interface TabCell {
  /** The cell's text without the spaces around it. */
  readonly text: string;
  /** Offsets of that text in the document. */
  readonly start: number;
  readonly end: number;
}

/** The cells of `text`, a line starting at offset `start`, split at its tabs. */
export function tabCells(text: string, start: number): TabCell[] {
  const cells: TabCell[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i += 1) {
    if (i < text.length && text[i] !== '\t') continue;
    const raw = text.slice(from, i);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    cells.push({ text: trimmed, start: start + from + lead, end: start + from + lead + trimmed.length });
    from = i + 1;
  }
  return cells;
}
