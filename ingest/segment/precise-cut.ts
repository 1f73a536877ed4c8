/**
 * jieba's precise mode (cppjieba `MPSegment`, what `nodejieba.cut(text)` runs:
 * no HMM), on jieba's own dictionary, in TypeScript. Why not nodejieba: its
 * `load()` builds the dictionary trie twice (for `Jieba` and for a
 * `TextRankExtractor` we never use) plus a keyword extractor's IDF table,
 * ≈243 MB of native memory that stays for the life of the process and was
 * the largest part of the ingest's peak; this is ≈16 MB and freed with the
 * segmenter. The cut is the same token for token (test/unit/precise-cut.test.ts
 * compares it with nodejieba on the seed corpus):
 * - the text is split at jieba's separators (space, tab, newline, ，, 。), each
 *   separator a token of its own;
 * - within a run, each position's candidates are the dictionary words starting
 *   there (a character that is no word counts as one with the dictionary's
 *   lowest weight), and the cut maximises the sum of weights, right to left,
 *   the shorter word winning a tie;
 * - weights are ln(freq / Σ freq) over the main dictionary, rounded as the C
 *   library rounds them (`exactLog`); user words weigh the median weight.
 */

import { ConfigError } from '../../core/errors.ts';
import { exactLog } from './exact-log.ts';
import { WordTrie } from './word-trie.ts';

/** cppjieba's MIN_DOUBLE: the starting score every candidate beats. */
const MIN_SCORE = -3.14e100;
/** cppjieba's MAX_WORD_LENGTH, in code points. */
const MAX_WORD_LENGTH = 512;
/** cppjieba's SPECIAL_SEPARATORS. */
const SEPARATORS = new Set([0x20, 0x09, 0x0a, 0xff0c, 0x3002]);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export interface JiebaDictionaries {
  /** jieba.dict.utf8: `word freq tag` per line. */
  readonly main: string;
  /** user.dict.utf8: `word`, `word tag` or `word freq tag` per line. */
  readonly user: string;
  /** Where `main` came from, for errors. */
  readonly source: string;
}

/** limonp::Split on one space: a trailing separator adds no empty field. */
function fields(line: string): string[] {
  const parts = line.split(' ');
  if (line.endsWith(' ')) parts.pop();
  return parts;
}

/** std::getline's lines: no empty last line after a final newline. */
function lines(text: string): string[] {
  const all = text.split('\n');
  if (text.endsWith('\n')) all.pop();
  return all;
}

/**
 * The main dictionary's lines as offsets into its text and their frequencies:
 * 350k lines, read without a string or an array per line (which made ≈80 MB
 * of garbage, and RSS, while the dictionary loaded).
 */
function mainEntries(dictionary: JiebaDictionaries): { starts: Int32Array; ends: Int32Array; frequencies: Float64Array } {
  const text = dictionary.main;
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  if (!text.endsWith('\n') && text !== '') count++;
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  const frequencies = new Float64Array(count);
  let line = 0;
  for (let start = 0; start < text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const wordEnd = text.indexOf(' ', start);
    const frequencyEnd = wordEnd < 0 ? -1 : text.indexOf(' ', wordEnd + 1);
    // `word freq tag`: a word, a frequency and a tag, nothing after it (a trailing space aside).
    const tagSpace = frequencyEnd < 0 ? -1 : text.indexOf(' ', frequencyEnd + 1);
    const frequency = frequencyEnd < 0 ? Number.NaN : Number(text.slice(wordEnd + 1, frequencyEnd));
    if (wordEnd < 0 || wordEnd >= end || frequencyEnd < 0 || frequencyEnd >= end - 1 || (tagSpace >= 0 && tagSpace < end - 1) || !(frequency > 0)) {
      throw new ConfigError(dictionary.source, `line ${line + 1} is not "word freq tag": ${JSON.stringify(text.slice(start, end))}`);
    }
    starts[line] = start;
    ends[line] = wordEnd;
    frequencies[line] = frequency;
    start = end + 1;
  }
  return { starts, ends, frequencies };
}

export class PreciseSegmenter {
  private readonly trie: WordTrie;
  private readonly minWeight: number;
  private readonly userWeight: number;
  private runes = new Int32Array(256);
  private offsets = new Int32Array(257);
  private scores = new Float64Array(257);
  private lengths = new Int32Array(256);

