/**
 * Table-of-contents lines of a bulletin: `题名……柳政发〔2024〕3号（3）`.
 * The cleaner removes the table of contents (it is not a document); the
 * splitter reads the removed entries back to name documents whose title line
 * the source lost.
 */

export interface ContentsEntry {
  readonly title: string;
  readonly docNo: string | null;
  readonly page: number;
}

/** `目录` / `目 录` / `目次` on a line of its own. */
export const CONTENTS_HEADING = /^目\s*[录錄次]$/;

/** Longer lines are prose, never a contents entry; the bound also keeps the regex cheap. */
const MAX_ENTRY_LENGTH = 200;
const ENTRY =
  /^(?<title>\S.*?)(?:\s*[.．·…]{2,}\s*|\t+|\s{2,}|\s+(?=[\u3400-\u9fff]{1,12}〔))(?<docNo>[\u3400-\u9fff]{1,12}〔\d{4}〕\d{1,5}号)?\s*[（(]?(?<page>\d{1,4})[）)]?$/u;

export function parseContentsEntry(line: string): ContentsEntry | null {
  if (line.length > MAX_ENTRY_LENGTH) return null;
  const match = ENTRY.exec(line.trim());
  const groups = match?.groups;
  if (!groups?.title || !groups.page) return null;
  return {
    title: groups.title.replace(/[.．·…\s]+$/u, ''),
    docNo: groups.docNo ?? null,
    page: Number(groups.page),
  };
}
