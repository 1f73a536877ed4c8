import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bagOf,
  contentTokens,
  cosineSimilarity,
  dot,
  textSimilarity,
  tfidfVector,
  weightedJaccard,
} from '../../ingest/link/similarity.ts';
import { StringVocabulary } from './helpers/string-vocabulary.ts';
import { parseWordList } from '../../ingest/extract/gazetteer.ts';

const words = (text: string): string[] => text.split(/\s+/).filter((token) => token !== '');
const noStopwords = { stopwords: new Set<string>() };

describe('contentTokens', () => {
  it('drops stop words, ignored names, punctuation, numbers and single characters', () => {
    const tokens = ['加快', '建设', '，', '4000', '5G', '的', '市工业和信息化局', '螺蛳粉', '“'];
    expect(contentTokens(tokens, { stopwords: new Set(['加快']), ignore: new Set(['市工业和信息化局']) })).toEqual([
      '建设',
      '5G',
      '螺蛳粉',
    ]);
  });
});

describe('weightedJaccard and cosineSimilarity', () => {
  it('score shared tokens, weighted', () => {
    const a = bagOf(['汽车', '产业', '产业']);
    const b = bagOf(['汽车', '产业', '钢铁']);
    expect(weightedJaccard(a, b)).toBeCloseTo(2 / 4);
    expect(weightedJaccard(a, b, (token) => (token === '汽车' ? 3 : 1))).toBeCloseTo(4 / 6);
    expect(cosineSimilarity(a, b)).toBeCloseTo(3 / (Math.sqrt(5) * Math.sqrt(3)));
    expect(weightedJaccard(a, bagOf(['农业']))).toBe(0);
    expect(weightedJaccard(bagOf([]), bagOf([]))).toBe(0);
  });

  it('textSimilarity removes stop words before comparing', () => {
    const filter = { stopwords: new Set(parseWordList('# comment\n加快\n推进\n')) };
    expect(textSimilarity('加快 螺蛳粉 产业', '推进 螺蛳粉 产业', words, filter)).toBe(1);
    expect(textSimilarity('加快 螺蛳粉 产业', '加快 钢铁 产业', words, filter)).toBeCloseTo(1 / 3);
  });
});

describe('TF-IDF vectors', () => {
  it('are unit length, so that dot is cosine, and weigh rare tokens more', () => {
    const vocabulary = new StringVocabulary();
    const a = vocabulary.addDocument(['产业', '螺蛳粉']);
    const b = vocabulary.addDocument(['产业', '钢铁']);
    vocabulary.addDocument(['产业', '汽车']);
    const idf = (id: number): number => vocabulary.idf(id);
    const va = tfidfVector(a, idf);
    const vb = tfidfVector(b, idf);
    expect(dot(va, va)).toBeCloseTo(1);
    expect(dot(va, vb)).toBeGreaterThan(0);
    expect(dot(va, vb)).toBeLessThan(0.5);
    expect(vocabulary.idf(a[1] ?? -1)).toBeGreaterThan(vocabulary.idf(a[0] ?? -1));
  });
});

describe('similarity properties', () => {
  const token = fc.constantFrom('汽车', '产业', '钢铁', '螺蛳粉', '农业', '园区', '项目', '创新');
  const tokens = fc.array(token, { minLength: 0, maxLength: 12 });
  const nonEmpty = fc.array(token, { minLength: 1, maxLength: 12 });

  it('weighted Jaccard and cosine are symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        for (const measure of [weightedJaccard, cosineSimilarity]) {
          const ab = measure(bagOf(a), bagOf(b));
          expect(ab).toBeCloseTo(measure(bagOf(b), bagOf(a)), 12);
          expect(ab).toBeGreaterThanOrEqual(0);
          expect(ab).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('identical texts score 1', () => {
    fc.assert(
      fc.property(nonEmpty, (list) => {
        const text = list.join(' ');
        expect(textSimilarity(text, text, words, noStopwords)).toBe(1);
        expect(cosineSimilarity(bagOf(list), bagOf(list))).toBeCloseTo(1, 12);
      }),
    );
  });

  it('textSimilarity is symmetric and within [0, 1] for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const ab = textSimilarity(a, b, words, noStopwords);
        expect(ab).toBe(textSimilarity(b, a, words, noStopwords));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
      }),
    );
  });
});
