/**
 * Step 7 of clean: noise glued to a heading that the list does not name (a
 * tail made of character pairs that occur nowhere else in the file).
 */
import type { RemovedFragment } from '../model.ts';
import type { CleanRules } from './clean-rules.ts';
import { isIdeograph } from './characters.ts';
import { SENTENCE_PUNCTUATION } from './line-kinds.ts';
import { PairCounts } from './pair-counts.ts';

/** Below this size a file has too little vocabulary to call anything foreign. */
const MIN_TEXT_FOR_VOCABULARY = 1000;
const MIN_FOREIGN_TAIL = 4;
const MAX_HEADING_LENGTH = 40;

/**
 * A heading such as `2016年工作回顾侯卫东官场笔记`: a part that ends like a
 * heading (…回顾, a word from `CleanRules.headingEndings`) followed by a tail
 * of Chinese characters whose every character pair, including the pair across
 * the cut, occurs nowhere else in the file. Such a tail was pasted in (a
 * scraper's advert, a novel's title) and is removed. The vocabulary test keeps
 * real headings (`2017年工作总体要求与目标`: 目标 occurs elsewhere) intact.
 */
export function removeForeignHeadingTails(lines: readonly string[], rules: CleanRules, removed: RemovedFragment[]): string[] {
  const text = lines.join('\n');
  if (text.length < MIN_TEXT_FOR_VOCABULARY || rules.headingEndings.length === 0) return [...lines];
  const pairs = new PairCounts(text);
  const lineCounts = new Map<string, number>();
  for (const line of lines) lineCounts.set(line, (lineCounts.get(line) ?? 0) + 1);
  return lines.map((line) => {
    if (line.length > MAX_HEADING_LENGTH || line.length < MIN_FOREIGN_TAIL + 2 || SENTENCE_PUNCTUATION.test(line) || line.includes('\t')) {
      return line;
    }
    // A pair is foreign when it occurs only in the copies of this very line.
    const copies = lineCounts.get(line) ?? 1;
    const foreign = (pair: string): boolean => pairs.of(pair) <= copies;
    // The shortest tail that qualifies: scan cut points from the right.
    for (let cut = line.length - MIN_FOREIGN_TAIL; cut >= 2; cut--) {
      const head = line.slice(0, cut);
      const tail = line.slice(cut);
      if (![...tail].every(isIdeograph)) break;
      if (!rules.headingEndings.some((ending) => head.endsWith(ending))) continue;
      let isForeign = foreign(line.slice(cut - 1, cut + 1));
      for (let index = 0; isForeign && index + 2 <= tail.length; index++) isForeign = foreign(tail.slice(index, index + 2));
      if (!isForeign) continue;
      removed.push({ reason: 'noise', text: tail });
      return head;
    }
    return line;
  });
}
