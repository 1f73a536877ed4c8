/**
 * clean: one file's decoded text → normalised text plus a record of what was
 * removed. Pure: the editable rule lists arrive as `CleanRules` (see
 * `../rules.ts`, which loads them from `data/rules/`).
 *
 * Steps, in order:
 *  0. the written form: an HTML page becomes text (table rows as tab rows),
 *     traditional characters become simplified, web-page furniture goes, and
 *     CSV, pipe and one-cell-per-line tables become tab rows;
 *  1. characters and punctuation (`normaliseLine`): odd spaces, full-width
 *     digits, half-width punctuation next to Chinese text, docNo brackets;
 *  2. noise strings and patterns from the rule list;
 *  3. a document body repeated in the same file (kept once);
 *  4. tables of contents (a bulletin's 目录 is not a document);
 *  5. page furniture: running headers and page numbers;
 *  6. lines a fixed-width (PDF) copy wrapped mid-sentence, and lines a page break cut (inside a sentence, an annotation or a word) are
 *     joined back;
 *  7. noise glued to a heading that the list does not name (a tail made of
 *     character pairs that occur nowhere else in the file), and footnote
 *     markers glued into words where the document holds their notes.
 *
 * Every step works line by line with bounded or linear regular expressions,
 * so a 10 MB single-line file costs linear time.
 */
import type { CleanedText, RemovedFragment } from '../model.ts';
import type { CleanRules } from './clean-rules.ts';
import { normaliseLine } from './characters.ts';
import { removeNoise } from './noise.ts';
import { removeRepeatedBlocks } from './repeated-bodies.ts';
import { removeTablesOfContents } from './tables-of-contents.ts';
import { removeInlinePageNumbers, removePageFurniture } from './page-furniture.ts';
import { rejoinUntilStable } from './rejoin.ts';
import { removeForeignHeadingTails } from './heading-tails.ts';
import { htmlToText } from './markup.ts';
import { joinHardWraps } from './hard-wraps.ts';
import { removeFootnoteMarkers } from './footnote-markers.ts';
import { csvTablesToTabs } from './csv-tables.ts';
import { simplifyScript } from './script.ts';
import { normaliseTables, spaceAlignedTablesToTabs } from './tables.ts';
import { removeWebFurniture } from './web-furniture.ts';

export { NO_CLEAN_RULES, type CleanRules } from './clean-rules.ts';
export { normaliseLine } from './characters.ts';

export function cleanText(input: { readonly path: string; readonly text: string }, rules: CleanRules): CleanedText {
  const removed: RemovedFragment[] = [];
  // A form feed is a page break: make it a blank line so the rejoin step sees it.
  const readable = removeInlinePageNumbers(simplifyScript(htmlToText(input.text)));
  const readableLines = spaceAlignedTablesToTabs(csvTablesToTabs(readable.replace(/\r\n?|\f/g, '\n').split('\n')));
  const lines = normaliseTables(removeWebFurniture(readableLines.map(normaliseLine), removed));
  // Removing noise can leave spaces or punctuation to normalise on the lines it touched.
  const denoised = removeNoise(lines, rules, removed).map((line, index) => (line === lines[index] ? line : normaliseLine(line)));
  const deduplicated = removeRepeatedBlocks(denoised, removed);
  const withoutFurniture = removePageFurniture(deduplicated, rules, removed);
  const withoutContents = removeTablesOfContents(withoutFurniture, removed);
  const rejoined = rejoinUntilStable(joinHardWraps(withoutContents));
  const withoutTails = removeFootnoteMarkers(removeForeignHeadingTails(rejoined, rules, removed), removed);
  return { path: input.path, text: collapseBlankLines(withoutTails.map(normaliseLine)), removed };
}

function collapseBlankLines(lines: readonly string[]): string {
  const output: string[] = [];
  for (const line of lines) {
    if (line.length === 0 && (output.length === 0 || output[output.length - 1] === '')) continue;
    output.push(line);
  }
  while (output.length > 0 && output[output.length - 1] === '') output.pop();
  return output.length === 0 ? '' : `${output.join('\n')}\n`;
}
