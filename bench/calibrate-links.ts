/**
 * Calibration of the cross-document link thresholds (ingest/link/cross-document.ts)
 * on the seeds: cuts the 2023 and 2024 task divisions and the 2023 work report
 * out of seed 003, the 2026 task division (seed 004) and the 2024 work report
 * (seed 002) crudely into clauses (text before each `（…牵头…）` annotation) and
 * paragraphs (lines), links them, and prints score distributions and sample pairs
 * around the thresholds so a human can see where true pairs stop.
 *
 *   npx tsx bench/calibrate-links.ts [seeds-dir] [--samples N] [--scoring cosine|coverage]
 *
 * Not part of the product: the cutting here is deliberately crude and
 * independent of the parse pipeline, so the thresholds do not depend on it.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import nodejieba from 'nodejieba';
import { linkContinues, linkImplements, type LinkableText, type ScoredLink } from '../ingest/link/cross-document.ts';
import { loadStopwords } from '../ingest/rules.ts';

const args = process.argv.slice(2);
const seedsDir = args.find((arg, index) => !arg.startsWith('--') && !args[index - 1]?.startsWith('--')) ?? path.join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const samplesAt = args.indexOf('--samples');
const samples = samplesAt >= 0 ? Number(args[samplesAt + 1]) : 6;
const scoringAt = args.indexOf('--scoring');
const scoring = scoringAt >= 0 && args[scoringAt + 1] === 'cosine' ? 'cosine' : 'coverage';

const RUNNING_HEADER = /\n*——柳州市人民政府——\n*/g;
const ANNOTATION = /[（〔][^（）〔〕]*(?:（[^（）]*）[^（）〔〕]*)*?(?:牵头|负责)[^（）〔〕]*[）〕]/g;

function seed(prefix: string): string {
  const files = ['000_ec90f7d5dd38cba8.txt', '001_60ced526a38720ec.txt', '002_b0fe9b2ffaffa634.txt', '003_5dd11dd00263b247.txt', '004_16ab7e976c5c4c5c.txt'];
  const file = files.find((name) => name.startsWith(prefix));
  if (file === undefined) throw new Error(`no seed ${prefix}`);
  return readFileSync(path.join(seedsDir, file), 'utf8');
}

/** Lines from the first line matching `start` to the next document title. */
function cut(text: string, start: RegExp): string {
  const lines = text.split('\n');
  const from = lines.findIndex((line) => start.test(line));
  if (from < 0) throw new Error(`no document ${start}`);
  const to = lines.findIndex((line, index) => index > from + 2 && /^柳州市人民政府(关于|印发)/.test(line));
  return lines.slice(from, to < 0 ? undefined : to).join('\n');
}

function clauses(text: string, year: number): LinkableText[] {
  const body = text.replace(RUNNING_HEADER, '');
  const result: LinkableText[] = [];
  let last = 0;
  for (const match of body.matchAll(ANNOTATION)) {
    const index = match.index ?? 0;
    // A clause starts after the previous annotation or at the last line break before it.
    const chunk = body.slice(last, index);
    const line = chunk.slice(chunk.lastIndexOf('\n\n') + 1).replace(/\s+/g, '').replace(/^\d+[.．]/, '');
    last = index + match[0].length;
    if (line.length >= 8) result.push({ id: `TD${year}#${result.length + 1}`, year, text: line });
  }
  return result;
}

function paragraphs(text: string, year: number, label: string): LinkableText[] {
  return text
    .replace(RUNNING_HEADER, '')
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line.length >= 30)
    .map((line, index) => ({ id: `${label}${year}#${index + 1}`, year, text: line }));
}

const bulletin = seed('003');
const td2024 = clauses(cut(bulletin, /^柳州市人民政府关于落实\s*2024年《政府工作报告》重点工作分工的意见$/), 2024);
const td2023 = clauses(cut(bulletin, /^柳州市人民政府关于落实\s*2023年《政府工作报告》重点工作分工的意见$/), 2023);
const td2026 = clauses(seed('004'), 2026);
const wr2023 = paragraphs(cut(bulletin, /^柳州市人民政府\s*关于印发《政府工作报告》的通知$/), 2023, 'WR');
// Only the plan part of the 2024 report: task divisions implement plans, not the review.
const report2024 = seed('002');
const wr2024 = paragraphs(report2024.slice(report2024.indexOf('二、2024年工作安排')), 2024, 'WR');

const stopwords = await loadStopwords();
const tokenize = (text: string): string[] => nodejieba.cut(text);
const texts = new Map([...td2023, ...td2024, ...td2026, ...wr2023, ...wr2024].map((item) => [item.id, item.text]));
const filter = { stopwords };

console.log(`clauses 2023=${td2023.length} 2024=${td2024.length} 2026=${td2026.length}; paragraphs 2023=${wr2023.length} 2024=${wr2024.length}`);

function histogram(title: string, links: readonly ScoredLink[], total: number): void {
  const buckets = new Array<number>(10).fill(0);
  for (const link of links) buckets[Math.min(9, Math.floor(link.score * 10))] = (buckets[Math.min(9, Math.floor(link.score * 10))] ?? 0) + 1;
  console.log(`\n=== ${title}: ${new Set(links.map((link) => link.from)).size}/${total} clauses linked`);
  buckets.forEach((count, index) => console.log(`  ${(index / 10).toFixed(1)}–${((index + 1) / 10).toFixed(1)} ${'#'.repeat(count)} ${count}`));
}

