/**
 * Which place an agency is a body of: its own place prefix, a place named
 * inside, a level prefix (the document's place or the ancestor of that
 * level), else the document's place.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agencyId, jurisdictionId, parsePlaceTable, type PlaceTable } from '../../ingest/jurisdiction/index.ts';
import type { Jurisdiction } from '../../ingest/model.ts';
import { agencyJurisdiction } from '../../ingest/resolve/agency-jurisdiction.ts';
import { DEFAULT_RULES_DIR } from '../../ingest/rules.ts';

const places: PlaceTable = parsePlaceTable(readFileSync(`${DEFAULT_RULES_DIR}/jurisdictions.tsv`, 'utf8'), 'jurisdictions.tsv');
const listed = (name: string): Jurisdiction => {
  const place = places.byName.get(name);
  if (place === undefined) throw new Error(`${name} is not listed`);
  return place;
};
const liuzhou = listed('柳州市');
const liujiang = listed('柳江区');
const guangxi = listed('广西壮族自治区');
const fuzhou: Jurisdiction = { name: '福州市', level: 'city', parent: { name: '福建省', level: 'province', parent: listed('中华人民共和国') } };
const placeOf = (name: string, document: Jurisdiction | null): string | null => agencyJurisdiction(name, document, places)?.name ?? null;

describe('an agency\'s jurisdiction', () => {
  it('is the document\'s for bare and own-level names', () => {
    expect(placeOf('市财政局', liuzhou)).toBe('柳州市');
    expect(placeOf('市财政局', fuzhou)).toBe('福州市');
    expect(placeOf('城管局', liujiang)).toBe('柳江区');
    expect(placeOf('区城管局', liujiang)).toBe('柳江区');
    expect(placeOf('各县区人民政府', liuzhou)).toBe('柳州市');
    expect(placeOf('市城市管理行政执法局', liuzhou)).toBe('柳州市');
    expect(placeOf('柳东新区管委会', liuzhou)).toBe('柳州市');
  });

  it('is the ancestor of the level a prefix names', () => {
    expect(placeOf('市发展改革委', liujiang)).toBe('柳州市');
    expect(placeOf('自治区财政厅', liuzhou)).toBe('广西壮族自治区');
    expect(placeOf('自治区财政厅', liujiang)).toBe('广西壮族自治区');
    expect(placeOf('省财政厅', fuzhou)).toBe('福建省');
    expect(placeOf('国家发展改革委', guangxi)).toBe('中华人民共和国');
    expect(placeOf('国务院国资委', liuzhou)).toBe('中华人民共和国');
    expect(placeOf('团市委', liujiang)).toBe('柳州市');
  });

  it('is the place a name opens with or names inside', () => {
    expect(placeOf('柳州市财政局', liujiang)).toBe('柳州市');
    expect(placeOf('融安县人民政府', liuzhou)).toBe('融安县');
    expect(placeOf('国家税务总局柳州市税务局', liuzhou)).toBe('柳州市');
    expect(placeOf('人民银行柳江区支行', liujiang)).toBe('柳江区');
    const town = agencyJurisdiction('大埔镇人民政府', listed('柳城县'), places);
    expect([town?.name, town?.level, town?.parent?.name]).toEqual(['大埔镇', 'town', '柳城县']);
    const city = agencyJurisdiction('珠海市人民政府', { name: '广东省', level: 'province', parent: null }, places);
    expect([city?.name, city?.level, city?.parent?.name]).toEqual(['珠海市', 'city', '广东省']);
  });

  it('is unknown when neither the name nor the document tells', () => {
    expect(placeOf('市财政局', null)).toBeNull();
    expect(placeOf('柳州市财政局', null)).toBe('柳州市');
  });
});

describe('ids', () => {
  it('name a place by its written form and an agency by its place and name', () => {
    expect(jurisdictionId(liujiang)).toBe('jurisdiction:柳州市柳江区');
    expect(jurisdictionId(guangxi)).toBe('jurisdiction:广西壮族自治区');
    expect(jurisdictionId({ name: '朝阳区', level: 'district', parent: listed('北京市') })).toBe('jurisdiction:北京市朝阳区');
    expect(agencyId('市财政局', liuzhou)).toBe('agency:柳州市:市财政局');
    expect(agencyId('市财政局', fuzhou)).toBe('agency:福州市:市财政局');
    expect(agencyId('市财政局', null)).toBe('agency:市财政局');
  });
});

describe('a place read by its suffix inside an agency name', () => {
  it('is a place only before its government', () => {
    expect(placeOf('柳州市住房城乡建设局', listed('柳城县'))).toBe('柳州市');
    expect(placeOf('住房城乡建设局', liuzhou)).toBe('柳州市');
  });
});
