/**
 * A labelled list on its own line (`联系单位：A、B`) ends at a blank line: the
 * cleaner does not glue the next leader's heading, or a closing remark, to it.
 */
import { describe, expect, it } from 'vitest';
import { NO_CLEAN_RULES, cleanText } from '../../ingest/clean/index.ts';

describe('rejoining lines after a labelled list', () => {
  it('keeps the next leader and the closing remark on their own lines', () => {
    const text = [
      '何某　常务副区长',
      '联系单位：区人大常委会办公室、区城市建设投资发展有限公司',
      '',
      '邓某　副区长（兼某市公安局某分局局长）',
      '联系单位：区人民法院、区消防救援大队',
      '',
      '区人民政府领导因公外出时，按照“AB角”互为补位的原则代为负责相关工作。',
    ].join('\n');
    const lines = cleanText({ path: 'division.txt', text }, NO_CLEAN_RULES).text.split('\n').filter((line) => line.trim().length > 0);
    expect(lines.some((line) => line.endsWith('区城市建设投资发展有限公司'))).toBe(true);
    expect(lines.some((line) => line.startsWith('邓某'))).toBe(true);
    expect(lines.some((line) => line.startsWith('区人民政府领导因公外出时'))).toBe(true);
  });

  it('still joins a list cut after 、 across a blank line', () => {
    const text = '分管单位：区教育局、\n\n区民政局、区财政局\n';
    expect(cleanText({ path: 'division.txt', text }, NO_CLEAN_RULES).text).toContain('分管单位：区教育局、区民政局、区财政局');
  });
});