function show(links: readonly ScoredLink[], from: number, to: number): void {
  const band = links.filter((link) => link.score >= from && link.score < to);
  for (const link of band.slice(0, samples)) {
    console.log(`  [${link.score.toFixed(3)}] ${link.from}: ${texts.get(link.from)?.slice(0, 70)}`);
    console.log(`          → ${link.to}: ${texts.get(link.to)?.slice(0, 70)}`);
  }
}

const bands: [number, number][] = [[0.6, 1.01], [0.4, 0.6], [0.3, 0.4], [0.2, 0.3], [0.1, 0.2]];
const implementsLinks = linkImplements([...td2023, ...td2024], [...wr2023, ...wr2024], tokenize, {
  filter,
  scoring,
  threshold: 0,
  maxLinks: 1,
});
histogram(`IMPLEMENTS (${scoring}, best paragraph per clause)`, implementsLinks, td2023.length + td2024.length);
for (const [low, high] of bands) {
  console.log(`-- IMPLEMENTS ${low}–${high}`);
  show(implementsLinks, low, high);
}

// How clear is the best paragraph? Runner-up scores for the same clause.
const topTwo = linkImplements([...td2023, ...td2024], [...wr2023, ...wr2024], tokenize, {
  filter,
  scoring,
  threshold: 0,
  maxLinks: 2,
  relativeCutoff: 0,
});
const runnerUp = new Map<string, ScoredLink[]>();
for (const link of topTwo) runnerUp.set(link.from, [...(runnerUp.get(link.from) ?? []), link]);
const margins = [...runnerUp.values()].map((pair) => (pair[0]?.score ?? 0) - (pair[1]?.score ?? 0));
console.log(`\nIMPLEMENTS margin best − runner-up: <0.05: ${margins.filter((m) => m < 0.05).length}, 0.05–0.2: ${margins.filter((m) => m >= 0.05 && m < 0.2).length}, ≥0.2: ${margins.filter((m) => m >= 0.2).length}`);
for (const [from, pair] of runnerUp) {
  const [first, second] = pair;
  if (first === undefined || second === undefined || (first.score - second.score >= 0.2 && first.score >= 0.9)) continue;
  if (samples <= 0) break;
  console.log(`  ${from} [${first.score.toFixed(3)} ${first.to}] [${second.score.toFixed(3)} ${second.to}] ${texts.get(from)?.slice(0, 60)}`);
  console.log(`      1: ${texts.get(first.to)?.slice(0, 60)}\n      2: ${texts.get(second.to)?.slice(0, 60)}`);
}

const continuesLinks = linkContinues([...td2023, ...td2024, ...td2026], tokenize, { filter, threshold: 0 });
histogram('CONTINUES (cosine, best earlier clause)', continuesLinks, td2024.length + td2026.length);
for (const [low, high] of bands) {
  console.log(`-- CONTINUES ${low}–${high}`);
  show(continuesLinks, low, high);
}

// Where do true pairs stop and chance matches start? Best scores with the right
// report, and with the other year's report in its place (every link then wrong,
// apart from work both years restate).
const quantiles = (values: number[]): string => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): string => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(2);
  return `p05=${at(0.05)} p10=${at(0.1)} p25=${at(0.25)} median=${at(0.5)} p75=${at(0.75)} p90=${at(0.9)} p95=${at(0.95)}`;
};
const relabel = (items: readonly LinkableText[], year: number): LinkableText[] => items.map((item) => ({ ...item, year }));
for (const phrases of [false, true]) {
  for (const mode of ['coverage', 'cosine'] as const) {
    const options = { filter, scoring: mode, threshold: 0, maxLinks: 1, phrases };
    const right = linkImplements([...td2023, ...td2024], [...wr2023, ...wr2024], tokenize, options).map((link) => link.score);
    const wrong = linkImplements([...td2023, ...td2024], [...relabel(wr2023, 2024), ...relabel(wr2024, 2023)], tokenize, options).map((link) => link.score);
    console.log(`\nIMPLEMENTS ${mode}${phrases ? ' +phrases' : ''}\n  right report: ${quantiles(right)}\n  wrong report: ${quantiles(wrong)}`);
    for (const cut of mode === 'coverage' ? [0.5, 0.6, 0.7, 0.8] : [0.2, 0.25, 0.3]) {
      console.log(`  at ${cut}: right kept ${right.filter((score) => score >= cut).length}/${right.length}, wrong kept ${wrong.filter((score) => score >= cut).length}/${wrong.length}`);
    }
  }
  const continues = linkContinues([...td2023, ...td2024, ...td2026], tokenize, { filter, threshold: 0, phrases }).map((link) => link.score);
  // 2026 against 2023 (two years back) as a stand-in for "no continuation": mostly unrelated.
  console.log(`CONTINUES cosine${phrases ? ' +phrases' : ''}: ${quantiles(continues)}`);
}

const started = performance.now();
const scaled = (items: readonly LinkableText[], copies: number): LinkableText[] =>
  Array.from({ length: copies }, (_, copy) => items.map((item) => ({ ...item, id: `${item.id}/${copy}` }))).flat();
const memo = new Map<string, string[]>();
const cachedTokenize = (text: string): string[] => {
  let tokens = memo.get(text);
  if (tokens === undefined) {
    tokens = tokenize(text);
    memo.set(text, tokens);
  }
  return tokens;
};
const copies = 100;
linkImplements(scaled([...td2023, ...td2024], copies), scaled([...wr2023, ...wr2024], copies), cachedTokenize, { filter });
const implementsMs = performance.now() - started;
linkContinues(scaled([...td2023, ...td2024, ...td2026], copies), cachedTokenize, { filter });
console.log(`\n×${copies} corpus: implements ${implementsMs.toFixed(0)} ms, continues ${(performance.now() - started - implementsMs).toFixed(0)} ms`);
