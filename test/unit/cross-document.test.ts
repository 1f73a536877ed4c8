import { describe, expect, it } from 'vitest';
import { continuesIn, implementsIn, linkContinues, linkImplements, prepareLinks, type LinkableText } from '../../ingest/link/cross-document.ts';
import { LinkFeatures } from '../../ingest/link/link-corpus.ts';
import { contentTokens, tfidfVector } from '../../ingest/link/similarity.ts';
import { StringVocabulary } from './helpers/string-vocabulary.ts';

const words = (text: string): string[] => text.split(/\s+/).filter((token) => token !== '');
const filter = { stopwords: new Set(['加快', '推进', '建设']), ignore: new Set(['市商务局']) };

const passages: LinkableText[] = [
  { id: 'p1', year: 2024, text: '加快 螺蛳粉 产业园 建设 扩大 螺蛳粉 原材料 基地 发展 特色 农业' },
  { id: 'p2', year: 2024, text: '推进 汽车 产业 转型 升级 新能源 汽车 整车 零部件 配套' },
  { id: 'p3', year: 2024, text: '推进 老旧 小区 改造 城市 更新 背街 小巷 整治' },
  { id: 'p2023', year: 2023, text: '推进 汽车 产业 转型 升级 新能源 汽车 整车 零部件 配套' },
];

describe('linkImplements', () => {
  it('links each clause to the same-year paragraph it was copied from', () => {
    const clauses: LinkableText[] = [
      { id: 'c1', year: 2024, text: '加快 螺蛳粉 产业园 建设 市商务局' },
      { id: 'c2', year: 2024, text: '新能源 汽车 整车 零部件 配套' },
      { id: 'c3', year: 2024, text: '完善 养老 服务 体系' },
    ];
    const links = linkImplements(clauses, passages, words, { filter });
    expect(links.map((link) => [link.from, link.to])).toEqual([
      ['c1', 'p1'],
      ['c2', 'p2'],
    ]);
    for (const link of links) {
      expect(link.score).toBeGreaterThanOrEqual(0.6);
      expect(link.score).toBeLessThanOrEqual(1);
    }
  });

  it('never links across years', () => {
    const clauses: LinkableText[] = [{ id: 'c', year: 2023, text: '老旧 小区 改造 城市 更新' }];
    expect(linkImplements(clauses, passages, words, { filter })).toEqual([]);
  });

  it('adds a second paragraph only when it scores nearly as well as the best', () => {
    const twin: LinkableText[] = [...passages, { id: 'p2bis', year: 2024, text: '新能源 汽车 整车 零部件 配套 出口' }];
    const clause: LinkableText[] = [{ id: 'c', year: 2024, text: '新能源 汽车 整车 零部件 配套' }];
    expect(linkImplements(clause, twin, words, { filter }).map((link) => link.to).sort()).toEqual(['p2', 'p2bis']);
    expect(linkImplements(clause, twin, words, { filter, maxLinks: 1 })).toHaveLength(1);
  });

  it('finds the right paragraph among many with an inverted index', () => {
    const many: LinkableText[] = Array.from({ length: 2000 }, (_, index) => ({
      id: `p${index}`,
      year: 2024,
      text: `产业 项目 词${index} 词${index + 1} 词${index + 2}`,
    }));
    const clause: LinkableText[] = [{ id: 'c', year: 2024, text: '产业 项目 词1500 词1501 词1502' }];
    const [link] = linkImplements(clause, many, words, { filter, maxLinks: 1 });
    expect(link?.to).toBe('p1500');
  });

  it('blocks on rare tokens: common words propose no candidates, however full the year is', () => {
    // 500 places restating the same two common phrases, and one paragraph with the clause's own work.
    const crowded: LinkableText[] = [
      ...Array.from({ length: 500 }, (_, index) => ({ id: `q${index}`, year: 2024, text: `产业 项目 城市 更新 地${index}` })),
      { id: 'own', year: 2024, text: '产业 项目 螺蛳粉 产业园 扩建' },
    ];
    const [link] = linkImplements([{ id: 'c', year: 2024, text: '产业 项目 螺蛳粉 产业园' }], crowded, words, { filter, maxLinks: 1 });
    expect(link?.to).toBe('own');
    // Every token common: the rarest one still proposes (a bounded number of) candidates.
    const [common] = linkImplements([{ id: 'c', year: 2024, text: '城市 更新' }], crowded, words, { filter, maxLinks: 1, threshold: 0.5 });
    expect(common?.score).toBeGreaterThan(0.5);
  });
});

