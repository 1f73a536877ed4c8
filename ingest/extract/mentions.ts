/**
 * Finds the entities a piece of prose names: agencies, companies, parks,
 * projects and glossary terms. Two sources of candidates:
 *
 * - literal names (gazetteer lists with their aliases, glossary terms, and the
 *   agency names seen in annotations, tables and leader lists), matched in one
 *   pass over the text with a character trie;
 * - the general patterns of `entity-patterns.tsv`, for names no list holds.
 *
 * Nothing is invented: every mention is a span of the text, and `written` is
 * exactly `text.slice(span)` (offsets shifted by `baseOffset`).
 *
 * Choosing among overlapping candidates:
 * 1. a pattern hit that ends where a list name of the same type ends, but starts
 *    earlier, gives way to the list name (a pattern can only guess where a name
 *    starts; the list knows);
 * 2. per type, the longest candidate wins (ties: list before pattern, then
 *    leftmost); mentions of one type never overlap (柳州高新区, not 高新区);
 * 3. across types, a mention strictly inside a longer mention of another type is
 *    dropped (柳东新区 inside the agency 柳东新区管委会; the agency 柳工 … inside a
 *    park name), and an agency with exactly the span of a company, park or
 *    project is dropped (柳东新区 alone is a park, even when a table lists it as a
 *    responsible unit) — unless the agency comes from the documents' own lists
 *    and the other is only a pattern hit (由市城建集团实施: the state company the
 *    documents name as a responsible unit stays an agency). A glossary term and a project with the same span are both
 *    kept: the term links the passage to its definition.
 */

import type { Span } from '../model.ts';
import { gazetteerNames, type EntityPattern, type EntityType, type Gazetteer } from './gazetteer.ts';

export interface EntityMention {
  readonly type: EntityType;
  /**
   * Canonical name from the gazetteer; for an agency, the name as listed in the
   * documents (with `市` when the text wrote it without); for a pattern hit, the
   * matched text.
   */
  readonly name: string;
  /** Exactly as written in the text. */
  readonly written: string;
  readonly span: Span;
}

export interface MentionMatcher {
  /** Mentions in `text`, sorted by start then type; spans are shifted by `baseOffset`. */
  find(text: string, baseOffset: number): EntityMention[];
  /**
   * Exactly the agencies of `find(text, baseOffset)`, cheaper: a text with no
   * agency candidate at all (no agency name, no agency pattern hit) runs none
   * of the other types' patterns, since nothing can make an agency appear.
   */
  findAgencies(text: string, baseOffset: number): EntityMention[];
}

type Origin = 'list' | 'pattern';

interface Candidate {
  readonly type: EntityType;
  readonly name: string;
  readonly start: number;
  readonly end: number;
  readonly origin: Origin;
}

interface TrieValue {
  readonly type: EntityType;
  readonly name: string;
  /** A `市`-less agency name: not taken right after a place unit (融安县教育局). */
  readonly needsPlaceBoundary: boolean;
}

interface TrieNode {
  readonly next: Map<number, TrieNode>;
  values: TrieValue[];
}

function newNode(): TrieNode {
  return { next: new Map(), values: [] };
}

function insert(root: TrieNode, word: string, value: TrieValue): void {
  let node = root;
  for (let i = 0; i < word.length; i += 1) {
    const code = word.charCodeAt(i);
    let child = node.next.get(code);
    if (child === undefined) {
      child = newNode();
      node.next.set(code, child);
    }
    node = child;
  }
  const duplicate = node.values.some((v) => v.type === value.type && v.name === value.name);
  if (!duplicate) node.values.push(value);
}

/** Agency names as listed, plus their `市`-less forms (`市教育局` → `教育局`) when those stay specific. */
export function agencyDictionary(agencyNames: readonly string[]): { written: string; name: string; needsPlaceBoundary: boolean }[] {
  const result: { written: string; name: string; needsPlaceBoundary: boolean }[] = [];
  const seen = new Set<string>();
  for (const raw of agencyNames) {
    const name = raw.trim();
    if (name.length < 2) continue;
    if (!seen.has(name)) {
      seen.add(name);
      result.push({ written: name, name, needsPlaceBoundary: false });
    }
    // Two characters left (委 of 市委, 政府 of 市政府) would match far too much.
    const bare = name.startsWith('市') ? name.slice(1) : '';
    if (bare.length >= 3 && !seen.has(bare)) {
      seen.add(bare);
      result.push({ written: bare, name, needsPlaceBoundary: true });
    }
  }
  return result;
}

interface CompiledPattern {
  readonly pattern: EntityPattern;
  readonly regex: RegExp;
}

