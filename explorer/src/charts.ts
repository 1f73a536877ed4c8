/**
 * Charts with Chart.js (only the parts used are registered, so the bundle
 * stays small). Every chart comes with its data as a table, for keyboards
 * and screen readers.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartDataset } from 'chart.js';
import { h } from './dom.ts';
import { CJK_FONT } from './graph.ts';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = CJK_FONT;
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;

const live = new Set<Chart>();

/** Charts of the previous page are destroyed before a new page is drawn. */
export function destroyCharts(): void {
  for (const chart of live) chart.destroy();
  live.clear();
}

export interface Series {
  readonly label: string;
  readonly color: string;
  readonly values: readonly (number | null)[];
  readonly type?: 'bar' | 'line';
}

export interface ChartOptions {
  readonly id: string;
  readonly caption: string;
  readonly stacked?: boolean;
  readonly yTitle?: string;
  readonly integer?: boolean;
}

/** A <figure> with a bar (or bar and line) chart over `categories`, and its data table. */
export function chartFigure(categories: readonly (string | number)[], series: readonly Series[], options: ChartOptions): HTMLElement {
  const canvas = h('canvas', { id: options.id, role: 'img', 'aria-label': options.caption });
  const table = h(
    'table',
    { class: 'data-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), series.map((item) => h('th', { scope: 'col' }, item.label)))),
    h(
      'tbody',
      {},
      categories.map((category, index) =>
        h('tr', {}, h('th', { scope: 'row' }, String(category)), series.map((item) => h('td', {}, item.values[index] === null || item.values[index] === undefined ? '—' : String(item.values[index])))),
      ),
    ),
  );
  const figure = h(
    'figure',
    { class: 'chart' },
    h('figcaption', {}, options.caption),
    h('div', { class: 'chart-box' }, canvas),
    h('details', { class: 'chart-data' }, h('summary', {}, '数据表'), table),
  );
  const datasets = series.map(
    (item) =>
      ({
        type: item.type ?? 'bar',
        label: item.label,
        data: [...item.values],
        backgroundColor: item.color,
        borderColor: item.color,
        spanGaps: true,
      }) as ChartDataset<'bar' | 'line', (number | null)[]>,
  );
  // Drawn once the canvas is in the document (Chart.js measures its parent).
  requestAnimationFrame(() => {
    if (!canvas.isConnected) return;
    const chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: categories.map(String), datasets },
      options: {
        responsive: true,
        plugins: { legend: { position: 'bottom' } },
        scales: {
          x: { stacked: options.stacked ?? false },
          y: {
            stacked: options.stacked ?? false,
            beginAtZero: true,
            ...(options.integer ? { ticks: { precision: 0 } } : {}),
            ...(options.yTitle ? { title: { display: true, text: options.yTitle } } : {}),
          },
        },
      },
    });
    live.add(chart);
  });
  return figure;
}
