import { describe, expect, it } from 'vitest';
import { resolveAgencies, normaliseAgencySpelling, type ObservedAgencyName } from '../../ingest/resolve/agencies/index.ts';
import { parseAgencyFacts, type AgencyFacts } from '../../ingest/resolve/agency-facts.ts';
import { loadAgencyFacts } from '../../ingest/rules.ts';
import { KgError } from '../../core/errors.ts';

/** The repository's general name rules (suffixes, infixes, kinds) with test-specific facts. */
async function factsWith(factsText: string): Promise<AgencyFacts> {
  const general = await loadAgencyFacts();
  const specific = parseAgencyFacts(factsText, '');
  return { ...general, ...{ cities: specific.cities, aliases: specific.aliases, renames: specific.renames } };
}

function seen(name: string, year = 2024, times = 1, written = name): ObservedAgencyName[] {
  return Array.from({ length: times }, () => ({ name, written, year }));
}

describe('resolveAgencies', () => {
  it('joins 柳州市X, 市X and X into one agency named 市X', async () => {
    const facts = await factsWith('city\t柳州\n');
    const registry = resolveAgencies(
      [...seen('柳州市财政局'), ...seen('市财政局', 2024, 3), ...seen('市国资委', 2024, 1, '国资委'), ...seen('国资委')],
      facts,
    );
    expect(registry.agencies.map((agency) => agency.name).sort()).toEqual(['市国资委', '市财政局']);
    const finance = registry.resolve('柳州市财政局');
    expect(finance?.name).toBe('市财政局');
    expect(finance?.id).toBe('agency:市财政局');
    expect(finance?.aliases).toContain('柳州市财政局');
    expect(finance?.mentions).toBe(4);
    expect(registry.resolve('财政局')).toBe(finance);
    expect(registry.resolve(' 市 财政局 ')).toBe(finance);
    expect(registry.resolve('国资委')?.name).toBe('市国资委');
    expect(registry.resolve('市统计局')).toBeNull();
  });

  it('infers a city prefix when both 南宁市X and 市X are observed', async () => {
    const registry = resolveAgencies([...seen('南宁市商务局'), ...seen('市商务局', 2024, 2)], await factsWith(''));
    expect(registry.agencies).toHaveLength(1);
    expect(registry.resolve('南宁市商务局')?.name).toBe('市商务局');
  });

  it('treats a bracketed second plaque as the same body, and an aspect bracket as no name', async () => {
    const registry = resolveAgencies(
      [
        ...seen('市财政局（金融办）', 2024, 2),
        ...seen('市财政局', 2024, 5),
        ...seen('市市场监管局', 2024, 4),
        ...seen('市市场监管局(知识产权局)'),
        ...seen('市林业和园林局（涉及园林方面）'),
        ...seen('市林业和园林局', 2024, 2),
        ...seen('北部生态新区（阳和工业新区）管委会', 2020),
        ...seen('阳和工业新区（北部生态新区）管委会', 2024, 4),
      ],
      await factsWith(''),
    );
    expect(registry.agencies.map((agency) => agency.name).sort()).toEqual([
      '市市场监管局',
      '市林业和园林局',
      '市财政局',
      '阳和工业新区管委会',
    ]);
    expect(registry.resolve('市财政局（金融办）')?.name).toBe('市财政局');
    expect(registry.resolve('市金融办')?.name).toBe('市财政局');
    expect(registry.resolve('市知识产权局')?.name).toBe('市市场监管局');
    expect(registry.resolve('北部生态新区管委会')?.name).toBe('阳和工业新区管委会');
    expect(registry.resolve('市园林')).toBeNull();
  });

  it('merges a rare typo into a much more frequent spelling', async () => {
    const registry = resolveAgencies(
      [...seen('阳和工业新区（北部生态新区）管委会', 2024, 12), ...seen('阳朔和工业新区（北部生态新区）管委会')],
      await factsWith(''),
    );
    expect(registry.agencies).toHaveLength(1);
    expect(registry.resolve('阳朔和工业新区（北部生态新区）管委会')?.name).toBe('阳和工业新区管委会');
  });

  it('does not merge a one-character difference when both spellings are common or the names are short', async () => {
    const registry = resolveAgencies(
      [...seen('柳江区人民政府', 2024, 9), ...seen('柳北区人民政府'), ...seen('市体育局', 2024, 9), ...seen('市教育局')],
      await factsWith(''),
    );
    expect(registry.agencies).toHaveLength(4);
    const pairs = registry.suspicious.map((pair) => [pair.a.name, pair.b.name].sort().join('~'));
    expect(pairs).toContain('柳北区人民政府~柳江区人民政府');
  });

  it('merges a name cut by a page break into the only name it begins', async () => {
    const registry = resolveAgencies(
      [...seen('市发展改革委', 2024, 9), ...seen('市发展改'), ...seen('市发展研究中心')],
      await factsWith(''),
    );
    expect(registry.resolve('市发展改')?.name).toBe('市发展改革委');
    expect(registry.resolve('市发展研究中心')?.name).toBe('市发展研究中心');
  });

  it('leaves an ambiguous truncation alone', async () => {
    const registry = resolveAgencies(
      [...seen('市发展改革委', 2024, 9), ...seen('市发展研究中心', 2024, 9), ...seen('市发展')],
      await factsWith(''),
    );
    expect(registry.resolve('市发展')?.name).toBe('市发展');
  });

  it('does not merge names that differ in a numeral', async () => {
    const registry = resolveAgencies(
      [...seen('市第一人民医院管理中心', 2024, 9), ...seen('市第二人民医院管理中心')],
      await factsWith(''),
    );
    expect(registry.agencies).toHaveLength(2);
  });

  it('keeps unrelated similar names apart: 市财政局 and 市税务局', async () => {
    const registry = resolveAgencies([...seen('市财政局', 2024, 20), ...seen('市税务局')], await factsWith(''));
    expect(registry.resolve('市税务局')?.name).toBe('市税务局');
    expect(registry.resolve('市财政局')?.name).toBe('市财政局');
    // Two-character distinctive parts with nothing in common are not even suspicious.
    expect(registry.suspicious).toHaveLength(0);
  });

  it('joins short forms that drop a listed infix (市应急局 = 市应急管理局)', async () => {
    const registry = resolveAgencies(
      [...seen('市应急局', 2024, 3), ...seen('市应急管理局', 2024, 2), ...seen('市退役军人局'), ...seen('市退役军人事务局')],
      await factsWith(''),
    );
    expect(registry.agencies.map((agency) => agency.name).sort()).toEqual(['市应急管理局', '市退役军人事务局']);
  });

  it('applies explicit aliases from the facts file', async () => {
    const registry = resolveAgencies(
      [...seen('市园区办', 2026, 5), ...seen('园区工业办公室', 2024)],
      await factsWith('alias\t市园区办\t市园区工业办公室\n'),
    );
    expect(registry.agencies).toHaveLength(1);
    expect(registry.resolve('市园区办')?.name).toBe('市园区工业办公室');
  });

  it('makes a rename two agencies joined by renamedTo, the old name resolving to the old node', async () => {
    const registry = resolveAgencies(
      [...seen('市文化旅游局', 2020), ...seen('柳州市文化旅游局', 2020), ...seen('市文化广电旅游局', 2024, 5)],
      await factsWith('city\t柳州\nrename\t市文化旅游局\t市文化广电旅游局\t2023\n'),
    );
    expect(registry.agencies).toHaveLength(2);
    const old = registry.resolve('市文化旅游局');
    const renamed = registry.resolve('市文化广电旅游局');
    expect(old?.name).toBe('市文化旅游局');
    expect(registry.resolve('柳州市文化旅游局')).toBe(old);
    expect(old?.renamedTo).toEqual({ id: renamed?.id, year: 2023 });
    expect(renamed?.renamedTo).toBeNull();
    expect(old?.years).toEqual([2020]);
  });

  it('keeps the two ends of a rename apart even when the typo rule would join them', async () => {
    const registry = resolveAgencies(
      [...seen('市城市管理执法局', 2024, 9), ...seen('市城市管理执法总局', 2026)],
      await factsWith('rename\t市城市管理执法局\t市城市管理执法总局\t2026\n'),
    );
    expect(registry.agencies).toHaveLength(2);
    expect(registry.resolve('市城市管理执法局')?.renamedTo?.id).toBe('agency:市城市管理执法总局');
  });

  it('creates the new node of a rename known only from the facts', async () => {
    const registry = resolveAgencies(seen('市工业和信息化委', 2017, 2), await factsWith('rename\t市工业和信息化委\t市工业和信息化局\t2019\n'));
    expect(registry.resolve('市工业和信息化委')?.renamedTo).toEqual({ id: 'agency:市工业和信息化局', year: 2019 });
    expect(registry.resolve('市工业和信息化局')?.mentions).toBe(0);
  });

  it('reports bodies that look alike but were not merged', async () => {
    const registry = resolveAgencies(
      [...seen('融水县', 2020), ...seen('融水苗族自治县', 2024, 3), ...seen('市城管执法局', 2024, 3), ...seen('市城市管理局', 2026, 2)],
      await factsWith(''),
    );
    const reasons = new Map(registry.suspicious.map((pair) => [[pair.a.name, pair.b.name].sort().join('~'), pair.reason]));
    expect(reasons.get('融水县~融水苗族自治县')).toBe('shared-core');
    expect(reasons.get('市城市管理局~市城管执法局')).toBe('possible-rename');
    for (const pair of registry.suspicious) {
      expect(pair.similarity).toBeGreaterThan(0);
      expect(pair.similarity).toBeLessThanOrEqual(1);
    }
  });

  it('infers kinds from general suffix rules', async () => {
    const names = [
      '市工业和信息化局',
      '柳江区人民政府',
      '柳东新区管委会',
      '团市委',
      '市总工会',
      '柳州市税务局',
      '柳州海关',
      '广西盐业集团柳州有限公司',
      '各县区人民政府',
    ];
    const registry = resolveAgencies(
      names.flatMap((name) => seen(name)),
      await factsWith('city\t柳州\n'),
    );
    const kind = (name: string): string | undefined => registry.resolve(name)?.kind;
    expect(kind('市工业和信息化局')).toBe('department');
    expect(kind('柳江区人民政府')).toBe('district-government');
    expect(kind('柳东新区管委会')).toBe('park-committee');
    expect(kind('团市委')).toBe('mass-organisation');
    expect(kind('市总工会')).toBe('mass-organisation');
    expect(kind('柳州市税务局')).toBe('central-unit');
    expect(kind('柳州海关')).toBe('central-unit');
    expect(kind('广西盐业集团柳州有限公司')).toBe('state-company');
    expect(kind('各县区人民政府')).toBe('collective');
  });

  it('is independent of the order of observations', async () => {
    const facts = await factsWith('city\t柳州\n');
    const observed = [
      ...seen('阳和工业新区（北部生态新区）管委会', 2024, 5),
      ...seen('阳朔和工业新区（北部生态新区）管委会'),
      ...seen('柳州市财政局'),
      ...seen('市财政局（金融办）', 2024, 2),
    ];
    const forward = resolveAgencies(observed, facts).agencies;
    const backward = resolveAgencies([...observed].reverse(), facts).agencies;
    expect(backward).toEqual(forward);
  });
});

