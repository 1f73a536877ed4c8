/**
 * Structure of a 政府工作报告: its parts and sections, the sentences that state the
 * year's targets and last year's results, and its glossary.
 */

import type { FigureSentence, GlossaryTerm, Section } from '../model.ts';
import { findFigureSentences } from './figure-sentences.ts';
import { indicatorTableFigures } from './indicator-table.ts';
import { findGlossaryRegion, parseGlossary } from './glossary.ts';
import { type Heading, type Outline, headingExtent, outline } from './outline.ts';

export interface WorkReportStructure {
  sections: Section[];
  figures: FigureSentence[];
  glossary: GlossaryTerm[];
}

/**
 * Parts (level 1) and the sections below them (level 2). Ordinals follow the
 * printed numbers where they are usable and count on where they are not (a
 * repeated or missing number, an unnumbered heading), restarting within each part.
 */
function sectionsOf(headings: readonly Heading[], textLength: number): Section[] {
  const sections: Section[] = [];
  let partTitle: string | null = null;
  let lastPartOrdinal = 0;
  let lastSectionOrdinal = 0;
  headings.forEach((heading, index) => {
    if (heading.level > 2) return;
    const span = headingExtent(headings, index, textLength);
    const next = (last: number): number =>
      heading.number !== null && heading.number > last ? heading.number : last + 1;
    if (heading.level === 1) {
      lastPartOrdinal = next(lastPartOrdinal);
      lastSectionOrdinal = 0;
      partTitle = heading.title;
      sections.push({ ordinal: lastPartOrdinal, title: heading.title, part: null, span });
    } else {
      lastSectionOrdinal = next(lastSectionOrdinal);
      sections.push({ ordinal: lastSectionOrdinal, title: heading.title, part: partTitle, span });
    }
  });
  return sections;
}

/**
 * @param year the year the report plans for (given by the classifier); the review
 *   it contains reports on `year - 1`.
 * @param structure the text's outline when the caller has already built it.
 */
export function structureWorkReport(text: string, year: number, structure: Outline = outline(text)): WorkReportStructure {
  const glossaryRegion = findGlossaryRegion(text, structure.headings);
  const bodyEnd = glossaryRegion ? (glossaryRegion.heading?.start ?? glossaryRegion.region.start) : text.length;
  return {
    sections: sectionsOf(structure.headings, text.length),
    figures: figuresOf(text, structure, year, bodyEnd),
    glossary: parseGlossary(text, glossaryRegion),
  };
}

/** Figures of the report's sentences and of its indicator tables, in document order; a table's lines are read only as a table. */
function figuresOf(text: string, structure: Outline, year: number, bodyEnd: number): FigureSentence[] {
  const tables = indicatorTableFigures(text.slice(0, bodyEnd), year);
  const sentences = findFigureSentences(text, structure, year, bodyEnd).filter((sentence) => !tables.spans.some((span) => sentence.span.start >= span.start && sentence.span.end <= span.end));
  return [...sentences, ...tables.figures].sort((a, b) => a.span.start - b.span.start);
}
