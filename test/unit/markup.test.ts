import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../ingest/clean/markup.ts';

const page = (body: string): string => `<html><head><title>某页</title></head><body>${body}</body></html>`;
const lines = (html: string): string[] => htmlToText(page(html)).split('\n').filter((line) => line.trim().length > 0);

describe('htmlToText: tables', () => {
  it('reads a content table held in a layout table next to a metadata table, each as its own rows', () => {
    const html =
      '<table class="layout"><tr><td><table class="meta"><tr><td>索引号</td><td>001</td></tr></table>' +
      '<p>现将任务分解下达。</p>' +
      '<table><tr><td>序号</td><td>目标任务</td><td>牵头部门</td><td>协同部门</td></tr>' +
      '<tr><td>1</td><td><p>保障供应链稳定。</p><p>新增企业15家。</p></td><td>区经信局</td><td><p>区商务局</p><p>东风商用车有限公司</p></td></tr></table>' +
      '</td></tr></table>';
    expect(lines(html)).toEqual(['某页', '索引号\t001', '现将任务分解下达。', '序号\t目标任务\t牵头部门\t协同部门', '1\t保障供应链稳定。 新增企业15家。\t区经信局\t区商务局、东风商用车有限公司']);
  });

  it('runs a table nested in a cell of a content table on inside that cell', () => {
    const html =
      '<table><tr><td>序号</td><td>项目名称</td><td>目标任务</td><td>牵头单位</td><td>责任单位</td></tr>' +
      '<tr><td>1</td><td>社区服务设施</td><td><table><tr><td>托育</td><td>10处</td></tr><tr><td>助餐</td><td>5处</td></tr></table></td><td>区民政局</td><td><p>甲街道</p><p>乙街道</p></td></tr></table>';
    expect(lines(html)).toEqual(['某页', '序号\t项目名称\t目标任务\t牵头单位\t责任单位', '1\t社区服务设施\t托育 10处；助餐 5处\t区民政局\t甲街道、乙街道']);
  });

  it('keeps a layout table with no content table as blocks of text', () => {
    const html = '<table><tr><td><table><tr><td>首页</td></tr></table></td><td><p>2025年，全市地区生产总值增长5.1%。</p><table><tr><td>指标</td><td>2026年预期目标</td></tr><tr><td>地区生产总值</td><td>增长5%左右</td></tr></table></td></tr></table>';
    expect(lines(html)).toEqual(['某页', '首页', '2025年，全市地区生产总值增长5.1%。', '指标\t2026年预期目标', '地区生产总值\t增长5%左右']);
  });

  it('never loses the text of cells, however deep the tables nest (property)', () => {
    const word = fc.constantFrom('甲', '乙', '丙', '丁');
    type Tree = string | Tree[];
    const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
      node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, word, fc.array(tie('node'), { minLength: 1, maxLength: 3 })),
    })).node;
    const render = (node: Tree): string => (typeof node === 'string' ? node : `<table><tr>${node.map((child) => `<td>${render(child)}</td>`).join('')}</tr></table>`);
    const words = (node: Tree): string => (typeof node === 'string' ? node : node.map(words).join(''));
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 3 }), (trees) => {
        const html = `<div>${trees.map((node) => (typeof node === 'string' ? `<p>${node}</p>` : render(node))).join('')}</div>`;
        expect(htmlToText(page(html)).replace(/[\s；]/gu, '').replace('某页', '')).toBe(trees.map(words).join(''));
      }),
    );
  });
});

describe('htmlToText: a page framed by a one-column table', () => {
  it('keeps the paragraphs of the framed article on lines of their own', () => {
    const html = '<table class="main"><tr><td><h1>标题</h1><div class="source">来源：某报</div><p>第一段。</p><p>第二段。</p></td></tr></table>';
    expect(lines(html)).toEqual(['某页', '标题', '来源：某报', '第一段。', '第二段。']);
  });
});