function lastCutAfter(written: string, words: readonly string[]): number {
  let cut = 0;
  for (const word of words) {
    const index = written.lastIndexOf(word);
    // A stop word at the very end would leave nothing: it is then part of the suffix.
    if (index >= 0 && index + word.length < written.length) cut = Math.max(cut, index + word.length);
  }
  return cut;
}

const HAN = /\p{Script=Han}/u;

function isGeneric(written: string, gazetteer: Gazetteer): boolean {
  return (
    written.length < 3 ||
    gazetteer.genericNames.exact.includes(written) ||
    gazetteer.genericNames.prefixes.some((prefix) => written.startsWith(prefix))
  );
}

/** Applies the pattern's mode to one hit; null when the hit names nothing. */
function refineHit(
  fullText: string,
  start: number,
  end: number,
  mode: EntityPattern['mode'],
  gazetteer: Gazetteer,
): { start: number; written: string } | null {
  const stop = gazetteer.stopWords;
  let text = fullText.slice(start, end);
  let offset = start;
  if (mode === 'strict') {
    if (stop.neverInName.some((word) => text.includes(word))) return null;
    if (stop.atStart.some((word) => text.startsWith(word))) return null;
  } else {
    const cut = lastCutAfter(text, stop.anywhere);
    text = text.slice(cut);
    offset += cut;
    let cutBefore = cut > 0;
    for (let stripped = true; stripped; ) {
      stripped = false;
      for (const word of stop.atStart) {
        if (text.startsWith(word) && text.length > word.length) {
          text = text.slice(word.length);
          offset += word.length;
          stripped = true;
          cutBefore = true;
        }
      }
    }
    // A name starts at a boundary: the start of the text, after punctuation or
    // a non-Chinese character, or right after a stop word. A hit that starts
    // inside a run of characters for any other reason began mid-word (the
    // pattern's length limit or an earlier failed start put it there).
    if (!cutBefore && offset > 0 && HAN.test(fullText.charAt(offset - 1))) return null;
  }
  return isGeneric(text, gazetteer) ? null : { start: offset, written: text };
}

function strictlyInside(inner: Candidate, outer: Candidate): boolean {
  return outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
}

const YIELDS_SAME_SPAN: ReadonlySet<EntityType> = new Set<EntityType>(['Company', 'Park', 'Project']);

/** Per type: longest first (ties: list, then leftmost), no overlaps within a type. */
function selectPerType(candidates: readonly Candidate[], textLength: number): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      (a.origin === b.origin ? 0 : a.origin === 'list' ? -1 : 1) ||
      a.start - b.start,
  );
  // One occupancy map per type keeps the check linear in the mention's length.
  const occupied = new Map<EntityType, Uint8Array>();
  const accepted: Candidate[] = [];
  for (const candidate of ordered) {
    let taken = occupied.get(candidate.type);
    if (taken === undefined) {
      taken = new Uint8Array(textLength);
      occupied.set(candidate.type, taken);
    }
    let free = true;
    for (let i = candidate.start; i < candidate.end && free; i += 1) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, candidate.start, candidate.end);
    accepted.push(candidate);
  }
  return accepted.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Cross-type rule 3 of the module comment; input sorted by start. */
function dropShadowed(sorted: readonly Candidate[]): Candidate[] {
  const dropped = new Set<Candidate>();
  for (let i = 0; i < sorted.length; i += 1) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length; j += 1) {
      const b = sorted[j]!;
      if (b.start >= a.end) break;
      if (a.type === b.type) continue;
      if (strictlyInside(a, b)) dropped.add(a);
      else if (strictlyInside(b, a)) dropped.add(b);
      else if (a.start === b.start && a.end === b.end) {
        const agency = a.type === 'Agency' ? a : b.type === 'Agency' ? b : null;
        const other = agency === a ? b : a;
        if (agency === null || !YIELDS_SAME_SPAN.has(other.type)) continue;
        // A name the documents list as a responsible unit beats a pattern's guess.
        dropped.add(agency.origin === 'list' && other.origin === 'pattern' ? other : agency);
      }
    }
  }
  return sorted.filter((candidate) => !dropped.has(candidate));
}

const TYPE_ORDER: readonly EntityType[] = ['Agency', 'Company', 'Park', 'Project', 'Term'];

/**
 * Compiles the gazetteer and agency names once: a trie over every literal name
 * and the pattern regexes. The matcher holds no mutable state and can be shared.
 */
