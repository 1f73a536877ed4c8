import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { exactLog } from '../../ingest/segment/exact-log.ts';
import { PreciseSegmenter } from '../../ingest/segment/precise-cut.ts';
import { WordTrie } from '../../ingest/segment/word-trie.ts';
import { createNativeTokeniser, createTokeniser } from '../../ingest/tokenise.ts';

const CORPUS = fileURLToPath(new URL('../../data/corpus/', import.meta.url));
const seedLines = fs
  .readdirSync(CORPUS)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .flatMap((name) => fs.readFileSync(path.join(CORPUS, name), 'utf8').split(/(?<=\n)/));

/** User words as the ingest inserts them: names that are already jieba words, names that are not, and names inside other words. */
function userWordsFrom(lines: readonly string[]): string[] {
  const words = ['市工业和信息化局', '上汽通用五菱', '柳东新区', '阳和工业新区', '工业', '信息', '和信'];
  lines.forEach((line, index) => {
    const text = line.replace(/\s/g, '');
    if (index % 7 === 0 && text.length > 12) words.push(text.slice(3, 3 + 2 + (index % 6)));
  });
  return words;
}

describe('PreciseSegmenter (jieba precise mode in TypeScript)', () => {
  it('cuts every line of the seed corpus exactly as nodejieba.cut does, with and without user words', { timeout: 120_000 }, () => {
    for (const words of [[], userWordsFrom(seedLines)]) {
      const native = createNativeTokeniser(words);
      const ours = createTokeniser(words);
      const differing = seedLines.filter((line) => JSON.stringify(ours.cut(line)) !== JSON.stringify(native.cut(line)));
      expect(differing.slice(0, 3)).toEqual([]);
    }
  });

  it('agrees with nodejieba on separators, ASCII, non-BMP characters, lone surrogates and long runs', { timeout: 60_000 }, () => {
    const native = createNativeTokeniser(['柳东新区']);
    const ours = createTokeniser(['柳东新区']);
    const texts = [
      '',
      ' ',
      '\t\n，。，',
      'AT&T和B超、c#与C#',
      '2024年GDP增长5.5%左右',
      '𠀀柳东新区😀的项目',
      '柳州\uD800市',
      '\uDC00',
      '工'.repeat(600),
      '柳东新区'.repeat(200),
      '市工业和信息化局牵头，市发展改革委配合。 完成时限：12月底',
    ];
    for (const text of texts) expect(ours.cut(text)).toEqual(native.cut(text));
  });

  it('agrees with nodejieba on any text made of the characters of government documents', { timeout: 120_000 }, () => {
    // Characters of the seeds (words, names, digits, punctuation, separators): texts nobody wrote, cut both ways.
    const alphabet = [...new Set([...seedLines.slice(0, 400).join('')])];
    const words = ['市工业和信息化局', '柳东新区', '工业', '和信'];
    const native = createNativeTokeniser(words);
    const ours = createTokeniser(words);
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 80 }), (text) => {
        expect(ours.cut(text)).toEqual(native.cut(text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('lets the last insertion of a word win and gives user words the median weight', () => {
    const segmenter = new PreciseSegmenter({ main: 'ab 10 n\na 1000 n\nb 1000 n\nc 1 n\n', user: '', source: 'test' }, ['bc']);
    // ab (10) loses to a + b (1000 each); bc takes the median weight (a's), which beats b + c.
    expect(segmenter.cut('abc')).toEqual(['a', 'bc']);
    expect(() => new PreciseSegmenter({ main: 'broken line\n', user: '', source: 'test.dict' }, [])).toThrow(/test\.dict/);
  });
});

describe('exactLog', () => {
  it('rounds ln to the nearest double where Math.log is one unit off', () => {
    // Values where V8's Math.log and the C library differ in the last place (jieba.dict.utf8 frequencies / their sum).
    const total = 60_101_983;
    expect(exactLog(131 / total)).toBe(-13.03635607076828);
    expect(exactLog(147 / total)).toBe(-12.921120807190695);
    expect(exactLog(1)).toBe(0);
    expect(exactLog(Math.E)).toBe(1);
    expect(exactLog(2)).toBe(Math.LN2);
  });
});

describe('WordTrie', () => {
  it('finds words by code point and grows past its first capacity', () => {
    const trie = new WordTrie(4);
    for (let index = 0; index < 5_000; index++) trie.insert(`词${index}`, index);
    trie.insert('𠀀a', -1);
    let node = trie.child(WordTrie.ROOT, '词'.codePointAt(0) ?? 0);
    for (const char of '4999') node = trie.child(node, char.codePointAt(0) ?? 0);
    expect(trie.weight(node)).toBe(4999);
    const prefix = trie.child(WordTrie.ROOT, '𠀀'.codePointAt(0) ?? 0);
    expect(Number.isNaN(trie.weight(prefix))).toBe(true);
    expect(trie.weight(trie.child(prefix, 97))).toBe(-1);
    expect(trie.child(WordTrie.ROOT, 98)).toBe(-1);
  });
});
