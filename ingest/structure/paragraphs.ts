/**
 * Prose paragraphs of any document, for full-text search and provenance. Headings,
 * the document's title line and table rows are not paragraphs.
 */

import type { Paragraph } from '../model.ts';
import { type Outline, outline } from './outline.ts';

/** `structure` is the text's outline when the caller has already built it. */
export function splitParagraphs(text: string, structure: Outline = outline(text)): Paragraph[] {
  const { headings, paragraphs } = structure;
  const titleAt = (index: number | null): string | null => (index === null ? null : (headings[index]?.title ?? null));
  return paragraphs.map((paragraph, index) => ({
    ordinal: index + 1,
    text: text.slice(paragraph.span.start, paragraph.span.end),
    span: paragraph.span,
    part: titleAt(paragraph.partIndex),
    section: titleAt(paragraph.sectionIndex),
  }));
}
