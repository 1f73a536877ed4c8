/** `indicator(metric)`, `indicators`, and target-versus-actual series. */
import type { ApiContext } from '../context.ts';
import { checkText } from '../input.ts';
import { selectsAny, type SelectionInfo } from '../selection.ts';
import { asRow, asRows, rowsForParent, type Row } from './support.ts';

/** The fields of Indicator that api/indicator-by-metric can answer inline (`$withSeries`). */
const SERIES_FIELDS: ReadonlySet<string> = new Set(['series', 'byYear']);

async function series(parent: Row, context: ApiContext): Promise<Row[]> {
  // Fetched with the indicator ($withSeries): no round trip.
  const rows = Array.isArray(parent['_series']) ? asRows(parent['_series']) : await rowsForParent(context, 'api/indicator-series', parent);
  return rows.map((row) => ({ ...asRow(row['statement']), document: asRow(row['document']) }));
}

/** Groups values by year: targets and actuals side by side, oldest year first. */
export function byYear(values: readonly Row[]): { year: number; targets: Row[]; actuals: Row[] }[] {
  const years = new Map<number, { year: number; targets: Row[]; actuals: Row[] }>();
  for (const value of values) {
    const year = value['year'];
    if (typeof year !== 'number') continue;
    const entry = years.get(year) ?? { year, targets: [], actuals: [] };
    (value['kind'] === 'ACTUAL' ? entry.actuals : entry.targets).push(value);
    years.set(year, entry);
  }
  return [...years.values()].sort((a, b) => a.year - b.year);
}

export const indicatorResolvers = {
  Query: {
    indicator: async (_parent: unknown, args: { metric: string }, context: ApiContext, info: SelectionInfo) => {
      const rows = await context.database.read('api/indicator-by-metric', { metric: checkText('metric', args.metric), withSeries: selectsAny(info, SERIES_FIELDS) });
      return rows[0] ? asRow(rows[0]['indicator']) : null;
    },
    indicators: async (_parent: unknown, _args: unknown, context: ApiContext) =>
      (await context.database.read('api/indicators')).map((row) => asRow(row['indicator'])),
  },
  Indicator: {
    series: (parent: Row, _args: unknown, context: ApiContext) => series(parent, context),
    byYear: async (parent: Row, _args: unknown, context: ApiContext) => byYear(await series(parent, context)),
  },
};