  constructor(dictionaries: JiebaDictionaries, userWords: Iterable<string> = []) {
    const { starts, ends, frequencies } = mainEntries(dictionaries);
    if (frequencies.length === 0) throw new ConfigError(dictionaries.source, 'the dictionary is empty');
    let total = 0;
    for (const frequency of frequencies) total += frequency;
    const logs = new Map<number, number>();
    const weights = frequencies.map((frequency) => {
      let weight = logs.get(frequency);
      if (weight === undefined) {
        weight = exactLog(frequency / total);
        logs.set(frequency, weight);
      }
      return weight;
    });
    const sorted = Float64Array.from(weights).sort();
    this.minWeight = sorted[0] ?? 0;
    this.userWeight = sorted[Math.floor(sorted.length / 2)] ?? 0;
    // ≈1.43 trie nodes a word in jieba's dictionary: the edge table is sized once.
    this.trie = new WordTrie(Math.ceil(frequencies.length * 1.45));
    const main = dictionaries.main;
    for (let line = 0; line < frequencies.length; line++) this.trie.insert(main, weights[line] ?? 0, starts[line], ends[line]);
    for (const line of lines(dictionaries.user)) {
      if (line === '') continue;
      const parts = fields(line);
      const word = parts[0] ?? '';
      if (parts.length === 1 || parts.length === 2) this.trie.insert(word, this.userWeight);
      else if (parts.length === 3) this.trie.insert(word, exactLog((Number.parseInt(parts[1] ?? '', 10) || 0) / total));
    }
    for (const word of userWords) this.trie.insert(word, this.userWeight);
  }

  /** Precise-mode segmentation: each character in exactly one token. */
  cut(raw: string): string[] {
    // nodejieba reads the text as UTF-8, where a lone surrogate becomes U+FFFD.
    const text = /[\uD800-\uDFFF]/.test(raw) ? raw.replace(LONE_SURROGATE, '\uFFFD') : raw;
    const tokens: string[] = [];
    if (text.length >= this.runes.length) this.reserve(text.length + 1);
    let count = 0;
    for (let at = 0; at < text.length; ) {
      const char = text.codePointAt(at) ?? 0;
      if (SEPARATORS.has(char)) {
        this.offsets[count] = at;
        this.cutRun(text, count, tokens);
        count = 0;
        tokens.push(text.charAt(at));
        at += 1;
        continue;
      }
      this.runes[count] = char;
      this.offsets[count] = at;
      count += 1;
      at += char > 0xffff ? 2 : 1;
    }
    this.offsets[count] = text.length;
    this.cutRun(text, count, tokens);
    return tokens;
  }

  private reserve(length: number): void {
    this.runes = new Int32Array(length);
    this.offsets = new Int32Array(length + 1);
    this.scores = new Float64Array(length + 1);
    this.lengths = new Int32Array(length);
  }

  /** The best cut of the first `count` runes (offsets[count] set to where they end). */
  private cutRun(text: string, count: number, tokens: string[]): void {
    if (count === 0) return;
    const { trie, runes, scores, lengths, offsets } = this;
    scores[count] = 0;
    for (let start = count - 1; start >= 0; start--) {
      let node = trie.child(WordTrie.ROOT, runes[start] ?? 0);
      const single = node < 0 ? Number.NaN : trie.weight(node);
      let best = MIN_SCORE;
      let length = 1;
      const first = (scores[start + 1] ?? 0) + (Number.isNaN(single) ? this.minWeight : single);
      if (first > best) best = first;
      for (let end = start + 1; node >= 0 && end < count && end - start < MAX_WORD_LENGTH; end++) {
        node = trie.child(node, runes[end] ?? 0);
        if (node < 0) break;
        const weight = trie.weight(node);
        if (Number.isNaN(weight)) continue;
        const score = (scores[end + 1] ?? 0) + weight;
        if (score > best) {
          best = score;
          length = end - start + 1;
        }
      }
      scores[start] = best;
      lengths[start] = length;
    }
    for (let start = 0; start < count; ) {
      const end = start + (lengths[start] ?? 1);
      tokens.push(text.slice(offsets[start] ?? 0, offsets[end] ?? text.length));
      start = end;
    }
  }
}
