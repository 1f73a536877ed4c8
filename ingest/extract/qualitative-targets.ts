/**
 * Targets (and, in reviews, results) stated without a number:
 * `居民人均可支配收入增长与经济增长基本同步`, `一般公共预算收入完成市下达任务`,
 * `城镇调查失业率控制在自治区下达指标以内`, `单位地区生产总值能耗和主要污染物排放量
 * 完成自治区下达任务`, `增速高于全省平均水平`. Each names one or more metrics
 * before the phrase; the statement carries the phrase as written and no value.
 *
 * A metric that the same sentence also gives a number (`规上工业增加值实现正增长、
 * 增长2%以上`) is stated by that number, not by the phrase.
 */

import type { FigureSentence, Span } from '../model.ts';
import { type IndicatorStatement, type MetricRule, SCOPE_WORDS, extractIndicators } from './indicators.ts';
import { isUnlistedMetricName } from './metric-names.ts';

export interface QualitativeStatement {
  readonly metric: string;
  readonly kind: 'TARGET' | 'ACTUAL';
  readonly year: number;
  readonly value: null;
  readonly upTo: null;
  readonly unit: '';
  readonly measure: 'qualitative';
  /** The phrase that states it, as written: `与经济增长基本同步`, `完成市下达任务`. */
  readonly qualifier: string;
  readonly text: string;
  /** The phrase in the document. */
  readonly span: Span;
  /** The metric as written in the document. */
  readonly metricSpan: Span;
}

/** What a figure sentence states: a number, or a qualitative statement. */
export type FigureStatement = IndicatorStatement | QualitativeStatement;

const LEVEL = '(?:国家|中央|省|自治区|市|州|盟|区|县|旗|上级)';
/**
 * The phrase, with the verb before it (`增长与…同步`, `降低完成…`) so that what is
 * left before it is only the metric list.
 */
const PHRASE = new RegExp(
  '(?:增长|增速|降低|下降|涨幅|增幅)?\\s*(?:继续|保持|力争|确保|努力)?\\s*(' +
    '(?:与|和|同)经济增长(?:基本|保持)*同步' +
    // 财政总收入同步增长: in step with the growth the list before it states.
    '|(?:基本)?同步增长' +
    `|(?:完成|实现|控制在|低于|不超过|达到)?${LEVEL}?下达的?[\\u4e00-\\u9fff]{0,4}?(?:目标任务|目标|任务|指标)(?:以内)?` +
    `|(?:略高于|高于|快于|不低于)(?:全(?:国|省|区|市|州|县)(?:平均)?水平|经济增长)` +
    // 进出口总额实现正增长: a direction without a number.
    '|(?:实现|保持|力争|确保)正增长' +
    ')',
  'u',
);
/** Separators between clauses, and between the metrics of one list. */
// A line break ends a clause too: bullet lines (● 居民收入增长与经济增长同步) carry no punctuation.
const CLAUSE_END = /[，,；;。：:！？\n]/u;
const LIST_SEPARATOR = /[、和及与]/u;
/** Bullets, dashes, emphasis, footnote markers and spaces around a list item. */
const NOISE = /^[\s*●◆■▲►•·・‧∙※★☆◇○□—–\-\u2460-\u2473]+|[\s*\u2460-\u2473]+$/gu;
const YEAR_PREFIX = /^(?:(?:19|20)\d{2}\s*年(?:度)?)/u;
/** A list number opening a target line (`5.一般公共预算收入…`, `（3）`, `③`). */
const LIST_NUMBER = /^(?:\d{1,2}\s*[.．、](?!\d)|[（(]\d{1,2}[）)]|[\u2460-\u2473])\s*/u;

interface Spelling {
  readonly spelling: string;
  readonly metric: string;
  readonly parts: readonly string[] | undefined;
}

function spellingsOf(metrics: readonly MetricRule[]): Spelling[] {
  return metrics.flatMap((rule) => [rule.metric, ...rule.aliases].map((spelling) => ({ spelling, metric: rule.metric, parts: rule.parts })));
}

