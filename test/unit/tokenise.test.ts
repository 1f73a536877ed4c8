import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { createTokeniser, segmentForIndex } from '../../ingest/tokenise.ts';

const SENTENCE = '市工业和信息化局牵头推进上汽通用五菱在柳东新区的项目';
const DOMAIN_WORDS = ['市工业和信息化局', '上汽通用五菱', '柳东新区', '阳和工业新区'];
const TOKENISE_MODULE = fileURLToPath(new URL('../../ingest/tokenise.ts', import.meta.url));

/**
 * nodejieba's dictionary is process-global, so the "before" segmentation is
 * taken in a fresh Node process that has never seen a user word.
 */
function cutInFreshProcess(text: string): string[] {
  const script = `import { createTokeniser } from ${JSON.stringify(TOKENISE_MODULE)};
process.stdout.write(JSON.stringify(createTokeniser([]).cut(${JSON.stringify(text)})));`;
  const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return JSON.parse(output) as string[];
}

describe('createTokeniser', () => {
  it('BEFORE: without the domain dictionary jieba splits agency, company and park names', { timeout: 60_000 }, () => {
    const before = cutInFreshProcess(SENTENCE);
    expect(before.join('/')).toContain('市/工业/和/信息化/局');
    expect(before.join('/')).toContain('柳/东/新区');
    expect(before).not.toContain('上汽通用五菱');
  });

  it('AFTER: with the domain dictionary each name is one token', { timeout: 30_000 }, () => {
    const tokens = createTokeniser(DOMAIN_WORDS).cut(SENTENCE);
    expect(tokens).toEqual(['市工业和信息化局', '牵头', '推进', '上汽通用五菱', '在', '柳东新区', '的', '项目']);
    expect(createTokeniser(DOMAIN_WORDS).cut('阳和工业新区')).toEqual(['阳和工业新区']);
    // Precise mode loses no character.
    expect(tokens.join('')).toBe(SENTENCE);
  });

  it('is idempotent for the same word set, whatever the order and duplicates', { timeout: 30_000 }, () => {
    const first = createTokeniser(DOMAIN_WORDS);
    const second = createTokeniser([...DOMAIN_WORDS].reverse().concat(['柳东新区', ' 上汽通用五菱 ']));
    expect(second.cut(SENTENCE)).toEqual(first.cut(SENTENCE));
  });

  it('keeps each tokeniser faithful to its own words despite the shared native dictionary', { timeout: 60_000 }, () => {
    const withWords = createTokeniser(DOMAIN_WORDS);
    const plain = createTokeniser([]);
    expect(plain.cut(SENTENCE)).toEqual(cutInFreshProcess(SENTENCE));
    expect(withWords.cut(SENTENCE)).toContain('柳东新区');
    expect(plain.cut(SENTENCE)).not.toContain('柳东新区');
  });

  it('search mode yields the whole name and its parts', { timeout: 30_000 }, () => {
    const tokens = createTokeniser(DOMAIN_WORDS).cutForSearch(SENTENCE);
    expect(tokens).toContain('市工业和信息化局');
    expect(tokens).toContain('信息化');
  });
});

describe('segmentForIndex', () => {
  it('returns space-joined tokens with the domain names whole', { timeout: 30_000 }, () => {
    const segmented = segmentForIndex(createTokeniser(DOMAIN_WORDS), `${SENTENCE}  和 阳和工业新区\n`);
    const tokens = segmented.split(' ');
    expect(tokens).toContain('市工业和信息化局');
    expect(tokens).toContain('上汽通用五菱');
    expect(tokens).toContain('柳东新区');
    expect(tokens).toContain('阳和工业新区');
    expect(segmented).not.toMatch(/\s{2}|^\s|\s$|\n/);
  });

  it('returns an empty string for empty text', { timeout: 30_000 }, () => {
    expect(segmentForIndex(createTokeniser(DOMAIN_WORDS), '')).toBe('');
  });
});
