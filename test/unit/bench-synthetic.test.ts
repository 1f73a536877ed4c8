import { describe, expect, it } from 'vitest';
import { seededRandom, syntheticCorpus } from '../../bench/synthetic.ts';

const seeds = [{ name: 'a.txt', text: '柳州市人民政府关于落实2024年《政府工作报告》重点工作分工的意见\n2024年2月8日 柳政发〔2024〕3号\n地区生产总值增长5.5%左右。' }];

describe('the synthetic corpus', () => {
  it('is deterministic for a seed', () => {
    expect(syntheticCorpus(seeds, 5)).toEqual(syntheticCorpus(seeds, 5));
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });

  it('makes distinct documents: names, docNos and cities differ per variant', () => {
    const files = syntheticCorpus(seeds, 4);
    expect(files).toHaveLength(4);
    expect(new Set(files.map((file) => file.name)).size).toBe(4);
    const docNos = files.map((file) => /〔\d{4}〕\d+号/.exec(file.text)?.[0]);
    expect(new Set(docNos).size).toBe(4);
    expect(files[1]?.text).not.toContain('柳州');
  });

  it('keeps the title year and the date year shifted together', () => {
    const variant = syntheticCorpus(seeds, 3)[2]?.text ?? '';
    const titleYear = /落实(\d{4})年/.exec(variant)?.[1];
    const dateYear = /(\d{4})年2月8日/.exec(variant)?.[1];
    expect(titleYear).toBe(dateYear);
    expect(titleYear).not.toBe('2024');
  });
});
