/**
 * The gazetteer: named entities the mention finder looks for, and the general
 * patterns that catch names the lists do not hold. Everything here is plain data
 * read from `data/rules/` so that a user can extend it without touching code:
 *
 * - `companies.txt`, `parks.txt`, `projects.txt` — one canonical name per line,
 *   optionally a TAB and aliases separated by `|`; `#` starts a comment line.
 * - `entity-patterns.tsv` — `type<TAB>id<TAB>mode<TAB>regex<TAB>description`,
 *   one general pattern per line (see the file's header).
 * - `name-stop-words.txt` — words that never begin an entity name; a pattern hit
 *   is cut after them (`加快推进柳州静脉产业园` → `柳州静脉产业园`). `!word`: never
 *   inside any name; `^word`: only at the start of a hit.
 * - `generic-names.txt` — category words that are not a named entity on their
 *   own (`产业园区`, `医疗集团`); `^word` rejects hits starting with the word.
 * - `place-units.txt` — characters ending a place name (县, 区 …): an agency
 *   written without `市` right after one belongs to another level of government.
 *
 * Parsing is pure (`parseEntityList`, `parseEntityPatterns`, `parseWordList`);
 * `ingest/rules.ts` reads the files (`loadGazetteer`).
 */


import { KgError } from '../../core/errors.ts';
import type { ParsedDocument } from '../model.ts';

