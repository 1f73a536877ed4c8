import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nameVariants, normaliseName } from '../../api/agency-names.ts';
import { checkText, checkYear, checkYears } from '../../api/input.ts';
import { containsQuery, phraseQuery, snippet } from '../../api/lucene.ts';

describe('phraseQuery', () => {
  it('quotes the text and escapes the only two characters special inside a phrase', () => {
    expect(phraseQuery('螺蛳粉')).toBe('"螺蛳粉"');
    expect(phraseQuery('a"b\\c')).toBe('"a\\"b\\\\c"');
  });

  it('never lets user text close the phrase', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const inner = phraseQuery(text).slice(1, -1);
        // Every quote inside is preceded by an odd number of backslashes.
        return !/(^|[^\\])(\\\\)*"/.test(inner);
      }),
    );
  });
});

describe('snippet', () => {
  it('shows the text around the first match, marking cuts', () => {
    const text = `${'前'.repeat(100)}螺蛳粉${'后'.repeat(100)}`;
    expect(snippet(text, '螺蛳粉', 5)).toBe('…前前前前前螺蛳粉后后后后后…');
  });

  it('starts at the beginning when the text does not contain the needle literally', () => {
    expect(snippet('推动产业升级', '升 级 产业', 3)).toBe('推动产业升级');
  });
});

describe('agency name variants', () => {
  it('tries the name as asked first, then with and without the city prefix', () => {
    expect(nameVariants('工业和信息化局')).toEqual(['工业和信息化局', '市工业和信息化局', '柳州市工业和信息化局']);
    expect(nameVariants('柳州市工业和信息化局').slice(0, 3)).toEqual(['柳州市工业和信息化局', '市工业和信息化局', '工业和信息化局']);
    expect(nameVariants('市工业和信息化局')).toEqual(expect.arrayContaining(['市工业和信息化局', '工业和信息化局', '柳州市工业和信息化局']));
  });

  it('does not take 市场 for a prefix only', () => {
    expect(nameVariants('市场监督管理局')).toContain('市市场监督管理局');
    expect(nameVariants('市城市管理行政执法局')).not.toContain('管理行政执法局');
  });

  it('ignores white space, including the ideographic space', () => {
    expect(normaliseName(' 市 科技局\u3000')).toBe('市科技局');
  });
});

describe('input checks', () => {
  it('accept years from 1949 to 2100 and say what is wrong otherwise', () => {
    expect(checkYear('year', 1949)).toBe(1949);
    expect(checkYear('year', null)).toBeNull();
    expect(() => checkYear('year', 2101)).toThrow('year must be between 1949 and 2100, got 2101');
    expect(() => checkYear('year', 2024.5)).toThrow('year must be between 1949 and 2100, got 2024.5');
    expect(() => checkYears('years', [])).toThrow('years must list at least one year (or be left out)');
  });

  it('trim text and refuse empty text', () => {
    expect(checkText('name', '  市科技局 ')).toBe('市科技局');
    expect(() => checkText('name', ' \n')).toThrow('name must not be empty');
  });
});

describe('containsQuery', () => {
  it('wraps the text in wildcards and escapes every character the query syntax gives a meaning', () => {
    expect(containsQuery('工业和信息化局')).toBe('*工业和信息化局*');
    expect(containsQuery('a+b-c!(d):e^[f]"g"{h}~i*j?k|l&m/n\\o p')).toBe('*a\\+b\\-c\\!\\(d\\)\\:e\\^\\[f\\]\\"g\\"\\{h\\}\\~i\\*j\\?k\\|l\\&m\\/n\\\\o\\ p*');
    expect(containsQuery('AND')).toBe('*AND*');
  });
});
