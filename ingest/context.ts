/**
 * The entity-resolution context of one ingest run: the agency registries
 * over every document of the run (one per jurisdiction, so 市财政局 of two
 * cities are never joined), the mention matcher and the indicator rules, as
 * the functions the pure graph builder takes.
 */
import type { GraphContext, IndicatorFact, Mention, ResolvedAgency } from './graph/build.ts';
import { agencyId, jurisdictionId } from './jurisdiction/index.ts';
import type { Jurisdiction, ParsedDocument } from './model.ts';
import { withTermNames } from './extract/gazetteer.ts';
import { compileMatcher } from './extract/mentions.ts';
import { documentAgencyMentions } from './extract/dictionary.ts';
import { extractFigureStatements } from './extract/qualitative-targets.ts';
import { agencyJurisdiction } from './resolve/agency-jurisdiction.ts';
import { resolveAgencies, type AgencyRegistry, type ObservedAgencyName } from './resolve/agencies/index.ts';
import { loadAgencyFacts, loadGazetteer, loadMetricRules, loadPlaceTable, loadStopwords } from './rules.ts';

/** The entity-resolution context shared by every document of one run. */
export interface IngestContext {
  /** Every agency name of the run resolved as one set, whatever its place (`kg entities`). */
  readonly registry: AgencyRegistry;
  /** Renames within each jurisdiction, between the ids the graph uses. */
  readonly renames: readonly { readonly from: string; readonly to: string; readonly year: number }[];
  readonly graphContext: GraphContext;
  readonly stopwords: ReadonlySet<string>;
}

/**
 * What resolution needs of one document, and nothing else: the agency names
 * of its annotations, tables and leader lists, its glossary terms, and its
 * paragraphs (agencies named only in prose). A run keeps these for every
 * document instead of the parsed documents (a few times smaller: no clauses,
 * tasks, figures or spans of other kinds), and parses each file again when it
 * builds its graphs (ingest/ingest.ts).
 */
export interface ResolutionInput {
  readonly year: number | null;
  readonly jurisdiction: Jurisdiction | null;
  readonly agencies: readonly { readonly name: string; readonly written: string }[];
  readonly glossary: readonly string[];
  readonly paragraphs: readonly { readonly text: string; readonly start: number }[];
}

export function resolutionInputOf(document: ParsedDocument): ResolutionInput {
  return {
    year: document.year,
    jurisdiction: document.jurisdiction,
    agencies: documentAgencyMentions(document).map((mention) => ({ name: mention.name, written: mention.written })),
    glossary: document.kind === 'WORK_REPORT' ? document.glossary.map((term) => term.name) : [],
    paragraphs: document.paragraphs.map((paragraph) => ({ text: paragraph.text, start: paragraph.span.start })),
  };
}

export async function createIngestContext(documents: readonly ParsedDocument[], rulesDir: string): Promise<IngestContext> {
  return createIngestContextFrom(documents.map(resolutionInputOf), rulesDir);
}