describe('normaliseAgencySpelling', () => {
  it('removes whitespace, running headers, edge punctuation and unifies brackets', () => {
    expect(normaliseAgencySpelling(' 市发展\n\n——柳州市人民政府——\n\n改革委、')).toBe('市发展改革委');
    expect(normaliseAgencySpelling('市财政局(金融办)')).toBe('市财政局（金融办）');
    expect(normaliseAgencySpelling('市发展改革委（粮食和')).toBe('市发展改革委');
  });
});

describe('parseAgencyFacts', () => {
  it('names the file and line of a malformed fact', () => {
    expect(() => parseAgencyFacts('# comment\nrename\t市甲局\t市乙局\tnext year\n', '')).toThrowError(
      /agency-facts\.tsv:2: year must be four digits/,
    );
    expect(() => parseAgencyFacts('', 'kind\tcity-hall\t局$\n')).toThrowError(KgError);
  });

  it('loads the repository rule files', async () => {
    const facts = await loadAgencyFacts();
    expect(facts.renames.some((rename) => rename.from === '市文化旅游局' && rename.to === '市文化广电旅游局')).toBe(true);
    expect(facts.suffixes[0]?.length).toBeGreaterThanOrEqual(facts.suffixes[facts.suffixes.length - 1]?.length ?? 0);
  });
});
