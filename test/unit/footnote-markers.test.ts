import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { removeFootnoteMarkers } from '../../ingest/clean/footnote-markers.ts';
import type { RemovedFragment } from '../../ingest/model.ts';

describe('removeFootnoteMarkers', () => {
  it('removes a marker glued into a word where the document holds its note, and records it', () => {
    const removed: RemovedFragment[] = [];
    const lines = ['建设“三中心一基地”（1），规上工业（2）增加值增长7.9%。', '名词解释', '（1）三中心一基地：指……。', '（2）规上工业：指年主营业务收入2000万元及以上的工业企业。'];
    expect(removeFootnoteMarkers(lines, removed)[0]).toBe('建设“三中心一基地”，规上工业增加值增长7.9%。');
    expect(removed).toEqual([
      { reason: 'footnote-marker', text: '（1）' },
      { reason: 'footnote-marker', text: '（2）' },
    ]);
  });

  it('keeps numbering inside a sentence, and markers whose note the document lacks', () => {
    const lines = ['主要有：（1）推进甲；（2）推进乙。', '工业（3）增加值', '（1）甲：指……'];
    expect(removeFootnoteMarkers(lines, [])).toEqual(lines);
  });

  it('changes nothing in a document without notes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[工业增加值（）()\d，。]{0,20}$/u), { maxLength: 8 }), (lines) => {
        const withoutNotes = lines.filter((line) => !/^\s*[（(［[]\d/u.test(line));
        expect(removeFootnoteMarkers(withoutNotes, [])).toEqual(withoutNotes);
      }),
    );
  });
});