export const ENTITY_TYPES = ['Agency', 'Company', 'Park', 'Project', 'Term'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** A name (with the other ways it is written) that the finder matches literally. */
export interface GazetteerEntry {
  readonly name: string;
  readonly aliases: readonly string[];
}

/**
 * `trim`: the regex may start too far left (it cannot know where a name
 * begins); the hit is cut after the last stop word. `strict`: a hit that
 * contains a stop word is rejected, because the pattern anchors its own start
 * (the agency pattern starts at `市`).
 */
export type PatternMode = 'trim' | 'strict';

export interface EntityPattern {
  readonly type: EntityType;
  /** Short stable identifier, shown in provenance and test failures. */
  readonly id: string;
  readonly mode: PatternMode;
  /**
   * JavaScript regular expression source, compiled with the `u` flag. When it
   * has a named group `name`, the mention is that group; else the whole match.
   */
  readonly source: string;
  readonly description: string;
}

/** Parsed `name-stop-words.txt`. */
export interface StopWords {
  /** Cut a "trim" hit after their last occurrence. Includes `neverInName`. */
  readonly anywhere: readonly string[];
  /** Also reject a "strict" hit that contains them. */
  readonly neverInName: readonly string[];
  /** Stripped (repeatedly) from the start of a "trim" hit; reject a "strict" hit starting with them. */
  readonly atStart: readonly string[];
}

/** Parsed `generic-names.txt`. */
export interface GenericNames {
  readonly exact: readonly string[];
  readonly prefixes: readonly string[];
}

export interface Gazetteer {
  readonly companies: readonly GazetteerEntry[];
  readonly parks: readonly GazetteerEntry[];
  readonly projects: readonly GazetteerEntry[];
  /** Glossary terms (附注); filled from parsed documents by `withGlossaryTerms`. */
  readonly terms: readonly GazetteerEntry[];
  readonly patterns: readonly EntityPattern[];
  readonly stopWords: StopWords;
  readonly genericNames: GenericNames;
  readonly placeUnits: readonly string[];
}

export const EMPTY_GAZETTEER: Gazetteer = {
  companies: [],
  parks: [],
  projects: [],
  terms: [],
  patterns: [],
  stopWords: { anywhere: [], neverInName: [], atStart: [] },
  genericNames: { exact: [], prefixes: [] },
  placeUnits: [],
};

/** A rule file line that cannot be understood; names the file and line. */
function ruleError(source: string, lineNumber: number, reason: string, cause?: unknown): KgError {
  return new KgError('CONFIG_INVALID', `${source}:${lineNumber}: ${reason}`, cause === undefined ? undefined : { cause });
}

/**
 * Lines that carry data: not blank, not `#` comments; with their 1-based
 * numbers. Shared by the line-based rule files (also `agency-facts.ts`).
 */
export function dataLines(text: string): { line: string; lineNumber: number }[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const result: { line: string; lineNumber: number }[] = [];
  lines.forEach((raw, index) => {
    const line = raw.trimEnd();
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    result.push({ line, lineNumber: index + 1 });
  });
  return result;
}

/** `canonical[<TAB>alias|alias…]` lines → entries. Duplicate canonical names merge their aliases. */
export function parseEntityList(text: string, source: string): GazetteerEntry[] {
  const byName = new Map<string, Set<string>>();
  for (const { line, lineNumber } of dataLines(text)) {
    const [namePart = '', aliasPart = '', ...extra] = line.split('\t');
    const name = namePart.trim();
    if (name === '') throw ruleError(source, lineNumber, 'the line starts with a TAB: the canonical name is missing');
    if (extra.length > 0) throw ruleError(source, lineNumber, 'more than one TAB: aliases are separated by |, not by TAB');
    const aliases = byName.get(name) ?? new Set<string>();
    for (const alias of aliasPart.split('|')) {
      const trimmed = alias.trim();
      if (trimmed !== '' && trimmed !== name) aliases.add(trimmed);
    }
    byName.set(name, aliases);
  }
  return [...byName].map(([name, aliases]) => ({ name, aliases: [...aliases] }));
}

/** One word per line (first TAB-separated field), comments and blanks skipped, deduplicated. */
export function parseWordList(text: string): string[] {
  const words = new Set<string>();
  for (const { line } of dataLines(text)) {
    const word = (line.split('\t')[0] ?? '').trim();
    if (word !== '') words.add(word);
  }
  return [...words];
}

/** `name-stop-words.txt` syntax: `word`, `!word` (never in a name), `^word` (start only). */
export function parseStopWords(text: string): StopWords {
  const anywhere: string[] = [];
  const neverInName: string[] = [];
  const atStart: string[] = [];
  for (const word of parseWordList(text)) {
    if (word.startsWith('^') && word.length > 1) atStart.push(word.slice(1));
    else if (word.startsWith('!') && word.length > 1) {
      anywhere.push(word.slice(1));
      neverInName.push(word.slice(1));
    } else anywhere.push(word);
  }
  return { anywhere, neverInName, atStart };
}

/** `generic-names.txt` syntax: `name` (exact) or `^word` (any hit starting with it). */
export function parseGenericNames(text: string): GenericNames {
  const exact: string[] = [];
  const prefixes: string[] = [];
  for (const word of parseWordList(text)) {
    if (word.startsWith('^') && word.length > 1) prefixes.push(word.slice(1));
    else exact.push(word);
  }
  return { exact, prefixes };
}

/** `type<TAB>id<TAB>mode<TAB>regex<TAB>description` lines; each regex is compiled once to validate it. */
export function parseEntityPatterns(text: string, source: string): EntityPattern[] {
  const patterns: EntityPattern[] = [];
  const ids = new Set<string>();
  for (const { line, lineNumber } of dataLines(text)) {
    const fields = line.split('\t');
    if (fields.length < 5) throw ruleError(source, lineNumber, `expected 5 TAB-separated fields (type, id, mode, regex, description), found ${fields.length}`);
    const [type = '', id = '', mode = '', regex = '', ...descriptionParts] = fields;
    if (!(ENTITY_TYPES as readonly string[]).includes(type)) {
      throw ruleError(source, lineNumber, `unknown entity type "${type}" (expected one of ${ENTITY_TYPES.join(', ')})`);
    }
    if (mode !== 'trim' && mode !== 'strict') throw ruleError(source, lineNumber, `unknown mode "${mode}" (expected trim or strict)`);
    if (id === '' || ids.has(id)) throw ruleError(source, lineNumber, `pattern id "${id}" is empty or used twice`);
    try {
      new RegExp(regex, 'u');
    } catch (error) {
      throw ruleError(source, lineNumber, `invalid regular expression: ${String(error)}`, error);
    }
    ids.add(id);
    patterns.push({ type: type as EntityType, id, mode, source: regex, description: descriptionParts.join('\t').trim() });
  }
  return patterns;
}

/** The glossary terms (附注) of the documents, one entry per distinct name. */
export function glossaryTerms(documents: readonly ParsedDocument[]): GazetteerEntry[] {
  return termEntries(documents.flatMap((document) => (document.kind === 'WORK_REPORT' ? document.glossary.map((term) => term.name) : [])));
}

/** One entry per distinct trimmed, non-empty name, in order of first appearance. */
function termEntries(names: readonly string[]): GazetteerEntry[] {
  const distinct = new Set<string>();
  for (const raw of names) {
    const name = raw.trim();
    if (name !== '') distinct.add(name);
  }
  return [...distinct].map((name) => ({ name, aliases: [] }));
}

/** A gazetteer that also knows the documents' glossary terms (existing terms kept). */
export function withGlossaryTerms(gazetteer: Gazetteer, documents: readonly ParsedDocument[]): Gazetteer {
  return withTerms(gazetteer, glossaryTerms(documents));
}

/** A gazetteer that also knows these glossary term names, in document order (what `withGlossaryTerms` adds, from the names alone). */
export function withTermNames(gazetteer: Gazetteer, names: readonly string[]): Gazetteer {
  return withTerms(gazetteer, termEntries(names));
}

function withTerms(gazetteer: Gazetteer, terms: readonly GazetteerEntry[]): Gazetteer {
  const known = new Set(gazetteer.terms.map((term) => term.name));
  const added = terms.filter((term) => !known.has(term.name));
  return { ...gazetteer, terms: [...gazetteer.terms, ...added] };
}

/** Every name and alias of the gazetteer's lists, with the entity type and canonical name. */
export function gazetteerNames(gazetteer: Gazetteer): { type: Exclude<EntityType, 'Agency'>; name: string; written: string }[] {
  const groups: [Exclude<EntityType, 'Agency'>, readonly GazetteerEntry[]][] = [
    ['Company', gazetteer.companies],
    ['Park', gazetteer.parks],
    ['Project', gazetteer.projects],
    ['Term', gazetteer.terms],
  ];
  const result: { type: Exclude<EntityType, 'Agency'>; name: string; written: string }[] = [];
  for (const [type, entries] of groups) {
    for (const entry of entries) {
      result.push({ type, name: entry.name, written: entry.name });
      for (const alias of entry.aliases) result.push({ type, name: entry.name, written: alias });
    }
  }
  return result;
}
