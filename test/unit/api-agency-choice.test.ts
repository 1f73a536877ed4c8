/**
 * Choosing the agency a name means when several places have one by that name
 * (市财政局 of 柳州市 and of 福州市): the place written before the name decides,
 * otherwise the answer is an error listing the candidates.
 */
import { describe, expect, it } from 'vitest';
import { chooseAgency } from '../../api/resolvers/support.ts';

const place = (name: string, fullName = name) => ({ id: `jurisdiction:${fullName}`, name, fullName });
const row = (id: string, name: string, jurisdiction: ReturnType<typeof place> | null, rank = 0) => ({ agency: { id, name }, rank, jurisdiction });

describe('chooseAgency', () => {
  const liuzhou = row('agency:柳州市:市财政局', '市财政局', place('柳州市'));
  const fuzhou = row('agency:福州市:市财政局', '市财政局', place('福州市'));

  it('returns the best match when the candidates share one place or have none', () => {
    expect(chooseAgency('name', '市财政局', [liuzhou])).toEqual(liuzhou.agency);
    expect(chooseAgency('name', '工信局', [row('a:1', '市工业和信息化局', null, 1), row('a:2', '市工业和信息化局（旧）', null, 3)])).toEqual({ id: 'a:1', name: '市工业和信息化局' });
    expect(chooseAgency('name', 'x', [])).toBeNull();
  });

  it('takes the place the name starts with', () => {
    expect(chooseAgency('name', '福州市财政局', [liuzhou, fuzhou])).toEqual(fuzhou.agency);
    const liujiang = row('agency:柳州市柳江区:区财政局', '区财政局', place('柳江区', '柳州市柳江区'));
    expect(chooseAgency('name', '柳江区财政局', [liujiang, row('agency:营口市站前区:区财政局', '区财政局', place('站前区', '营口市站前区'))])).toEqual(liujiang.agency);
  });

  it('names every candidate when the name alone cannot tell', () => {
    expect(() => chooseAgency('name', '市财政局', [liuzhou, fuzhou])).toThrow(/"市财政局" names agencies of 2 places: 市财政局 \(柳州市\), 市财政局 \(福州市\); give the jurisdiction/u);
    try {
      chooseAgency('filter.leadAgency', '财政局', [liuzhou, fuzhou]);
    } catch (error) {
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT' });
    }
  });
});
