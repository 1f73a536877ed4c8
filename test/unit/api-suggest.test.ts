import { describe, expect, it } from 'vitest';
import { suggestTerms } from '../../api/resolvers/suggest.ts';

describe('what a typed name stands for (suggest)', () => {
  it('drops a city prefix for the stem and counts the prefixed spellings as exact', () => {
    const terms = suggestTerms('柳州市工业和信息化局');
    expect(terms.prefix).toBe('柳州市工业和信息化局');
    expect(terms.stem).toBe('工业和信息化局');
    expect(terms.variants).toEqual(expect.arrayContaining(['市工业和信息化局', '工业和信息化局', '柳州市工业和信息化局']));
  });

  it('keeps short names and names without a prefix as they are, white space removed', () => {
    expect(suggestTerms(' 柳 工 ')).toMatchObject({ prefix: '柳工', stem: '柳工' });
    expect(suggestTerms('螺蛳粉').stem).toBe('螺蛳粉');
  });
});