describe('linkContinues', () => {
  const clauses: LinkableText[] = [
    { id: 'a2023', year: 2023, text: '螺蛳粉 产业园 原材料 基地 特色 农业' },
    { id: 'b2023', year: 2023, text: '新能源 汽车 整车 零部件 配套' },
    { id: 'a2022', year: 2022, text: '螺蛳粉 产业园 原材料 基地 特色 农业' },
    { id: 'a2024', year: 2024, text: '螺蛳粉 产业园 原材料 基地 品牌 保护' },
    { id: 'b2026', year: 2026, text: '新能源 汽车 零部件 配套 本地 企业' },
    { id: 'c2026', year: 2026, text: '养老 服务 体系 社区' },
  ];

  it('links each clause to the most similar clause of the nearest earlier year', () => {
    const links = linkContinues(clauses, words, { filter });
    const pairs = new Map(links.map((link) => [link.from, link.to]));
    expect(pairs.get('a2023')).toBe('a2022');
    // 2025 has no clauses: 2026 continues 2024, where nothing is about cars.
    expect(pairs.has('b2026')).toBe(false);
    expect(pairs.get('a2024')).toBe('a2023');
    expect(pairs.has('c2026')).toBe(false);
    expect(pairs.has('a2022')).toBe(false);
    for (const link of links) expect(link.score).toBeGreaterThan(0);
  });

  it('respects the threshold', () => {
    expect(linkContinues(clauses, words, { filter, threshold: 1.01 })).toEqual([]);
  });
});

describe('linking by year blocks over a prepared corpus', () => {
  const clauses: LinkableText[] = [
    { id: 'c2024a', year: 2024, text: '新能源 汽车 整车 零部件 配套' },
    { id: 'c2023a', year: 2023, text: '汽车 产业 转型 升级 新能源' },
    { id: 'c2024b', year: 2024, text: '老旧 小区 改造 城市 更新' },
    { id: 'c2023b', year: 2023, text: '老旧 小区 改造 背街 小巷' },
    { id: 'c2022', year: 2022, text: '螺蛳粉 产业园 原材料 基地' },
    { id: 'c2024c', year: 2024, text: '螺蛳粉 产业园 原材料 基地 扩大' },
  ];

  it('gives the per-kind calls’ links, in clause order, from one tokenisation', () => {
    let cuts = 0;
    const counting = (text: string) => {
      cuts += 1;
      return words(text);
    };
    const corpus = prepareLinks(clauses, passages, counting, filter);
    // Each distinct text once, though both kinds read the clauses.
    expect(cuts).toBe(new Set([...clauses, ...passages].map((item) => item.text)).size);
    const implementsLinks = implementsIn(corpus);
    const continuesLinks = continuesIn(corpus);
    expect(implementsLinks).toEqual(linkImplements(clauses, passages, words, { filter }));
    expect(continuesLinks).toEqual(linkContinues(clauses, words, { filter }));
    const order = (links: readonly { from: string }[]) => links.map((link) => clauses.findIndex((clause) => clause.id === link.from));
    expect(order(implementsLinks)).toEqual([...order(implementsLinks)].sort((a, b) => a - b));
    expect(order(continuesLinks)).toEqual([...order(continuesLinks)].sort((a, b) => a - b));
    // A 2024 clause meets 2023's, listed after it in the input.
    expect(continuesLinks.find((link) => link.from === 'c2024b')?.to).toBe('c2023b');
  });

  it('numbers features and weighs them exactly as the string vocabulary does', () => {
    const texts = [...clauses, ...passages];
    const corpus = prepareLinks(texts, [], words, filter);
    const features = new LinkFeatures(corpus, true);
    corpus.assignments.slots.forEach((slot) => features.add(slot));
    const vocabulary = new StringVocabulary();
    const ids = texts.map((item) => {
      const tokens = contentTokens(words(item.text), filter);
      for (let index = 1, n = tokens.length; index < n; index++) tokens.push(`${tokens[index - 1]}\u0001${tokens[index]}`);
      return vocabulary.addDocument(tokens);
    });
    texts.forEach((_, index) => {
      const expected = tfidfVector(ids[index] ?? [], (id) => vocabulary.idf(id));
      const actual = features.vector(corpus.assignments.slots[index] ?? 0);
      expect([...actual.ids]).toEqual([...expected.ids]);
      expect([...actual.weights]).toEqual([...expected.weights]);
    });
  });
});