/** The context of a run from its documents' resolution inputs, in document order (the order names are resolved in). */
export async function createIngestContextFrom(documents: readonly ResolutionInput[], rulesDir: string): Promise<IngestContext> {
  const [facts, metricRules, stopwords, baseGazetteer, places] = await Promise.all([
    loadAgencyFacts(rulesDir),
    loadMetricRules(rulesDir),
    loadStopwords(rulesDir),
    loadGazetteer(rulesDir),
    loadPlaceTable(rulesDir),
  ]);
  const gazetteer = withTermNames(baseGazetteer, documents.flatMap((document) => document.glossary));
  const structured = documents.flatMap((document) =>
    document.agencies.map((mention) => ({ name: mention.name, written: mention.written, year: document.year, in: document.jurisdiction })),
  );
  // Agencies named only in prose (found by the agency pattern) go through the
  // same resolution as those of annotations, tables and leader lists, so the
  // curated aliases and the prefix rules apply to them too.
  const firstMatcher = compileMatcher(gazetteer, [...new Set(structured.flatMap((name) => [name.name, name.written]))].sort());
  const inProse = documents.flatMap((document) =>
    document.paragraphs.flatMap((paragraph) =>
      firstMatcher
        .findAgencies(paragraph.text, paragraph.start)
        .map((mention) => ({ name: mention.name, written: mention.written, year: document.year, in: document.jurisdiction })),
    ),
  );
  const observations = [...structured, ...inProse];
  const registry = resolveAgencies(observations, facts);
  const agencyNames = [...new Set(registry.agencies.flatMap((agency) => [agency.name, ...agency.aliases]))].sort();

  // Each name belongs to a place (its own, or its document's): the names of one
  // place are resolved together, and never joined with another place's.
  const placeOf = (name: string, document: Jurisdiction | null): Jurisdiction | null => agencyJurisdiction(name, document, places);
  const keyOf = (place: Jurisdiction | null): string => (place === null ? '' : jurisdictionId(place));
  const byPlace = new Map<string, { place: Jurisdiction | null; names: ObservedAgencyName[] }>();
  for (const observation of observations) {
    const place = placeOf(observation.name, observation.in);
    const key = keyOf(place);
    const group = byPlace.get(key) ?? { place, names: [] };
    group.names.push({ name: observation.name, written: observation.written, year: observation.year });
    byPlace.set(key, group);
  }
  const registries = new Map([...byPlace].map(([key, group]) => [key, { place: group.place, registry: resolveAgencies(group.names, facts) }]));
  const qualify = (id: string, place: Jurisdiction | null): string => agencyId(id.slice('agency:'.length), place);
  const renames = [...registries.values()].flatMap(({ place, registry: local }) =>
    local.agencies.flatMap((found) => (found.renamedTo ? [{ from: qualify(found.id, place), to: qualify(found.renamedTo.id, place), year: found.renamedTo.year }] : [])),
  );

  // Every lead, supporter and agency mention is resolved, most of them many
  // times over: each name is normalised and looked up once per place and run.
  const resolved = new Map<string, ResolvedAgency>();
  const agency = (name: string, document: Jurisdiction | null): ResolvedAgency => {
    const cacheKey = `${keyOf(document)}\u0000${name}`;
    let known = resolved.get(cacheKey);
    if (known === undefined) {
      const place = placeOf(name, document);
      const found = registries.get(keyOf(place))?.registry.resolve(name);
      known = found
        ? { id: qualify(found.id, place), name: found.name, aliases: [found.name, ...found.aliases], kind: found.kind, jurisdiction: place }
        : { id: agencyId(name, place), name, aliases: [name], kind: 'other', jurisdiction: place };
      resolved.set(cacheKey, known);
      // A mention resolved to its canonical name is looked up again by that name
      // (mentions, then the node): the same agency, when the name means the same place.
      const canonicalKey = `${keyOf(document)}\u0000${known.name}`;
      if (!resolved.has(canonicalKey) && keyOf(placeOf(known.name, document)) === keyOf(place)) resolved.set(canonicalKey, known);
    }
    return known;
  };
  const matcher = compileMatcher(gazetteer, agencyNames);
  const mentions = (text: string, baseOffset: number, document: Jurisdiction | null): Mention[] =>
    matcher.find(text, baseOffset).map((mention) => ({
      type: mention.type,
      name: mention.type === 'Agency' ? agency(mention.name, document).name : mention.name,
      written: mention.written,
      span: mention.span,
    }));
  const indicators = (sentence: Parameters<GraphContext['indicators']>[0], place: Jurisdiction | null): IndicatorFact[] =>
    extractFigureStatements(sentence, metricRules, place?.name ?? null).map((statement) => ({
      metric: statement.metric,
      kind: statement.kind,
      year: statement.year,
      value: statement.value,
      unit: statement.unit,
      measure: statement.measure,
      qualifier: statement.qualifier,
      upTo: statement.upTo,
      text: statement.text,
      span: statement.span,
    }));
  return {
    registry,
    renames,
    graphContext: { agency, mentions, indicators },
    stopwords,
  };
}
