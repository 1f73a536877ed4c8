/**
 * The explorer in a real browser (Debian's Chromium, headless) against the
 * API process over the bundled corpus: type-ahead search, the neighbourhood
 * drawn as the API returns it, expansion by double-click, a clause's source
 * highlighted in its document, deep links with back and forward, entity and
 * overlap pages, a narrow window, GraphiQL — and not one request leaving
 * 127.0.0.1, not one console error. Screenshots go to test/artifacts/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, screenshot, serveCorpus, type Served, type Watched } from './harness.ts';

// The page's globals as far as the functions below touch them: they run in
// Chromium, while this file is type-checked for Node (no DOM library).
declare const window: {
  readonly location: { readonly href: string };
  readonly __kgExplorer?: {
    readonly graph: { pagePosition(id: string): { x: number; y: number } | null; modelPosition(id: string): { x: number; y: number } | null; lastDraw: { nodes: number; layoutMs: number } | null };
  };
};
declare const document: {
  getElementById(id: string): { readonly dataset: Record<string, string | undefined>; readonly width?: number; getBoundingClientRect(): { left: number; top: number; right: number; bottom: number } } | null;
  readonly documentElement: { readonly scrollWidth: number; readonly clientWidth: number };
  readonly fonts: { load(font: string, text: string): Promise<{ readonly family: string; readonly status: string }[]> };
};

const AGENCY_NAME = '市工业和信息化局';
const LIMIT = 150;

interface Subgraph {
  truncated: boolean;
  nodes: { id: string; label: string; name: string | null }[];
}

describe('the explorer in Chromium', () => {
  let served: Served;
  /** The agency's node id, as the graph has it (ids are the loader's business). */
  let AGENCY: string;
  let browser: Watched;
  let page: Page;
  /** What the API returns around the agency, and around the neighbour the test expands. */
  let around: Subgraph;
  let expanded: { id: string; union: number };

  beforeAll(async () => {
    served = await serveCorpus();
    browser = await openBrowser();
    page = browser.page;
    AGENCY = (await served.query<{ agency: { id: string } }>('query ($name: String!) { agency(name: $name) { id } }', { name: AGENCY_NAME })).agency.id;
    around = (await served.query<{ neighborhood: Subgraph }>('query ($id: ID!, $limit: Int) { neighborhood(id: $id, limit: $limit) { truncated nodes { id label name } } }', { id: AGENCY, limit: LIMIT })).neighborhood;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  const graphReady = () => page.waitForSelector('#graph-canvas[data-state="ready"]', { timeout: 60_000 });
  const drawnCount = async () => Number(await page.getAttribute('#graph-canvas', 'data-node-count'));
  const url = () => new URL(page.url());

  it('finds 市工业和信息化局 by type-ahead, grouped by type, and draws its neighbourhood', async () => {
    await page.goto(`${served.origin}/explorer`);
    await page.keyboard.press('/');
    await page.keyboard.type(AGENCY_NAME);
    const option = page.locator(`[role="option"][data-id="${AGENCY}"]`);
    await option.waitFor();
    const group = option.locator('xpath=ancestor::*[@role="group"][1]');
    expect(await group.locator('.search-group-title').innerText()).toBe('机构');
    expect(await page.getAttribute('#search-input', 'aria-activedescendant')).toBe(await option.getAttribute('id'));
    await page.keyboard.press('Enter');
    await graphReady();
    expect(url().searchParams.get('node')).toBe(AGENCY);
    expect(await page.locator('#details-title').innerText()).toContain(AGENCY_NAME);
  });

  it('draws exactly the nodes the API returns for the neighbourhood', async () => {
    expect(around.nodes.length).toBeGreaterThan(10);
    expect(await drawnCount()).toBe(around.nodes.length);
    expect(await page.locator('#graph-status').innerText()).toContain(`已绘制 ${around.nodes.length} 个节点`);
    expect(await page.locator('#limit-notice').isHidden()).toBe(!around.truncated);
  });

  it('expands a neighbour on double-click, drawing the union of both neighbourhoods', async () => {
    const leader = around.nodes.find((node) => node.label === 'Leader') ?? around.nodes.find((node) => node.label === 'Assignment');
    expect(leader).toBeDefined();
    const id = leader?.id ?? '';
    const placesOf = (ids: readonly string[]) => page.evaluate((nodeIds) => nodeIds.map((nodeId) => window.__kgExplorer?.graph.modelPosition(nodeId) ?? null), ids);
    const drawnBefore = around.nodes.map((node) => node.id);
    const before = await placesOf(drawnBefore);
    // Read right before the click, as the page draws it then.
    const position = await page.evaluate((nodeId) => window.__kgExplorer?.graph.pagePosition(nodeId) ?? null, id);
    expect(position).not.toBeNull();
    await page.mouse.dblclick(position?.x ?? 0, position?.y ?? 0);
    await page.waitForFunction((nodeId) => new URL(window.location.href).searchParams.getAll('expand').includes(nodeId), id);
    await graphReady();
    const next = (await served.query<{ neighborhood: Subgraph }>('query ($id: ID!, $limit: Int) { neighborhood(id: $id, limit: $limit) { truncated nodes { id label name } } }', { id, limit: LIMIT })).neighborhood;
    const union = new Set([...around.nodes, ...next.nodes].map((node) => node.id)).size;
    expect(union).toBeGreaterThan(around.nodes.length);
    await page.waitForFunction((count) => document.getElementById('graph-canvas')?.dataset['nodeCount'] === String(count), union);
    // The drawing the reader had keeps its shape: only what the expansion brought in was placed
    // (fcose may translate the whole drawing, which the fit to the window undoes).
    const after = await placesOf(drawnBefore);
    const shifts = after.map((place, index) => ({ x: (place?.x ?? Number.NaN) - (before[index]?.x ?? Number.NaN), y: (place?.y ?? Number.NaN) - (before[index]?.y ?? Number.NaN) }));
    const first = shifts[0] ?? { x: Number.NaN, y: Number.NaN };
    for (const shift of shifts) {
      expect(Math.abs(shift.x - first.x)).toBeLessThan(2);
      expect(Math.abs(shift.y - first.y)).toBeLessThan(2);
    }
    expanded = { id, union };
  });

  it('collapses the expansion again, and back brings it back', async () => {
    await page.click('#btn-collapse');
    await page.waitForFunction((count) => document.getElementById('graph-canvas')?.dataset['nodeCount'] === String(count), around.nodes.length);
    expect(url().searchParams.getAll('expand')).toEqual([]);
    await page.goBack();
    await page.waitForFunction((count) => document.getElementById('graph-canvas')?.dataset['nodeCount'] === String(count), expanded.union);
    expect(url().searchParams.getAll('expand')).toEqual([expanded.id]);
  });

  it("opens a clause and shows its source highlighted in its document's text", async () => {
    const clause = around.nodes.find((node) => node.label === 'Assignment');
    expect(clause).toBeDefined();
    const id = clause?.id ?? '';
    // The keyboard route: the list of drawn nodes.
    await page.selectOption('#node-list', id);
    await page.waitForFunction((nodeId) => new URL(window.location.href).searchParams.get('sel') === nodeId, id);
    const mark = page.locator('#details #source-span');
    await mark.waitFor();
    const expected = await served.query<{ node: { source: { text: string; document: { id: string } } } }>('query ($id: ID!) { node(id: $id) { ... on Assignment { source { text document { id } } } } }', { id });
    expect(await mark.innerText()).toBe(expected.node.source.text);
    expect(await mark.isVisible()).toBe(true);
    expect(await page.locator('#details-title').innerText()).toContain('条款');
    const documentLink = page.locator('#provenance-document-link');
    expect(new URL(await documentLink.evaluate((link) => (link as unknown as { href: string }).href)).searchParams.get('node')).toBe(expected.node.source.document.id);
    await mark.scrollIntoViewIfNeeded();
    await screenshot(page, 'explorer-graph.png');

    await documentLink.click();
    const inDocument = page.locator('.document-text #source-span');
    await inDocument.waitFor();
    expect(await inDocument.innerText()).toBe(expected.node.source.text);
    expect(await inDocument.isVisible()).toBe(true);
    await page.goBack();
    await graphReady();
    await page.locator('#details #source-span').waitFor();
    expect(url().searchParams.get('sel')).toBe(id);
  });

  it('moves between nodes with the keyboard', async () => {
    await page.focus('#graph-canvas');
    const before = url().searchParams.get('sel');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((previous) => new URL(window.location.href).searchParams.get('sel') !== previous, before);
    expect(await page.locator('#details-title').innerText()).not.toBe('');
  });

  it('filters by label and relationship type, and says how many nodes remain', async () => {
    await page.click('#filters summary');
    await page.check('input[name="filter-label"][value="Assignment"]');
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('labels') === 'Assignment');
    const visible = Number(await page.getAttribute('#graph-canvas', 'data-visible-count'));
    const clauses = new Set(around.nodes.filter((node) => node.label === 'Assignment').map((node) => node.id)).size;
    expect(visible).toBeGreaterThanOrEqual(clauses);
    expect(visible).toBeLessThan(expanded.union);
    expect(await page.locator('#graph-status').innerText()).toContain(`筛选后显示 ${visible} 个`);
    await page.goBack();
    await page.waitForFunction(() => !new URL(window.location.href).searchParams.has('labels'));
  });

  it('follows a deep link to the drawing with its expansion', async () => {
    const link = `${served.origin}/explorer?node=${encodeURIComponent(AGENCY)}&expand=${encodeURIComponent(expanded.id)}`;
    await page.goto(link);
    await graphReady();
    await page.waitForFunction((count) => document.getElementById('graph-canvas')?.dataset['nodeCount'] === String(count), expanded.union);
  });

  it("follows a deep link to the agency's page: responsibilities per year, co-leads, overseers, renames, mentions", async () => {
    await page.goto(`${served.origin}/explorer?view=entity&node=${encodeURIComponent(AGENCY)}`);
    await page.locator('#page-title').waitFor();
    expect(await page.locator('#page-title').innerText()).toContain(AGENCY_NAME);
    await page.locator('#chart-responsibilities').waitFor();
    await page.waitForFunction(() => (document.getElementById('chart-responsibilities')?.width ?? 0) > 0);
    await page.locator('#co-lead-graph canvas').first().waitFor();
    const summary = await served.query<{ agency: { yearSummary: { year: number }[]; coLeads: unknown[]; overseenBy: { leader: { name: string } }[] } }>(
      '{ agency(name: "市工业和信息化局") { yearSummary { year } coLeads { count } overseenBy { leader { name } } } }',
    );
    const rows = await page.locator('#section-responsibilities').locator('xpath=..').locator('.data-table tbody tr').count();
    expect(rows).toBe(summary.agency.yearSummary.length);
    expect(await page.locator('.co-lead-list li').count()).toBe(Math.min(summary.agency.coLeads.length, 30));
    for (const oversight of summary.agency.overseenBy) expect(await page.locator('#section-overseers').locator('xpath=..').innerText()).toContain(oversight.leader.name);
    await page.locator('#mention-list li').first().waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'explorer-entity.png');
    // Back returns to the drawing, forward to the page again.
    await page.goBack();
    await graphReady();
    await page.goForward();
    await page.locator('#chart-responsibilities').waitFor();
  });

  it("draws an indicator's target against its actual values", async () => {
    await page.goto(`${served.origin}/explorer?view=entity&node=${encodeURIComponent('indicator:地区生产总值')}`);
    await page.locator('canvas[id^="chart-indicator-"]').first().waitFor();
    expect(await page.locator('#page-title').innerText()).toContain('地区生产总值');
  });

  it("lists a company's mentions across years", async () => {
    const company = await served.query<{ company: { id: string; mentionedIn: { totalCount: number } } }>('{ company(name: "柳工") { id mentionedIn { totalCount } } }');
    await page.goto(`${served.origin}/explorer?view=entity&node=${encodeURIComponent(company.company.id)}`);
    await page.locator('#chart-mentions').waitFor();
    await page.locator('#mention-list li').first().waitFor();
    expect(await page.locator('#section-mentions').locator('xpath=..').innerText()).toContain(`共 ${company.company.mentionedIn.totalCount} 处提及`);
  });

  it('shows the overlaps of a year, each item linking into the graph', async () => {
    await page.goto(`${served.origin}/explorer?view=overlaps&year=2024`);
    const joint = page.locator('#overlap-joint-section li');
    await joint.first().waitFor();
    await page.locator('#overlap-pairs-section li').first().waitFor();
    expect(await page.inputValue('#overlap-year')).toBe('2024');
    await joint.first().locator('a').first().click();
    await graphReady();
    expect(url().searchParams.get('view')).toBeNull();
    expect(url().searchParams.get('node')).toContain('/clause/');
  });

  it('draws a large neighbourhood in full, laid out around its centre and fitted into the window', async () => {
    const large = (await served.query<{ neighborhood: Subgraph & { nodes: { id: string }[] } }>('query ($id: ID!) { neighborhood(id: $id, depth: 3, limit: 500) { truncated nodes { id } } }', { id: AGENCY })).neighborhood;
    // Over the explorer's threshold (250 nodes), where it lays out radially instead of with fcose.
    expect(large.nodes.length).toBeGreaterThan(250);
    await page.goto(`${served.origin}/explorer?node=${encodeURIComponent(AGENCY)}&depth=3&limit=500`);
    await graphReady();
    expect(await drawnCount()).toBe(large.nodes.length);
    const placed = await page.evaluate((ids) => {
      const box = document.getElementById('graph-canvas')?.getBoundingClientRect();
      const graph = window.__kgExplorer?.graph;
      if (!box || !graph) return null;
      const points = ids.map((id) => graph.pagePosition(id));
      const inside = points.filter((point) => point && point.x >= box.left && point.x <= box.right && point.y >= box.top && point.y <= box.bottom).length;
      const centre = graph.pagePosition(ids[0] ?? '');
      return { inside, distinct: new Set(points.map((point) => `${Math.round(point?.x ?? 0)},${Math.round(point?.y ?? 0)}`)).size, centre, box, nodes: graph.lastDraw?.nodes };
    }, [AGENCY, ...large.nodes.map((node) => node.id).filter((id) => id !== AGENCY)]);
    expect(placed?.inside).toBe(large.nodes.length);
    expect(placed?.distinct).toBeGreaterThan(large.nodes.length * 0.9);
    expect(placed?.nodes).toBe(large.nodes.length);
    // The centre node sits in the middle of the drawing.
    const middle = placed ? { x: (placed.box.left + placed.box.right) / 2, y: (placed.box.top + placed.box.bottom) / 2 } : { x: 0, y: 0 };
    expect(Math.abs((placed?.centre?.x ?? 0) - middle.x)).toBeLessThan(100);
    expect(Math.abs((placed?.centre?.y ?? 0) - middle.y)).toBeLessThan(100);
    await screenshot(page, 'explorer-large.png');
  });

  it('ships its own CJK font: Noto Sans SC loads from this server, only the subsets a text needs', async () => {
    const fonts: string[] = [];
    const watch = (request: { url(): string }) => {
      if (request.url().endsWith('.woff2')) fonts.push(request.url());
    };
    page.on('request', watch);
    try {
      await page.goto(`${served.origin}/explorer`);
      // FontFace objects do not cross into Node: their family and status do.
      const faces = await page.evaluate(async () => (await document.fonts.load('16px "Noto Sans SC Variable"', '市工业和信息化局')).map((face) => ({ family: face.family.replace(/["']/g, ''), status: face.status })));
      expect(faces.length).toBeGreaterThan(0);
      expect(faces).toEqual(faces.map(() => ({ family: 'Noto Sans SC Variable', status: 'loaded' })));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.length).toBeLessThan(20);
      expect(fonts.every((url) => url.startsWith(`${served.origin}/explorer/assets/`))).toBe(true);
    } finally {
      page.off('request', watch);
    }
  });

  it('fits a narrow window without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const link of [`?node=${encodeURIComponent(AGENCY)}`, `?view=entity&node=${encodeURIComponent(AGENCY)}`]) {
      await page.goto(`${served.origin}/explorer${link}`);
      await page.locator(link.includes('entity') ? '#chart-responsibilities' : '#graph-canvas[data-state="ready"]').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, link).toBeLessThanOrEqual(1);
    }
    await screenshot(page, 'explorer-narrow.png');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('serves a working GraphiQL with the example operations', async () => {
    await page.goto(`${served.origin}/graphql`);
    await page.locator('.graphiql-container').first().waitFor({ timeout: 60_000 });
    await page.getByText('AgencyAcrossYears').first().waitFor({ timeout: 60_000 });
    await screenshot(page, 'graphiql.png');
  });

  it('sent no request beyond 127.0.0.1 and logged no console error', () => {
    expect(browser.external).toEqual([]);
    expect(browser.errors).toEqual([]);
  });
});