export function compileMatcher(gazetteer: Gazetteer, agencyNames: readonly string[]): MentionMatcher {
  const root = newNode();
  for (const { type, name, written } of gazetteerNames(gazetteer)) {
    if (written.length >= 2) insert(root, written, { type, name, needsPlaceBoundary: false });
  }
  for (const { written, name, needsPlaceBoundary } of agencyDictionary(agencyNames)) {
    insert(root, written, { type: 'Agency', name, needsPlaceBoundary });
  }
  const placeUnits = new Set(gazetteer.placeUnits);
  const patterns: CompiledPattern[] = gazetteer.patterns.map((pattern) => ({
    pattern,
    // `d` gives the indices of the `name` group; `g` for matchAll.
    regex: new RegExp(pattern.source, 'gud'),
  }));

  function listCandidates(text: string): Candidate[] {
    const found: Candidate[] = [];
    for (let start = 0; start < text.length; start += 1) {
      let node: TrieNode | undefined = root;
      for (let end = start; end < text.length; end += 1) {
        node = node.next.get(text.charCodeAt(end));
        if (node === undefined) break;
        for (const value of node.values) {
          if (value.needsPlaceBoundary && start > 0 && placeUnits.has(text.charAt(start - 1))) continue;
          found.push({ type: value.type, name: value.name, start, end: end + 1, origin: 'list' });
        }
      }
    }
    return found;
  }

  /** The hits of the patterns `wanted` picks, in the patterns' order (per type, the order breaks ties). */
  function patternCandidates(text: string, wanted: (pattern: EntityPattern) => boolean = () => true): Candidate[] {
    const found: Candidate[] = [];
    for (const { pattern, regex } of patterns) {
      if (!wanted(pattern)) continue;
      for (const match of text.matchAll(regex)) {
        const indices = match.indices?.groups?.['name'] ?? match.indices?.[0];
        if (indices === undefined) continue;
        const [start, end] = indices;
        const hit = refineHit(text, start, end, pattern.mode, gazetteer);
        if (hit === null) continue;
        found.push({ type: pattern.type, name: hit.written, start: hit.start, end, origin: 'pattern' });
      }
    }
    return found;
  }

  function chosen(text: string, baseOffset: number, fromLists: readonly Candidate[], patternHits: readonly Candidate[]): EntityMention[] {
    const listEnds = new Map<string, number>();
    for (const candidate of fromLists) {
      const key = `${candidate.type}:${candidate.end}`;
      listEnds.set(key, Math.max(listEnds.get(key) ?? -1, candidate.start));
    }
    const fromPatterns = patternHits.filter((candidate) => {
      const listStart = listEnds.get(`${candidate.type}:${candidate.end}`);
      return listStart === undefined || listStart <= candidate.start;
    });
    return dropShadowed(selectPerType([...fromLists, ...fromPatterns], text.length))
      .sort((a, b) => a.start - b.start || TYPE_ORDER.indexOf(a.type) - TYPE_ORDER.indexOf(b.type))
      .map((candidate) => ({
        type: candidate.type,
        name: candidate.name,
        written: text.slice(candidate.start, candidate.end),
        span: { start: baseOffset + candidate.start, end: baseOffset + candidate.end },
      }));
  }

  return {
    find(text: string, baseOffset: number): EntityMention[] {
      return chosen(text, baseOffset, listCandidates(text), patternCandidates(text));
    },
    findAgencies(text: string, baseOffset: number): EntityMention[] {
      const fromLists = listCandidates(text);
      // The agency patterns run once: their hits decide whether the others need to run at all.
      const agencyHits = patternCandidates(text, (pattern) => pattern.type === 'Agency');
      if (agencyHits.length === 0 && !fromLists.some((candidate) => candidate.type === 'Agency')) return [];
      const otherHits = patternCandidates(text, (pattern) => pattern.type !== 'Agency');
      return chosen(text, baseOffset, fromLists, [...agencyHits, ...otherHits]).filter((mention) => mention.type === 'Agency');
    },
  };
}

/**
 * Compiled matchers, per gazetteer and agency-name list (by identity). A cache,
 * not state: inputs are read-only and a matcher is a pure function of them, so
 * whether a call hits the cache never changes its result. Weak keys let
 * gazetteers and name lists be collected.
 */
const matcherCache = new WeakMap<Gazetteer, WeakMap<readonly string[], MentionMatcher>>();

/** The mentions of entities in `text`; see the module comment for the rules. */
export function findMentions(
  text: string,
  baseOffset: number,
  gazetteer: Gazetteer,
  agencyNames: readonly string[],
): EntityMention[] {
  let byNames = matcherCache.get(gazetteer);
  if (byNames === undefined) {
    byNames = new WeakMap();
    matcherCache.set(gazetteer, byNames);
  }
  let matcher = byNames.get(agencyNames);
  if (matcher === undefined) {
    matcher = compileMatcher(gazetteer, agencyNames);
    byNames.set(agencyNames, matcher);
  }
  return matcher.find(text, baseOffset);
}