/** `全市居民人均可支配收入` → `居民人均可支配收入`, with the offset of what is kept. */
function withoutScope(item: string): { name: string; offset: number } {
  let name = item;
  let offset = 0;
  for (;;) {
    const noise = /^[\s*●◆■▲►•·・‧∙※★☆◇○□—–-]+/u.exec(name)?.[0] ?? '';
    const number = LIST_NUMBER.exec(name.slice(noise.length))?.[0] ?? '';
    const year = YEAR_PREFIX.exec(name.slice(noise.length + number.length))?.[0] ?? '';
    const rest = name.slice(noise.length + number.length + year.length);
    const word = SCOPE_WORDS.find((candidate) => rest.startsWith(candidate)) ?? '';
    const cut = noise.length + number.length + year.length + word.length;
    if (cut === 0) return { name: name.replace(NOISE, ''), offset };
    name = name.slice(cut);
    offset += cut;
  }
}

/** The metrics a list item names: the canonical metric, its parts, or the item as written. */
function metricsOf(name: string, spellings: readonly Spelling[]): string[] {
  const listed = spellings.find((candidate) => candidate.spelling === name);
  // One phrase for a combined metric (城乡居民收入与经济增长同步) states no separate
  // figures for its parts, so the metric stays whole.
  if (listed) return [listed.metric];
  return isUnlistedMetricName(name, spellings.map((candidate) => candidate.spelling)) ? [name] : [];
}

export function extractQualitativeStatements(sentence: FigureSentence, metrics: readonly MetricRule[]): QualitativeStatement[] {
  const spellings = spellingsOf(metrics);
  const text = sentence.text;
  const base = sentence.span.start;
  const statements: QualitativeStatement[] = [];
  let clauseStart = 0;
  for (let i = 0; i <= text.length; i += 1) {
    if (i < text.length && !CLAUSE_END.test(text.charAt(i))) continue;
    const clause = text.slice(clauseStart, i);
    const phrase = PHRASE.exec(clause);
    if (phrase && phrase.index > 0) {
      const phraseStart = clauseStart + phrase.index;
      const phraseText = phrase[1] as string;
      const phraseAt = clauseStart + phrase.index + phrase[0].length - phraseText.length;
      let itemStart = clauseStart;
      const list = text.slice(clauseStart, phraseStart);
      for (let k = 0; k <= list.length; k += 1) {
        if (k < list.length && !LIST_SEPARATOR.test(list.charAt(k))) continue;
        const item = text.slice(itemStart, clauseStart + k);
        const { name, offset } = withoutScope(item);
        for (const metric of metricsOf(name, spellings)) {
          statements.push({
            metric,
            kind: sentence.kind,
            year: sentence.year,
            value: null,
            upTo: null,
            unit: '',
            measure: 'qualitative',
            qualifier: phraseText,
            text,
            span: { start: base + phraseAt, end: base + phraseAt + phraseText.length },
            metricSpan: { start: base + itemStart + offset, end: base + itemStart + offset + name.length },
          });
        }
        itemStart = clauseStart + k + 1;
      }
    }
    clauseStart = i + 1;
  }
  return statements;
}

/**
 * Every statement of a figure sentence: its numbers (`extractIndicators`, with
 * metrics the dictionary does not list kept as written) and its qualitative statements for metrics the sentence gives no number, in the
 * order the sentence states them.
 */
export function extractFigureStatements(sentence: FigureSentence, metrics: readonly MetricRule[], ownPlace: string | null = null): FigureStatement[] {
  const numeric = extractIndicators(sentence, metrics, { unlisted: true, ownPlace });
  const stated = new Set(numeric.map((statement) => statement.metric));
  const qualitative = extractQualitativeStatements(sentence, metrics).filter((statement) => !stated.has(statement.metric));
  return [...numeric, ...qualitative].sort((a, b) => a.span.start - b.span.start);
}
